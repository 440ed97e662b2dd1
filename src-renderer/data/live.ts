import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { clockNow } from '../clock';
import { useDesk } from './desk';
import type { Desk } from './desk';

/**
 * The live queries whose last read failed, for the banner that says so: a failing read is never
 * taken for an empty queue. Each hook reports under its own key and clears it when it reads again.
 */
const failedReads = new Map<string, string>();
const failureListeners = new Set<() => void>();
let failureVersion = 0;

function setReadFailure(key: string, message: string | null): void {
  if (message === null ? !failedReads.delete(key) : failedReads.get(key) === message) return;
  if (message !== null) failedReads.set(key, message);
  failureVersion++;
  for (const listener of failureListeners) listener();
}

/** The first failing read's error, or null when every live query reads fine. */
export function useReadFailure(): string | null {
  useSyncExternalStore(
    (listener) => {
      failureListeners.add(listener);
      return () => failureListeners.delete(listener);
    },
    () => failureVersion,
  );
  return failedReads.values().next().value ?? null;
}

/**
 * A live query over the cache: re-run whenever what it read changes (in this window or another),
 * and when the cache is rebuilt. A failing read (the database closing under a rebuild) gives the
 * fallback rather than breaking the screen — but it is logged and reported (`useReadFailure`), so
 * the agent is told the local copy could not be read instead of seeing an empty list.
 */
export function useCacheQuery<T, F>(
  query: (desk: Desk) => Promise<T>,
  deps: readonly unknown[],
  fallback: F,
): T | F {
  const desk = useDesk();
  const key = useId();
  useEffect(() => () => setReadFailure(key, null), [key]);
  return useLiveQuery(
    async () => {
      try {
        const value = await query(desk);
        setReadFailure(key, null);
        return value;
      } catch (error) {
        // The database closing under a rebuild: the rebuild brings the data back, and says so.
        if (error instanceof Error && error.name === 'DatabaseClosedError') return fallback;
        console.error('A read of the local copy failed', error);
        setReadFailure(key, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
        return fallback;
      }
    },
    // The query's own inputs, plus the database it reads.
    [desk.db, desk.generation, ...deps],
    fallback,
  );
}

/**
 * The current time, moving in steps of `stepMs`: queues that depend on the clock (merchant overdue,
 * closing soon, snoozes) are recounted at each step, not at every frame.
 */
export function useSteppedNow(stepMs = 60_000): number {
  const [now, setNow] = useState(() => Math.floor(clockNow() / stepMs) * stepMs);
  useEffect(() => {
    const tick = () => setNow(Math.floor(clockNow() / stepMs) * stepMs);
    const timer = setInterval(tick, Math.min(stepMs, 15_000));
    return () => clearInterval(timer);
  }, [stepMs]);
  return now;
}
