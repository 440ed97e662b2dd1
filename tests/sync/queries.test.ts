import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoWorld } from './demo-world';
import { demoClock, startDemoWorld, stopDemoWorld } from './demo-world';
import type { QueryContext, QueueQuery } from '../../src-renderer/cache/queues';
import { currenciesInCache } from '../../src-renderer/cache/lists';
import { countQuery, idsQuery, pageQuery } from '../../src-renderer/cache/queues';
import type { DossierFilter } from '../../src-shared/domain/filters';
import { deadlineFilters, dossierFilterSchema } from '../../src-shared/domain/filters';
import type { Dossier } from '../../src-shared/domain/model';
import { addBusinessDays } from '../../src-shared/domain/calendar';
import { inQueue, queueIds, urgentAt } from '../../src-shared/domain/queues';
import { defaultSettings } from '../../src-shared/domain/settings';
import type { StatsOverview } from '../../src-shared/domain/stats';
import { BREACH_IDS_CAP } from '../../src-shared/domain/stats';
import { reasonSchema, subjectSchema } from '../../src-shared/domain/vocabulary';
import type { TestServer } from '../server/harness';
import { oracleMatches, oracleOrder } from '../unit/filter-oracle';
import { checkQuery as checkQueryOn, sortArbitrary } from './query-check';
import { documentsReadThrough, watchReads } from './reads';

/**
 * Filters and sorts over the cache, against the rules on the demo workload: whatever the queue,
 * filter and order, the planner's count, pages and ids equal the queue's predicate and the filter's
 * oracle (`tests/unit/filter-oracle.ts`, written from the filter's meaning, not `matchesFilter`,
 * which the planner itself calls) applied to every dossier — by index walk and by in-memory sort
 * alike, through the queue's index, the currency-and-amount one or a deadline's.
 */

let server: TestServer;
let client: DemoWorld['client'];
let all: Dossier[];
const now = Date.parse(demoClock);
const viewer = { userId: 'u-agent' };
const seen = { viewer, now, settings: defaultSettings };

beforeAll(async () => {
  ({ server, client, all } = await startDemoWorld());
});
afterAll(() => stopDemoWorld({ server }));

/** See `checkQuery` (query-check.ts), over this file's client and demo dossiers, read at `at`. */
const checkQuery = (query: Required<QueueQuery>, sortInMemoryUpTo: number, at = now) =>
  checkQueryOn(client.db, all, query, { at, viewer, sortInMemoryUpTo });

/** Values of each field of a filter, drawn from the demo data (and a currency no dossier is in). */
function filterFields() {
  const merchants = [...new Set(all.map((d) => d.transaction.merchantId))];
  const tags = [...new Set(all.flatMap((d) => d.tags))];
  const currencies = [...new Set(all.map((d) => d.transaction.currency))];
  expect(currencies.length, 'the demo data should hold several currencies').toBeGreaterThan(2);
  return {
    subjects: fc.subarray([...subjectSchema.options]),
    reasons: fc.subarray([...reasonSchema.options]),
    merchantIds: fc.subarray(merchants, { maxLength: 3 }),
    // CAD: a currency no dossier is in.
    currency: fc.constantFrom(...currencies, 'CAD'),
    amountMin: fc.integer({ min: 0, max: 20_000 }),
    amountMax: fc.integer({ min: 5_000, max: 200_000 }),
    // Two tags: a dossier with one of them only is left out (every tag listed must be there).
    tags: fc.subarray(tags, { maxLength: 2 }),
    assignee: fc.constantFrom('me' as const, 'none' as const, 'u-agent2'),
    deadline: fc.constantFrom(...deadlineFilters),
  };
}

const checkAny = (filter: fc.Arbitrary<DossierFilter>, numRuns: number) =>
  fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...queueIds),
      filter,
      sortArbitrary,
      fc.constantFrom(0, 10_000),
      async (queue, f, s, sortInMemoryUpTo) => checkQuery({ queue, filter: f, sort: s }, sortInMemoryUpTo),
    ),
    { numRuns },
  );

describe('filtered and sorted queues over the cache', () => {
  it('count, pages and ids equal the rules and the filter oracle for any queue, filter and order', async () => {
    // Bounds without a currency are filters saved before the currency was part of it (read in EUR).
    await checkAny(fc.record(filterFields(), { requiredKeys: [] }), 200);
  }, 120_000);

  it('the same for each field of the filter alone', async () => {
    const f = filterFields();
    const alone: fc.Arbitrary<DossierFilter> = fc.oneof(
      f.subjects.map((subjects) => ({ subjects })),
      f.reasons.map((reasons) => ({ reasons })),
      f.merchantIds.map((merchantIds) => ({ merchantIds })),
      f.currency.map((currency) => ({ currency })),
      fc.record(
        { currency: f.currency, amountMin: f.amountMin, amountMax: f.amountMax },
        { requiredKeys: [] },
      ),
      f.tags.map((tags) => ({ tags })),
      f.assignee.map((assignee) => ({ assignee })),
      f.deadline.map((deadline) => ({ deadline })),
    );
    await checkAny(alone, 150);
  }, 120_000);

  it('the same for a deadline, alone or with the agent the dashboard is filtered to', async () => {
    // The demo holds dossiers of every breach figure: each filter keeps some and leaves out others.
    for (const deadline of deadlineFilters) {
      const kept = all.filter((d) => oracleMatches(d, { deadline }, seen)).length;
      expect(kept, deadline).toBeGreaterThan(0);
      expect(kept, deadline).toBeLessThan(all.length);
    }
    const f = filterFields();
    const filter: fc.Arbitrary<DossierFilter> = fc.record(
      {
        deadline: f.deadline,
        assignee: fc.constantFrom('u-agent', 'u-agent2', 'none'),
        subjects: f.subjects,
      },
      { requiredKeys: ['deadline'] },
    );
    await checkAny(filter, 120);
  }, 120_000);

  it('the same read at a deadline, or a millisecond before it: both ends of each range', async () => {
    // At a deadline Klik & Pay or the merchant is late; a millisecond before, not yet.
    const deadlines = [...new Set(all.flatMap((d) => (d.dueAt === null ? [] : [Date.parse(d.dueAt)])))];
    expect(deadlines.length).toBeGreaterThan(10);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...queueIds),
        fc.constantFrom(...deadlineFilters),
        sortArbitrary,
        fc.constantFrom(0, 10_000),
        fc.constantFrom(...deadlines),
        fc.constantFrom(0, -1),
        async (queue, deadline, s, sortInMemoryUpTo, due, shift) =>
          checkQuery({ queue, filter: { deadline }, sort: s }, sortInMemoryUpTo, due + shift),
      ),
      { numRuns: 120 },
    );
  }, 120_000);

  it('the same for a currency and its amount range alone, bounds on real amounts included', async () => {
    const amountsIn = new Map<string, number[]>();
    for (const d of all) {
      amountsIn.set(d.transaction.currency, [
        ...(amountsIn.get(d.transaction.currency) ?? []),
        d.transaction.amount,
      ]);
    }
    const filter: fc.Arbitrary<DossierFilter> = fc.constantFrom(...amountsIn.keys()).chain((currency) => {
      const bound = fc.constantFrom(...(amountsIn.get(currency) ?? [0]));
      return fc.record(
        { currency: fc.constant(currency), amountMin: bound, amountMax: bound },
        { requiredKeys: ['currency'] },
      );
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...queueIds),
        filter,
        sortArbitrary,
        fc.constantFrom(0, 10_000),
        async (queue, f, s, sortInMemoryUpTo) => {
          expect(dossierFilterSchema.safeParse(f).success).toBe(true);
          await checkQuery({ queue, filter: f, sort: s }, sortInMemoryUpTo);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('the same for new replies, alone or with other fields, whichever dossiers are unread', async () => {
    const f = filterFields();
    const ids = all.map((d) => d.id);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...queueIds),
        fc.subarray(ids, { maxLength: 40 }),
        fc.record({ subjects: f.subjects, assignee: f.assignee, deadline: f.deadline }, { requiredKeys: [] }),
        sortArbitrary,
        fc.constantFrom(0, 10_000),
        async (queue, unreadIds, rest, s, sortInMemoryUpTo) => {
          await client.db.reads.clear();
          // Some marks are read ones (no `newSince`): they must not count.
          await client.db.reads.bulkPut([
            ...unreadIds.map((dossierId) => ({ dossierId, newSince: '2026-11-24T09:00:00.000Z' })),
            ...ids
              .slice(0, 5)
              .filter((id) => !unreadIds.includes(id))
              .map((dossierId) => ({ dossierId })),
          ]);
          await checkQueryOn(
            client.db,
            all,
            { queue, filter: { ...rest, unread: true }, sort: s },
            { at: now, viewer, sortInMemoryUpTo, unread: new Set(unreadIds) },
          );
        },
      ),
      { numRuns: 120 },
    );
    await client.db.reads.clear();
  }, 120_000);
});

/** Another connection to the client's cache that records every read of the dossiers table. */
const watched = () => watchReads(client.db.name);

const currencyAmount = '[transaction.currency+transaction.amount]';
/** A query's members by the queue's rule and the filter's oracle, in the oracle's order. */
const expectedOf = (query: QueueQuery) =>
  all
    .filter(
      (d) =>
        inQueue(query.queue, d, now, viewer, defaultSettings) && oracleMatches(d, query.filter ?? {}, seen),
    )
    .sort((a, b) => oracleOrder(query.sort ?? { key: 'urgency', direction: 'asc' }, query.queue, a, b));

describe('the amount filter over the currency-and-amount index', () => {
  const ctx: QueryContext = { now, viewer, settings: defaultSettings };
  const byUse = () => {
    const counts = new Map<string, number>();
    for (const d of all) counts.set(d.transaction.currency, (counts.get(d.transaction.currency) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  };

  it('lists the cached currencies most frequent first, from the index alone', async () => {
    const { db, reads } = watched();
    expect(await currenciesInCache(db)).toEqual(byUse().map(([currency, count]) => ({ currency, count })));
    expect(byUse()[0]?.[0]).toBe('EUR');
    expect(documentsReadThrough(reads)).toEqual([]);
    db.close();
  });

  it('counts a currency’s amount range over every dossier without reading one', async () => {
    const { db, reads } = watched();
    const query: QueueQuery = {
      queue: 'all',
      filter: { currency: 'JPY', amountMin: 1_000, amountMax: 60_000 },
    };
    const expected = expectedOf(query);
    expect(expected.length).toBeGreaterThan(0);
    expect(await countQuery(db, query, ctx)).toBe(expected.length);
    expect(reads).toEqual([{ op: 'count', index: currencyAmount, values: false }]);
    db.close();
  });

  it('reads a rare currency’s range rather than a larger queue', async () => {
    const [rare] = byUse().at(-1) ?? [];
    const query: QueueQuery = { queue: 'unassigned', filter: { currency: rare } };
    const inRange = all.filter((d) => d.transaction.currency === rare).length;
    const inQueue_ = all.filter((d) => inQueue('unassigned', d, now, viewer, defaultSettings)).length;
    expect(inRange, 'the rare currency should be rarer than the queue').toBeLessThan(inQueue_);
    const { db, reads } = watched();
    const expected = expectedOf(query);
    const got = await pageQuery(db, query, ctx, { offset: 0, limit: 10_000 });
    expect(got.map((d) => d.id)).toEqual(expected.map((d) => d.id));
    expect(documentsReadThrough(reads)).toEqual([currencyAmount]);
    db.close();
  });

  it('counts Merchant overdue without reading a dossier, and Mine reading only those followed up', async () => {
    for (const queue of ['merchant_overdue', 'mine'] as const) {
      const { db, reads } = watched();
      expect(await countQuery(db, { queue }, ctx), queue).toBe(expectedOf({ queue }).length);
      expect(documentsReadThrough(reads), queue).toEqual(queue === 'mine' ? ['followers'] : []);
      db.close();
    }
    expect(expectedOf({ queue: 'merchant_overdue' }).length).toBeGreaterThan(0);
  });

  it('keeps a small queue’s own index when the currency is the most common one', async () => {
    const query: QueueQuery = { queue: 'mine', filter: { currency: 'EUR', amountMin: 0 } };
    const { db, reads } = watched();
    expect(await countQuery(db, query, ctx)).toBe(expectedOf(query).length);
    expect(documentsReadThrough(reads).sort()).toEqual(['assignee', 'followers']);
    db.close();
  });

  it('pages a large queue sorted by amount by walking the currency’s amounts in order', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      const query: QueueQuery = {
        queue: 'all',
        filter: { currency: 'EUR', amountMax: 100_000, subjects: ['delivery'] },
        sort: { key: 'amount', direction },
      };
      expect(dossierFilterSchema.safeParse(query.filter).success).toBe(true);
      const { db, reads } = watched();
      const walk = { ...ctx, sortInMemoryUpTo: 0 };
      const expected = expectedOf(query);
      const first = await pageQuery(db, query, walk, { offset: 0, limit: 25 });
      const rest = await pageQuery(db, query, walk, { offset: 25, limit: 10_000 });
      // Ties on the amount fall by id, as in the index: the very same order.
      expect(
        [...first, ...rest].map((d) => d.id),
        direction,
      ).toEqual(expected.map((d) => d.id));
      expect(documentsReadThrough(reads)).toEqual([currencyAmount]);
      db.close();
    }
  });
});

describe('the deadline filter over the queues’ indexes', () => {
  const ctx: QueryContext = { now, viewer, settings: defaultSettings };

  it('counts “merchant late” without reading a dossier where the queue holds every one of them', async () => {
    for (const queue of ['all', 'awaiting_merchant', 'merchant_overdue'] as const) {
      const query: QueueQuery = { queue, filter: { deadline: 'merchant_late' } };
      const { db, reads } = watched();
      expect(await countQuery(db, query, ctx), queue).toBe(expectedOf(query).length);
      expect(documentsReadThrough(reads), queue).toEqual([]);
      db.close();
    }
    expect(expectedOf({ queue: 'all', filter: { deadline: 'merchant_late' } }).length).toBeGreaterThan(0);
  });

  it('reads “Klik & Pay late” from the dossiers awaiting Klik & Pay up to now, most urgent first', async () => {
    const query: QueueQuery = { queue: 'all', filter: { deadline: 'klikpay_late' } };
    const expected = expectedOf(query);
    expect(expected.length).toBeGreaterThan(0);
    for (const sortInMemoryUpTo of [0, 10_000]) {
      const { db, reads } = watched();
      const walk = { ...ctx, sortInMemoryUpTo };
      expect(await countQuery(db, query, walk)).toBe(expected.length);
      const got = await pageQuery(db, query, walk, { offset: 0, limit: 10_000 });
      expect(got.map((d) => d.id).sort()).toEqual(expected.map((d) => d.id).sort());
      const urgencies = got.map((d) => urgentAt(d) ?? Number.MAX_SAFE_INTEGER);
      expect(urgencies).toEqual([...urgencies].sort((a, b) => a - b));
      expect(documentsReadThrough(reads)).toEqual(['[status+urgency]']);
      db.close();
    }
  });

  it('reads “due within the next business day” from the dossiers urgent by then only', async () => {
    const query: QueueQuery = { queue: 'all', filter: { deadline: 'due_next_business_day' } };
    const horizon = addBusinessDays(now, 1, defaultSettings.calendar);
    const urgentByThen = all.filter((d) => (urgentAt(d) ?? Infinity) <= horizon).length;
    expect(urgentByThen, 'the range should be smaller than the cache').toBeLessThan(all.length);
    const { db, reads, bounds } = watched();
    expect(await countQuery(db, query, ctx)).toBe(expectedOf(query).length);
    expect(documentsReadThrough(reads)).toEqual(['urgency']);
    expect(bounds).toEqual([{ index: 'urgency', upper: horizon }]);
    db.close();
  });
});

describe('the dashboard’s breach figures, opened as queues', () => {
  it('hold exactly the dossiers each figure counts, for the team and for one agent', async () => {
    // The figures as the API computes them (the same function the dashboard runs over its copy).
    const token = await server.signIn('supervisor@klikpay.test', 'demo');
    const period = { from: new Date(now - 28 * 86_400_000).toISOString(), to: new Date(now).toISOString() };
    for (const agent of [undefined, 'u-agent', 'u-agent2']) {
      const params = new URLSearchParams({ ...period, ...(agent ? { agent } : {}) });
      const res = await server.call<StatsOverview>('GET', `/stats/overview?${params.toString()}`, { token });
      expect(res.status).toBe(200);
      const { breaches } = res.body;
      const ctx: QueryContext = { now: Date.parse(res.body.now), viewer, settings: defaultSettings };
      const theirs: DossierFilter = agent ? { assignee: agent } : {};
      const figures = {
        klikpay_late: breaches.klikpayLate,
        merchant_late: breaches.merchantLate,
        due_next_business_day: breaches.atRisk,
      };
      for (const deadline of deadlineFilters) {
        const query: QueueQuery = { queue: 'all', filter: { deadline, ...theirs } };
        const figure = figures[deadline];
        expect(await countQuery(client.db, query, ctx), `${deadline} ${String(agent)}`).toBe(figure.count);
        expect(figure.count, 'the demo lists every id').toBeLessThanOrEqual(BREACH_IDS_CAP);
        expect((await idsQuery(client.db, query, ctx)).sort()).toEqual([...figure.ids].sort());
      }
      // "Merchants late now" opens the Merchant overdue queue.
      const overdue: QueueQuery = { queue: 'merchant_overdue', filter: theirs };
      expect(await countQuery(client.db, overdue, ctx)).toBe(breaches.merchantLate.count);
    }
  });
});
