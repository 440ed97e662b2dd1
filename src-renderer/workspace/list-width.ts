/**
 * The width of the queue list beside the open dossier, as the agent set it with the separator between
 * them. Kept on this device; what is stored is read defensively: anything but a whole number of pixels
 * within bounds (another version's value, a hand edit, a refused storage) gives the default.
 */
export const listWidthKey = 'klikpay.listWidth';

export const listWidth = {
  /** Narrower, a row no longer shows its reference, customer and deadline. */
  min: 360,
  /** A queue row's columns whole; at 1280 px the dossier pane has the rest (527 px), more on wider screens. */
  initial: 520,
  /** The widest value taken from storage; the window may allow less (see `maxListWidth`). */
  stored: 2000,
  /** One arrow key; with Shift, `bigStep`. */
  step: 16,
  bigStep: 64,
} as const;

/** What the dossier pane keeps whatever the list's width (the same figure is in workspace.css). */
export const dossierPaneMin = 440;

export function readListWidth(): number {
  let stored: string | null;
  try {
    stored = globalThis.localStorage.getItem(listWidthKey);
  } catch {
    return listWidth.initial;
  }
  if (stored === null || !/^\d{1,5}$/.test(stored)) return listWidth.initial;
  const width = Number(stored);
  return width >= listWidth.min && width <= listWidth.stored ? width : listWidth.initial;
}

/** Stores the width; the default is stored as no entry, so a later default applies. */
export function writeListWidth(width: number): void {
  try {
    if (width === listWidth.initial) globalThis.localStorage.removeItem(listWidthKey);
    else globalThis.localStorage.setItem(listWidthKey, String(Math.round(width)));
  } catch {
    // Not kept: the width still applies until the window closes.
  }
}

/** The widest the list may be in a split this wide (unknown, 0: only the stored bound). */
export function maxListWidth(splitWidth: number, separatorWidth: number): number {
  if (splitWidth <= 0) return listWidth.stored;
  return Math.max(listWidth.min, Math.floor(splitWidth - separatorWidth - dossierPaneMin));
}

export const clampListWidth = (width: number, max: number): number =>
  Math.min(Math.max(Math.round(width), listWidth.min), max);
