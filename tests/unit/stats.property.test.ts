import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src-shared/domain/commands';
import { decide, fileClaim } from '../../src-shared/domain/lifecycle';
import type { AuditEvent, Dossier, Message } from '../../src-shared/domain/model';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { DeadlineEpisode, DossierFacts, StatsOverview, StatsQuery } from '../../src-shared/domain/stats';
import {
  BREACH_IDS_CAP,
  dossierFacts,
  dossierFactsSchema,
  median,
  statsOverview,
  statsOverviewSchema,
} from '../../src-shared/domain/stats';
import { applyTimeRules, nextTimeRule } from '../../src-shared/domain/time-rules';
import type { Actor, Decision } from '../../src-shared/domain/transitions';
import type { MerchantContact, Subject } from '../../src-shared/domain/vocabulary';
import {
  agent,
  agent2,
  at,
  claim,
  cmd,
  customer,
  DAY,
  HOUR,
  iso,
  manualLetters,
  merchant,
  MINUTE,
  ok,
  settings,
  supervisor,
  transaction,
} from './fixtures';

/**
 * Dossiers lived through the real rules (filing, commands by their usual actors, time rules caught up
 * as the server does, commands landing on the very instant a rule fires), their facts, and the
 * dashboard's figures over them: whatever the history, the facts tell it as it happened and the
 * figures add up.
 */

const RUNS = { numRuns: 60 };
const TIMEOUT = 60_000;

// ---------------------------------------------------------------------------------------------
// Lives

const picks: readonly (readonly [Actor, Command])[] = [
  [customer, cmd.customerMessage()],
  [customer, cmd.escalate()],
  [customer, cmd.resolve()],
  [merchant, cmd.merchantMessage()],
  [agent, cmd.reply('customer')],
  [agent2, cmd.reply('both')],
  [agent, cmd.reply('merchant')],
  [agent, cmd.note()],
  [agent, cmd.remind()],
  [agent2, cmd.inform()],
  [agent2, cmd.forward()],
  [agent, cmd.takeOver()],
  [agent2, cmd.takeOver()],
  [supervisor, cmd.assign('a1')],
  [supervisor, cmd.assign('a2')],
  [supervisor, cmd.assign(null)],
  [agent, cmd.close('Remboursé.', 'refunded')],
  [agent2, cmd.close()],
  [supervisor, cmd.reopen()],
];

interface Step {
  pick: number;
  hours: number;
  /** Land on the next time rule's very instant (a tie between the rule's event and the command's). */
  onRule: boolean;
}
interface Plan {
  subject: Subject;
  merchantContact: MerchantContact;
  merchantEmailValid: boolean;
  merchant: number;
  filedAt: number;
  steps: Step[];
  idSeed: number;
}

const step: fc.Arbitrary<Step> = fc.record({
  pick: fc.nat({ max: picks.length - 1 }),
  hours: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 72 }) },
    { weight: 1, arbitrary: fc.integer({ min: 72, max: 24 * 130 }) },
  ),
  onRule: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});
const plan: fc.Arbitrary<Plan> = fc.record({
  subject: fc.constantFrom<Subject>('payment', 'delivery'),
  merchantContact: fc.constantFrom<MerchantContact>(
    'merchant_no_answer',
    'merchant_email_invalid',
    'proposal_unsatisfactory',
    'not_contacted',
  ),
  merchantEmailValid: fc.boolean(),
  merchant: fc.nat({ max: 3 }),
  // Any minute of 2026 up to December, weekends, holidays and clock changes included.
  filedAt: fc.integer({ min: 0, max: 330 * 24 * 60 }).map((m) => at('2026-01-01T00:00:00Z') + m * MINUTE),
  steps: fc.array(step, { maxLength: 24 }),
  idSeed: fc.nat(),
});

interface Life {
  dossier: Dossier;
  events: AuditEvent[];
  messages: Message[];
  /** The dossier after each decision that changed it, in the order they happened. */
  trace: { at: number; dossier: Dossier }[];
  end: number;
}

/** Unique ids whose order says nothing of the order they were made in. */
function scrambledIds(seed: number): () => string {
  let n = seed;
  return () => `e${(Math.imul(++n, 0x9e3779b1) >>> 0).toString(36)}`;
}

function live(p: Plan, index: number, s: DisputeSettings): Life {
  const newId = scrambledIds(p.idSeed);
  const merchantId = `m-${String(p.merchant)}`;
  const filing = claim({
    id: `d-${String(index)}`,
    reference: `KP-2026-${String(index).padStart(6, '0')}`,
    subject: p.subject,
    merchantContact: p.merchantContact,
    merchantEmailValid: p.merchantEmailValid,
    transaction: transaction({
      id: `t-${String(index)}`,
      merchantId,
      merchantName: `Merchant ${merchantId}`,
    }),
  });
  const filed = ok(fileClaim(filing, { now: p.filedAt, settings: s, actor: customer, newId }));
  const life: Life = {
    dossier: filed.dossier,
    events: [...filed.events],
    messages: [...filed.messages],
    trace: [{ at: p.filedAt, dossier: filed.dossier }],
    end: p.filedAt,
  };
  const keep = (decision: Decision, when: number) => {
    if (decision.events.length === 0) return;
    life.dossier = decision.dossier;
    life.events.push(...decision.events);
    life.messages.push(...decision.messages);
    life.trace.push({ at: when, dossier: decision.dossier });
  };
  // One rule at a time, as the scheduler would find them, so the trace has every state.
  const catchUp = (until: number) => {
    for (let next = nextTimeRule(life.dossier, s); next !== null && next.at <= until;) {
      keep(applyTimeRules(life.dossier, next.at, s, newId), next.at);
      next = nextTimeRule(life.dossier, s);
    }
  };
  let now = p.filedAt;
  for (const st of p.steps) {
    const next = st.onRule ? nextTimeRule(life.dossier, s) : null;
    now = next === null ? now + st.hours * HOUR : Math.max(now, next.at);
    catchUp(now);
    const picked = picks[st.pick];
    if (picked === undefined) throw new Error(`no pick ${String(st.pick)}`);
    const [actor, command] = picked;
    const decided = decide(life.dossier, command, { now, settings: s, actor, newId });
    if (decided.ok) keep(decided.value, now);
  }
  life.end = now;
  return life;
}

const lives = fc
  .record({
    plans: fc.array(plan, { minLength: 1, maxLength: 8 }),
    manual: fc.boolean(),
  })
  .map(({ plans, manual }) => {
    const s = manual ? manualLetters : settings;
    return { settings: s, lives: plans.map((p, i) => live(p, i, s)) };
  });

/** A deterministic shuffle from a seed (fast-check picks the seed, and shrinks it). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let x = seed | 1;
  for (let i = out.length - 1; i > 0; i--) {
    x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) ^ Math.imul(x ^ (x >>> 12), 0x297a2d39);
    const j = (x >>> 0) % (i + 1);
    const [a, b] = [out[i], out[j]];
    if (a !== undefined && b !== undefined) [out[i], out[j]] = [b, a];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The episodes as they happened, from the dossier after each decision

function keyOf(d: Dossier): { party: DeadlineEpisode['party']; due: number } | null {
  if (d.dueAt === null) return null;
  const due = Date.parse(d.dueAt);
  if (d.status === 'awaiting_klikpay') return { party: 'klikpay', due };
  if (d.status === 'awaiting_merchant' && d.merchantStage === 'answer_due') return { party: 'merchant', due };
  if (d.status === 'awaiting_merchant' && d.merchantStage === 'reminded')
    return { party: 'merchant_reminded', due };
  return null;
}

/**
 * A Klik & Pay deadline is put to the holder when it passed or, if the move left before, once every
 * event of that instant happened.
 */
function episodesAsLived(trace: Life['trace']): DeadlineEpisode[] {
  const out: DeadlineEpisode[] = [];
  let current: DeadlineEpisode | null = null;
  let ended: DeadlineEpisode | null = null;
  for (const { at: when, dossier } of trace) {
    const key = keyOf(dossier);
    const same = current !== null && key !== null && current.party === key.party && current.due === key.due;
    if (!same && (current !== null || key !== null)) {
      if (current !== null) {
        current.end = when;
        ended = current;
      }
      current = key === null ? null : { party: key.party, start: when, due: key.due, end: null };
      if (current !== null) out.push(current);
    }
    if (current?.party === 'klikpay' && when < current.due) current.assigneeId = dossier.assigneeId;
    if (ended?.party === 'klikpay' && ended.end === when && when < ended.due)
      ended.assigneeId = dossier.assigneeId;
  }
  return out;
}

const isStaff = (role: string) => role === 'agent' || role === 'supervisor';

describe('dossierFacts over lived dossiers', () => {
  it(
    'tells the episodes, reminders, answers and first reply as they happened, whatever the events’ order',
    () => {
      let episodes = 0;
      let ties = 0;
      fc.assert(
        fc.property(lives, fc.nat(), ({ lives: all }, seed) => {
          for (const life of all) {
            const facts = dossierFacts(life.dossier, life.events, life.messages);
            expect(
              dossierFacts(life.dossier, shuffled(life.events, seed), shuffled(life.messages, seed)),
            ).toEqual(facts);
            expect(facts.episodes).toEqual(episodesAsLived(life.trace));
            episodes += facts.episodes.length;
            ties += life.events.filter((e, i) => i > 0 && e.at === life.events[i - 1]?.at).length;

            const reminded = life.events.filter((e) => e.changes.merchantStage?.after === 'reminded');
            expect(facts.reminders).toEqual(reminded.map((e) => Date.parse(e.at)));
            const answers = life.events.filter(
              (e) => e.actor.role === 'merchant' && e.changes.status?.before === 'awaiting_merchant',
            );
            expect(facts.merchantAnswers.map((a) => a.at)).toEqual(answers.map((e) => Date.parse(e.at)));
            // The events alone name the first reply the messages show (any of those of its instant).
            const replies = life.messages.filter((m) => m.audience !== 'internal' && isStaff(m.author.role));
            const first = replies[0]?.createdAt;
            const fromEvents = dossierFacts(life.dossier, life.events);
            expect(fromEvents.firstReplyAt).toBe(first === undefined ? null : Date.parse(first));
            const authors = replies.filter((m) => m.createdAt === first).map((m) => m.author.id);
            expect(first === undefined ? [null] : authors).toContain(fromEvents.firstReplyBy);
            expect(dossierFactsSchema.parse(JSON.parse(JSON.stringify(facts)))).toEqual(facts);
          }
        }),
        RUNS,
      );
      // The generator must reach what the properties are about.
      expect(episodes).toBeGreaterThan(100);
      expect(ties).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    'keeps episodes in order, without overlap, the last one open exactly while someone has the move with a deadline',
    () => {
      fc.assert(
        fc.property(lives, ({ lives: all }) => {
          for (const life of all) {
            const { episodes } = dossierFacts(life.dossier, life.events);
            episodes.forEach((e, i) => {
              if (e.end !== null) expect(e.end).toBeGreaterThanOrEqual(e.start);
              const next = episodes[i + 1];
              if (next) {
                expect(e.end).not.toBeNull();
                expect(next.start).toBeGreaterThanOrEqual(e.end ?? Infinity);
              }
            });
            const key = keyOf(life.dossier);
            const last = episodes.at(-1);
            if (key === null) expect(last?.end ?? 0).not.toBeNull();
            else expect(last).toMatchObject({ party: key.party, due: key.due, end: null });
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'from a history cut short, tells the same later episodes and the same present',
    () => {
      fc.assert(
        fc.property(lives, fc.nat(), ({ lives: all }, k) => {
          for (const life of all) {
            const full = dossierFacts(life.dossier, life.events);
            const cut = dossierFacts(life.dossier, life.events.slice(1 + (k % life.events.length)));
            const present = (f: DossierFacts) => {
              const {
                episodes: _e,
                reminders: _r,
                merchantAnswers: _a,
                firstReplyAt: _f,
                firstReplyBy: _b,
                escalations: _n,
                ...rest
              } = f;
              return rest;
            };
            expect(present(cut)).toEqual(present(full));
            const tail = full.episodes.slice(full.episodes.length - cut.episodes.length);
            expect(cut.episodes.length).toBeLessThanOrEqual(full.episodes.length);
            cut.episodes.forEach((e, i) => {
              const { start, assigneeId, ...rest } = e;
              const { start: fullStart, assigneeId: fullAssignee, ...fullRest } = tail[i] ?? e;
              expect(rest).toEqual(fullRest);
              if (i > 0) expect([start, assigneeId]).toEqual([fullStart, fullAssignee]);
            });
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});

// ---------------------------------------------------------------------------------------------
// Figures

const figures = fc.record({
  world: lives,
  fromDay: fc.integer({ min: -30, max: 340 }),
  spanDays: fc.integer({ min: 1, max: 400 }),
  extraHours: fc.integer({ min: 0, max: 24 * 60 }),
  agent: fc.constantFrom(undefined, 'a1', 'a2', 's1'),
});

const sum = (values: Record<string, number> | number[]) => Object.values(values).reduce((a, b) => a + b, 0);
const inPeriod = (q: StatsQuery, t: number | null) =>
  t !== null && t >= Date.parse(q.from) && t < Date.parse(q.to);

type FiguresInput = typeof figures extends fc.Arbitrary<infer T> ? T : never;

function setUp(input: FiguresInput) {
  const { world, fromDay, spanDays, extraHours, agent: who } = input;
  const facts = world.lives.map((l) => dossierFacts(l.dossier, l.events, l.messages));
  const now = Math.max(...world.lives.map((l) => l.end)) + extraHours * HOUR;
  const from = at('2026-01-01T00:00:00Z') + fromDay * DAY;
  const query: StatsQuery = {
    from: iso(from),
    to: iso(from + spanDays * DAY),
    ...(who ? { agent: who } : {}),
  };
  return { facts, now, query, s: world.settings };
}

function checkAddsUp(o: StatsOverview, facts: readonly DossierFacts[], q: StatsQuery, now: number): void {
  const mine = q.agent === undefined ? facts : facts.filter((f) => f.assigneeId === q.agent);
  const open = mine.filter((f) => f.status !== 'closed');
  expect(o.open).toBe(open.length);
  expect(sum(o.openByStatus)).toBe(open.length);
  expect(sum(o.openBySubject)).toBe(open.length);
  expect(sum(o.ageBuckets.map((b) => b.count))).toBe(open.length);

  const closed = mine.filter((f) => f.status === 'closed' && inPeriod(q, f.closedAt));
  expect(o.closures.count).toBe(closed.length);
  expect(sum(o.closures.byReason)).toBe(closed.length);
  expect(sum(o.closures.byOutcome)).toBe(closed.length);

  const openIds = new Set(open.map((f) => f.id));
  const listed: string[] = [];
  for (const list of Object.values(o.breaches)) {
    expect(list.ids.length).toBe(Math.min(list.count, BREACH_IDS_CAP));
    for (const id of list.ids) expect(openIds.has(id), id).toBe(true);
    listed.push(...list.ids);
  }
  expect(new Set(listed).size).toBe(listed.length);
  const late = open
    .filter((f) => f.status === 'awaiting_klikpay' && f.dueAt !== null && f.dueAt <= now)
    .sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0) || (a.id < b.id ? -1 : 1));
  expect(o.breaches.klikpayLate).toEqual({ count: late.length, ids: late.map((f) => f.id) });

  let decided = 0;
  for (const f of mine) {
    for (const e of f.episodes) {
      if (inPeriod(q, e.due) && (e.end !== null || e.due <= now)) decided++;
    }
  }
  let counted = 0;
  for (const w of o.slaByWeek) {
    const scores = [...Object.values(w.byParty), w.all];
    for (const sc of scores) {
      if (sc.share === null) expect(sc.met + sc.missed).toBe(0);
      else {
        expect(sc.share).toBeGreaterThanOrEqual(0);
        expect(sc.share).toBeLessThanOrEqual(1);
        expect(sc.share).toBeCloseTo(sc.met / (sc.met + sc.missed), 12);
      }
    }
    expect(w.all.met).toBe(sum(Object.values(w.byParty).map((sc) => sc.met)));
    expect(w.all.missed).toBe(sum(Object.values(w.byParty).map((sc) => sc.missed)));
    counted += w.all.met + w.all.missed;
  }
  expect(counted).toBe(decided);
  expect(Date.parse(o.slaByWeek[0]?.start ?? '')).toBeLessThanOrEqual(Date.parse(q.from));
  expect(Date.parse(o.slaByWeek.at(-1)?.end ?? '')).toBeGreaterThanOrEqual(Date.parse(q.to));

  const replies = mine.filter((f) => inPeriod(q, f.firstReplyAt));
  expect(o.firstReply.count).toBe(replies.length);
  expect(statsOverviewSchema.parse(JSON.parse(JSON.stringify(o)))).toEqual(o);
}

describe('statsOverview over lived dossiers', () => {
  it(
    'adds up: open by status, by subject and by age, closures by reason and by outcome, SLA by week, breaches',
    () => {
      let decided = 0;
      fc.assert(
        fc.property(figures, (input) => {
          const { facts, now, query, s } = setUp(input);
          const o = statsOverview(facts, query, now, s);
          checkAddsUp(o, facts, query, now);
          decided += sum(o.slaByWeek.map((w) => w.all.met + w.all.missed));
        }),
        RUNS,
      );
      expect(decided).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    'narrowed to an agent: the team’s figures over that agent’s dossiers, and that agent’s own row',
    () => {
      fc.assert(
        fc.property(figures, (input) => {
          const { facts, now, query, s } = setUp(input);
          const { agent: who, ...team } = query;
          const all = statsOverview(facts, team, now, s);
          if (who === undefined) {
            // Each agent's late dossiers are among the team's; missed deadlines are put to one holder at most.
            expect(sum(all.agents.map((a) => a.breaches.lateNow))).toBeLessThanOrEqual(
              all.breaches.klikpayLate.count,
            );
            const missed = sum(all.slaByWeek.map((w) => w.byParty.klikpay.missed));
            expect(sum(all.agents.map((a) => a.breaches.missedInPeriod))).toBeLessThanOrEqual(missed);
            expect(sum(all.agents.map((a) => a.closedInPeriod))).toBeLessThanOrEqual(all.closures.count);
            return;
          }
          const narrowed = statsOverview(facts, query, now, s);
          const theirs = statsOverview(
            facts.filter((f) => f.assigneeId === who),
            team,
            now,
            s,
          );
          const { agents, agent: named, ...rest } = narrowed;
          const { agents: _agents, agent: _none, ...expected } = theirs;
          expect(rest).toEqual(expected);
          expect(named).toBe(who);
          expect(agents).toEqual(all.agents.filter((a) => a.agentId === who));
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});

describe('median', () => {
  it('is the middle of the sorted values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1_000, max: 1_000 }), { minLength: 1, maxLength: 200 }),
        (values) => {
          const sorted = [...values].sort((a, b) => a - b);
          const n = sorted.length;
          const expected =
            n % 2 === 1 ? sorted[(n - 1) / 2] : ((sorted[n / 2 - 1] ?? 0) + (sorted[n / 2] ?? 0)) / 2;
          expect(median(values)).toBe(expected);
        },
      ),
      RUNS,
    );
  });
});
