import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../src-shared/domain/model';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import { defaultSettings } from '../../src-shared/domain/settings';
import { applyTimeRules, nextTimeRule } from '../../src-shared/domain/time-rules';
import type { Actor } from '../../src-shared/domain/transitions';
import {
  agent,
  at,
  changedFields,
  cmd,
  customer,
  DAY,
  deepFreeze,
  file,
  HOUR,
  ids,
  iso,
  later,
  letter,
  manualLetters,
  merchant,
  play,
  settings,
  states,
  step,
  story,
  summaryOf,
  supervisor,
  tick,
} from './fixtures';

const types = (d: { events: { type: string }[] }) => d.events.map((e) => e.type);
const times = (d: { events: { at: string }[] }) => d.events.map((e) => e.at);
const ms = (value: string | null): number => {
  if (value === null) throw new Error('expected an instant, got null');
  return Date.parse(value);
};

describe('the merchant’s deadline', () => {
  it('makes the merchant overdue exactly at its deadline, not a millisecond before', () => {
    const d = deepFreeze(file());
    const due = ms(d.dueAt);
    expect(d.dueAt).toBe('2026-07-20T08:00:00.000Z');
    const before = tick(d, due - 1, manualLetters);
    expect(before.events).toEqual([]);
    expect(before.dossier).toBe(d);
    const overdue = tick(d, due, manualLetters);
    expect(overdue.dossier).toMatchObject({
      status: 'awaiting_merchant',
      merchantStage: 'overdue',
      dueAt: d.dueAt,
      version: d.version + 1,
      updatedAt: d.dueAt,
      lastCommunicationAt: d.lastCommunicationAt,
      autoCloseAt: d.autoCloseAt,
    });
    expect(overdue.messages).toEqual([]);
    expect(overdue.events).toEqual([
      {
        id: expect.any(String),
        dossierId: d.id,
        type: 'rule.merchant_overdue',
        actor: { role: 'system', id: null },
        at: d.dueAt,
        changes: { merchantStage: { before: 'answer_due', after: 'overdue' } },
        data: { messageIds: [] },
      },
    ]);
  });

  it('sends the Good Practices reminder and the rights information by itself the moment it passes', () => {
    const d = deepFreeze(file({ language: 'en', merchantLanguage: 'fr' }));
    const due = ms(d.dueAt);
    expect(tick(d, due - 1).events).toEqual([]);
    const late = tick(d, due);
    expect(late.dossier).toMatchObject({
      status: 'awaiting_merchant',
      merchantStage: 'reminded',
      remindedAt: d.dueAt,
      // One 5-day deadline from the missed one: Saturday 25 July, 10:00 in Paris.
      dueAt: '2026-07-25T08:00:00.000Z',
      customerInformedAt: d.dueAt,
      // The letters are communication: the inactivity clock starts again from them.
      lastCommunicationAt: d.dueAt,
      autoCloseAt: iso(due + 120 * DAY),
      // An automatic letter is not a person's first reply.
      firstResponseAt: null,
    });
    expect(late.events.map((e) => e.type)).toEqual(['rule.merchant_overdue']);
    expect(late.messages.map(summaryOf)).toEqual([
      ['system', 'merchant', 'good_practices_reminder'],
      ['system', 'customer', 'rights_information'],
    ]);
    expect(late.messages[0]?.body).toBe(letter('good_practices_reminder', late.dossier, 'fr'));
    expect(late.messages[0]?.body).toContain('25 juillet 2026');
    expect(late.messages[1]?.body).toBe(letter('rights_information', late.dossier, 'en'));
    expect(late.messages[1]?.body).toContain('reminded them of the e-commerce Good Practices');
    expect(nextTimeRule(late.dossier, settings)).toEqual({
      rule: 'rule.escalated',
      at: ms('2026-07-25T08:00:00.000Z'),
    });
  });

  it('by hand: a dossier left in Merchant overdue escalates to Klik & Pay after 1 business day', () => {
    const d = file();
    const result = tick(d, later(60), manualLetters);
    expect(types(result)).toEqual(['rule.merchant_overdue', 'rule.escalated']);
    // Overdue on Monday 20 July 10:00; one business day later: Tuesday 21 July 10:00.
    expect(times(result)).toEqual([d.dueAt, iso(later(8))]);
    expect(result.dossier).toMatchObject({
      status: 'awaiting_klikpay',
      escalatedAt: iso(later(8)),
      remindedAt: null,
    });
    const notices = result.messages.filter((m) => m.kind === 'notice');
    expect(notices.map(summaryOf)).toEqual([
      ['system', 'customer', 'notice'],
      ['system', 'merchant', 'notice'],
    ]);
    // No reminder was sent: the notice says only that the deadline passed.
    expect(notices[0]?.body).not.toMatch(/rappel/);
    expect(nextTimeRule(tick(d, later(7.5), manualLetters).dossier, manualLetters)).toEqual({
      rule: 'rule.escalated',
      at: later(8),
    });
  });

  it('never drifts to a closure for inactivity while the merchant has the move', () => {
    // Even with an inactivity delay shorter than the merchant's, the merchant's deadlines move it on.
    const short: DisputeSettings = {
      ...manualLetters,
      inactivityDays: 5,
      preCloseNoticeDays: 2,
      merchantAnswerDays: 20,
    };
    const d = file({}, later(0), short);
    const result = tick(d, later(60), short);
    expect(types(result).slice(0, 2)).toEqual(['rule.merchant_overdue', 'rule.escalated']);
    const closed = result.events.find((e) => e.type === 'rule.auto_closed');
    const escalated = result.events.find((e) => e.type === 'rule.escalated');
    // Escalated, and only then the whole notice period before a closure.
    expect(Date.parse(closed?.at ?? '')).toBeGreaterThanOrEqual(Date.parse(escalated?.at ?? '') + 2 * DAY);
  });

  it('is not set off once the merchant has answered, nor on a dossier Klik & Pay has', () => {
    const answered = step(file(), merchant, cmd.merchantMessage(), later(6)).dossier;
    expect(tick(answered, later(30)).events).toEqual([]);
    expect(tick(states.klikpay(), later(30)).events).toEqual([]);
    const takenOver = step(file(), agent, cmd.takeOver(), later(1)).dossier;
    expect(tick(takenOver, later(30)).events).toEqual([]);
  });

  it('starts again from the fresh deadline a forward gives', () => {
    const forwarded = step(states.merchantOverdue(), agent, cmd.forward(), later(8)).dossier;
    expect(forwarded.merchantStage).toBe('answer_due');
    expect(tick(forwarded, later(15) - 1).events).toEqual([]);
    expect(times(tick(forwarded, later(15)))).toEqual([iso(later(15))]);
  });
});

describe('escalation after the reminder deadline', () => {
  /** Overdue on Monday 20 July; reminded the same day at 10:00 Paris, so due Saturday 25 July 10:00. */
  const reminded = () =>
    story(
      { language: 'en', merchantLanguage: 'fr' },
      [{ at: at('2026-07-20T10:00:00+02:00'), by: agent, do: cmd.remind() }],
      manualLetters,
    );

  it('escalates to Klik & Pay exactly at the reminder deadline, with notices to both parties', () => {
    const d = deepFreeze(reminded());
    expect(d).toMatchObject({ merchantStage: 'reminded', dueAt: '2026-07-25T08:00:00.000Z' });
    const deadline = ms(d.dueAt);
    expect(tick(d, deadline - 1).events).toEqual([]);
    const escalated = tick(d, deadline);
    expect(escalated.dossier).toMatchObject({
      status: 'awaiting_klikpay',
      merchantStage: null,
      escalatedAt: iso(deadline),
      // A Saturday: Klik & Pay's business day is Monday, so due at its end.
      dueAt: '2026-07-27T22:00:00.000Z',
      // System notices are not communication.
      lastCommunicationAt: d.lastCommunicationAt,
      autoCloseAt: d.autoCloseAt,
      version: d.version + 1,
    });
    expect(escalated.events).toHaveLength(1);
    expect(escalated.events[0]).toMatchObject({
      type: 'rule.escalated',
      at: iso(deadline),
      actor: { role: 'system', id: null },
      changes: changedFields(d, escalated.dossier),
    });
    expect(escalated.messages.map(summaryOf)).toEqual([
      ['system', 'customer', 'notice'],
      ['system', 'merchant', 'notice'],
    ]);
    const afterReminder = { merchantReminded: true };
    expect(escalated.messages[0]?.body).toBe(
      letter('escalation_notice', escalated.dossier, 'en', afterReminder),
    );
    expect(escalated.messages[1]?.body).toBe(
      letter('escalation_notice', escalated.dossier, 'fr', afterReminder),
    );
    expect(escalated.messages[0]?.body).toContain('even after being reminded');
    for (const m of escalated.messages) expect(m.createdAt).toBe(iso(deadline));
  });

  it('does not escalate a merchant that answered before the reminder deadline', () => {
    const answered = step(
      reminded(),
      merchant,
      cmd.merchantMessage(),
      at('2026-07-24T18:00:00+02:00'),
    ).dossier;
    const result = tick(answered, later(30));
    expect(result.events).toEqual([]);
    expect(result.dossier.status).toBe('awaiting_customer');
  });

  it('escalates at the reminder deadline even when the scheduler runs days later', () => {
    const d = reminded();
    const result = tick(d, later(40));
    expect(types(result)).toEqual(['rule.escalated']);
    expect(result.dossier.escalatedAt).toBe(d.dueAt);
    expect(result.dossier.dueAt).toBe('2026-07-27T22:00:00.000Z');
  });

  it('names the escalation as the next rule while the merchant is reminded', () => {
    const d = reminded();
    expect(nextTimeRule(d, settings)).toEqual({ rule: 'rule.escalated', at: ms(d.dueAt) });
  });
});

describe('the pre-close notice and the auto-close, 120 days without communication', () => {
  /** The merchant answered on Tuesday 14 July: the clock runs from there (auto-close 11 November). */
  const answered = () => states.customerAfterMerchant();

  it('sends a notice to both parties 14 days before, not a millisecond earlier', () => {
    const d = answered();
    expect(d.autoCloseAt).toBe(iso(later(121)));
    expect(tick(d, later(107) - 1).events).toEqual([]);
    const noticed = tick(d, later(107));
    expect(noticed.events).toHaveLength(1);
    expect(noticed.events[0]).toMatchObject({
      type: 'rule.pre_close_notice',
      at: iso(later(107)),
      actor: { role: 'system', id: null },
      changes: { preCloseNoticeAt: { before: null, after: iso(later(107)) } },
    });
    expect(noticed.dossier).toMatchObject({
      status: 'awaiting_customer',
      preCloseNoticeAt: iso(later(107)),
      autoCloseAt: d.autoCloseAt,
      lastCommunicationAt: d.lastCommunicationAt,
    });
    expect(noticed.messages.map(summaryOf)).toEqual([
      ['system', 'customer', 'notice'],
      ['system', 'merchant', 'notice'],
    ]);
    expect(noticed.messages[0]?.body).toBe(letter('pre_close_notice', noticed.dossier, 'fr'));
  });

  it('sends the notice only once', () => {
    const noticed = tick(answered(), later(107)).dossier;
    for (const now of [later(107), later(107) + 1, later(110), later(121) - 1]) {
      expect(tick(noticed, now).events).toEqual([]);
    }
    expect(nextTimeRule(noticed, settings)).toEqual({ rule: 'rule.auto_closed', at: later(121) });
  });

  it('closes for inactivity exactly 120 days after the last communication, telling both parties', () => {
    const noticed = deepFreeze(tick(answered(), later(107)).dossier);
    expect(tick(noticed, later(121) - 1).events).toEqual([]);
    const closed = tick(noticed, later(121));
    expect(closed.dossier).toMatchObject({
      status: 'closed',
      closure: {
        reason: 'inactivity',
        outcome: null,
        summary: null,
        at: iso(later(121)),
        by: { role: 'system', id: null },
      },
      dueAt: null,
      autoCloseAt: null,
      preCloseNoticeAt: null,
      merchantStage: null,
    });
    expect(types(closed)).toEqual(['rule.auto_closed']);
    expect(closed.messages.map(summaryOf)).toEqual([
      ['system', 'customer', 'notice'],
      ['system', 'merchant', 'notice'],
    ]);
    expect(closed.messages[1]?.body).toBe(letter('auto_close_notice', closed.dossier, 'fr'));
    expect(nextTimeRule(closed.dossier, settings)).toBeNull();
    expect(tick(closed.dossier, later(1000)).events).toEqual([]);
  });

  it('closes a claim nobody answered, whoever had the move', () => {
    for (const d of [states.klikpay(), states.escalated(), states.merchantReminded()]) {
      const result = tick(d, later(400));
      expect(result.dossier.closure?.reason).toBe('inactivity');
      expect(result.dossier.closure?.at).toBe(iso(ms(d.lastCommunicationAt) + 120 * DAY));
    }
  });

  it('is not kept alive by internal notes, system notices, tags, assignments or follow-ups', () => {
    const history = play(states.klikpay(), [
      { at: later(10), by: agent, do: cmd.note('RAS') },
      { at: later(50), by: agent, do: cmd.takeOver() },
      { at: later(60), by: supervisor, do: cmd.assign('a2') },
      { at: later(70), by: agent, do: cmd.tag(['dormant']) },
      { at: later(80), by: agent, do: cmd.followUp(later(90)) },
      { at: later(110), by: supervisor, do: cmd.note('Relancer ?') },
      { at: later(130), wait: true },
    ]);
    expect(history.dossier.closure).toMatchObject({ reason: 'inactivity', at: iso(later(120)) });
    expect(history.events.find((e) => e.type === 'rule.pre_close_notice')?.at).toBe(iso(later(106)));
  });

  it('is not kept alive by the escalation’s notices', () => {
    const d = tick(states.merchantReminded(), later(300)).dossier;
    // Reminded on day 7 (a communication): closes 120 days after that, not after the escalation on day 12.
    expect(d.closure).toMatchObject({ reason: 'inactivity', at: iso(later(127)) });
  });

  it.each<[string, Actor, ReturnType<typeof cmd.note>]>([
    ['the customer writes', customer, cmd.customerMessage('Toujours là.')],
    ['the customer escalates with a message', customer, cmd.escalate('Intervenez.')],
    ['the merchant writes', merchant, cmd.merchantMessage('Avoir proposé.')],
    ['an agent replies to the customer', agent, cmd.reply('customer')],
    ['an agent writes to the merchant', agent, cmd.reply('merchant')],
    ['an agent informs the customer of their rights', agent, cmd.inform()],
    ['an agent forwards to the merchant', agent, cmd.forward()],
  ])('restarts after a notice when %s, and a new notice will come', (_who, actor, command) => {
    const noticed = tick(states.customerAfterMerchant(), later(110)).dossier;
    expect(noticed.preCloseNoticeAt).toBe(iso(later(107)));
    const alive = step(noticed, actor, command, later(115)).dossier;
    expect(alive).toMatchObject({
      lastCommunicationAt: iso(later(115)),
      autoCloseAt: iso(later(235)),
      preCloseNoticeAt: null,
    });
    expect(tick(alive, later(121)).events).toEqual([]);
    const result = tick(alive, later(300));
    expect(types(result).slice(-2)).toEqual(['rule.pre_close_notice', 'rule.auto_closed']);
    // Given to the merchant, it is late 7 days later: its automatic letters restart the clock.
    const from = alive.status === 'awaiting_merchant' ? 122 : 115;
    expect(times(result).slice(-2)).toEqual([iso(later(from + 106)), iso(later(from + 120))]);
  });

  it('counts a Good Practices reminder, which reaches the merchant', () => {
    const d = step(states.merchantOverdue(), agent, cmd.remind(), later(100)).dossier;
    expect(d.autoCloseAt).toBe(iso(later(220)));
  });

  it('does not count a customer escalation without a message', () => {
    const before = states.customerAfterMerchant();
    const d = step(before, customer, cmd.escalate(), later(100)).dossier;
    expect(d.autoCloseAt).toBe(before.autoCloseAt);
  });
});

describe('rules applied late fire at their own instant, in order', () => {
  it('a forgotten delivery claim: overdue with its letters, escalation, then notice and close, each at its time', () => {
    const d = deepFreeze(file());
    const result = tick(d, later(200));
    expect(types(result)).toEqual([
      'rule.merchant_overdue',
      'rule.escalated',
      'rule.pre_close_notice',
      'rule.auto_closed',
    ]);
    expect(times(result)).toEqual([d.dueAt, iso(later(12)), iso(later(113)), iso(later(127))]);
    expect(result.messages.map((m) => m.createdAt)).toEqual(
      [7, 7, 12, 12, 113, 113, 127, 127].map((day) => iso(later(day))),
    );
    expect(result.dossier).toMatchObject({
      status: 'closed',
      closure: { reason: 'inactivity', at: iso(later(127)) },
      updatedAt: iso(later(127)),
      version: d.version + 4,
    });
    // Each event records the change it made, from the state the previous one left.
    let state: Dossier = d;
    for (const event of result.events) {
      const next = tick(state, Date.parse(event.at));
      expect(next.events.map((e) => [e.type, e.changes])).toEqual([[event.type, event.changes]]);
      state = next.dossier;
    }
    expect(state).toEqual(result.dossier);
  });

  it('a reminded merchant forgotten for a year: escalation, notice and close at their own instants', () => {
    const d = states.merchantReminded();
    const result = tick(d, later(365));
    expect(types(result)).toEqual(['rule.escalated', 'rule.pre_close_notice', 'rule.auto_closed']);
    expect(times(result)).toEqual([iso(later(12)), iso(later(113)), iso(later(127))]);
    expect(result.events[0]?.changes.dueAt).toEqual({
      before: iso(later(12)),
      after: '2026-07-27T22:00:00.000Z', // 1 business day from Saturday 25 July
    });
    for (let i = 1; i < result.events.length; i++) {
      expect(Date.parse(result.events[i]?.at ?? '')).toBeGreaterThan(
        Date.parse(result.events[i - 1]?.at ?? ''),
      );
    }
  });

  it('gives the same dossier whether the scheduler runs every hour or once', () => {
    for (const make of [states.merchantAnswerDue, states.merchantReminded, states.customerAfterKlikpay]) {
      const d = make();
      const once = tick(d, later(200));
      let hourly = d;
      const events: string[] = [];
      for (let now = later(8.1); now <= later(200); now += 6 * HOUR) {
        const result = tick(hourly, now);
        events.push(...times(result));
        hourly = result.dossier;
      }
      expect(hourly).toEqual(once.dossier);
      expect(events).toEqual(times(once));
    }
  });

  it('is idempotent: applying again at the same instant changes nothing', () => {
    for (const now of [later(1), later(7), later(7.5), later(106), later(119), later(120), later(500)]) {
      const once = tick(file(), now);
      const twice = tick(once.dossier, now);
      expect(twice.events).toEqual([]);
      expect(twice.messages).toEqual([]);
      expect(twice.dossier).toBe(once.dossier);
    }
  });

  it('applying to the past does nothing', () => {
    const d = tick(file(), later(10)).dossier;
    expect(tick(d, later(5)).events).toEqual([]);
  });

  it('uses the given id source', () => {
    const result = applyTimeRules(file(), later(121), settings, ids('sched'));
    expect(result.events.map((e) => e.id)).toEqual(['sched-3', 'sched-6', 'sched-9']);
    expect(result.messages.map((m) => m.id)).toEqual([
      'sched-1',
      'sched-2',
      'sched-4',
      'sched-5',
      'sched-7',
      'sched-8',
    ]);
  });
});

describe('configurable delays', () => {
  const custom: DisputeSettings = {
    ...defaultSettings,
    klikpayReplyBusinessDays: 2,
    merchantAnswerDays: 3,
    merchantReminderDays: 2,
    inactivityDays: 30,
    preCloseNoticeDays: 5,
  };

  it('follow the settings, not the defaults', () => {
    const d = file({}, later(0), custom);
    expect(d).toMatchObject({ dueAt: iso(later(3)), autoCloseAt: iso(later(30)) });
    expect(file({ subject: 'payment' }, later(0), custom).dueAt).toBe('2026-07-16T08:00:00.000Z');
    const history = play(
      d,
      [
        { at: later(4), by: agent, do: cmd.remind() },
        { at: later(100), wait: true },
      ],
      custom,
    );
    // Late on day 3: the letters go out with a 2-day deadline; the agent's second reminder on day 4
    // keeps it (and, reaching the merchant, restarts the 30-day clock).
    expect(history.events.map((e) => [e.type, e.at])).toEqual([
      ['rule.merchant_overdue', iso(later(3))],
      ['dossier.remind_merchant', iso(later(4))],
      ['rule.escalated', iso(later(5))],
      ['rule.pre_close_notice', iso(later(29))],
      ['rule.auto_closed', iso(later(34))],
    ]);
    // Escalated on Saturday 18 July: two business days → end of Tuesday 21 July.
    const escalation = history.events.find((e) => e.type === 'rule.escalated');
    expect(escalation?.changes.dueAt?.after).toBe('2026-07-21T22:00:00.000Z');
  });

  it('by hand, the agent’s first reminder sets the deadline', () => {
    const manual: DisputeSettings = { ...custom, overdueLetters: 'manual' };
    const history = play(
      file({}, later(0), manual),
      [
        { at: later(3.5), by: agent, do: cmd.remind() },
        { at: later(100), wait: true },
      ],
      manual,
    );
    expect(history.events.map((e) => [e.type, e.at])).toEqual([
      ['rule.merchant_overdue', iso(later(3))],
      ['dossier.remind_merchant', iso(later(3.5))],
      ['rule.escalated', iso(later(5.5))],
      ['rule.pre_close_notice', iso(later(28.5))],
      ['rule.auto_closed', iso(later(33.5))],
    ]);
  });
});
