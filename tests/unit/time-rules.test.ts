import { describe, expect, it } from 'vitest';
import { applyTimeRules, nextTimeRule } from '../../src-shared/domain/time-rules';
import { agent, customer, DAY, file, ids, merchant, monday, settings, step } from './fixtures';

const iso = (ms: number) => new Date(ms).toISOString();
const later = (days: number) => monday + days * DAY;
const tick = (d: Parameters<typeof applyTimeRules>[0], now: number) =>
  applyTimeRules(d, now, settings, ids('t'));

describe('the merchant deadline', () => {
  it('makes the merchant overdue exactly at its deadline, not a millisecond before', () => {
    const d = file();
    const due = Date.parse(d.dueAt ?? '');
    expect(tick(d, due - 1).events).toEqual([]);
    const overdue = tick(d, due);
    expect(overdue.dossier).toMatchObject({ status: 'awaiting_merchant', merchantStage: 'overdue' });
    expect(overdue.events.map((e) => [e.type, e.at, e.actor.role])).toEqual([
      ['rule.merchant_overdue', d.dueAt, 'system'],
    ]);
  });

  it('escalates to Klik & Pay when the reminded merchant stays silent past the reminder deadline', () => {
    const reminded = step(
      tick(file(), later(7.5)).dossier,
      agent,
      { name: 'dossier.remind_merchant', args: {} },
      later(8),
    ).dossier;
    const deadline = Date.parse(reminded.dueAt ?? '');
    expect(tick(reminded, deadline - 1).events).toEqual([]);
    const escalated = tick(reminded, deadline);
    expect(escalated.dossier).toMatchObject({
      status: 'awaiting_klikpay',
      escalatedAt: iso(deadline),
      merchantStage: null,
    });
    expect(Date.parse(escalated.dossier.dueAt ?? '')).toBeGreaterThan(deadline);
    expect(escalated.messages.map((m) => [m.audience, m.kind])).toEqual([
      ['customer', 'notice'],
      ['merchant', 'notice'],
    ]);
  });

  it('does not escalate a merchant that answered in time', () => {
    const reminded = step(file(), agent, { name: 'dossier.remind_merchant', args: {} }, later(8)).dossier;
    const answered = step(
      reminded,
      merchant,
      { name: 'merchant.message', args: { body: 'Envoyé.' } },
      later(9),
    ).dossier;
    expect(tick(answered, later(30)).dossier.status).toBe('awaiting_customer');
  });
});

describe('auto-close after 120 days without communication', () => {
  it('sends a notice 14 days before, once, then closes for inactivity', () => {
    const d = step(
      file(),
      merchant,
      { name: 'merchant.message', args: { body: 'Renvoyé.' } },
      later(1),
    ).dossier;
    const closeAt = later(121);
    expect(d.autoCloseAt).toBe(iso(closeAt));
    const noticed = tick(d, closeAt - 14 * DAY);
    expect(noticed.events.map((e) => e.type)).toEqual(['rule.pre_close_notice']);
    expect(noticed.dossier.preCloseNoticeAt).toBe(iso(closeAt - 14 * DAY));
    expect(tick(noticed.dossier, closeAt - 1).events).toEqual([]);
    const closed = tick(noticed.dossier, closeAt);
    expect(closed.dossier.closure).toMatchObject({
      reason: 'inactivity',
      at: iso(closeAt),
      by: { role: 'system', id: null },
    });
    expect(closed.messages).toHaveLength(2);
  });

  it('is not kept alive by internal notes or system notices, but is by a party’s message', () => {
    const d = file();
    const noted = step(d, agent, { name: 'dossier.note', args: { body: 'RAS' } }, later(100)).dossier;
    expect(noted.autoCloseAt).toBe(d.autoCloseAt);
    const noticed = tick(noted, later(110)).dossier;
    expect(noticed.autoCloseAt).toBe(d.autoCloseAt);
    const alive = step(
      noticed,
      customer,
      { name: 'customer.message', args: { body: 'Toujours là.' } },
      later(115),
    ).dossier;
    expect(alive).toMatchObject({
      autoCloseAt: iso(later(235)),
      preCloseNoticeAt: null,
      lastCommunicationAt: iso(later(115)),
    });
  });

  it('is kept alive by Klik & Pay writing to a party', () => {
    const d = step(file(), agent, { name: 'dossier.inform_customer', args: {} }, later(100)).dossier;
    expect(d.autoCloseAt).toBe(iso(later(220)));
  });
});

describe('applied late, all at once', () => {
  it('fires each rule at its own instant, in the order they fell due', () => {
    const d = file();
    const result = tick(d, later(200));
    expect(result.events.map((e) => e.type)).toEqual([
      'rule.merchant_overdue',
      'rule.pre_close_notice',
      'rule.auto_closed',
    ]);
    expect(result.events.map((e) => e.at)).toEqual([d.dueAt, iso(later(106)), iso(later(120))]);
    expect(result.dossier.status).toBe('closed');
  });

  it('is idempotent: applying again changes nothing', () => {
    const once = tick(file(), later(50));
    const twice = tick(once.dossier, later(50));
    expect(twice.events).toEqual([]);
    expect(twice.dossier).toEqual(once.dossier);
  });

  it('names the next rule and when it falls due', () => {
    const d = file();
    expect(nextTimeRule(d, settings)).toEqual({
      rule: 'rule.merchant_overdue',
      at: Date.parse(d.dueAt ?? ''),
    });
    const overdue = tick(d, later(8)).dossier;
    expect(nextTimeRule(overdue, settings)).toEqual({ rule: 'rule.pre_close_notice', at: later(106) });
    expect(nextTimeRule(tick(d, later(200)).dossier, settings)).toBeNull();
  });
});
