import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoWorld } from './demo-world';
import { demoClock, startDemoWorld, stopDemoWorld } from './demo-world';
import { closedUrgency } from '../../src-renderer/cache/db';
import type { QueryContext, QueueQuery } from '../../src-renderer/cache/queues';
import { countQuery, idsQuery, pageQuery } from '../../src-renderer/cache/queues';
import type { DossierFilter } from '../../src-shared/domain/filters';
import { closureOutcomeFilters, dossierFilterSchema } from '../../src-shared/domain/filters';
import type { Dossier } from '../../src-shared/domain/model';
import { queueIds } from '../../src-shared/domain/queues';
import { defaultSettings } from '../../src-shared/domain/settings';
import type { StatsOverview } from '../../src-shared/domain/stats';
import { AGE_BUCKET_DAYS } from '../../src-shared/domain/stats';
import { closureReasonSchema } from '../../src-shared/domain/vocabulary';
import type { TestServer } from '../server/harness';
import { oracleMatches } from '../unit/filter-oracle';
import { checkQuery as checkQueryOn, sortArbitrary } from './query-check';
import { documentsReadThrough, watchReads } from './reads';

/**
 * The dashboard's age buckets and closures opened as queues over the cache, on the demo workload:
 * the planner's count and ids equal the figures the API gives, and for any queue, order and nearby
 * filter, count, pages and ids equal the queue's rule and the filter's oracle — through a filing-date
 * range, a closure-date range, or the closed tail of the urgency index.
 */

const DAY = 86_400_000;
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

describe('the dashboard’s age buckets and closures, opened as queues', () => {
  it('hold exactly the dossiers each figure counts, for the team and for one agent', async () => {
    const token = await server.signIn('supervisor@klikpay.test', 'demo');
    let counted = 0;
    for (const days of [28, 364]) {
      const period = { from: new Date(now - days * DAY).toISOString(), to: new Date(now).toISOString() };
      for (const agent of [undefined, 'u-agent', 'u-agent2']) {
        const params = new URLSearchParams({ ...period, ...(agent ? { agent } : {}) });
        const res = await server.call<StatsOverview>('GET', `/stats/overview?${params.toString()}`, {
          token,
        });
        expect(res.status).toBe(200);
        const o = res.body;
        const ctx: QueryContext = { now: Date.parse(o.now), viewer, settings: defaultSettings };
        const theirs: DossierFilter = agent ? { assignee: agent } : {};
        const holds = async (filter: DossierFilter, figure: number, what: string) => {
          expect(dossierFilterSchema.safeParse(filter).success, what).toBe(true);
          const query: QueueQuery = { queue: 'all', filter };
          expect(await countQuery(client.db, query, ctx), `${what} ${String(agent)}`).toBe(figure);
          expect(await idsQuery(client.db, query, ctx), what).toHaveLength(figure);
          counted += figure;
        };
        for (const b of o.ageBuckets) {
          await holds(
            { ...theirs, age: { fromDays: b.fromDays, toDays: b.toDays } },
            b.count,
            `${b.fromDays}`,
          );
        }
        const inPeriod = { ...theirs, closedFrom: o.from, closedTo: o.to };
        for (const r of closureReasonSchema.options) {
          await holds({ ...inPeriod, closureReasons: [r] }, o.closures.byReason[r], r);
        }
        for (const outcome of closureOutcomeFilters) {
          await holds({ ...inPeriod, outcomes: [outcome] }, o.closures.byOutcome[outcome], outcome);
        }
      }
    }
    expect(counted, 'the demo fills the figures').toBeGreaterThan(300);
  });
});

// ---------------------------------------------------------------------------------------------
// Any queue, order and filter near the demo's own ages and closures

/** See `checkQuery` (query-check.ts), over this file's client and demo dossiers. */
const checkQuery = (query: Required<QueueQuery>, sortInMemoryUpTo: number) =>
  checkQueryOn(client.db, all, query, { at: now, viewer, sortInMemoryUpTo });

/** Ages: the buckets, and bounds on the demo's own ages to the millisecond. */
function ageArbitrary(): fc.Arbitrary<NonNullable<DossierFilter['age']>> {
  const ages = all.map((d) => Math.floor((now - Date.parse(d.createdAt)) / DAY)).filter((a) => a >= 0);
  const bucket = fc.constantFrom(...AGE_BUCKET_DAYS.keys()).map((i) => ({
    fromDays: AGE_BUCKET_DAYS[i] ?? 0,
    toDays: AGE_BUCKET_DAYS[i + 1] ?? null,
  }));
  const around = fc
    .tuple(fc.constantFrom(...ages), fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }))
    .map(([fromDays, span]) => ({ fromDays, toDays: span === null ? null : fromDays + span }));
  return fc.oneof(bucket, around);
}

/** Closure fields: reasons, outcomes, and bounds on the demo's own closure instants (and a ms after). */
function closureArbitrary(): fc.Arbitrary<DossierFilter> {
  const closures = all.flatMap((d) => (d.closure ? [Date.parse(d.closure.at)] : []));
  expect(closures.length, 'the demo holds closed dossiers').toBeGreaterThan(10);
  const bound = fc
    .tuple(fc.constantFrom(...closures), fc.constantFrom(0, 1))
    .map(([at, shift]) => new Date(at + shift).toISOString());
  return fc.record(
    {
      closureReasons: fc.subarray([...closureReasonSchema.options], { minLength: 1 }),
      outcomes: fc.subarray([...closureOutcomeFilters], { minLength: 1, maxLength: 3 }),
      closedFrom: bound,
      closedTo: bound,
    },
    { requiredKeys: [] },
  );
}

describe('the age and closure filters over the cache’s indexes', () => {
  it('count, pages and ids equal the rules and the oracle, for any queue and order', async () => {
    const filter: fc.Arbitrary<DossierFilter> = fc.oneof(
      ageArbitrary().map((age) => ({ age })),
      closureArbitrary(),
      fc
        .tuple(ageArbitrary(), fc.constantFrom('u-agent', 'u-agent2', 'none' as const))
        .map(([age, assignee]) => ({ age, assignee })),
      fc
        .tuple(closureArbitrary(), fc.constantFrom<DossierFilter['subjects']>(['payment'], ['delivery']))
        .map(([f, subjects]) => ({ ...f, subjects })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...queueIds),
        filter,
        sortArbitrary,
        fc.constantFrom(0, 10_000),
        async (queue, f, s, sortInMemoryUpTo) => checkQuery({ queue, filter: f, sort: s }, sortInMemoryUpTo),
      ),
      { numRuns: 200 },
    );
  }, 120_000);

  it('count a bucket through the filing dates or the open dossiers, and a period’s closures through the closure dates', async () => {
    const ctx: QueryContext = { now, viewer, settings: defaultSettings };
    const young: QueueQuery = { queue: 'all', filter: { age: { fromDays: 1, toDays: 7 } } };
    const closures = all.flatMap((d) => (d.closure ? [Date.parse(d.closure.at)] : [])).sort((a, b) => a - b);
    const closed: QueueQuery = {
      queue: 'all',
      filter: {
        closureReasons: ['resolved_by_klikpay'],
        closedFrom: new Date(closures.at(-20) ?? 0).toISOString(),
        closedTo: new Date(now).toISOString(),
      },
    };
    // The oldest bucket: its filing range holds the old closed dossiers too, so the open ones may be fewer.
    const old: QueueQuery = { queue: 'all', filter: { age: { fromDays: 120, toDays: null } } };
    const filedLongAgo = all.filter((d) => Date.parse(d.createdAt) <= now - 119 * DAY).length;
    const open = all.filter((d) => d.status !== 'closed').length;
    for (const [query, index] of [
      [young, 'createdAt'],
      [closed, 'closedMs'],
      [old, open < filedLongAgo ? '[status+urgency]' : 'createdAt'],
    ] as const) {
      const expected = all.filter((d) => oracleMatches(d, query.filter ?? {}, seen)).length;
      // The demo holds no open dossier of 120 days (the inactivity rule closes them): 0 is its answer.
      if (query !== old) expect(expected, index).toBeGreaterThan(0);
      const { db, reads } = watchReads(client.db.name);
      expect(await countQuery(db, query, ctx), index).toBe(expected);
      expect(documentsReadThrough(reads), index).toEqual([index]);
      db.close();
    }
  });

  it('walks All’s closed tail, not the open dossiers ahead of it, for a page too large to sort in memory', async () => {
    const query: QueueQuery = {
      queue: 'all',
      filter: { closureReasons: ['inactivity', 'resolved_by_client'] },
    };
    const expected = all.filter((d) => oracleMatches(d, query.filter ?? {}, seen));
    expect(expected.length).toBeGreaterThan(0);
    const { db, reads, bounds } = watchReads(client.db.name);
    const walk = { now, viewer, settings: defaultSettings, sortInMemoryUpTo: 0 };
    const got = await pageQuery(db, query, walk, { offset: 0, limit: 10_000 });
    expect(got.map((d) => d.id).sort()).toEqual(expected.map((d) => d.id).sort());
    expect(documentsReadThrough(reads)).toEqual(['urgency']);
    expect(bounds).toEqual([{ index: 'urgency', upper: closedUrgency }]);
    db.close();
  });
});
