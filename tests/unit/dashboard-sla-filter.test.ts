import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DossierFilter, FilterContext } from '../../src-shared/domain/filters';
import {
  deadlineWeekCell,
  dossierFilterSchema,
  isEmptyFilter,
  matchesFilter,
  savedViewSchema,
  defaultSort,
} from '../../src-shared/domain/filters';
import type { Dossier } from '../../src-shared/domain/model';
import { episodesCounted, slaVerdicts, slaWeekSpan } from '../../src-shared/domain/sla-weeks';
import type { DeadlineEpisode, DossierFacts, EpisodeParty, StatsQuery } from '../../src-shared/domain/stats';
import { dossierFacts, statsOverview } from '../../src-shared/domain/stats';
import { episodePartySchema } from '../../src-shared/domain/stats-facts';
import { oracleMatches } from './filter-oracle';
import { at, DAY, file, HOUR, iso, MONDAY, settings } from './fixtures';

/**
 * The dashboard's deadlines met by week open as All filtered by `deadlineWeek` (the party, the
 * verdict, the week cut to the period): for any facts, with deadlines on and around the weeks' and
 * the period's bounds, the dossiers the filter keeps are behind exactly the figure's deadlines, for
 * the team and for one agent, and the oracle (written from the documentation) keeps the same ones.
 */

const viewer = { userId: 's1' };
const agents = ['a1', 'a2'] as const;
const parties = episodePartySchema.options;
/** Two readings: in summer, and across the end of summer time (25 October 2026). */
const nows = [MONDAY, at('2026-10-28T10:00:00+01:00')];
/** The dashboard's period: 28 whole days up to the end of the day of `now`. */
const periodAt = (now: number) => {
  const to = Math.ceil((now + 1) / DAY) * DAY;
  return { from: iso(to - 28 * DAY), to: iso(to) };
};

/** The instants that matter: the weeks' bounds (Paris midnights), the period's, and now. */
function boundsAt(now: number): number[] {
  const weeks = statsOverview([], periodAt(now), now, settings).slaByWeek;
  const period = periodAt(now);
  return [
    ...weeks.flatMap((w) => [Date.parse(w.start), Date.parse(w.end)]),
    Date.parse(period.from),
    Date.parse(period.to),
    now,
  ];
}

/** An instant on a bound, a millisecond either side of one, or anywhere around the period. */
const around = (now: number) =>
  fc.oneof(
    fc.tuple(fc.constantFrom(...boundsAt(now)), fc.constantFrom(-1, 0, 1)).map(([b, d]) => b + d),
    fc.integer({ min: -32 * 24, max: 3 * 24 }).map((h) => now + h * HOUR),
  );

const episode = (now: number, party: fc.Arbitrary<EpisodeParty>): fc.Arbitrary<DeadlineEpisode> =>
  fc
    .record({
      party,
      due: around(now),
      // Ended a moment before, at or after the deadline, or still running (null).
      end: fc.option(fc.constantFrom(-DAY, -1, 0, 1, 2 * HOUR), { nil: null }),
    })
    .map(({ party: p, due, end }) => ({
      party: p,
      start: due - DAY,
      due,
      end: end === null ? null : due + end,
    }));

/** Several deadlines a dossier, or (`single`) at most one of each party. */
const episodes = (now: number, single: boolean): fc.Arbitrary<DeadlineEpisode[]> =>
  single
    ? fc
        .subarray([...parties])
        .chain((ps) => fc.tuple(...ps.map((p) => episode(now, fc.constant(p)))))
        .map((es) => [...es])
    : fc.array(episode(now, fc.constantFrom(...parties)), { maxLength: 5 });

const filed = file();
const randomCopy = (now: number, single: boolean) =>
  fc.array(fc.tuple(fc.constantFrom(null, ...agents), episodes(now, single)), { maxLength: 25 }).map((rows) =>
    rows.map(([assigneeId, es], n) => {
      const d: Dossier = { ...filed, id: `d-${n}`, assigneeId };
      const facts: DossierFacts = { ...dossierFacts(d, []), episodes: es };
      return { d, facts };
    }),
  );

describe('the deadlines met by week, opened as filtered queues', () => {
  it('keep the dossiers behind each figure’s deadlines, for the team and for one agent', () => {
    let counted = 0;
    let twice = 0;
    fc.assert(
      fc.property(
        fc
          .tuple(fc.constantFrom(...nows), fc.boolean())
          .chain(([now, single]) => fc.tuple(fc.constant(now), fc.constant(single), randomCopy(now, single))),
        fc.constantFrom(undefined, ...agents),
        ([now, single, copy], agent) => {
          const query: StatsQuery = { ...periodAt(now), ...(agent ? { agent } : {}) };
          const overview = statsOverview(
            copy.map((c) => c.facts),
            query,
            now,
            settings,
          );
          const byId = new Map(copy.map((c) => [c.d.id, c.facts]));
          const ctx: FilterContext = { viewer, now, settings, factsOf: (id) => byId.get(id) };
          for (const w of overview.slaByWeek) {
            for (const party of parties) {
              for (const verdict of slaVerdicts) {
                // As the dashboard opens it (sla-card.tsx): the agent's, and the week cut to the period.
                const deadlineWeek = { party, verdict, ...slaWeekSpan(w, overview) };
                const filter: DossierFilter = { ...(agent ? { assignee: agent } : {}), deadlineWeek };
                expect(dossierFilterSchema.safeParse(filter).success, JSON.stringify(filter)).toBe(true);
                const what = `${w.week} ${party} ${verdict} ${String(agent)}`;
                const figure = w.byParty[party][verdict];
                const kept = copy.filter((c) => matchesFilter(c.d, filter, ctx));
                expect(
                  kept.map((c) => c.d.id),
                  what,
                ).toEqual(copy.filter((c) => oracleMatches(c.d, filter, ctx)).map((c) => c.d.id));
                const week = deadlineWeekCell(deadlineWeek);
                const deadlines = kept.reduce((n, c) => n + episodesCounted(c.facts, week, now), 0);
                expect(deadlines, what).toBe(figure);
                // One deadline of a party a dossier: the queue holds as many dossiers as the figure.
                if (single) expect(kept.length, what).toBe(figure);
                else if (kept.length < figure) twice++;
                counted += figure;
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
    // Deadlines fill the weeks, and some dossiers are behind a figure twice: not all 0 = 0.
    // 300 runs count 1,090–1,324 deadlines (seeds vary; 977 once in CI): half of that is a
    // generator gone degenerate, not chance.
    expect(counted).toBeGreaterThan(500);
    expect(twice).toBeGreaterThan(0);
  });

  it('count a dossier given two reply deadlines in one week twice, and open it once', () => {
    const now = nows[1] ?? 0;
    const due = Date.parse(statsOverview([], periodAt(now), now, settings).slaByWeek[2]?.start ?? '') + DAY;
    const d: Dossier = { ...filed, id: 'd-twice' };
    const missed = (at: number): DeadlineEpisode => ({
      party: 'klikpay',
      start: at - DAY,
      due: at,
      end: at + HOUR,
    });
    const facts = { ...dossierFacts(d, []), episodes: [missed(due), missed(due + 2 * DAY)] };
    const overview = statsOverview([facts], periodAt(now), now, settings);
    const w = overview.slaByWeek[2];
    if (!w) throw new Error('no third week');
    expect(w.byParty.klikpay.missed).toBe(2);
    const filter: DossierFilter = {
      deadlineWeek: { party: 'klikpay', verdict: 'missed', ...slaWeekSpan(w, overview) },
    };
    expect(matchesFilter(d, filter, { viewer, now, settings, factsOf: () => facts })).toBe(true);
    // Without the dashboard's facts no dossier is known to be behind a figure.
    expect(matchesFilter(d, filter, { viewer, now, settings })).toBe(false);
  });
});

describe('the deadline-week field of a filter', () => {
  const week = {
    party: 'merchant',
    verdict: 'missed',
    from: iso(MONDAY),
    to: iso(MONDAY + 7 * DAY),
  } as const;

  it('counts as a filter, and is saved with a view; views saved before it still parse', () => {
    expect(dossierFilterSchema.parse({ deadlineWeek: week })).toEqual({ deadlineWeek: week });
    expect(isEmptyFilter({ deadlineWeek: week })).toBe(false);
    const old = {
      id: 'v-1',
      name: 'Paiements',
      queue: 'all',
      filter: { subjects: ['payment'] },
      sort: defaultSort,
    };
    expect(savedViewSchema.parse(old)).toEqual(old);
    const saved = { ...old, filter: { deadlineWeek: week, assignee: 'a2' } };
    expect(savedViewSchema.parse(saved)).toEqual(saved);
  });

  it('refuses an empty span, an unknown party or verdict, and a missing part', () => {
    for (const deadlineWeek of [
      { ...week, to: week.from },
      { ...week, party: 'customer' },
      { ...week, verdict: 'late' },
      { party: week.party, verdict: week.verdict, from: week.from },
      { ...week, from: 'last week' },
      { ...week, extra: true },
    ]) {
      expect(dossierFilterSchema.safeParse({ deadlineWeek }).success, JSON.stringify(deadlineWeek)).toBe(
        false,
      );
    }
  });
});
