import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { clockNow } from '../clock';
import { useDesk } from './desk';
import type { Desk } from './desk';

/**
 * A live query over the cache: re-run whenever what it read changes (in this window or another),
 * and when the cache is rebuilt. A failing read (the database closing under a rebuild) gives the
 * fallback rather than breaking the screen; the rebuild brings the data back.
 */
export function useCacheQuery<T, F>(
  query: (desk: Desk) => Promise<T>,
  deps: readonly unknown[],
  fallback: F,
): T | F {
  const desk = useDesk();
  return useLiveQuery(
    async () => {
      try {
        return await query(desk);
      } catch {
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
