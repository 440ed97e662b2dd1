import fc from 'fast-check';
import { expect } from 'vitest';
import type { CacheDatabase } from '../../src-renderer/cache/db';
import type { QueryContext, QueueQuery } from '../../src-renderer/cache/queues';
import { countQuery, idsQuery, pageQuery } from '../../src-renderer/cache/queues';
import type { DossierSort } from '../../src-shared/domain/filters';
import { sortKeys } from '../../src-shared/domain/filters';
import type { Dossier } from '../../src-shared/domain/model';
import type { QueueId, Viewer } from '../../src-shared/domain/queues';
import { inQueue, urgentAt } from '../../src-shared/domain/queues';
import { defaultSettings } from '../../src-shared/domain/settings';
import { oracleMatches, oracleOrder } from '../unit/filter-oracle';

/** The planner's answers to one query, checked against the rules and the filter's oracle. */

const sortValue = (s: DossierSort, d: Dossier, queue: QueueId): number | string =>
  s.key === 'urgency'
    ? queue === 'recently_closed'
      ? // Recently closed: the latest closure first.
        -Date.parse(d.closure?.at ?? '')
      : (urgentAt(d) ?? Number.MAX_SAFE_INTEGER)
    : s.key === 'amount'
      ? d.transaction.amount
      : d[s.key];

export const sortArbitrary: fc.Arbitrary<DossierSort> = fc.record({
  key: fc.constantFrom(...sortKeys),
  direction: fc.constantFrom('asc' as const, 'desc' as const),
});

/**
 * Count, both pages and ids of a query equal the queue's rule and the filter's oracle applied to
 * every dossier (`all`), read at `at`; pages come in the sort's order (ties either way between an
 * index walk and a sort in memory).
 */
export async function checkQuery(
  db: CacheDatabase,
  all: readonly Dossier[],
  query: Required<QueueQuery>,
  {
    at,
    viewer,
    sortInMemoryUpTo,
    unread,
  }: { at: number; viewer: Viewer; sortInMemoryUpTo: number; unread?: ReadonlySet<string> },
): Promise<void> {
  const { queue, filter: f, sort: s } = query;
  // The planner reads what is unread from the cache itself; the oracle is told.
  const ctx: QueryContext = { now: at, viewer, settings: defaultSettings, sortInMemoryUpTo };
  const seen = { viewer, now: at, settings: defaultSettings, ...(unread ? { unread } : {}) };
  const expected = all
    .filter((d) => inQueue(queue, d, at, viewer, defaultSettings) && oracleMatches(d, f, seen))
    .sort((a, b) => oracleOrder(s, queue, a, b));
  expect(await countQuery(db, query, ctx)).toBe(expected.length);
  const first = await pageQuery(db, query, ctx, { offset: 0, limit: 7 });
  const rest = await pageQuery(db, query, ctx, { offset: 7, limit: 10_000 });
  const got = [...first, ...rest];
  expect(got.map((d) => d.id).sort()).toEqual(expected.map((d) => d.id).sort());
  for (let i = 1; i < got.length; i++) {
    const [a, b] = [got[i - 1], got[i]];
    if (!a || !b) continue;
    const [va, vb] = [sortValue(s, a, queue), sortValue(s, b, queue)];
    expect(s.direction === 'asc' ? va <= vb : va >= vb, `${queue} ${s.key} ${s.direction} at ${i}`).toBe(
      true,
    );
  }
  expect((await idsQuery(db, query, ctx)).sort()).toEqual(expected.map((d) => d.id).sort());
}
