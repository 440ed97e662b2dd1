import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DossierFilter } from '../../src-shared/domain/filters';
import {
  closureOutcomeFilters,
  defaultSort,
  dossierFilterSchema,
  isEmptyFilter,
  matchesFilter,
  savedViewSchema,
} from '../../src-shared/domain/filters';
import type { Dossier } from '../../src-shared/domain/model';
import type { StatsQuery } from '../../src-shared/domain/stats';
import { AGE_BUCKET_DAYS, dossierFacts, statsOverview } from '../../src-shared/domain/stats';
import type { OpenStatus, Outcome } from '../../src-shared/domain/vocabulary';
import { closureReasonSchema } from '../../src-shared/domain/vocabulary';
import { DAY, file, HOUR, iso, MONDAY, settings } from './fixtures';

/**
 * The dashboard's age buckets and closures open as queues filtered by `age` and by the closure
 * fields: for any dossiers, the filter keeps exactly as many as the figure counts, for the team and
 * for one agent (the agent's choice adds `assignee`, as for the breaches).
 */

const viewer = { userId: 'a1' };
const agents = ['a1', 'a2'] as const;
/** The dashboard's period: whole days up to the end of the day after MONDAY. */
const to = Math.ceil((MONDAY + 1) / DAY) * DAY;
const period = { from: iso(to - 28 * DAY), to: iso(to) };

/** Instants on and around the bounds that matter: a millisecond each side of each, and anywhere. */
const around = (bounds: readonly number[]) =>
  fc.oneof(
    fc.tuple(fc.constantFrom(...bounds), fc.constantFrom(-1, 0, 1)).map(([b, shift]) => b + shift),
    fc.integer({ min: -200 * 24, max: 2 * 24 }).map((h) => MONDAY + h * HOUR),
  );
const filedAt = (now: number) => around([now, ...AGE_BUCKET_DAYS.map((days) => now - days * DAY)]);
const closedAt = around([Date.parse(period.from), Date.parse(period.to), MONDAY]);

const filed = file();
const randomDossier = (now: number, n: number): fc.Arbitrary<Dossier> =>
  fc
    .record({
      createdAt: filedAt(now),
      closed: fc.boolean(),
      status: fc.constantFrom<OpenStatus>('awaiting_klikpay', 'awaiting_merchant', 'awaiting_customer'),
      reason: fc.constantFrom(...closureReasonSchema.options),
      outcome: fc.constantFrom<Outcome | null>(null, 'refunded', 'partially_refunded', 'other'),
      closedAt,
      assigneeId: fc.constantFrom(null, ...agents),
    })
    .map((r) => ({
      ...filed,
      id: `d-${n}`,
      createdAt: iso(r.createdAt),
      assigneeId: r.assigneeId,
      ...(r.closed
        ? {
            status: 'closed' as const,
            dueAt: null,
            merchantStage: null,
            closure: {
              reason: r.reason,
              outcome: r.outcome,
              summary: null,
              at: iso(r.closedAt),
              by: { role: 'agent' as const, id: r.assigneeId },
            },
          }
        : { status: r.status, merchantStage: r.status === 'awaiting_merchant' ? filed.merchantStage : null }),
    }));
const randomDossiers = (now: number) =>
  fc
    .integer({ min: 0, max: 30 })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, n) => randomDossier(now, n))));

describe('the dashboard’s age buckets and closures, opened as filtered queues', () => {
  it('keep exactly as many dossiers as each figure counts, for the team and for one agent', () => {
    let seen = 0;
    fc.assert(
      fc.property(
        fc
          .constantFrom(MONDAY, MONDAY + 7 * HOUR)
          .chain((now) => fc.tuple(fc.constant(now), randomDossiers(now))),
        fc.constantFrom(undefined, ...agents),
        ([now, dossiers], agent) => {
          const query: StatsQuery = { ...period, ...(agent ? { agent } : {}) };
          const overview = statsOverview(
            dossiers.map((d) => dossierFacts(d, [])),
            query,
            now,
            settings,
          );
          const theirs: DossierFilter = agent ? { assignee: agent } : {};
          const kept = (f: DossierFilter) => {
            // Every filter the dashboard opens is one the filter bar and a saved view accept.
            expect(dossierFilterSchema.safeParse(f).success, JSON.stringify(f)).toBe(true);
            return dossiers.filter((d) => matchesFilter(d, f, { viewer, now, settings })).length;
          };
          for (const b of overview.ageBuckets) {
            const age = { fromDays: b.fromDays, toDays: b.toDays };
            expect(kept({ ...theirs, age }), JSON.stringify(age)).toBe(b.count);
            seen += b.count;
          }
          const inPeriod = { ...theirs, closedFrom: overview.from, closedTo: overview.to };
          for (const r of closureReasonSchema.options) {
            expect(kept({ ...inPeriod, closureReasons: [r] }), r).toBe(overview.closures.byReason[r]);
          }
          for (const o of closureOutcomeFilters) {
            expect(kept({ ...inPeriod, outcomes: [o] }), o).toBe(overview.closures.byOutcome[o]);
          }
          expect(kept(inPeriod)).toBe(overview.closures.count);
          seen += overview.closures.count;
        },
      ),
      { numRuns: 300 },
    );
    // Random dossiers fill the buckets and the period: the equalities above were not all 0 = 0.
    expect(seen).toBeGreaterThan(1_000);
  });

  it('counts the first bucket from no lower bound, as the figure counts a dossier filed “after” now', () => {
    const ahead = { ...filed, createdAt: iso(MONDAY + HOUR) };
    const overview = statsOverview([dossierFacts(ahead, [])], period, MONDAY, settings);
    expect(overview.ageBuckets[0]?.count).toBe(1);
    const ctx = { viewer, now: MONDAY, settings };
    expect(matchesFilter(ahead, { age: { fromDays: 0, toDays: 1 } }, ctx)).toBe(true);
  });
});

describe('the age and closure fields of a filter', () => {
  it('each count as a filter', () => {
    const fields: DossierFilter[] = [
      { age: { fromDays: 0, toDays: 1 } },
      { age: { fromDays: 120, toDays: null } },
      { closureReasons: ['inactivity'] },
      { outcomes: ['none'] },
      { closedFrom: period.from },
      { closedTo: period.to },
    ];
    for (const f of fields) {
      expect(dossierFilterSchema.parse(f), JSON.stringify(f)).toEqual(f);
      expect(isEmptyFilter(f), JSON.stringify(f)).toBe(false);
    }
    expect(isEmptyFilter({ closureReasons: [], outcomes: [] })).toBe(true);
  });

  it('refuse an age whose upper bound is not above its lower one, and unknown outcomes', () => {
    for (const f of [
      { age: { fromDays: 7, toDays: 7 } },
      { age: { fromDays: 7, toDays: 1 } },
      { age: { fromDays: -1, toDays: null } },
      { age: { fromDays: 1.5, toDays: null } },
      { age: { fromDays: 1 } },
      { outcomes: ['lost'] },
      { closureReasons: ['resolved'] },
      { closedFrom: 'yesterday' },
    ]) {
      expect(dossierFilterSchema.safeParse(f).success, JSON.stringify(f)).toBe(false);
    }
  });

  it('leave views saved before them readable, and are saved with a view', () => {
    const old = {
      id: 'v-1',
      name: 'Paiements',
      queue: 'all',
      filter: { subjects: ['payment'] },
      sort: defaultSort,
    };
    expect(savedViewSchema.parse(old)).toEqual(old);
    const closures = {
      ...old,
      filter: {
        closureReasons: ['resolved_by_client'],
        outcomes: ['refunded', 'none'],
        closedFrom: period.from,
        closedTo: period.to,
        assignee: 'a2',
      },
    };
    expect(savedViewSchema.parse(closures)).toEqual(closures);
    const aged = { ...old, filter: { age: { fromDays: 30, toDays: 60 } } };
    expect(savedViewSchema.parse(aged)).toEqual(aged);
  });
});
