import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src-shared/domain/model';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { DeadlineEpisode, DossierFacts, StatsQuery } from '../../src-shared/domain/stats';
import {
  dossierFacts,
  dossierFactsSchema,
  isoWeekLabel,
  median,
  statsOverview,
  statsOverviewSchema,
  statsQuerySchema,
} from '../../src-shared/domain/stats';
import type { ClaimOptions, Move } from './fixtures';
import {
  agent,
  at,
  cmd,
  customer,
  DAY,
  filing,
  HOUR,
  iso,
  later,
  manualLetters,
  merchant,
  MINUTE,
  MONDAY,
  play,
  settings,
  states,
  supervisor,
} from './fixtures';

/** Paris wall-clock instants of July 2026 (summer time, UTC+2). */
const paris = (local: string): number => at(`2026-07-${local}+02:00`);

/** A whole life from the filing on Monday 13 July 2026, 10:00 Paris: every event and message. */
function lived(over: ClaimOptions, moves: readonly Move[], s = settings) {
  const filed = filing(over, MONDAY, s);
  const h = play(filed.dossier, moves, s);
  return {
    dossier: h.dossier,
    events: [...filed.events, ...h.events],
    messages: [...filed.messages, ...h.messages],
  };
}

// ---------------------------------------------------------------------------------------------
// Facts from real histories

describe('dossierFacts', () => {
  /**
   * A delivery claim (13 July, 10:00) the merchant ignores: the letters go out by themselves at its
   * deadline (20 July), it escalates at the reminder's (25 July, a Saturday: Klik & Pay's business
   * day is Monday, so due Tuesday 00:00), and the assigned agent replies on Monday.
   */
  const ignored = () =>
    lived({}, [
      { at: later(0.1), by: supervisor, do: cmd.assign('a1') },
      { at: later(14), by: agent, do: cmd.reply('customer') },
    ]);

  it('tells each deadline episode, from the filing through the reminder and the escalation', () => {
    const h = ignored();
    const facts = dossierFacts(h.dossier, h.events);
    expect(facts.episodes).toEqual<DeadlineEpisode[]>([
      { party: 'merchant', start: MONDAY, due: later(7), end: later(7) },
      { party: 'merchant_reminded', start: later(7), due: later(12), end: later(12) },
      {
        party: 'klikpay',
        start: later(12),
        due: paris('28T00:00:00'),
        end: later(14),
        assigneeId: 'a1',
      },
    ]);
    expect(facts).toMatchObject({
      id: 'd-1',
      status: 'awaiting_customer',
      subject: 'delivery',
      assigneeId: 'a1',
      merchantId: 'm-1',
      merchantName: 'La Boutique du Voyageur',
      createdAt: MONDAY,
      closedAt: null,
      dueAt: null,
      merchantStage: null,
      escalated: false,
      escalations: 1,
      reminders: [later(7)],
      firstReplyAt: later(14),
      firstReplyBy: 'a1',
      merchantAnswers: [],
    });
    expect(dossierFactsSchema.parse(JSON.parse(JSON.stringify(facts)))).toEqual(facts);
  });

  it('ends the merchant’s episode when it is found overdue, and starts the reminder’s when an agent sends it', () => {
    const h = lived(
      {},
      [
        { at: later(7.4), wait: true },
        { at: later(7.5), by: agent, do: cmd.remind() },
        { at: later(9), by: merchant, do: cmd.merchantMessage() },
      ],
      manualLetters,
    );
    const facts = dossierFacts(h.dossier, h.events);
    expect(facts.episodes).toEqual([
      { party: 'merchant', start: MONDAY, due: later(7), end: later(7) },
      { party: 'merchant_reminded', start: later(7.5), due: later(12.5), end: later(9) },
    ]);
    expect(facts.merchantAnswers).toEqual([{ at: later(9), since: MONDAY }]);
    expect(facts.reminders).toEqual([later(7.5)]);
    expect(facts).toMatchObject({ firstReplyAt: later(7.5), firstReplyBy: 'a1' });
  });

  it('puts a missed Klik & Pay deadline to whoever held the dossier when it passed', () => {
    // Filed Monday 13 July; the 14th is a holiday, so Klik & Pay's reply is due Wednesday 10:00.
    const h = lived({ subject: 'payment' }, [
      { at: later(0.1), by: supervisor, do: cmd.assign('a1') },
      { at: later(1), by: supervisor, do: cmd.assign('a2') },
      { at: later(3), by: supervisor, do: cmd.assign('a1') },
      { at: later(3.1), by: agent, do: cmd.reply('customer') },
    ]);
    const facts = dossierFacts(h.dossier, h.events);
    expect(facts.episodes).toEqual([
      { party: 'klikpay', start: MONDAY, due: paris('15T10:00:00'), end: later(3.1), assigneeId: 'a2' },
    ]);
    expect(facts.assigneeId).toBe('a1');
  });

  it('does not take the merchant’s answer for Klik & Pay’s first reply', () => {
    const h = lived({}, [
      { at: later(1), by: merchant, do: cmd.merchantMessage() },
      { at: later(2), by: customer, do: cmd.escalate() },
    ]);
    expect(h.dossier.firstResponseAt).toBe(iso(later(1)));
    const facts = dossierFacts(h.dossier, h.events, h.messages);
    expect(facts).toMatchObject({ firstReplyAt: null, firstReplyBy: null, escalated: true, escalations: 1 });
    expect(facts.merchantAnswers).toEqual([{ at: later(1), since: MONDAY }]);
    expect(facts.episodes).toEqual([
      { party: 'merchant', start: MONDAY, due: later(7), end: later(1) },
      { party: 'klikpay', start: later(2), due: later(3), end: null, assigneeId: null },
    ]);
  });

  it('gives the same facts whatever order the events arrive in', () => {
    const h = ignored();
    const facts = dossierFacts(h.dossier, h.events);
    expect(dossierFacts(h.dossier, [...h.events].reverse())).toEqual(facts);
    const rotated = [...h.events.slice(2), ...h.events.slice(0, 2)];
    expect(dossierFacts(h.dossier, rotated)).toEqual(facts);
  });

  it('orders a time rule and a command stamped at the same instant by their before-values, not their ids', () => {
    // The merchant answers at the very instant its deadline passes: the rule (and its letters) came first.
    const h = lived({}, [{ at: later(7), by: merchant, do: cmd.merchantMessage() }]);
    expect(h.events.map((e) => e.type)).toEqual([
      'dossier.filed',
      'rule.merchant_overdue',
      'merchant.message',
    ]);
    const expected = [
      { party: 'merchant', start: MONDAY, due: later(7), end: later(7) },
      { party: 'merchant_reminded', start: later(7), due: later(12), end: later(7) },
    ];
    expect(dossierFacts(h.dossier, h.events).episodes).toEqual(expected);
    // Ids that sort the other way round.
    const renamed = h.events.map((e, i): AuditEvent => ({ ...e, id: `z-${String(9 - i)}` }));
    const facts = dossierFacts(h.dossier, renamed);
    expect(facts.episodes).toEqual(expected);
    expect(facts.merchantAnswers).toEqual([{ at: later(7), since: MONDAY }]);
  });

  it('reads a dossier without history from its snapshot alone', () => {
    const reminded = states.merchantReminded();
    expect(dossierFacts(reminded, [])).toMatchObject({
      status: 'awaiting_merchant',
      merchantStage: 'reminded',
      dueAt: later(12),
      reminders: [later(7)],
      episodes: [{ party: 'merchant_reminded', start: later(7), due: later(12), end: null }],
      firstReplyAt: null,
    });
    const answered = states.customerAfterKlikpay();
    expect(dossierFacts(answered, [])).toMatchObject({
      firstReplyAt: later(0.5),
      firstReplyBy: null,
      episodes: [],
    });
    const payment = states.klikpay();
    expect(dossierFacts(payment, []).episodes).toEqual([
      { party: 'klikpay', start: MONDAY, due: paris('15T10:00:00'), end: null, assigneeId: null },
    ]);
  });

  it('rebuilds the episodes of a history missing its start from the changes that remain', () => {
    const h = ignored();
    expect(h.events.map((e) => e.type)).toEqual([
      'dossier.filed',
      'dossier.assign',
      'rule.merchant_overdue',
      'rule.escalated',
      'dossier.reply',
    ]);
    const full = dossierFacts(h.dossier, h.events);
    // The merchant's first deadline is still told by the rule that found it missed.
    const cut = dossierFacts(h.dossier, h.events.slice(2));
    expect(cut.episodes).toEqual(full.episodes);
    // Without that rule, the history starts at the reminder.
    expect(dossierFacts(h.dossier, h.events.slice(3)).episodes).toEqual(full.episodes.slice(1));
  });

  it('closes the last known episode when the history stops short of the snapshot', () => {
    const h = ignored();
    // The agent's reply (Monday 27 July) is missing: the dossier says it was last updated then.
    const facts = dossierFacts(h.dossier, h.events.slice(0, -1));
    expect(facts.episodes.at(-1)).toMatchObject({ party: 'klikpay', end: later(14) });
    expect(facts.firstReplyAt).toBeNull();
  });

  it('names the first reply’s author from the messages when the events do not', () => {
    const h = ignored();
    expect(dossierFacts(h.dossier, [], h.messages)).toMatchObject({
      firstReplyAt: later(14),
      firstReplyBy: 'a1',
    });
  });

  it('ignores events of another dossier and values it cannot read', () => {
    const h = ignored();
    const assign = h.events[1];
    if (assign === undefined) throw new Error('no assignment event');
    const stray: AuditEvent = { ...assign, id: 'x', dossierId: 'd-2', at: iso(later(3)) };
    const garbled: AuditEvent = {
      ...assign,
      id: 'y',
      at: iso(later(4)),
      changes: {
        status: { before: 42, after: 'nonsense' },
        dueAt: { before: 'yesterday', after: 'not a date' },
        merchantStage: { before: 'asleep', after: {} },
      },
    };
    expect(dossierFacts(h.dossier, [...h.events, stray, garbled])).toEqual(dossierFacts(h.dossier, h.events));
  });
});

// ---------------------------------------------------------------------------------------------
// Figures over hand-made facts

const blank: DossierFacts = {
  id: 'blank',
  version: 1,
  status: 'awaiting_customer',
  subject: 'delivery',
  assigneeId: null,
  merchantId: 'm-1',
  merchantName: 'Merchant One',
  createdAt: paris('01T10:00:00'),
  closedAt: null,
  closureReason: null,
  closureOutcome: null,
  closedBy: null,
  dueAt: null,
  merchantStage: null,
  escalated: false,
  escalations: 0,
  firstReplyAt: null,
  firstReplyBy: null,
  reminders: [],
  episodes: [],
  merchantAnswers: [],
};
const fact = (id: string, over: Partial<DossierFacts> = {}): DossierFacts => ({ ...blank, id, ...over });
const klikpay = (id: string, dueAt: number, over: Partial<DossierFacts> = {}) =>
  fact(id, { status: 'awaiting_klikpay', subject: 'payment', dueAt, ...over });
const awaitingMerchant = (
  id: string,
  dueAt: number,
  merchantStage: DossierFacts['merchantStage'],
  over: Partial<DossierFacts> = {},
) => fact(id, { status: 'awaiting_merchant', dueAt, merchantStage, ...over });
const closedFact = (id: string, closedAt: number, over: Partial<DossierFacts> = {}) =>
  fact(id, { status: 'closed', closedAt, closureReason: 'resolved_by_klikpay', ...over });

/** Friday 17 July 2026, 10:00 in Paris. */
const FRIDAY = paris('17T10:00:00');
const july: StatsQuery = { from: '2026-07-01T00:00:00+02:00', to: '2026-08-01T00:00:00+02:00' };
const overview = (
  facts: DossierFacts[],
  now = FRIDAY,
  query: StatsQuery = july,
  s: DisputeSettings = settings,
) => statsOverview(facts, query, now, s);

describe('statsOverview: open dossiers', () => {
  it('counts open dossiers by status (zeros included) and by subject, leaving closed ones out', () => {
    const o = overview([
      klikpay('k', FRIDAY + DAY),
      fact('c1'),
      fact('c2', { subject: 'payment' }),
      closedFact('x', FRIDAY - DAY),
    ]);
    expect(o.open).toBe(3);
    expect(o.openByStatus).toEqual({ awaiting_klikpay: 1, awaiting_merchant: 0, awaiting_customer: 2 });
    expect(o.openBySubject).toEqual({ payment: 2, delivery: 1 });
  });

  it('puts open dossiers in age buckets by days since filing, bounds going up', () => {
    const aged = (id: string, days: number) => fact(id, { createdAt: FRIDAY - days * DAY });
    const o = overview([
      aged('a', 0.5),
      aged('b', 1),
      aged('c', 6.9),
      aged('d', 7),
      aged('e', 45),
      aged('f', 60),
      aged('g', 119),
      aged('h', 200),
      closedFact('x', FRIDAY, { createdAt: FRIDAY - 3 * DAY }),
    ]);
    expect(o.ageBuckets).toEqual([
      { fromDays: 0, toDays: 1, count: 1 },
      { fromDays: 1, toDays: 7, count: 2 },
      { fromDays: 7, toDays: 30, count: 1 },
      { fromDays: 30, toDays: 60, count: 1 },
      { fromDays: 60, toDays: 120, count: 2 },
      { fromDays: 120, toDays: null, count: 1 },
    ]);
  });
});

describe('statsOverview: live breaches', () => {
  it('lists Klik & Pay late, merchant late (as the Merchant overdue queue) and at risk, earliest deadline first', () => {
    const o = overview([
      klikpay('k-late', paris('17T09:00:00')),
      klikpay('k-now', FRIDAY),
      klikpay('k-monday', paris('20T09:59:00')),
      klikpay('k-later', paris('20T10:01:00')),
      awaitingMerchant('m-unrecorded', paris('16T08:00:00'), 'answer_due'),
      awaitingMerchant('m-overdue', paris('15T10:00:00'), 'overdue'),
      awaitingMerchant('m-reminded', paris('21T10:00:00'), 'reminded'),
      awaitingMerchant('m-saturday', paris('18T12:00:00'), 'answer_due'),
      awaitingMerchant('m-next-week', paris('24T12:00:00'), 'answer_due'),
      fact('customer'),
      closedFact('closed', FRIDAY - DAY),
    ]);
    expect(o.breaches).toEqual({
      klikpayLate: { count: 2, ids: ['k-late', 'k-now'] },
      merchantLate: { count: 3, ids: ['m-overdue', 'm-unrecorded', 'm-reminded'] },
      // Friday 10:00 + 1 business day = Monday 10:00.
      atRisk: { count: 2, ids: ['m-saturday', 'k-monday'] },
    });
  });

  it('reaches over a public holiday for at risk, by the calendar of the settings', () => {
    // Monday 13 July 10:00; the 14th is a French public holiday: the next business day ends Wednesday 10:00.
    const facts = [
      klikpay('wednesday-9', paris('15T09:00:00')),
      klikpay('wednesday-10', paris('15T10:00:00')),
      klikpay('wednesday-10-and-a-bit', paris('15T10:00:00') + 1),
    ];
    expect(overview(facts, MONDAY).breaches.atRisk.ids).toEqual(['wednesday-9', 'wednesday-10']);
    const noHolidays = { ...settings, calendar: { ...settings.calendar, publicHolidays: 'none' as const } };
    expect(overview(facts, MONDAY, july, noHolidays).breaches.atRisk.count).toBe(0);
  });

  it('caps each list at 500 ids, the earliest deadlines, and still counts them all', () => {
    const facts = Array.from({ length: 600 }, (_, i) =>
      klikpay(`k-${String(i).padStart(3, '0')}`, FRIDAY - ((i * 37) % 600) * MINUTE - 1),
    );
    const late = overview(facts).breaches.klikpayLate;
    expect(late.count).toBe(600);
    const expected = [...facts]
      .sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0))
      .slice(0, 500)
      .map((f) => f.id);
    expect(late.ids).toEqual(expected);
  });
});

describe('statsOverview: SLA by week', () => {
  const ep = (party: DeadlineEpisode['party'], due: number, end: number | null): DeadlineEpisode => ({
    party,
    start: due - 2 * DAY,
    due,
    end,
  });

  it('decides each episode in the Paris week of its deadline, per party', () => {
    const query = { from: '2026-07-06T00:00:00+02:00', to: '2026-07-20T00:00:00+02:00' };
    const facts = [
      fact('a', {
        episodes: [
          ep('klikpay', paris('08T10:00:00'), paris('08T09:00:00')), // met
          ep('klikpay', paris('09T10:00:00'), paris('09T11:00:00')), // missed
          ep('merchant', paris('12T23:30:00'), null), // still open, past: missed, Sunday night is week 28
          ep('merchant', paris('13T00:30:00'), paris('13T00:00:00')), // met, Monday: week 29
          ep('merchant_reminded', paris('15T10:00:00'), paris('15T10:00:00')), // ended on the deadline: missed
          ep('klikpay', paris('18T10:00:00'), null), // not due yet: not counted
          ep('klikpay', paris('03T10:00:00'), paris('04T10:00:00')), // before the period
          ep('merchant', paris('21T10:00:00'), paris('19T10:00:00')), // after the period
        ],
      }),
    ];
    const o = overview(facts, FRIDAY, query);
    const none = { met: 0, missed: 0, share: null };
    expect(o.slaByWeek).toEqual([
      {
        week: '2026-W28',
        start: '2026-07-05T22:00:00.000Z',
        end: '2026-07-12T22:00:00.000Z',
        byParty: {
          klikpay: { met: 1, missed: 1, share: 0.5 },
          merchant: { met: 0, missed: 1, share: 0 },
          merchant_reminded: none,
        },
        all: { met: 1, missed: 2, share: 1 / 3 },
      },
      {
        week: '2026-W29',
        start: '2026-07-12T22:00:00.000Z',
        end: '2026-07-19T22:00:00.000Z',
        byParty: {
          klikpay: none,
          merchant: { met: 1, missed: 0, share: 1 },
          merchant_reminded: { met: 0, missed: 1, share: 0 },
        },
        all: { met: 1, missed: 1, share: 0.5 },
      },
    ]);
  });

  it('gives whole weeks across the period, a 167-hour week at the change to summer time', () => {
    const query = { from: '2026-03-25T12:00:00Z', to: '2026-04-01T12:00:00Z' };
    const due = at('2026-03-29T23:30:00+02:00'); // Sunday night, summer time since 02:00
    const o = overview(
      [fact('a', { episodes: [ep('klikpay', due, due - HOUR)] })],
      at('2026-04-02T00:00:00Z'),
      query,
    );
    expect(o.slaByWeek.map((w) => [w.week, w.start, w.end, w.all.met])).toEqual([
      ['2026-W13', '2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z', 1],
      ['2026-W14', '2026-03-29T22:00:00.000Z', '2026-04-05T22:00:00.000Z', 0],
    ]);
    expect(o.slaByWeek[0]?.byParty.klikpay.met).toBe(1);
  });

  it('labels ISO weeks by their Thursday’s year', () => {
    expect(isoWeekLabel('2025-12-29')).toBe('2026-W01');
    expect(isoWeekLabel('2026-12-28')).toBe('2026-W53');
    expect(isoWeekLabel('2027-01-04')).toBe('2027-W01');
    expect(isoWeekLabel('2024-12-30')).toBe('2025-W01');
  });
});

describe('statsOverview: agents, first reply, closures, merchants', () => {
  it('gives the median time to first reply, per agent and for the team, over replies made in the period', () => {
    const created = paris('10T09:00:00');
    const replied = (id: string, by: string | null, hours: number) =>
      fact(id, { createdAt: created, firstReplyAt: created + hours * HOUR, firstReplyBy: by });
    const o = overview([
      replied('a', 'a1', 1),
      replied('b', 'a1', 3),
      replied('c', 'a1', 2),
      replied('d', 'a1', 10),
      replied('e', 'a2', 1),
      replied('f', 'a2', 5),
      replied('g', 'a2', 2),
      replied('h', null, 4),
      fact('late', {
        createdAt: paris('30T09:00:00'),
        firstReplyAt: paris('30T09:00:00') + 100 * HOUR,
        firstReplyBy: 'a1',
      }),
    ]);
    expect(o.firstReply).toEqual({ count: 8, medianMs: 2.5 * HOUR });
    const rows = Object.fromEntries(o.agents.map((a) => [a.agentId, a.firstReply]));
    expect(rows).toEqual({ a1: { count: 4, medianMs: 2.5 * HOUR }, a2: { count: 3, medianMs: 2 * HOUR } });
  });

  it('counts each agent’s load, closures and breaches, and narrows everything else to one agent on demand', () => {
    const missed = (assigneeId: string): DeadlineEpisode => ({
      party: 'klikpay',
      start: paris('06T10:00:00'),
      due: paris('07T10:00:00'),
      end: paris('08T10:00:00'),
      assigneeId,
    });
    const facts = [
      klikpay('a1-late', FRIDAY - HOUR, { assigneeId: 'a1', episodes: [missed('a2')] }),
      fact('a1-customer', { assigneeId: 'a1', episodes: [missed('a1')] }),
      awaitingMerchant('a2-merchant', FRIDAY + 3 * DAY, 'answer_due', {
        assigneeId: 'a2',
        merchantId: 'm-2',
      }),
      closedFact('a1-closed-by-a2', paris('10T10:00:00'), {
        assigneeId: 'a1',
        closedBy: 'a2',
        closureOutcome: 'refunded',
      }),
      closedFact('a2-closed-by-a1', paris('11T10:00:00'), { assigneeId: 'a2', closedBy: 'a1' }),
      closedFact('a1-closed-before', paris('11T10:00:00') - 30 * DAY, { assigneeId: 'a1', closedBy: 'a1' }),
    ];
    const team = overview(facts);
    expect(team.agents).toEqual([
      {
        agentId: 'a1',
        open: 2,
        closedInPeriod: 1,
        firstReply: { count: 0, medianMs: null },
        breaches: { missedInPeriod: 1, lateNow: 1 },
      },
      {
        agentId: 'a2',
        open: 1,
        closedInPeriod: 1,
        firstReply: { count: 0, medianMs: null },
        breaches: { missedInPeriod: 1, lateNow: 0 },
      },
    ]);
    expect(team.open).toBe(3);
    expect(team.closures.count).toBe(2);

    const mine = overview(facts, FRIDAY, { ...july, agent: 'a1' });
    expect(mine.agent).toBe('a1');
    expect(mine.agents).toEqual([team.agents[0]]);
    expect(mine.open).toBe(2);
    expect(mine.openByStatus).toEqual({ awaiting_klikpay: 1, awaiting_merchant: 0, awaiting_customer: 1 });
    expect(mine.breaches.klikpayLate.ids).toEqual(['a1-late']);
    expect(mine.closures).toMatchObject({ count: 1, byOutcome: { refunded: 1, none: 0 } });
    // Both missed episodes are on a1's dossiers now, whoever held them then.
    expect(mine.slaByWeek.reduce((n, w) => n + w.byParty.klikpay.missed, 0)).toBe(2);
    expect(team.slaByWeek.reduce((n, w) => n + w.byParty.klikpay.missed, 0)).toBe(2);
    expect(overview(facts, FRIDAY, { ...july, agent: 'nobody' })).toMatchObject({ open: 0, agents: [] });
  });

  it('counts closures of the period by reason and by outcome', () => {
    const o = overview([
      closedFact('a', paris('02T10:00:00'), { closureOutcome: 'refunded', closedBy: 'a1' }),
      closedFact('b', paris('03T10:00:00'), { closedBy: 'a1' }),
      closedFact('c', paris('04T10:00:00'), { closureReason: 'resolved_by_client' }),
      closedFact('d', paris('05T10:00:00'), { closureReason: 'inactivity' }),
      closedFact('before', paris('01T10:00:00') - DAY, { closureOutcome: 'replaced' }),
      closedFact('after', at(july.to), { closureOutcome: 'replaced' }),
    ]);
    expect(o.closures).toEqual({
      count: 4,
      byReason: { resolved_by_client: 1, resolved_by_klikpay: 2, inactivity: 1 },
      byOutcome: {
        refunded: 1,
        partially_refunded: 0,
        replaced: 0,
        delivered: 0,
        claim_unfounded: 0,
        other: 0,
        none: 3,
      },
    });
  });

  it('ranks the merchants who keep claims waiting: overdue now, then reminders needed, then open claims', () => {
    const late = (id: string, merchantId: string, over: Partial<DossierFacts> = {}) =>
      awaitingMerchant(id, FRIDAY - DAY, 'reminded', {
        merchantId,
        merchantName: merchantId.toUpperCase(),
        ...over,
      });
    const answered = (days: number) => ({
      at: paris('10T10:00:00'),
      since: paris('10T10:00:00') - days * DAY,
    });
    const o = overview([
      late('a1', 'm-a', { merchantAnswers: [answered(2), answered(4)] }),
      late('a2', 'm-a', {
        merchantAnswers: [{ at: paris('01T10:00:00') - DAY, since: paris('01T10:00:00') - 20 * DAY }],
      }),
      late('a3', 'm-a'),
      late('b1', 'm-b', { reminders: [paris('02T10:00:00'), paris('09T10:00:00')] }),
      late('c1', 'm-c'),
      fact('c2', { merchantId: 'm-c' }),
      fact('c3', { merchantId: 'm-c' }),
      late('d1', 'm-d'),
      fact('e1', { merchantId: 'm-e', merchantName: 'M-E', reminders: [paris('03T10:00:00')] }),
      fact('f1', { merchantId: 'm-f', reminders: [paris('01T10:00:00') - DAY] }),
      fact('f2', { merchantId: 'm-f' }),
    ]);
    expect(o.merchants.map((m) => [m.merchantId, m.overdue, m.remindersInPeriod, m.open])).toEqual([
      ['m-a', 3, 0, 3],
      ['m-b', 1, 2, 1],
      ['m-c', 1, 0, 3],
      ['m-d', 1, 0, 1],
      ['m-e', 0, 1, 1],
    ]);
    expect(o.merchants[0]).toMatchObject({ merchantName: 'M-A', answers: { count: 2, averageMs: 3 * DAY } });
    expect(o.merchants[1]?.answers).toEqual({ count: 0, averageMs: null });

    const many = Array.from({ length: 25 }, (_, i) =>
      late(`x${String(i)}`, `m-${String(i).padStart(2, '0')}`),
    );
    expect(overview(many).merchants.map((m) => m.merchantId)).toEqual(
      Array.from({ length: 20 }, (_, i) => `m-${String(i).padStart(2, '0')}`),
    );
  });

  it('answers in the shape of its schema, and reads the facts from any iterable', () => {
    function* facts() {
      yield klikpay('k', FRIDAY - HOUR, { assigneeId: 'a1' });
      yield closedFact('c', paris('02T10:00:00'), { closedBy: 'a1' });
    }
    const o = statsOverview(facts(), july, FRIDAY, settings);
    expect(statsOverviewSchema.parse(JSON.parse(JSON.stringify(o)))).toEqual(o);
    expect(o).toMatchObject({
      from: '2026-06-30T22:00:00.000Z',
      to: '2026-07-31T22:00:00.000Z',
      agent: null,
      open: 1,
    });
    expect(o.slaByWeek.map((w) => w.week)).toEqual([
      '2026-W27',
      '2026-W28',
      '2026-W29',
      '2026-W30',
      '2026-W31',
    ]);
  });
});

describe('statsQuerySchema', () => {
  it('takes ISO instants with an offset and an optional agent', () => {
    expect(statsQuerySchema.parse({ ...july, agent: 'a1' })).toEqual({ ...july, agent: 'a1' });
  });

  it('refuses an empty or reversed period, one over ten years, epoch numbers and a bad agent id', () => {
    const bad = [
      { from: july.to, to: july.to },
      { from: july.to, to: july.from },
      { from: '2010-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
      { from: at(july.from), to: at(july.to) },
      { from: '2026-07-01', to: '2026-08-01' },
      { ...july, agent: 'not an id!' },
    ];
    for (const query of bad)
      expect(statsQuerySchema.safeParse(query).success, JSON.stringify(query)).toBe(false);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([2, 2, 2, 9, 2, 2])).toBe(2);
    expect(median([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toBe(5.5);
  });
});
