import { useSyncExternalStore } from 'react';

/**
 * How long a reply or a forward waits in the outbox for the agent's Undo (as mail clients offer):
 * off, 5, 10, 20 or 30 seconds, 5 by default. Kept on this device, read defensively like the other
 * preferences: anything else stored gives the default.
 */
export const undoDelayKey = 'klikpay.undoSendSeconds';
export const undoDelays = [0, 5, 10, 20, 30] as const;
export type UndoDelay = (typeof undoDelays)[number];
export const defaultUndoDelay: UndoDelay = 5;

const listeners = new Set<() => void>();

export function readUndoDelay(): UndoDelay {
  let stored: string | null;
  try {
    stored = globalThis.localStorage.getItem(undoDelayKey);
  } catch {
    return defaultUndoDelay;
  }
  return undoDelays.find((d) => String(d) === stored) ?? defaultUndoDelay;
}

export function writeUndoDelay(delay: UndoDelay): void {
  try {
    if (delay === defaultUndoDelay) globalThis.localStorage.removeItem(undoDelayKey);
    else globalThis.localStorage.setItem(undoDelayKey, String(delay));
  } catch {
    // Storage refused (private mode, quota): the choice lasts until the page goes.
  }
  for (const l of listeners) l();
}

export function useUndoDelay(): UndoDelay {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, readUndoDelay);
}
