import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DossierFilter, DossierSort } from '../../src-shared/domain/filters';
import type { ClosureOutcomeFilter, DeadlineFilter } from '../../src-shared/domain/filters';
import {
  closureOutcomeFilters,
  compareBy,
  deadlineFilters,
  legacyAmountCurrency,
  matchesFilter,
  sortKeys,
} from '../../src-shared/domain/filters';
import type { Dossier } from '../../src-shared/domain/model';
import type { DeadlineEpisode, DossierFacts } from '../../src-shared/domain/stats';
import { dossierFacts } from '../../src-shared/domain/stats';
import type { QueueId, Viewer } from '../../src-shared/domain/queues';
import { queueIds } from '../../src-shared/domain/queues';
import type {
  ClosureReason,
  MerchantStage,
  OpenStatus,
  Outcome,
  Reason,
  Subject,
} from '../../src-shared/domain/vocabulary';
import { closureReasonSchema, reasonSchema, subjectSchema } from '../../src-shared/domain/vocabulary';
import type { FilterField, OracleContext } from './filter-oracle';
import { filterMisses, oracleMatches, oracleOrder } from './filter-oracle';
import {
  at,
  DAY,
  file,
  FRIDAY,
  HOUR,
  iso,
  later,
  MINUTE,
  MONDAY,
  settings,
  tick,
  transaction,
} from './fixtures';

/**
 * `matchesFilter` and `compareBy` against an oracle written from what each field of a filter means
 * (`filter-oracle.ts`, which calls neither): first a table of hand-made dossiers whose answers are
 * written out, field by field, then random dossiers under random filters and sorts.
 */

const me: Viewer = { userId: 'a1' };
const colleague: Viewer = { userId: 'a2' };
/** The dashboard's facts of the dossiers made with deadline episodes (`withEpisodes`). */
const factsById = new Map<string, DossierFacts>();
/** The dossiers a party wrote in since the viewer last read them (`unreadDossier`). */
const unreadIds = new Set<string>();
/** The filter read by `viewer` at `now` (Monday 13 July 2026, 10:00 Paris, unless a case says). */
const seenBy = (viewer: Viewer, now = MONDAY): OracleContext => ({
  viewer,
  now,
  settings,
  factsOf: (id) => factsById.get(id),
  unread: unreadIds,
});

/** The fields a filter reads, on top of a dossier the rules filed (every other field real). */
interface Shape {
  subject?: Subject;
  reason?: Reason;
  merchantId?: string;
  currency?: string;
  amount?: number;
  tags?: string[];
  assigneeId?: string | null;
  followUps?: Record<string, string>;
  closed?: boolean;
  /** The closure of a closed one (resolved by Klik & Pay, no outcome, two days after MONDAY by default). */
  closureReason?: ClosureReason;
  outcome?: Outcome | null;
  closedAt?: number;
  /** When it was filed (as the rules filed it, MONDAY, by default). */
  createdAt?: number;
  /** Who has the move, the merchant's stage (awaiting the merchant only) and the deadline. */
  status?: OpenStatus;
  merchantStage?: MerchantStage;
  dueAt?: number | null;
}

const filed = file();
function dossier(shape: Shape = {}): Dossier {
  const d = filed;
  return {
    ...d,
    subject: shape.subject ?? 'delivery',
    reason: shape.reason ?? 'not_received',
    transaction: transaction({
      merchantId: shape.merchantId ?? 'm-1',
      currency: shape.currency ?? 'EUR',
      amount: shape.amount ?? 12_990,
    }),
    tags: shape.tags ?? [],
    assigneeId: shape.assigneeId === undefined ? null : shape.assigneeId,
    followUps: shape.followUps ?? {},
    ...(shape.status ? { status: shape.status } : {}),
    ...(shape.status && shape.status !== 'awaiting_merchant'
      ? { merchantStage: null }
      : shape.merchantStage
        ? { merchantStage: shape.merchantStage }
        : {}),
    ...(shape.dueAt === undefined ? {} : { dueAt: shape.dueAt === null ? null : iso(shape.dueAt) }),
    ...(shape.createdAt === undefined ? {} : { createdAt: iso(shape.createdAt) }),
    ...(shape.closed
      ? {
          status: 'closed' as const,
          dueAt: null,
          closure: {
            reason: shape.closureReason ?? 'resolved_by_klikpay',
            outcome: shape.outcome ?? null,
            summary: 'Réglé.',
            at: iso(shape.closedAt ?? later(2)),
            by: { role: 'agent' as const, id: 'a1' },
          },
        }
      : {}),
  };
}

type Case = [what: string, d: Dossier, f: DossierFilter, viewer: Viewer, expected: boolean, now?: number];

/** Dossiers the rules made: a payment claim (Klik & Pay, 1 business day) and a delivery one (merchant, 7 days). */
const paymentClaim = file({ id: 'd-pay', subject: 'payment', reason: 'refund_problem' });
const paymentDue = at(paymentClaim.dueAt ?? '');
const deliveryClaim = file();
const answerDue = at(deliveryClaim.dueAt ?? '');
/** The merchant missed its answer deadline: the scheduler sent the Good Practices reminder (5 days). */
const reminded = tick(deliveryClaim, answerDue).dossier;
/** Friday 17 July, 10:00 Paris: one business day later is Monday 20 July, 10:00. */
const MONDAY_AFTER = at('2026-07-20T10:00:00+02:00');
/** Monday 13 July, 10:00 Paris: 14 July is a public holiday, so one business day later is Wednesday 15, 10:00. */
const WEDNESDAY = at('2026-07-15T10:00:00+02:00');
const klikpayDue = (due: number | null) => dossier({ status: 'awaiting_klikpay', dueAt: due });
const merchantDue = (due: number | null, merchantStage: MerchantStage = 'answer_due') =>
  dossier({ status: 'awaiting_merchant', merchantStage, dueAt: due });

/** The week of Monday 13 July 2026 in Paris, and a figure of it. */
const weekStart = at('2026-07-13T00:00:00+02:00');
const weekEnd = at('2026-07-20T00:00:00+02:00');
const metWeek = {
  deadlineWeek: { party: 'klikpay', verdict: 'met', from: iso(weekStart), to: iso(weekEnd) },
} as const satisfies DossierFilter;
const missedWeek = {
  deadlineWeek: { ...metWeek.deadlineWeek, verdict: 'missed' },
} as const satisfies DossierFilter;
/** A Klik & Pay deadline episode due then, ended `endsAfterDue` after it (null: still running). */
const klikpay = (due: number, endsAfterDue: number | null): DeadlineEpisode => ({
  party: 'klikpay',
  start: due - DAY,
  due,
  end: endsAfterDue === null ? null : due + endsAfterDue,
});
let made = 0;
/** A dossier whose facts hold these deadline episodes. */
function withEpisodes(episodes: DeadlineEpisode[]): Dossier {
  const d = { ...dossier(), id: `d-week-${++made}` };
  factsById.set(d.id, { ...dossierFacts(d, []), episodes });
  return d;
}

/** A dossier the viewer has not read since a party wrote in it. */
function unreadDossier(shape: Parameters<typeof dossier>[0] = {}): Dossier {
  const d = { ...dossier(shape), id: `d-unread-${++made}` };
  unreadIds.add(d.id);
  return d;
}

/** Known answers, written by hand, one block per field of the filter. */
const table: Record<FilterField | 'none' | 'all together', Case[]> = {
  none: [
    ['an empty filter keeps an open dossier', dossier(), {}, me, true],
    ['an empty filter keeps a closed one', dossier({ closed: true }), {}, me, true],
    [
      'empty lists do not filter',
      dossier(),
      { subjects: [], reasons: [], merchantIds: [], tags: [] },
      me,
      true,
    ],
  ],
  subject: [
    ['payment kept by payment', dossier({ subject: 'payment' }), { subjects: ['payment'] }, me, true],
    ['delivery left out by payment', dossier({ subject: 'delivery' }), { subjects: ['payment'] }, me, false],
    ['delivery kept by either', dossier(), { subjects: ['payment', 'delivery'] }, me, true],
  ],
  reason: [
    ['its reason listed', dossier({ reason: 'not_received' }), { reasons: ['not_received'] }, me, true],
    ['another reason', dossier({ reason: 'damaged_or_defective' }), { reasons: ['not_received'] }, me, false],
    [
      'one of several reasons',
      dossier({ reason: 'damaged_or_defective' }),
      { reasons: ['not_received', 'damaged_or_defective'] },
      me,
      true,
    ],
    ['a reason no dossier has here', dossier(), { reasons: ['other'] }, me, false],
  ],
  merchant: [
    ['its merchant', dossier({ merchantId: 'm-1' }), { merchantIds: ['m-1'] }, me, true],
    ['another merchant', dossier({ merchantId: 'm-2' }), { merchantIds: ['m-1'] }, me, false],
    ['one of several merchants', dossier({ merchantId: 'm-2' }), { merchantIds: ['m-1', 'm-2'] }, me, true],
  ],
  currency: [
    ['its currency alone', dossier({ currency: 'USD' }), { currency: 'USD' }, me, true],
    ['another currency alone', dossier({ currency: 'EUR' }), { currency: 'USD' }, me, false],
    [
      '12,990 yen is not €129.90',
      dossier({ currency: 'JPY', amount: 12_990 }),
      { currency: 'EUR', amountMin: 10_000, amountMax: 20_000 },
      me,
      false,
    ],
    [
      'old bounds without a currency are in euros: a dollar amount is left out',
      dossier({ currency: 'USD', amount: 12_990 }),
      { amountMin: 10_000 },
      me,
      false,
    ],
  ],
  amount: [
    [
      'within both bounds',
      dossier({ amount: 12_990 }),
      { currency: 'EUR', amountMin: 10_000, amountMax: 20_000 },
      me,
      true,
    ],
    [
      'the minimum is inclusive',
      dossier({ amount: 12_990 }),
      { currency: 'EUR', amountMin: 12_990 },
      me,
      true,
    ],
    [
      'one cent below the minimum',
      dossier({ amount: 12_989 }),
      { currency: 'EUR', amountMin: 12_990 },
      me,
      false,
    ],
    [
      'the maximum is inclusive',
      dossier({ amount: 12_990 }),
      { currency: 'EUR', amountMax: 12_990 },
      me,
      true,
    ],
    [
      'one cent above the maximum',
      dossier({ amount: 12_991 }),
      { currency: 'EUR', amountMax: 12_990 },
      me,
      false,
    ],
    [
      'a minimum above the maximum keeps nothing',
      dossier({ amount: 15_000 }),
      { currency: 'EUR', amountMin: 20_000, amountMax: 10_000 },
      me,
      false,
    ],
    ['whole yen', dossier({ currency: 'JPY', amount: 500 }), { currency: 'JPY', amountMax: 500 }, me, true],
    [
      'old bounds without a currency, on a euro amount within them',
      dossier({ currency: 'EUR', amount: 12_990 }),
      { amountMin: 10_000, amountMax: 13_000 },
      me,
      true,
    ],
    [
      'old bounds without a currency, on a euro amount above them',
      dossier({ currency: 'EUR', amount: 12_990 }),
      { amountMax: 12_000 },
      me,
      false,
    ],
  ],
  tags: [
    ['its one tag', dossier({ tags: ['vip', 'chargeback'] }), { tags: ['vip'] }, me, true],
    ['all its tags', dossier({ tags: ['vip', 'chargeback'] }), { tags: ['chargeback', 'vip'] }, me, true],
    [
      'some but not all of the tags listed: every tag must be there',
      dossier({ tags: ['vip', 'chargeback'] }),
      { tags: ['vip', 'fraud'] },
      me,
      false,
    ],
    ['none of the tags', dossier({ tags: ['vip'] }), { tags: ['fraud'] }, me, false],
    ['a dossier without tags', dossier({ tags: [] }), { tags: ['vip'] }, me, false],
  ],
  assignee: [
    ['me: assigned to the viewer', dossier({ assigneeId: 'a1' }), { assignee: 'me' }, me, true],
    [
      'me: the same dossier seen by a colleague',
      dossier({ assigneeId: 'a1' }),
      { assignee: 'me' },
      colleague,
      false,
    ],
    ['me: unassigned', dossier({ assigneeId: null }), { assignee: 'me' }, me, false],
    [
      'me: a follow-up does not assign the dossier to its author',
      dossier({ assigneeId: null, followUps: { a1: iso(MONDAY - 1) } }),
      { assignee: 'me' },
      me,
      false,
    ],
    [
      'me: snoozed by the viewer, still assigned to them',
      dossier({ assigneeId: 'a1', followUps: { a1: iso(later(30)) } }),
      { assignee: 'me' },
      me,
      true,
    ],
    ['none: unassigned', dossier({ assigneeId: null }), { assignee: 'none' }, me, true],
    ['none: assigned to the viewer', dossier({ assigneeId: 'a1' }), { assignee: 'none' }, me, false],
    ['none: assigned to a colleague', dossier({ assigneeId: 'a2' }), { assignee: 'none' }, me, false],
    [
      'none: unassigned but followed up',
      dossier({ assigneeId: null, followUps: { a2: iso(later(1)) } }),
      { assignee: 'none' },
      me,
      true,
    ],
    ['an agent: theirs', dossier({ assigneeId: 'a2' }), { assignee: 'a2' }, me, true],
    ['an agent: someone else’s', dossier({ assigneeId: 'a1' }), { assignee: 'a2' }, me, false],
    ['an agent: unassigned', dossier({ assigneeId: null }), { assignee: 'a2' }, me, false],
  ],
  deadline: [
    // As the rules leave them, at the instants that matter.
    [
      'the rules: a payment claim is due in exactly one business day',
      paymentClaim,
      { deadline: 'due_next_business_day' },
      me,
      true,
    ],
    ['the rules: … and is not late yet', paymentClaim, { deadline: 'klikpay_late' }, me, false],
    [
      'the rules: a millisecond before its deadline, due soon',
      paymentClaim,
      { deadline: 'due_next_business_day' },
      me,
      true,
      paymentDue - 1,
    ],
    [
      'the rules: at its deadline, Klik & Pay is late',
      paymentClaim,
      { deadline: 'klikpay_late' },
      me,
      true,
      paymentDue,
    ],
    [
      'the rules: at its deadline, no longer due soon',
      paymentClaim,
      { deadline: 'due_next_business_day' },
      me,
      false,
      paymentDue,
    ],
    [
      'the rules: a merchant a week from its deadline',
      deliveryClaim,
      { deadline: 'due_next_business_day' },
      me,
      false,
    ],
    ['the rules: nor late', deliveryClaim, { deadline: 'merchant_late' }, me, false],
    [
      'the rules: a merchant due within a business day',
      deliveryClaim,
      { deadline: 'due_next_business_day' },
      me,
      true,
      answerDue - 6 * HOUR,
    ],
    [
      'the rules: a merchant at its deadline, not yet marked overdue, is late',
      deliveryClaim,
      { deadline: 'merchant_late' },
      me,
      true,
      answerDue,
    ],
    [
      'the rules: a merchant late is not Klik & Pay late',
      deliveryClaim,
      { deadline: 'klikpay_late' },
      me,
      false,
      answerDue,
    ],
    [
      'the rules: reminded, its new deadline ahead, the merchant is still late',
      reminded,
      { deadline: 'merchant_late' },
      me,
      true,
      answerDue + MINUTE,
    ],
    [
      'the rules: reminded, its new deadline an hour away, late rather than due soon',
      reminded,
      { deadline: 'due_next_business_day' },
      me,
      false,
      at(reminded.dueAt ?? '') - HOUR,
    ],
    // The business day: holidays, weekends, both ends of the window.
    [
      'Monday: due on the holiday, within the window',
      klikpayDue(at('2026-07-14T23:00:00+02:00')),
      { deadline: 'due_next_business_day' },
      me,
      true,
    ],
    [
      'Monday: due WEDNESDAY 10:00, the window’s inclusive end',
      klikpayDue(WEDNESDAY),
      { deadline: 'due_next_business_day' },
      me,
      true,
    ],
    [
      'Monday: due a millisecond after it',
      klikpayDue(WEDNESDAY + 1),
      { deadline: 'due_next_business_day' },
      me,
      false,
    ],
    [
      'Monday: due right now is late, not due soon',
      klikpayDue(MONDAY),
      { deadline: 'due_next_business_day' },
      me,
      false,
    ],
    ['Monday: due right now is Klik & Pay late', klikpayDue(MONDAY), { deadline: 'klikpay_late' }, me, true],
    [
      'Monday: a millisecond ahead is not late',
      klikpayDue(MONDAY + 1),
      { deadline: 'klikpay_late' },
      me,
      false,
    ],
    [
      'Friday: due Monday 09:00 across the weekend',
      klikpayDue(MONDAY_AFTER - HOUR),
      { deadline: 'due_next_business_day' },
      me,
      true,
      FRIDAY,
    ],
    [
      'Friday: due Monday 10:00',
      merchantDue(MONDAY_AFTER),
      { deadline: 'due_next_business_day' },
      me,
      true,
      FRIDAY,
    ],
    [
      'Friday: due Monday 10:01',
      merchantDue(MONDAY_AFTER + MINUTE),
      { deadline: 'due_next_business_day' },
      me,
      false,
      FRIDAY,
    ],
    [
      'Saturday: the clock starts Monday 00:00, so the window ends Tuesday 00:00',
      klikpayDue(at('2026-07-20T23:59:00+02:00')),
      { deadline: 'due_next_business_day' },
      me,
      true,
      at('2026-07-18T11:00:00+02:00'),
    ],
    [
      'Saturday: due Tuesday 00:01 is beyond it',
      klikpayDue(at('2026-07-21T00:01:00+02:00')),
      { deadline: 'due_next_business_day' },
      me,
      false,
      at('2026-07-18T11:00:00+02:00'),
    ],
    // Whose move it is.
    [
      'marked overdue, its deadline ahead: late',
      merchantDue(later(3), 'overdue'),
      { deadline: 'merchant_late' },
      me,
      true,
    ],
    ['answer due ahead: not late', merchantDue(later(3)), { deadline: 'merchant_late' }, me, false],
    [
      'awaiting the customer has no deadline to breach',
      dossier({ status: 'awaiting_customer', dueAt: later(0.5) }),
      { deadline: 'due_next_business_day' },
      me,
      false,
    ],
    [
      'awaiting the customer is never late',
      dossier({ status: 'awaiting_customer', dueAt: later(-1) }),
      { deadline: 'klikpay_late' },
      me,
      false,
    ],
    [
      'a closed dossier is never late',
      { ...dossier({ closed: true }), dueAt: iso(later(-1)) },
      { deadline: 'klikpay_late' },
      me,
      false,
    ],
    [
      'awaiting Klik & Pay without a deadline',
      klikpayDue(null),
      { deadline: 'due_next_business_day' },
      me,
      false,
    ],
  ],
  age: [
    // Days since filing, read at MONDAY: the dashboard's buckets, both ends of each.
    [
      'filed an hour ago: under a day',
      dossier({ createdAt: MONDAY - HOUR }),
      { age: { fromDays: 0, toDays: 1 } },
      me,
      true,
    ],
    [
      'filed exactly a day ago: no longer under a day',
      dossier({ createdAt: MONDAY - DAY }),
      { age: { fromDays: 0, toDays: 1 } },
      me,
      false,
    ],
    [
      '… but in the bucket starting at a day',
      dossier({ createdAt: MONDAY - DAY }),
      { age: { fromDays: 1, toDays: 7 } },
      me,
      true,
    ],
    [
      'a millisecond short of a day: not yet in it',
      dossier({ createdAt: MONDAY - DAY + 1 }),
      { age: { fromDays: 1, toDays: 7 } },
      me,
      false,
    ],
    [
      'filed after now (a clock ahead): in the first bucket, which has no lower bound',
      dossier({ createdAt: MONDAY + HOUR }),
      { age: { fromDays: 0, toDays: 1 } },
      me,
      true,
    ],
    [
      '120 days: the last bucket has no upper bound',
      dossier({ createdAt: MONDAY - 400 * DAY }),
      { age: { fromDays: 120, toDays: null } },
      me,
      true,
    ],
    [
      'under 120 days is not in the last bucket',
      dossier({ createdAt: MONDAY - 120 * DAY + 1 }),
      { age: { fromDays: 120, toDays: null } },
      me,
      false,
    ],
    [
      'a closed dossier has no age on the dashboard',
      dossier({ createdAt: MONDAY - 3 * DAY, closed: true }),
      { age: { fromDays: 1, toDays: 7 } },
      me,
      false,
    ],
    [
      'the same filter a week later: the dossier has aged out of it',
      dossier({ createdAt: MONDAY - 3 * DAY }),
      { age: { fromDays: 1, toDays: 7 } },
      me,
      false,
      MONDAY + 7 * DAY,
    ],
  ],
  closureReason: [
    [
      'closed for that reason',
      dossier({ closed: true, closureReason: 'inactivity' }),
      { closureReasons: ['inactivity'] },
      me,
      true,
    ],
    [
      'closed for another',
      dossier({ closed: true, closureReason: 'resolved_by_client' }),
      { closureReasons: ['inactivity'] },
      me,
      false,
    ],
    [
      'an open dossier has no closure reason',
      dossier(),
      { closureReasons: ['resolved_by_klikpay'] },
      me,
      false,
    ],
  ],
  outcome: [
    [
      'closed as refunded',
      dossier({ closed: true, outcome: 'refunded' }),
      { outcomes: ['refunded'] },
      me,
      true,
    ],
    [
      'closed as replaced',
      dossier({ closed: true, outcome: 'replaced' }),
      { outcomes: ['refunded'] },
      me,
      false,
    ],
    [
      'closed without an outcome: none',
      dossier({ closed: true, outcome: null }),
      { outcomes: ['none'] },
      me,
      true,
    ],
    ['open: not even none', dossier(), { outcomes: ['none'] }, me, false],
  ],
  closedPeriod: [
    [
      'closed at the period’s start: in it',
      dossier({ closed: true, closedAt: later(2) }),
      { closedFrom: iso(later(2)), closedTo: iso(later(3)) },
      me,
      true,
    ],
    [
      'closed a millisecond before it',
      dossier({ closed: true, closedAt: later(2) - 1 }),
      { closedFrom: iso(later(2)), closedTo: iso(later(3)) },
      me,
      false,
    ],
    [
      'closed at its end: after it',
      dossier({ closed: true, closedAt: later(3) }),
      { closedFrom: iso(later(2)), closedTo: iso(later(3)) },
      me,
      false,
    ],
    [
      'a start alone',
      dossier({ closed: true, closedAt: later(30) }),
      { closedFrom: iso(later(2)) },
      me,
      true,
    ],
    ['an end alone', dossier({ closed: true, closedAt: later(1) }), { closedTo: iso(later(2)) }, me, true],
    ['an open dossier was not closed in any period', dossier(), { closedTo: iso(later(2)) }, me, false],
  ],
  unread: [
    ['a dossier a party wrote in since it was read', unreadDossier(), { unread: true }, me, true],
    ['a dossier read since', dossier(), { unread: true }, me, false],
    [
      'unread, but of another subject',
      unreadDossier({ subject: 'payment' }),
      { unread: true, subjects: ['delivery'] },
      me,
      false,
    ],
    [
      'unread and closed: the filter alone does not look at the status',
      unreadDossier({ closed: true }),
      { unread: true },
      me,
      true,
    ],
  ],
  deadlineWeek: [
    [
      'a reply deadline met in the week',
      withEpisodes([klikpay(weekStart + DAY, -HOUR)]),
      metWeek,
      me,
      true,
      later(10),
    ],
    ['met is not missed', withEpisodes([klikpay(weekStart + DAY, -HOUR)]), missedWeek, me, false, later(10)],
    [
      'ended at the deadline itself: missed',
      withEpisodes([klikpay(weekStart + DAY, 0)]),
      missedWeek,
      me,
      true,
      later(10),
    ],
    [
      'still running past it: missed',
      withEpisodes([klikpay(weekStart + DAY, null)]),
      missedWeek,
      me,
      true,
      later(10),
    ],
    [
      'still running within it: not decided, neither met nor missed',
      withEpisodes([klikpay(weekStart + 3 * DAY, null)]),
      { deadlineWeek: { ...metWeek.deadlineWeek, verdict: 'met' } },
      me,
      false,
      weekStart + DAY,
    ],
    [
      'still running within it, asked missed',
      withEpisodes([klikpay(weekStart + 3 * DAY, null)]),
      missedWeek,
      me,
      false,
      weekStart + DAY,
    ],
    [
      'due at the week’s first instant: in it',
      withEpisodes([klikpay(weekStart, -HOUR)]),
      metWeek,
      me,
      true,
      later(10),
    ],
    [
      'due at its end: the next week’s',
      withEpisodes([klikpay(weekEnd, -HOUR)]),
      metWeek,
      me,
      false,
      later(10),
    ],
    [
      'another party’s deadline',
      withEpisodes([{ ...klikpay(weekStart + DAY, -HOUR), party: 'merchant' }]),
      metWeek,
      me,
      false,
      later(10),
    ],
    ['a dossier without facts: no known deadline', dossier(), metWeek, me, false, later(10)],
  ],
  'all together': [],
};

// Every field at once: one dossier matching them all, then each field alone made to miss.
const everything: DossierFilter = {
  subjects: ['payment'],
  reasons: ['not_as_ordered', 'other'],
  merchantIds: ['m-3'],
  currency: 'GBP',
  amountMin: 1_000,
  amountMax: 2_000,
  tags: ['vip', 'fraud'],
  assignee: 'none',
  deadline: 'due_next_business_day',
  age: { fromDays: 0, toDays: 1 },
};
const matching: Shape = {
  subject: 'payment',
  reason: 'other',
  merchantId: 'm-3',
  currency: 'GBP',
  amount: 1_500,
  tags: ['fraud', 'litige', 'vip'],
  assigneeId: null,
  status: 'awaiting_klikpay',
  dueAt: later(1),
};
table['all together'].push(['a dossier meeting every field', dossier(matching), everything, me, true]);
const eachFieldOff: [FilterField, Shape][] = [
  ['subject', { subject: 'delivery' }],
  ['reason', { reason: 'not_received' }],
  ['merchant', { merchantId: 'm-1' }],
  ['currency', { currency: 'EUR' }],
  ['amount', { amount: 2_001 }],
  ['tags', { tags: ['litige', 'vip'] }],
  ['assignee', { assigneeId: 'a2' }],
  ['deadline', { dueAt: later(3) }],
  ['age', { createdAt: MONDAY - 2 * DAY }],
];
for (const [what, off] of eachFieldOff) {
  table['all together'].push([
    `every field but its ${what}`,
    dossier({ ...matching, ...off }),
    everything,
    me,
    false,
  ]);
}

describe('the filter on hand-made dossiers with known answers', () => {
  it('starts from the deadlines the rules give, as the deadline cases assume', () => {
    expect(iso(paymentDue)).toBe(iso(WEDNESDAY));
    expect(iso(answerDue)).toBe(iso(MONDAY_AFTER));
    expect(reminded.merchantStage).toBe('reminded');
    expect(at(reminded.dueAt ?? '')).toBeGreaterThan(answerDue);
  });

  it('reads bounds saved without a currency in the currency of the old amount bar', () => {
    // The oracle's own reading of old views; the table's answers above rely on it.
    expect(legacyAmountCurrency).toBe('EUR');
  });

  for (const [field, cases] of Object.entries(table)) {
    describe(field, () => {
      it.each(cases)('%s', (_what, d, f, viewer, expected, now) => {
        // The oracle agrees with the written answer (it is checked too), and so must the rules.
        const ctx = seenBy(viewer, now);
        expect(oracleMatches(d, f, ctx), 'oracle').toBe(expected);
        expect(matchesFilter(d, f, ctx), 'matchesFilter').toBe(expected);
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Random dossiers and filters, from small pools so every field both keeps and leaves out.

const tagPool = ['vip', 'fraud', 'chargeback', 'litige'];
const merchantPool = ['m-1', 'm-2', 'm-3'];
const currencyPool = ['EUR', 'USD', 'JPY'];
const agentPool = ['a1', 'a2', 'a3'];
const amount = fc.integer({ min: 1, max: 40 }).map((n) => n * 50);
const instant = fc.integer({ min: -20, max: 200 }).map((days) => iso(later(days)));
/**
 * The instants a deadline filter is read at: before a holiday, a Friday, a Saturday, a Sunday night,
 * a Tuesday; all on the quarter hour, like the deadlines drawn around them (`nearInstant`), so
 * deadlines fall on and around both ends of the business-day window.
 */
const nows = [MONDAY, MONDAY + 15 * MINUTE, FRIDAY, later(5) + HOUR, later(6) + 13 * HOUR, later(8)];
/** Quarter hours from two days before `now` to three days after. */
const nearInstant = (now: number) =>
  fc.integer({ min: -2 * 96, max: 3 * 96 }).map((q) => iso(now + q * 15 * MINUTE));

/** Random dossiers, their deadlines most often around `now`. */
const randomDossierAt = (now: number): fc.Arbitrary<Dossier> =>
  fc
    .record({
      subject: fc.constantFrom(...subjectSchema.options),
      reason: fc.constantFrom(...reasonSchema.options),
      merchantId: fc.constantFrom(...merchantPool),
      currency: fc.constantFrom(...currencyPool),
      amount,
      tags: fc.subarray(tagPool),
      assigneeId: fc.constantFrom(null, ...agentPool),
      followUps: fc.dictionary(fc.constantFrom(...agentPool), instant, { maxKeys: 2 }),
      // Open three times in four: the deadline filters keep open dossiers only.
      closed: fc.nat(3).map((n) => n === 0),
      closureReason: fc.constantFrom(...closureReasonSchema.options),
      outcome: fc.constantFrom<Outcome | null>(null, 'refunded', 'replaced', 'claim_unfounded'),
      closedAt: fc.oneof(fc.integer({ min: -2 * 96, max: 3 * 96 }).map((q) => later(q / 96))),
      status: fc.constantFrom<OpenStatus>('awaiting_klikpay', 'awaiting_merchant', 'awaiting_customer'),
      merchantStage: fc.constantFrom<MerchantStage>('answer_due', 'answer_due', 'overdue', 'reminded'),
      reference: fc.integer({ min: 100, max: 130 }).map((n) => `KP-2026-000${String(n)}`),
      id: fc.constantFrom('d-1', 'd-2', 'd-3', 'd-10'),
      dueAt: fc.option(fc.oneof(instant, { weight: 4, arbitrary: nearInstant(now) }), { nil: null }),
      autoCloseAt: fc.option(instant, { nil: null }),
      // Filed in the coming months, or up to 150 days before, on the quarter hour like `nows`: ages
      // fall on and around the dashboard's bucket bounds.
      createdAt: fc.oneof(
        instant,
        fc.integer({ min: -150 * 96, max: 8 * 96 }).map((q) => iso(MONDAY + q * 15 * MINUTE)),
      ),
      updatedAt: instant,
    })
    .map(({ reference, id, dueAt, autoCloseAt, createdAt, updatedAt, ...shape }) => {
      const d = dossier(shape);
      return { ...d, reference, id, dueAt, autoCloseAt, createdAt, updatedAt };
    });

/** Ages as the dashboard's buckets and others: a lower bound (0: none) and maybe an upper one above it. */
const ageArbitrary = fc
  .tuple(
    fc.constantFrom(0, 0, 1, 7, 30, 60, 120, 3),
    fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
  )
  .map(([fromDays, span]) => ({ fromDays, toDays: span === null ? null : fromDays + span }));
/** Period bounds around the closures drawn (`closedAt`). */
const closureInstant = fc.integer({ min: -2 * 24, max: 3 * 24 }).map((h) => iso(MONDAY + h * HOUR));

/** Filters as stored, old ones included (bounds without a currency, read in euros). */
const randomFilter: fc.Arbitrary<DossierFilter> = fc.record(
  {
    subjects: fc.subarray([...subjectSchema.options]),
    reasons: fc.subarray([...reasonSchema.options], { maxLength: 3 }),
    merchantIds: fc.subarray(merchantPool, { maxLength: 2 }),
    currency: fc.constantFrom(...currencyPool),
    amountMin: amount,
    amountMax: amount,
    tags: fc.subarray(tagPool, { maxLength: 3 }),
    assignee: fc.constantFrom('me' as const, 'none' as const, ...agentPool),
    deadline: fc.constantFrom(...deadlineFilters),
    age: ageArbitrary,
    closureReasons: fc.subarray([...closureReasonSchema.options], { maxLength: 2 }),
    outcomes: fc.subarray([...closureOutcomeFilters], { maxLength: 3 }),
    closedFrom: closureInstant,
    closedTo: closureInstant,
  },
  { requiredKeys: [] },
);

/** A filter drawn around a dossier seen at `ctx`: each field most often lets it through, sometimes only just. */
function filterNear(d: Dossier, ctx: OracleContext): fc.Arbitrary<DossierFilter> {
  const maybeWith = <T>(list: fc.Arbitrary<T[]>, value: T) =>
    fc.tuple(list, fc.nat(3)).map(([xs, n]) => (n === 0 || xs.includes(value) ? xs : [...xs, value]));
  const { amount: own, currency: its } = d.transaction;
  const bound = fc.integer({ min: -2, max: 2 }).map((k) => Math.max(0, own + k * 50));
  const assignees = ['me' as const, 'none' as const, ...agentPool];
  const near = fc.record(
    {
      subjects: maybeWith(fc.subarray([...subjectSchema.options], { maxLength: 1 }), d.subject),
      reasons: maybeWith(fc.subarray([...reasonSchema.options], { maxLength: 2 }), d.reason),
      merchantIds: maybeWith(fc.subarray(merchantPool, { maxLength: 1 }), d.transaction.merchantId),
      currency: fc.oneof({ weight: 3, arbitrary: fc.constant(its) }, fc.constantFrom(...currencyPool)),
      amountMin: bound,
      amountMax: bound,
      // Most often tags the dossier has; one in four times another one too.
      tags: fc
        .tuple(fc.subarray(d.tags), fc.nat(3), fc.constantFrom(...tagPool))
        .map(([xs, n, extra]) => (n === 0 && !xs.includes(extra) ? [...xs, extra] : xs)),
      assignee: fc.oneof(
        {
          weight: 3,
          arbitrary: fc.constant(d.assigneeId === null ? ('none' as const) : d.assigneeId),
        },
        fc.constantFrom(...assignees),
      ),
      // Most often where the dossier stands now (by the oracle), if anywhere.
      deadline: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...standingOf(d, ctx)) },
        fc.constantFrom(...deadlineFilters),
      ),
      age: fc.oneof({ weight: 3, arbitrary: ageAround(d, ctx) }, ageArbitrary),
      closureReasons: maybeWith(
        fc.subarray([...closureReasonSchema.options], { maxLength: 1 }),
        d.closure?.reason ?? 'inactivity',
      ),
      outcomes: maybeWith(
        fc.subarray<ClosureOutcomeFilter>([...closureOutcomeFilters], { maxLength: 1 }),
        d.closure ? (d.closure.outcome ?? 'none') : 'none',
      ),
      // Bounds on, just before and just after the closure (a start at it keeps it, an end at it does not).
      closedFrom: closedAround(d, [-1, 0, 0, 1]),
      closedTo: closedAround(d, [-1, 0, 1, 1, 1, 1]),
    },
    { requiredKeys: [] },
  );
  // The age keeps open dossiers, the closure fields closed ones: mostly only those the dossier can meet.
  return fc.tuple(near, fc.nat(9)).map(([f, n]) => (n === 0 ? f : onItsSide(f, d)));
}

function onItsSide(f: DossierFilter, d: Dossier): DossierFilter {
  const { age, closureReasons, outcomes, closedFrom, closedTo, ...rest } = f;
  const closure = { closureReasons, outcomes, closedFrom, closedTo };
  const kept = d.status === 'closed' ? closure : { age };
  return { ...rest, ...Object.fromEntries(Object.entries(kept).filter(([, v]) => v !== undefined)) };
}

/** Age bounds on and around the dossier's own age in days, now. */
function ageAround(d: Dossier, ctx: OracleContext): fc.Arbitrary<NonNullable<DossierFilter['age']>> {
  const days = Math.max(0, Math.floor((ctx.now - Date.parse(d.createdAt)) / DAY));
  return fc
    .tuple(
      // Most often its own day (kept), sometimes the day before or after (kept or not).
      fc.constantFrom(days, days, days, Math.max(0, days - 1), days + 1),
      fc.option(fc.integer({ min: 1, max: 2 })),
    )
    .map(([fromDays, span]) => ({ fromDays, toDays: span === null ? null : fromDays + span }));
}

/** An instant a millisecond, or exactly, around the dossier's closure (any closure instant if open). */
function closedAround(d: Dossier, shifts: number[]): fc.Arbitrary<string> {
  if (d.closure === null) return closureInstant;
  const closedAt = Date.parse(d.closure.at);
  return fc.constantFrom(...shifts).map((ms) => iso(closedAt + ms));
}

/** The deadline filters the oracle keeps the dossier under (all of them if none: no hint). */
function standingOf(d: Dossier, ctx: OracleContext): DeadlineFilter[] {
  const kept = deadlineFilters.filter((deadline) => oracleMatches(d, { deadline }, ctx));
  return kept.length > 0 ? kept : [...deadlineFilters];
}

/** The filter cut into what each field asks alone (the currency with its bounds). */
function byField(f: DossierFilter): [FilterField, DossierFilter][] {
  const parts: [FilterField, DossierFilter][] = [];
  const { subjects, reasons, merchantIds, currency, amountMin, amountMax, tags, assignee, deadline } = f;
  const { age, closureReasons, outcomes, closedFrom, closedTo } = f;
  if (subjects) parts.push(['subject', { subjects }]);
  if (reasons) parts.push(['reason', { reasons }]);
  if (merchantIds) parts.push(['merchant', { merchantIds }]);
  if (currency !== undefined) parts.push(['currency', { currency }]);
  if (amountMin !== undefined || amountMax !== undefined)
    parts.push([
      'amount',
      {
        ...(currency === undefined ? {} : { currency }),
        ...(amountMin === undefined ? {} : { amountMin }),
        ...(amountMax === undefined ? {} : { amountMax }),
      },
    ]);
  if (tags) parts.push(['tags', { tags }]);
  if (assignee !== undefined) parts.push(['assignee', { assignee }]);
  if (deadline !== undefined) parts.push(['deadline', { deadline }]);
  if (age !== undefined) parts.push(['age', { age }]);
  if (closureReasons) parts.push(['closureReason', { closureReasons }]);
  if (outcomes) parts.push(['outcome', { outcomes }]);
  if (closedFrom !== undefined || closedTo !== undefined)
    parts.push([
      'closedPeriod',
      {
        ...(closedFrom === undefined ? {} : { closedFrom }),
        ...(closedTo === undefined ? {} : { closedTo }),
      },
    ]);
  return parts;
}

const viewerArbitrary = fc.constantFrom<Viewer>(me, colleague, { userId: 'a3' });
const contextArbitrary: fc.Arbitrary<OracleContext> = fc
  .tuple(viewerArbitrary, fc.constantFrom(...nows))
  .map(([viewer, now]) => seenBy(viewer, now));

describe('the filter on random dossiers and filters, against the oracle', () => {
  it('keeps exactly the dossiers the oracle keeps, for the whole filter and for each field alone', () => {
    /** How often each field kept and left out a dossier: a field never seen both ways proves little. */
    const answers = new Map<string, number>();
    const saw = (key: string) => answers.set(key, (answers.get(key) ?? 0) + 1);
    fc.assert(
      fc.property(
        contextArbitrary.chain((ctx) =>
          fc.tuple(
            fc.constant(ctx),
            fc.oneof(
              fc.tuple(randomDossierAt(ctx.now), randomFilter),
              randomDossierAt(ctx.now).chain((d) => fc.tuple(fc.constant(d), filterNear(d, ctx))),
            ),
          ),
        ),
        ([ctx, [d, f]]) => {
          const expected = oracleMatches(d, f, ctx);
          expect(matchesFilter(d, f, ctx), `misses: ${filterMisses(d, f, ctx).join(', ')}`).toBe(expected);
          saw(`whole ${String(expected)}`);
          for (const [field, part] of byField(f)) {
            const alone = oracleMatches(d, part, ctx);
            expect(matchesFilter(d, part, ctx), `${field} alone: ${JSON.stringify(part)}`).toBe(alone);
            saw(`${field} ${String(alone)}`);
            if (field === 'deadline') saw(`${String(part.deadline)} ${String(alone)}`);
          }
        },
      ),
      // More runs than fields alone need: the age and closure fields keep opposite dossiers, so a
      // whole filter holding both keeps fewer.
      { numRuns: 5_000 },
    );
    const fields: (FilterField | DeadlineFilter)[] = [
      'subject',
      'reason',
      'merchant',
      'currency',
      'amount',
      'tags',
      'assignee',
      'deadline',
      ...deadlineFilters,
      'age',
      'closureReason',
      'outcome',
      'closedPeriod',
    ];
    for (const key of ['whole', ...fields])
      for (const answer of ['true', 'false'])
        expect(answers.get(`${key} ${answer}`) ?? 0, `${key} ${answer}`).toBeGreaterThan(50);
  }, 60_000);

  it('orders any two dossiers as the oracle does, for every sort and queue', () => {
    const sort: fc.Arbitrary<DossierSort> = fc.record({
      key: fc.constantFrom(...sortKeys),
      direction: fc.constantFrom('asc' as const, 'desc' as const),
    });
    fc.assert(
      fc.property(
        sort,
        fc.constantFrom<QueueId>(...queueIds),
        randomDossierAt(MONDAY),
        randomDossierAt(MONDAY),
        (s, queue, a, b) => {
          expect(Math.sign(compareBy(s, queue)(a, b)) || 0).toBe(oracleOrder(s, queue, a, b));
        },
      ),
      { numRuns: 3_000 },
    );
  }, 60_000);
});
