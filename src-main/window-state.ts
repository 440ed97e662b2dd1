import { readFileSync } from 'node:fs';
import type { BrowserWindow, Display, Rectangle } from 'electron';
import { z } from 'zod';
import { writeFileAtomicSync } from './atomic-file';

/**
 * The main window comes back where the agent left it — same display, size and position, maximised
 * or full screen — unless that place no longer exists (monitor unplugged, resolution lowered, a
 * laptop undocked): then it opens fully visible rather than off-screen, where it could not even be
 * dragged back.
 */

/** Coordinates are DIPs of the virtual screen: a monitor left of or above the primary is negative. */
const coordinate = z.int().min(-1_000_000).max(1_000_000);
const length = z.int().min(1).max(1_000_000);

export const windowStateSchema = z.object({
  /** `Display.id` of the display the window was on. */
  displayId: z.number(),
  /** The normal (restored) bounds, also for a maximised or full-screen window. */
  bounds: z.object({ x: coordinate, y: coordinate, width: length, height: length }),
  maximized: z.boolean(),
  fullScreen: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export type DisplayArea = Pick<Display, 'id' | 'workArea'>;

export interface WindowDefaults {
  width: number;
  height: number;
  /** `screen.getPrimaryDisplay().id`; when absent or unknown, the first of `displays` is primary. */
  primaryDisplayId?: number;
}

const contains = (outer: Rectangle, inner: Rectangle): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

const intersects = (a: Rectangle, b: Rectangle): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), max);

/** The default size, shrunk to the work area if need be, centred in it. */
function centred(area: Rectangle, defaults: WindowDefaults): Rectangle {
  const width = Math.min(defaults.width, area.width);
  const height = Math.min(defaults.height, area.height);
  return {
    x: area.x + Math.floor((area.width - width) / 2),
    y: area.y + Math.floor((area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Bounds to open the window with, fully inside one display's work area (no part under the taskbar
 * or the menu bar, none off-screen).
 *
 * - The saved display is looked up by id; if the id is gone but the saved bounds still lie wholly
 *   on one display, that one is used (Windows renumbers displays after a reconnection).
 * - On that display, the size is clamped to the work area and the window nudged inside it. If the
 *   saved bounds do not touch the display at all (its arrangement changed), or no display fits,
 *   the window opens centred on the primary display with the default size.
 * - The size can end up below the window's minimum size on a tiny screen; BrowserWindow's
 *   `minWidth`/`minHeight` win then, and the user can still move it.
 */
export function restoreBounds(
  saved: WindowState | null,
  displays: readonly DisplayArea[],
  defaults: WindowDefaults,
): Rectangle {
  const primary = displays.find((d) => d.id === defaults.primaryDisplayId) ?? displays[0];
  if (!primary) return { x: 0, y: 0, width: defaults.width, height: defaults.height };
  if (!saved) return centred(primary.workArea, defaults);

  const display =
    displays.find((d) => d.id === saved.displayId) ??
    displays.find((d) => contains(d.workArea, saved.bounds));
  if (!display || !intersects(display.workArea, saved.bounds)) return centred(primary.workArea, defaults);

  const area = display.workArea;
  const width = Math.min(saved.bounds.width, area.width);
  const height = Math.min(saved.bounds.height, area.height);
  return {
    x: clamp(saved.bounds.x, area.x, area.x + area.width - width),
    y: clamp(saved.bounds.y, area.y, area.y + area.height - height),
    width,
    height,
  };
}

/**
 * The state to save from a window, as it is about to close. `displayOf` is
 * `screen.getDisplayMatching`: the display holding most of the window.
 */
export function windowStateOf(
  window: Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized' | 'isFullScreen'>,
  displayOf: (bounds: Rectangle) => Pick<Display, 'id'>,
): WindowState {
  const bounds = window.getNormalBounds();
  return {
    displayId: displayOf(bounds).id,
    bounds: {
      x: Math.round(bounds.x),
      y: Math.round(bounds.y),
      width: Math.round(bounds.width),
      height: Math.round(bounds.height),
    },
    maximized: window.isMaximized(),
    fullScreen: window.isFullScreen(),
  };
}

/**
 * The saved state, or null when there is none or it cannot be trusted (unreadable, not JSON, the
 * wrong shape): the window then opens with the defaults — a lost placement is no reason to fail.
 */
export function loadWindowState(file: string): WindowState | null {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Saves the state atomically (see writeFileAtomicSync). Returns false instead of throwing: it runs
 * while the window closes, where a full disk must not turn into an error dialog.
 */
export function saveWindowState(file: string, state: WindowState): boolean {
  const parsed = windowStateSchema.safeParse(state);
  if (!parsed.success) return false;
  try {
    writeFileAtomicSync(file, `${JSON.stringify(parsed.data, null, 2)}\n`);
    return true;
  } catch {
    return false;
  }
}
