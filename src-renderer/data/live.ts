import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { clockNow } from '../clock';
import { runCoalesced } from './coalesced';
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

/** How long the changes must pause before a background query runs again (at most 4 s after the first). */
export const backgroundSettleMs = 750;

/**
 * A live query over the cache: run again whenever what it reads may have changed (in this window or
 * another), and when the cache is rebuilt — coalesced, never abandoned mid-run (`runCoalesced`), so
 * it always ends even while a first sync streams pages in. Until its first answer it gives the
 * fallback; afterwards its last answer, while a new one is read. A failing read (the database closing
 * under a rebuild) gives the fallback rather than breaking the screen — and is logged and reported
 * (`useReadFailure`), so the agent is told the local copy could not be read instead of seeing an
 * empty list.
 */
export function useCacheQuery<T, F>(
  query: (desk: Desk) => Promise<T>,
  deps: readonly unknown[],
  fallback: F,
  options: {
    /** The tables whose changes make it run again, when not every table but the bookkeeping (data/coalesced.ts). */
    tables?: readonly string[];
    /** What the agent is looking at: runs first after a change (data/coalesced.ts). */
    urgent?: boolean;
    /**
     * A count or a list the screens can show a moment late: after a change it runs once the
     * changes pause (data/coalesced.ts, `settleMs`), never in the middle of a burst of them.
     */
    background?: boolean;
  } = {},
): T | F {
  const desk = useDesk();
  const key = useId();
  const [answer, setAnswer] = useState<{ value: T | F }>({ value: fallback });
  // The latest closure, so a run started by a change reads with the current inputs.
  const latest = useRef(query);
  useEffect(() => {
    latest.current = query;
  });
  useEffect(() => () => setReadFailure(key, null), [key]);
  useEffect(
    () => {
      const running = runCoalesced(
        desk.db.name,
        () => latest.current(desk),
        (value) => {
          setReadFailure(key, null);
          setAnswer({ value });
        },
        (error) => {
          // The database closing under a rebuild: the rebuild brings the data back, and says so.
          if (error instanceof Error && error.name === 'DatabaseClosedError') return;
          console.error('A read of the local copy failed', error);
          setReadFailure(key, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
          setAnswer({ value: fallback });
        },
        {
          ...(options.tables ? { wakes: (table: string) => options.tables?.includes(table) ?? false } : {}),
          urgent: options.urgent ?? false,
          ...(options.background ? { settleMs: backgroundSettleMs } : {}),
        },
      );
      return () => running.stop();
    },
    // The query's own inputs, plus the database it reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [desk.db, desk.generation, ...deps],
  );
  return answer.value;
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
