import { useCallback, useSyncExternalStore } from 'react';
import { clockNow } from '../clock';

/**
 * A shared ticking clock: every component asking for the same interval reads one timer, so a list
 * of a hundred countdowns re-renders together once a tick instead of running a hundred timers.
 */
interface Clock {
  now: number;
  listeners: Set<() => void>;
  timer: ReturnType<typeof setInterval> | null;
}

const clocks = new Map<number, Clock>();

function clockFor(intervalMs: number): Clock {
  let clock = clocks.get(intervalMs);
  if (!clock) {
    clock = { now: clockNow(), listeners: new Set(), timer: null };
    clocks.set(intervalMs, clock);
  }
  return clock;
}

function subscribe(intervalMs: number, listener: () => void): () => void {
  const clock = clockFor(intervalMs);
  clock.listeners.add(listener);
  if (clock.timer === null) {
    // A clock that slept while nobody watched starts from the present.
    clock.now = clockNow();
    clock.timer = setInterval(() => {
      clock.now = clockNow();
      for (const l of clock.listeners) l();
    }, intervalMs);
  }
  return () => {
    clock.listeners.delete(listener);
    if (clock.listeners.size === 0 && clock.timer !== null) {
      clearInterval(clock.timer);
      clock.timer = null;
    }
  };
}

/** The current time in milliseconds, refreshed every `intervalMs` (default 30 s). */
export function useNow(intervalMs = 30_000): number {
  // Stable per interval: a new subscribe function would restart the timer on every render.
  const watch = useCallback((listener: () => void) => subscribe(intervalMs, listener), [intervalMs]);
  const read = useCallback(() => clockFor(intervalMs).now, [intervalMs]);
  return useSyncExternalStore(watch, read);
}
