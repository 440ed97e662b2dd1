import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../src-shared/domain/model';
import type { QueueId } from '../../src-shared/domain/queues';
import {
  compareInQueue,
  inQueue,
  isKlikpayLate,
  isMerchantOverdue,
  queueIds,
  urgentAt,
} from '../../src-shared/domain/queues';
import { applyTimeRules } from '../../src-shared/domain/time-rules';
import { agent, agent2, customer, DAY, file, ids, merchant, monday, settings, step } from './fixtures';

const later = (days: number) => monday + days * DAY;
const me = { userId: 'a1' };
const queuesOf = (d: Dossier, now: number, viewer = me): QueueId[] =>
  queueIds.filter((q) => inQueue(q, d, now, viewer, settings));

describe('queue membership', () => {
  it('a new payment claim: unassigned, payment, all', () => {
    expect(queuesOf(file({ subject: 'payment' }), later(0.1))).toEqual(['unassigned', 'payment', 'all']);
  });

  it('a delivery claim waiting for the merchant, then overdue before the scheduler even recorded it', () => {
    const d = file();
    expect(queuesOf(d, later(1))).toEqual(['unassigned', 'awaiting_merchant', 'all']);
    expect(isMerchantOverdue(d, later(7))).toBe(true);
    expect(queuesOf(d, later(7))).toEqual(['unassigned', 'awaiting_merchant', 'merchant_overdue', 'all']);
  });

  it('mine, snoozed away and coming back when the follow-up date comes', () => {
    const mine = step(file(), agent, { name: 'dossier.take_over', args: {} }, later(0.1)).dossier;
    expect(queuesOf(mine, later(0.2))).toContain('mine');
    expect(queuesOf(mine, later(0.2), { userId: 'a2' })).not.toContain('mine');
    const snoozed = step(
      mine,
      agent,
      { name: 'dossier.follow_up', args: { until: new Date(later(5)).toISOString() } },
      later(0.3),
    ).dossier;
    expect(queuesOf(snoozed, later(1))).not.toContain('mine');
    expect(queuesOf(snoozed, later(5))).toContain('mine');
    // A colleague's follow-up brings the dossier into their Mine, not mine.
    const theirs = step(
      file(),
      agent2,
      { name: 'dossier.follow_up', args: { until: new Date(later(2)).toISOString() } },
      later(1),
    ).dossier;
    expect(queuesOf(theirs, later(3), { userId: 'a2' })).toContain('mine');
    expect(queuesOf(theirs, later(3))).not.toContain('mine');
  });

  it('escalated, awaiting customer, closing soon, recently closed', () => {
    const answered = step(
      file(),
      merchant,
      { name: 'merchant.message', args: { body: 'Proposition.' } },
      later(1),
    ).dossier;
    expect(queuesOf(answered, later(2))).toEqual(['unassigned', 'awaiting_customer', 'all']);
    expect(queuesOf(answered, later(108))).toContain('closing_soon');
    expect(queuesOf(answered, later(106))).not.toContain('closing_soon');
    const escalated = step(answered, customer, { name: 'customer.escalate', args: {} }, later(2)).dossier;
    expect(queuesOf(escalated, later(2))).toContain('escalated');
    expect(isKlikpayLate(escalated, later(2))).toBe(false);
    expect(isKlikpayLate(escalated, later(5))).toBe(true);
    const closed = step(
      escalated,
      agent,
      { name: 'dossier.close', args: { summary: 'Réglé.' } },
      later(3),
    ).dossier;
    expect(queuesOf(closed, later(4))).toEqual(['recently_closed', 'all']);
    expect(queuesOf(closed, later(40))).toEqual(['all']);
  });

  it('escalated automatically after the reminder deadline', () => {
    const reminded = step(file(), agent, { name: 'dossier.remind_merchant', args: {} }, later(8)).dossier;
    const d = applyTimeRules(reminded, later(14), settings, ids()).dossier;
    expect(queuesOf(d, later(14))).toEqual(expect.arrayContaining(['escalated']));
  });
});

describe('queue order', () => {
  it('puts the most urgent deadline first, and the newest closure first', () => {
    const payment = file({ subject: 'payment', id: 'p', reference: 'KP-2026-000001' });
    const delivery = file({ id: 'd', reference: 'KP-2026-000002' });
    const answered = step(
      file({ id: 'a', reference: 'KP-2026-000003' }),
      merchant,
      { name: 'merchant.message', args: { body: 'x' } },
      later(1),
    ).dossier;
    const sorted = [answered, delivery, payment].sort(compareInQueue('all')).map((d) => d.id);
    expect(sorted).toEqual(['p', 'd', 'a']);
    expect(urgentAt(answered)).toBe(Date.parse(answered.autoCloseAt ?? ''));
    const older = step(payment, agent, { name: 'dossier.close', args: { summary: 'x' } }, later(2)).dossier;
    const newer = step(delivery, agent, { name: 'dossier.close', args: { summary: 'x' } }, later(3)).dossier;
    expect([older, newer].sort(compareInQueue('recently_closed')).map((d) => d.id)).toEqual(['d', 'p']);
    expect(urgentAt(newer)).toBeNull();
  });
});
