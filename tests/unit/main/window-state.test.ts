import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Rectangle } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DisplayArea, WindowState } from '../../../src-main/window-state';
import {
  loadWindowState,
  restoreBounds,
  saveWindowState,
  windowStateOf,
} from '../../../src-main/window-state';

/** Window placement against display layouts that change between sessions. */

const defaults = { width: 1280, height: 820 };
const display = (id: number, x: number, y: number, width: number, height: number): DisplayArea => ({
  id,
  workArea: { x, y, width, height },
});
// Primary 1920×1080 (taskbar 40 px at the bottom), a 2560×1440 monitor on its left, one above.
const primary = display(1, 0, 0, 1920, 1040);
const left = display(2, -2560, -200, 2560, 1400);
const above = display(3, 0, -1080, 1920, 1080);
const state = (displayId: number, bounds: Rectangle, extra: Partial<WindowState> = {}): WindowState => ({
  displayId,
  bounds,
  maximized: false,
  fullScreen: false,
  ...extra,
});

const fullyInside = (area: Rectangle, r: Rectangle) =>
  r.x >= area.x &&
  r.y >= area.y &&
  r.x + r.width <= area.x + area.width &&
  r.y + r.height <= area.y + area.height;

describe('restoreBounds', () => {
  it('centres the default size on the primary display the first time', () => {
    expect(restoreBounds(null, [primary, left], defaults)).toEqual({
      x: 320,
      y: 110,
      width: 1280,
      height: 820,
    });
  });

  it('uses the primary display it is told about, not the first one listed', () => {
    expect(restoreBounds(null, [left, primary], { ...defaults, primaryDisplayId: 1 })).toEqual({
      x: 320,
      y: 110,
      width: 1280,
      height: 820,
    });
    // An unknown primary id falls back to the first display.
    expect(restoreBounds(null, [primary], { ...defaults, primaryDisplayId: 99 }).x).toBe(320);
  });

  it('keeps a window that is still fully visible where it was', () => {
    const bounds = { x: 100, y: 50, width: 1000, height: 700 };
    expect(restoreBounds(state(1, bounds), [primary, left], defaults)).toEqual(bounds);
  });

  it('keeps a window on a left monitor with negative coordinates', () => {
    const bounds = { x: -2400, y: -150, width: 1600, height: 1000 };
    expect(restoreBounds(state(2, bounds), [primary, left], defaults)).toEqual(bounds);
  });

  it('keeps a window on a monitor above the primary', () => {
    const bounds = { x: 200, y: -1000, width: 1200, height: 800 };
    expect(restoreBounds(state(3, bounds), [primary, above], defaults)).toEqual(bounds);
  });

  it('recentres on the primary display when the saved display was removed', () => {
    const bounds = { x: -2400, y: -150, width: 1600, height: 1000 };
    expect(restoreBounds(state(2, bounds), [primary], defaults)).toEqual({
      x: 320,
      y: 110,
      width: 1280,
      height: 820,
    });
  });

  it('finds the display by its bounds when only its id changed', () => {
    const bounds = { x: -2400, y: -150, width: 1600, height: 1000 };
    const renumbered = { ...left, id: 42 };
    expect(restoreBounds(state(2, bounds), [primary, renumbered], defaults)).toEqual(bounds);
  });

  it('nudges a window hanging off the edge back inside the work area', () => {
    // Half off the right edge, and under the taskbar.
    const r = restoreBounds(state(1, { x: 1500, y: 600, width: 800, height: 600 }), [primary], defaults);
    expect(r).toEqual({ x: 1120, y: 440, width: 800, height: 600 });
  });

  it('brings back a window left partly on a monitor that moved', () => {
    const r = restoreBounds(
      state(2, { x: -300, y: 100, width: 800, height: 600 }),
      [primary, left],
      defaults,
    );
    expect(r).toEqual({ x: -800, y: 100, width: 800, height: 600 });
    expect(fullyInside(left.workArea, r)).toBe(true);
  });

  it('recentres a window that no longer touches its display', () => {
    const moved = display(2, 1920, 0, 1920, 1040); // the left monitor now sits on the right
    const r = restoreBounds(
      state(2, { x: -2400, y: -150, width: 1600, height: 1000 }),
      [primary, moved],
      defaults,
    );
    expect(r).toEqual({ x: 320, y: 110, width: 1280, height: 820 });
  });

  it('shrinks a window to a smaller resolution', () => {
    const laptop = display(1, 0, 25, 1440, 875); // macOS: menu bar at the top, dock at the bottom
    const r = restoreBounds(state(1, { x: 0, y: 0, width: 1920, height: 1040 }), [laptop], defaults);
    expect(r).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
  });

  it('fits a tiny screen, with or without a saved state', () => {
    const tiny = display(7, 0, 0, 800, 560);
    expect(restoreBounds(null, [tiny], defaults)).toEqual({ x: 0, y: 0, width: 800, height: 560 });
    const r = restoreBounds(state(7, { x: 300, y: 300, width: 1280, height: 820 }), [tiny], defaults);
    expect(r).toEqual({ x: 0, y: 0, width: 800, height: 560 });
  });

  it('is fully visible for every saved position on a three-display layout', () => {
    const displays = [primary, left, above];
    for (let x = -4000; x <= 4000; x += 450) {
      for (let y = -2500; y <= 2500; y += 450) {
        for (const id of [1, 2, 3, 9]) {
          const r = restoreBounds(state(id, { x, y, width: 1300, height: 900 }), displays, defaults);
          expect(displays.some((d) => fullyInside(d.workArea, r))).toBe(true);
        }
      }
    }
  });

  it('does not fail without displays', () => {
    expect(restoreBounds(null, [], defaults)).toEqual({ x: 0, y: 0, width: 1280, height: 820 });
  });
});

describe('windowStateOf', () => {
  it('saves the normal bounds, the display and the maximised/full-screen flags', () => {
    const window = {
      getNormalBounds: () => ({ x: -2400.4, y: -150, width: 1600, height: 1000.6 }),
      isMaximized: () => true,
      isFullScreen: () => false,
    };
    const seen: Rectangle[] = [];
    const s = windowStateOf(window, (bounds) => {
      seen.push(bounds);
      return { id: 2 };
    });
    expect(s).toEqual({
      displayId: 2,
      bounds: { x: -2400, y: -150, width: 1600, height: 1001 },
      maximized: true,
      fullScreen: false,
    });
    expect(seen).toHaveLength(1);
  });
});

describe('loadWindowState / saveWindowState', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'klikpay-window-state-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips a state, including maximised and full screen', () => {
    const file = join(dir, 'nested', 'window-state.json');
    const saved = state(
      2,
      { x: -2400, y: -150, width: 1600, height: 1000 },
      { maximized: true, fullScreen: true },
    );
    expect(saveWindowState(file, saved)).toBe(true);
    expect(loadWindowState(file)).toEqual(saved);
    // No temporary file is left behind.
    expect(readdirSync(join(dir, 'nested'))).toEqual(['window-state.json']);
  });

  it('replaces a previous state', () => {
    const file = join(dir, 'window-state.json');
    saveWindowState(file, state(1, { x: 1, y: 2, width: 300, height: 400 }));
    saveWindowState(file, state(1, { x: 5, y: 6, width: 700, height: 800 }));
    expect(loadWindowState(file)?.bounds).toEqual({ x: 5, y: 6, width: 700, height: 800 });
  });

  it.each([
    ['missing', null],
    ['empty', ''],
    ['truncated', '{"displayId": 1, "bounds": {"x": 0'],
    ['not an object', '[1, 2, 3]'],
    [
      'a wrong type',
      '{"displayId":1,"bounds":{"x":"0","y":0,"width":10,"height":10},"maximized":false,"fullScreen":false}',
    ],
    [
      'a zero width',
      '{"displayId":1,"bounds":{"x":0,"y":0,"width":0,"height":10},"maximized":false,"fullScreen":false}',
    ],
    [
      'a fraction',
      '{"displayId":1,"bounds":{"x":0.5,"y":0,"width":10,"height":10},"maximized":false,"fullScreen":false}',
    ],
    ['a missing flag', '{"displayId":1,"bounds":{"x":0,"y":0,"width":10,"height":10},"maximized":false}'],
  ])('reads a %s file as no state, and the window opens with the defaults', (_why, content) => {
    const file = join(dir, 'window-state.json');
    if (content !== null) writeFileSync(file, content);
    expect(loadWindowState(file)).toBeNull();
    expect(restoreBounds(loadWindowState(file), [primary], defaults)).toEqual({
      x: 320,
      y: 110,
      width: 1280,
      height: 820,
    });
  });

  it('refuses to save an invalid state, and keeps the previous file', () => {
    const file = join(dir, 'window-state.json');
    const good = state(1, { x: 1, y: 2, width: 300, height: 400 });
    saveWindowState(file, good);
    expect(saveWindowState(file, state(1, { x: 0, y: 0, width: Number.NaN, height: 10 }))).toBe(false);
    expect(loadWindowState(file)).toEqual(good);
  });

  it('answers false rather than throwing when the directory cannot be written', () => {
    // A directory under a regular file cannot be made, whatever the user's rights (root included).
    const blocker = join(dir, 'not-a-directory');
    writeFileSync(blocker, 'x');
    const file = join(blocker, 'window-state.json');
    expect(saveWindowState(file, state(1, { x: 0, y: 0, width: 10, height: 10 }))).toBe(false);
    expect(loadWindowState(file)).toBeNull();
    expect(readdirSync(dir)).toEqual(['not-a-directory']);
  });

  it('writes JSON a person can read', () => {
    const file = join(dir, 'window-state.json');
    saveWindowState(file, state(1, { x: 0, y: 0, width: 10, height: 10 }));
    expect(readFileSync(file, 'utf8')).toContain('\n  "bounds": {');
  });
});
