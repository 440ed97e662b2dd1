import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../src-shared/domain/model';
import type { QueueId, Viewer } from '../../src-shared/domain/queues';
import {
  compareInQueue,
  inQueue,
  isKlikpayLate,
  isMerchantOverdue,
  isPastDeadline,
  queueIds,
  urgentAt,
} from '../../src-shared/domain/queues';
import {
  agent,
  agent2,
  cmd,
  customer,
  DAY,
  file,
  later,
  merchant,
  play,
  settings,
  states,
  step,
  story,
  supervisor,
  tick,
} from './fixtures';

const me: Viewer = { userId: 'a1' };
const colleague: Viewer = { userId: 'a2' };
const queuesOf = (d: Dossier, now: number, viewer: Viewer = me): QueueId[] =>
  queueIds.filter((q) => inQueue(q, d, now, viewer, settings));
const ms = (value: string | null | undefined): number => {
  if (value === null || value === undefined) throw new Error('expected an instant');
  return Date.parse(value);
};

describe('queue membership', () => {
  it.each<[string, () => Dossier, number, QueueId[]]>([
    ['a new payment claim', states.klikpay, later(0.1), ['unassigned', 'payment', 'all']],
    [
      'a delivery claim awaiting the merchant',
      states.merchantAnswerDue,
      later(1),
      ['unassigned', 'awaiting_merchant', 'all'],
    ],
    [
      'a merchant overdue (recorded)',
      states.merchantOverdue,
      later(7.6),
      ['unassigned', 'awaiting_merchant', 'merchant_overdue', 'all'],
    ],
    [
      'a merchant reminded after missing its deadline',
      states.merchantReminded,
      later(8.1),
      ['unassigned', 'awaiting_merchant', 'merchant_overdue', 'all'],
    ],
    [
      'a dossier awaiting the customer',
      states.customerAfterMerchant,
      later(2),
      ['unassigned', 'awaiting_customer', 'all'],
    ],
    ['a dossier escalated by the customer', states.escalated, later(2.1), ['unassigned', 'escalated', 'all']],
    ['a dossier closed three days ago', states.closed, later(5), ['recently_closed', 'all']],
  ])('%s', (_what, make, now, expected) => {
    expect(queuesOf(make(), now)).toEqual(expected);
  });

  it('Mine: dossiers assigned to the viewer, not anybody else’s', () => {
    const mine = step(states.klikpay(), agent, cmd.takeOver(), later(0.1)).dossier;
    expect(queuesOf(mine, later(0.2))).toEqual(['mine', 'payment', 'all']);
    expect(queuesOf(mine, later(0.2), colleague)).toEqual(['payment', 'all']);
    const handedOn = step(mine, supervisor, cmd.assign('a2'), later(0.3)).dossier;
    expect(queuesOf(handedOn, later(0.4))).not.toContain('mine');
    expect(queuesOf(handedOn, later(0.4), colleague)).toContain('mine');
  });

  it('Mine: a snoozed dossier leaves it and comes back exactly when its follow-up date comes', () => {
    const mine = step(states.klikpay(), agent, cmd.takeOver(), later(0.1)).dossier;
    const snoozed = step(mine, agent, cmd.followUp(later(5)), later(0.2)).dossier;
    expect(queuesOf(snoozed, later(1))).not.toContain('mine');
    expect(queuesOf(snoozed, later(5) - 1)).not.toContain('mine');
    expect(queuesOf(snoozed, later(5))).toContain('mine');
    expect(queuesOf(snoozed, later(6))).toContain('mine');
    // Still in the other queues meanwhile.
    expect(queuesOf(snoozed, later(1))).toEqual(['payment', 'all']);
  });

  it('Mine: a follow-up brings back a dossier that is not assigned to the viewer', () => {
    const unassigned = step(file(), agent, cmd.followUp(later(3)), later(1)).dossier;
    expect(queuesOf(unassigned, later(2))).not.toContain('mine');
    expect(queuesOf(unassigned, later(3))).toContain('mine');
    const theirs = step(unassigned, supervisor, cmd.assign('a2'), later(1.5)).dossier;
    expect(queuesOf(theirs, later(3))).toContain('mine');
    expect(queuesOf(theirs, later(3), colleague)).toContain('mine');
  });

  it('Mine: follow-ups are personal', () => {
    const mine = step(file(), agent, cmd.takeOver(), later(1)).dossier;
    const colleagueSnoozed = step(mine, agent2, cmd.followUp(later(10)), later(1.5)).dossier;
    // A colleague snoozing does not hide my dossier from me, and their date does not bring it to them early.
    expect(queuesOf(colleagueSnoozed, later(2))).toContain('mine');
    expect(queuesOf(colleagueSnoozed, later(2), colleague)).not.toContain('mine');
    expect(queuesOf(colleagueSnoozed, later(10), colleague)).toContain('mine');
  });

  it('Mine: a reply from a party does not erase the follow-up', () => {
    const history = play(file(), [
      { at: later(1), by: agent, do: cmd.takeOver() },
      { at: later(1.1), by: agent, do: cmd.forward() },
      { at: later(1.2), by: agent, do: cmd.followUp(later(6)) },
      { at: later(2), by: merchant, do: cmd.merchantMessage() },
      { at: later(3), by: customer, do: cmd.customerMessage() },
    ]);
    expect(queuesOf(history.dossier, later(4))).not.toContain('mine');
    expect(queuesOf(history.dossier, later(6))).toContain('mine');
  });

  it('Mine: a follow-up ends with the closure, so a reopened dossier is back at once', () => {
    const mine = step(states.klikpay(), agent, cmd.takeOver(), later(0.1)).dossier;
    const snoozed = step(mine, agent, cmd.followUp(later(20)), later(0.2)).dossier;
    const closed = step(snoozed, agent, cmd.close(), later(1)).dossier;
    const reopened = step(closed, supervisor, cmd.reopen(), later(2)).dossier;
    const assigned = step(reopened, supervisor, cmd.assign('a1'), later(2.1)).dossier;
    expect(queuesOf(assigned, later(3))).toContain('mine');
  });

  it('Mine, Unassigned and Payment claims hold open dossiers only', () => {
    const mine = step(states.klikpay(), agent, cmd.takeOver(), later(0.1)).dossier;
    const snoozed = step(mine, agent, cmd.followUp(later(2)), later(0.2)).dossier;
    const closed = step(snoozed, agent, cmd.close(), later(1)).dossier;
    expect(queuesOf(closed, later(3))).toEqual(['recently_closed', 'all']);
    const closedUnassigned = step(states.klikpay(), agent2, cmd.close(), later(1)).dossier;
    expect(queuesOf(closedUnassigned, later(3))).toEqual(['recently_closed', 'all']);
  });

  it('Payment claims: payment subjects only, whatever their status', () => {
    const forwarded = step(states.klikpay(), agent, cmd.forward(), later(0.5)).dossier;
    expect(queuesOf(forwarded, later(1))).toEqual(['unassigned', 'payment', 'awaiting_merchant', 'all']);
    expect(queuesOf(file({ merchantEmailValid: false }), later(0.1))).toEqual(['unassigned', 'all']);
  });

  it('Escalated: by the customer or automatically, until Klik & Pay answers', () => {
    const auto = tick(states.merchantReminded(), later(14)).dossier;
    expect(queuesOf(auto, later(14))).toEqual(['unassigned', 'escalated', 'all']);
    const taken = step(auto, agent, cmd.takeOver(), later(14.1)).dossier;
    expect(queuesOf(taken, later(14.2))).toEqual(['mine', 'escalated', 'all']);
    const answered = step(taken, agent, cmd.reply('customer'), later(14.3)).dossier;
    expect(queuesOf(answered, later(14.4))).toEqual(['mine', 'awaiting_customer', 'all']);
    // A claim Klik & Pay handles from the start is not an escalation.
    expect(queuesOf(states.klikpay(), later(0.1))).not.toContain('escalated');
    expect(queuesOf(file({ merchantContact: 'merchant_email_invalid' }), later(0.1))).not.toContain(
      'escalated',
    );
  });

  it('Merchant overdue: from the deadline itself, before the scheduler has recorded it', () => {
    const d = states.merchantAnswerDue();
    const due = ms(d.dueAt);
    expect(d.merchantStage).toBe('answer_due');
    expect(isMerchantOverdue(d, due - 1)).toBe(false);
    expect(queuesOf(d, due - 1)).not.toContain('merchant_overdue');
    expect(isMerchantOverdue(d, due)).toBe(true);
    expect(queuesOf(d, due)).toEqual(['unassigned', 'awaiting_merchant', 'merchant_overdue', 'all']);
    // The same answer as once the scheduler has run.
    for (const now of [due - 1, due, due + 1]) {
      expect(isMerchantOverdue(tick(d, now).dossier, now)).toBe(isMerchantOverdue(d, now));
    }
  });

  it('Merchant overdue: leaves when the merchant answers, or when the dossier escalates', () => {
    const answered = step(states.merchantOverdue(), merchant, cmd.merchantMessage(), later(7.7)).dossier;
    expect(queuesOf(answered, later(8))).not.toContain('merchant_overdue');
    const escalated = tick(states.merchantReminded(), later(13)).dossier;
    expect(queuesOf(escalated, later(13))).not.toContain('merchant_overdue');
    const forwarded = step(states.merchantOverdue(), agent, cmd.forward(), later(7.7)).dossier;
    expect(queuesOf(forwarded, later(8))).not.toContain('merchant_overdue');
  });

  it('Closing soon: from 14 days before the auto-close (when the notice goes), not a millisecond before', () => {
    const d = states.customerAfterMerchant();
    const closeAt = ms(d.autoCloseAt);
    expect(queuesOf(d, closeAt - 14 * DAY - 1)).not.toContain('closing_soon');
    expect(queuesOf(d, closeAt - 14 * DAY)).toContain('closing_soon');
    expect(tick(d, closeAt - 14 * DAY).dossier.preCloseNoticeAt).not.toBeNull();
    expect(queuesOf(d, closeAt - 1)).toContain('closing_soon');
    // A message pushes the auto-close back: no longer closing soon.
    const alive = step(d, customer, cmd.customerMessage(), closeAt - 2 * DAY).dossier;
    expect(queuesOf(alive, closeAt - DAY)).not.toContain('closing_soon');
    // Once closed it is recently closed, not closing soon.
    const closed = tick(d, closeAt).dossier;
    expect(queuesOf(closed, closeAt)).toEqual(['recently_closed', 'all']);
  });

  it('Recently closed: for 30 days after the closure, whatever closed it; not once reopened', () => {
    for (const d of [states.closed(), states.closedByClient(), states.closedForInactivity()]) {
      const closedAt = ms(d.closure?.at);
      expect(queuesOf(d, closedAt)).toEqual(['recently_closed', 'all']);
      expect(queuesOf(d, closedAt + 30 * DAY)).toEqual(['recently_closed', 'all']);
      expect(queuesOf(d, closedAt + 30 * DAY + 1)).toEqual(['all']);
    }
    const reopened = step(states.closed(), supervisor, cmd.reopen(), later(3)).dossier;
    expect(queuesOf(reopened, later(3))).toEqual(['unassigned', 'all']);
  });

  it('All: every dossier, open or closed', () => {
    for (const make of Object.values(states))
      expect(inQueue('all', make(), later(400), me, settings)).toBe(true);
  });
});

describe('Klik & Pay late', () => {
  it('from its reply deadline on, while it has the move', () => {
    const d = states.klikpay();
    const due = ms(d.dueAt);
    expect(isKlikpayLate(d, due - 1)).toBe(false);
    expect(isKlikpayLate(d, due)).toBe(true);
    expect(isKlikpayLate(states.merchantOverdue(), later(30))).toBe(false);
    const answered = step(d, agent, cmd.reply('customer'), due + 1).dossier;
    expect(isKlikpayLate(answered, due + 2)).toBe(false);
  });
});

describe('past the deadline', () => {
  it('is the deadline of whoever has the move passing: Klik & Pay’s or the merchant’s, never the customer’s', () => {
    const klikpay = states.klikpay();
    expect(isPastDeadline(klikpay, ms(klikpay.dueAt) - 1)).toBe(false);
    expect(isPastDeadline(klikpay, ms(klikpay.dueAt))).toBe(true);
    const merchantDue = states.merchantAnswerDue();
    expect(isPastDeadline(merchantDue, ms(merchantDue.dueAt) - 1)).toBe(false);
    // Before the scheduler has recorded it, as after.
    expect(isPastDeadline(merchantDue, ms(merchantDue.dueAt))).toBe(true);
    expect(isPastDeadline(states.merchantOverdue(), later(7.6))).toBe(true);
    // Reminded: the merchant has a new deadline, not passed yet.
    const reminded = states.merchantReminded();
    expect(isPastDeadline(reminded, later(8))).toBe(false);
    expect(isPastDeadline(reminded, ms(reminded.dueAt))).toBe(true);
    expect(isPastDeadline(states.customerAfterMerchant(), later(100))).toBe(false);
    expect(isPastDeadline(states.closed(), later(100))).toBe(false);
  });
});

describe('queue order', () => {
  /** Six dossiers in different situations, with references in the reverse order of their urgency. */
  function desk(): Dossier[] {
    return [
      // Awaiting the customer: only its auto-close (14 July + 120 days).
      story({ id: 'waiting', reference: 'KP-2026-000001' }, [
        { at: later(1), by: merchant, do: cmd.merchantMessage() },
      ]),
      // The merchant is due Monday 20 July.
      file({ id: 'merchant', reference: 'KP-2026-000002' }),
      // Klik & Pay is due Wednesday 15 July.
      file({ id: 'payment', reference: 'KP-2026-000003', subject: 'payment' }),
      // Same deadline as `payment`: the reference decides.
      file({ id: 'payment-twin', reference: 'KP-2026-000004', subject: 'payment' }),
      // Closed on day 2 and on day 3.
      story({ id: 'closed-old', reference: 'KP-2026-000005' }, [
        { at: later(2), by: agent, do: cmd.close() },
      ]),
      story({ id: 'closed-new', reference: 'KP-2026-000000' }, [
        { at: later(3), by: customer, do: cmd.resolve() },
      ]),
    ];
  }
  const ordered = (q: QueueId, now = later(4)) =>
    desk()
      .filter((d) => inQueue(q, d, now, me, settings))
      .sort(compareInQueue(q))
      .map((d) => d.id);

  it('puts the most urgent deadline first, then by reference; closed dossiers last', () => {
    expect(ordered('all')).toEqual([
      'payment',
      'payment-twin',
      'merchant',
      'waiting',
      'closed-new',
      'closed-old',
    ]);
    expect(ordered('unassigned')).toEqual(['payment', 'payment-twin', 'merchant', 'waiting']);
    expect(ordered('payment')).toEqual(['payment', 'payment-twin']);
  });

  it('an overdue merchant comes before a dossier still within its deadline', () => {
    const overdue = tick(file({ id: 'late', reference: 'KP-2026-000009' }), later(8)).dossier;
    const fresh = file({ id: 'fresh', reference: 'KP-2026-000008' }, later(7));
    expect([fresh, overdue].sort(compareInQueue('merchant_overdue')).map((d) => d.id)).toEqual([
      'late',
      'fresh',
    ]);
  });

  it('an auto-close that comes before the deadline makes the dossier that urgent', () => {
    const d = states.customerAfterMerchant();
    expect(urgentAt(d)).toBe(ms(d.autoCloseAt));
    expect(urgentAt(states.klikpay())).toBe(ms(states.klikpay().dueAt));
    expect(urgentAt(states.closed())).toBeNull();
  });

  it('lists recently closed dossiers newest closure first', () => {
    expect(ordered('recently_closed')).toEqual(['closed-new', 'closed-old']);
  });
});
