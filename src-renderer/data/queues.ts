import type { DossierFilter, DossierSort, SavedView } from '../../src-shared/domain/filters';
import type { Dossier, Merchant, User } from '../../src-shared/domain/model';
import type { QueueId } from '../../src-shared/domain/queues';
import { queueIds } from '../../src-shared/domain/queues';
import type { QueryContext, QueueQuery } from '../cache/queues';
import { currenciesInCache, savedViews, tagsInCache } from '../cache/lists';
import { countMineOverdue, countQuery, idsQuery, pageQuery } from '../cache/queues';
import type { SearchAnswer } from '../cache/search-typos';
import { searchTolerant } from '../cache/search-typos';
import { searchIndexProgress } from '../cache/search-build';
import type { Desk } from './desk';
import { useCacheQuery } from './live';
import { untilReleased } from './coalesced';

/** The queues, as live data for the screens: counts, windows of rows, search, reference lists. */

/** Only a supervisor's copy keeps the dashboard's facts (as `LocalClient` has its sync take them). */
const keepsFacts = (desk: Desk): boolean => desk.user.role === 'supervisor';

/** What a queue query needs to know of the agent and the time. */
export const queryContext = (desk: Desk, now: number): QueryContext => ({
  now,
  viewer: { userId: desk.user.id },
  settings: desk.settings,
  facts: keepsFacts(desk) ? desk.facts : null,
});

/**
 * Whether this copy can answer the query: a filter on a figure of the deadlines met by week needs
 * the dashboard's facts. When it cannot, the queue says so (QueueList) and is never read or counted.
 */
export const answerableHere = (desk: Desk, query: QueueQuery): boolean =>
  query.filter?.deadlineWeek === undefined || keepsFacts(desk);

/**
 * What a query reads: the dashboard's facts too for a `deadlineWeek` filter (they are taken after
 * pulls), and what the agent has read for an `unread` one (opening a dossier takes it out).
 */
const tablesOf = (query: QueueQuery): string[] => [
  ...dossiersOnly,
  ...(query.filter?.deadlineWeek === undefined ? [] : ['facts']),
  ...(query.filter?.unread ? ['reads'] : []),
];

export type QueueCounts = Record<QueueId, number>;

/** What the queues read: a draft saved, a message or an outbox entry written never re-runs them. */
const dossiersOnly = ['dossiers'];

/** Every queue's count, live (null until the first answer). */
export function useQueueCounts(now: number): QueueCounts | null {
  return useCacheQuery(
    async (desk) => {
      const ctx = queryContext(desk, now);
      // One after another, not together: a change's write waits for one count, not ten
      // (data/coalesced.ts, the background turn); and none starts while a bulk action runs.
      const counts: number[] = [];
      for (const queue of queueIds) {
        await untilReleased();
        counts.push(await countQuery(desk.db, { queue }, ctx));
      }
      return Object.fromEntries(queueIds.map((q, i) => [q, counts[i] ?? 0])) as QueueCounts;
    },
    [now],
    null,
    { tables: dossiersOnly, background: true },
  );
}

/** How many of the agent's open dossiers are past a deadline, live (the app icon's badge). */
export function useMineOverdue(now: number): number | null {
  return useCacheQuery((desk) => countMineOverdue(desk.db, desk.user.id, now), [now], null, {
    tables: dossiersOnly,
    background: true,
  });
}

/**
 * How many dossiers a filtered queue holds, live; `null` for the query reads nothing (a queue
 * without a filter has its count among `useQueueCounts`: counting it again at every switch of
 * queue walked an index of the whole copy — 120 to 185 ms at 100,000 dossiers — ahead of its rows).
 */
export function useQueueCount(query: QueueQuery | null, now: number): number | null {
  const key = query ? queryKey(query) : '';
  const counted = useCacheQuery(
    async (desk) => ({
      key,
      count:
        query && answerableHere(desk, query)
          ? await countQuery(desk.db, query, queryContext(desk, now))
          : null,
    }),
    [key, now],
    null,
    { tables: query ? tablesOf(query) : [], background: true },
  );
  // Another queue's count (the live query's last answer) is not this queue's.
  return counted && counted.key === key ? counted.count : null;
}

/** Rows are read in blocks, so scrolling a virtual list asks for a few blocks, never the whole queue. */
export const rowBlock = 100;

/**
 * The rows of a queue between `start` and `end` (a virtual list's visible range), live. Returns the
 * block-aligned window it read, so the list can place rows while the next window loads.
 */
export function useQueueWindow(
  query: QueueQuery,
  now: number,
  start: number,
  end: number,
): { offset: number; rows: Dossier[] } | null {
  const from = Math.max(0, Math.floor(start / rowBlock) * rowBlock);
  const to = Math.max(from + rowBlock, Math.ceil(end / rowBlock) * rowBlock);
  const key = queryKey(query);
  const window = useCacheQuery(
    async (desk) => ({
      key,
      offset: from,
      rows: answerableHere(desk, query)
        ? await pageQuery(desk.db, query, queryContext(desk, now), { offset: from, limit: to - from })
        : [],
    }),
    [key, now, from, to],
    null,
    { tables: tablesOf(query), urgent: true },
  );
  // A live query keeps its last answer while the next one runs: another queue's rows must never
  // show (or be clicked) under this queue's title, so they count as not loaded yet.
  return window && window.key === key ? window : null;
}

/** Every member's id: "select all that match" for bulk actions. */
export function queryIds(desk: Desk, query: QueueQuery, now: number): Promise<string[]> {
  return idsQuery(desk.db, query, queryContext(desk, now));
}

/**
 * Local search as the agent types: every word must match the start of a word of the dossier; when
 * none does, a typo is forgiven and the answer says which words were read instead.
 */
export function useSearch(text: string, limit = 50): SearchAnswer | null {
  const trimmed = text.trim();
  return useCacheQuery(
    async (desk) => (trimmed ? searchTolerant(desk.db, trimmed, limit) : { dossiers: [], corrected: null }),
    [trimmed, limit],
    null,
    { tables: ['searchIndex', 'dossiers'], urgent: true },
  );
}

/** How far the search index of a first sync is built, 0–1; null once it is complete. */
export function useSearchIndexProgress(): number | null {
  return useCacheQuery(async (desk) => searchIndexProgress(desk.db), [], null, {
    tables: ['searchIndex', 'meta'],
  });
}

/** Klik & Pay staff, for assignment and the assignee filter. */
export function useStaff(): User[] {
  return useCacheQuery(
    async (desk) =>
      (await desk.db.users.toArray())
        .filter((u) => u.role === 'agent' || u.role === 'supervisor')
        .sort((a, b) => a.name.localeCompare(b.name)),
    [],
    [],
    { tables: ['users'] },
  );
}

export function useMerchants(): Merchant[] {
  return useCacheQuery(
    async (desk) => (await desk.db.merchants.toArray()).sort((a, b) => a.name.localeCompare(b.name)),
    [],
    [],
    { tables: ['merchants'] },
  );
}

/**
 * The agent's saved views (kept in their own cache: personal to them), as this version reads them:
 * amount bounds saved without a currency come back in EUR.
 */
export function useSavedViews(): SavedView[] {
  return useCacheQuery(async (desk) => savedViews(desk.db), [], [], { tables: ['views'] });
}

/** The currencies of the cached dossiers, most frequent first (read from an index: no document loaded). */
export function useCurrencies(): string[] {
  return useCacheQuery(
    async (desk) => (await currenciesInCache(desk.db)).map(({ currency }) => currency),
    [],
    [],
    { tables: dossiersOnly, background: true },
  );
}

/** A stable key for a query, so hooks re-run when its content changes, not its identity. */
export function queryKey(query: { queue: QueueId; filter?: DossierFilter; sort?: DossierSort }): string {
  return JSON.stringify([query.queue, query.filter ?? {}, query.sort ?? null]);
}

/** Every tag in use, for the tag filter (read from the tags index: no document is loaded). */
export function useKnownTags(): string[] {
  return useCacheQuery(async (desk) => tagsInCache(desk.db), [], [], {
    tables: dossiersOnly,
    background: true,
  });
}
