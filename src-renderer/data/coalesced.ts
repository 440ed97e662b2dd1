import { Dexie } from 'dexie';

/**
 * A query over the cache kept up to date the way a busy cache needs: it runs again when the tables
 * change, but never more than once at a time, and never by abandoning a run in progress. Changes
 * that arrive during a run are coalesced into one more run after it, no sooner than the last run
 * took (so a slow query takes at most about half the time while pages of a first sync stream in).
 *
 * Dexie's own live queries abort and restart a query at every overlapping write: under a first sync
 * writing a page every few hundred milliseconds, a query slower than that never finished and the
 * queue showed "Loading…" until the sync was over.
 */

export interface CoalescedQuery {
  stop(): void;
}

/**
 * Runs of the queries that show what the agent is looking at (the open dossier, the rows on screen,
 * search results). After a change the others (counts, lists of names) wait for these to end and a
 * frame to pass, so an action shows at once instead of queueing behind ten counts.
 */
const urgentRuns = new Set<Promise<void>>();
/** Urgent runs scheduled but not started yet (waiting for their turn after a change). */
let urgentWaiting = 0;

/**
 * The background queries' single turn: one of them reads at a time. IndexedDB runs a store's
 * requests one after another, and a write waits for every read begun before it: the dozen counts
 * that follow a change, read together, held a colleague's next change (its pull page, then its
 * row) behind all of them — 1.4 s at 100,000 dossiers. Taking turns, a write or an urgent read
 * waits for one of them at most.
 */
let backgroundTurn: Promise<void> = Promise.resolve();

function inBackgroundTurn<T>(work: () => Promise<T>): Promise<T> {
  const mine = backgroundTurn.then(work);
  backgroundTurn = mine.then(
    () => undefined,
    () => undefined,
  );
  return mine;
}

/**
 * While a bulk action runs, the queries that are not urgent wait: each of its slices is one write
 * to the dossiers, and a count begun before it holds it back (IndexedDB lets a write start only
 * once the reads before it end) — a bulk close of 1,000 spent half its time behind the counts, the
 * outbox's figures and the lists of names, none of which the agent looks at while it runs. The
 * rows on screen (urgent) still follow each slice. Once the last hold is released they run once.
 */
let holds = 0;
let onReleased: (() => void)[] = [];

export function holdBackgroundReads(): () => void {
  holds++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds--;
    if (holds > 0) return;
    const waiting = onReleased;
    onReleased = [];
    for (const wake of waiting) wake();
  };
}

/** Resolves once no bulk action holds the reads back: a long background query waits here between its steps. */
export const untilReleased = async (): Promise<void> => {
  while (holds > 0) await new Promise<void>((wake) => onReleased.push(wake));
};

export interface CoalescedOptions {
  /** The tables whose changes make it run again (default: all but the bookkeeping, `everyTableButBookkeeping`). */
  wakes?: (table: string) => boolean;
  urgent?: boolean;
  /**
   * For a background query (counts, lists for the filters): after a change, wait until the changes
   * have paused this long before running again — but never longer than `settleMaxMs` in all.
   * Counting a queue of 100,000 dossiers walks its index for hundreds of milliseconds, and every
   * read and write of the cache waits behind it: run after each of a burst of changes, the counts
   * held the next change's pull (and the row it updates) for a second.
   */
  settleMs?: number;
  settleMaxMs?: number;
  now?: () => number;
}

/**
 * The tables a query runs again for, when it does not say: all but the sync's bookkeeping (`meta`),
 * the search index (written slice by slice after a first sync: only searches care) and the drafts
 * (saved as the agent types: a query that reads them says so) and the dashboard's facts (taken in the
 * background after pulls: the dashboard follows them itself, data/facts-mirror.ts).
 */
const bookkeeping = new Set(['meta', 'searchIndex', 'drafts', 'facts', 'factsDirty']);
export const everyTableButBookkeeping = (table: string): boolean => !bookkeeping.has(table);

export function runCoalesced<T>(
  dbName: string,
  query: () => Promise<T>,
  onValue: (value: T) => void,
  onError: (error: unknown) => void,
  {
    wakes = everyTableButBookkeeping,
    urgent = false,
    settleMs = 0,
    settleMaxMs = 4_000,
    now = () => performance.now(),
  }: CoalescedOptions = {},
): CoalescedQuery {
  const prefix = `idb://${dbName}/`;
  // Its fields change while a run awaits: read them through `live()`, never narrowed.
  const s = {
    stopped: false,
    running: false,
    again: false,
    timer: null as ReturnType<typeof setTimeout> | null,
    lastStart: 0,
    lastDuration: 0,
    /** When the first change not yet read arrived (a settling query waits from there at most `settleMaxMs`). */
    firstChangeAt: null as number | null,
  };

  const live = (): typeof s => s;

  const run = async (): Promise<void> => {
    if (s.stopped) return;
    s.running = true;
    if (urgent) {
      const done = execute();
      urgentRuns.add(done);
      await done;
      urgentRuns.delete(done);
    } else {
      await (settleMs > 0 ? inBackgroundTurn(afterUrgentRuns) : afterUrgentRuns());
    }
  };

  // The urgent runs set off by the same change start first, and their result is painted.
  const afterUrgentRuns = async (): Promise<void> => {
    await new Promise((turn) => setTimeout(turn, 0));
    let waited = false;
    while (urgentRuns.size > 0 || urgentWaiting > 0) {
      waited = true;
      if (urgentRuns.size > 0) await Promise.all([...urgentRuns]);
      else await new Promise((turn) => setTimeout(turn, 4));
    }
    if (waited) await new Promise((frame) => setTimeout(frame, 16));
    await untilReleased();
    await execute();
  };

  const execute = async (): Promise<void> => {
    // Stopped while it waited for its turn: nothing to read for.
    if (live().stopped) {
      s.running = false;
      return;
    }
    s.again = false;
    s.firstChangeAt = null;
    s.lastStart = now();
    try {
      const value = await query();
      if (!live().stopped) onValue(value);
    } catch (error) {
      if (!live().stopped) onError(error);
    } finally {
      s.lastDuration = now() - s.lastStart;
      s.running = false;
      if (live().again && !live().stopped) schedule();
    }
  };

  const schedule = (): void => {
    if (s.stopped) return;
    if (s.running) {
      s.again = true;
      return;
    }
    const at = now();
    s.firstChangeAt ??= at;
    if (s.timer !== null) {
      if (settleMs === 0) return;
      // A settling query starts its wait again at each change, up to its longest wait.
      clearTimeout(s.timer);
      s.timer = null;
      if (urgent) urgentWaiting--;
    }
    const paced = Math.max(0, Math.min(1_000, s.lastStart + 2 * s.lastDuration - at));
    const settled = Math.min(settleMs, Math.max(0, s.firstChangeAt + settleMaxMs - at));
    const wait = Math.max(paced, settled);
    if (urgent) urgentWaiting++;
    s.timer = setTimeout(() => {
      s.timer = null;
      if (urgent) urgentWaiting--;
      void run();
    }, wait);
  };

  const onMutation = (parts: Record<string, unknown>): void => {
    for (const key of Object.keys(parts)) {
      if (!key.startsWith(prefix)) continue;
      const table = key.slice(prefix.length).split('/')[0] ?? '';
      if (wakes(table)) {
        schedule();
        return;
      }
    }
  };

  Dexie.on('storagemutated', onMutation);
  void run();
  return {
    stop() {
      s.stopped = true;
      if (s.timer !== null) {
        clearTimeout(s.timer);
        if (urgent) urgentWaiting--;
      }
      Dexie.on('storagemutated').unsubscribe(onMutation);
    },
  };
}
