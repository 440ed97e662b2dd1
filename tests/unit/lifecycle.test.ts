import { describe, expect, it } from 'vitest';
import { commandSchemas } from '../../src-shared/domain/commands';
import { fileClaim } from '../../src-shared/domain/lifecycle';
import type { Dossier } from '../../src-shared/domain/model';
import type { Actor } from '../../src-shared/domain/transitions';
import {
  agent,
  agent2,
  at,
  claim,
  customer,
  DAY,
  file,
  ids,
  merchant,
  monday,
  ok,
  run,
  settings,
  step,
  supervisor,
} from './fixtures';

const iso = (ms: number) => new Date(ms).toISOString();
const later = (days: number) => monday + days * DAY;

describe('filing and routing', () => {
  it('sends a payment claim to Klik & Pay, due within one business day (skipping 14 July)', () => {
    const decision = ok(
      fileClaim(claim({ subject: 'payment' }), { now: monday, settings, actor: customer, newId: ids() }),
    );
    expect(decision.dossier).toMatchObject({
      status: 'awaiting_klikpay',
      dueAt: '2026-07-15T08:00:00.000Z',
      merchantStage: null,
      version: 1,
    });
    expect(decision.messages.map((m) => [m.kind, m.audience])).toEqual([
      ['claim', 'both'],
      ['notice', 'customer'],
    ]);
    expect(decision.messages[1]?.body).toMatch(/sous un jour ouvré/);
    expect(decision.events.map((e) => e.type)).toEqual(['dossier.filed']);
    expect(decision.dossier.autoCloseAt).toBe(iso(monday + 120 * DAY));
  });

  it('forwards a delivery claim to the merchant with 7 calendar days, telling the merchant in its language', () => {
    const decision = ok(
      fileClaim(claim({ transaction: { ...claim().transaction, merchantLanguage: 'en' } }), {
        now: monday,
        settings,
        actor: customer,
        newId: ids(),
      }),
    );
    expect(decision.dossier).toMatchObject({
      status: 'awaiting_merchant',
      merchantStage: 'answer_due',
      dueAt: '2026-07-20T08:00:00.000Z',
    });
    const forward = decision.messages.find((m) => m.audience === 'merchant');
    expect(forward?.body).toMatch(/Please answer your customer through Klik & Pay by 20 July 2026/);
  });

  it.each([
    [
      'the customer says the merchant e-mail is invalid',
      { merchantContact: 'merchant_email_invalid' as const },
    ],
    ['mail to the merchant bounces', { merchantEmailValid: false }],
  ])('gives a delivery claim to Klik & Pay when %s', (_why, over) => {
    expect(file(over).status).toBe('awaiting_klikpay');
  });

  it('files only for customers', () => {
    expect(fileClaim(claim(), { now: monday, settings, actor: agent, newId: ids() })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('whose move it is', () => {
  const delivery = () => file();
  const payment = () => file({ subject: 'payment' });

  it('the merchant answering a dossier that awaits it → awaiting the customer', () => {
    const d = step(
      delivery(),
      merchant,
      { name: 'merchant.message', args: { body: 'Colis renvoyé.' } },
      later(1),
    ).dossier;
    expect(d).toMatchObject({
      status: 'awaiting_customer',
      lastAnswerBy: 'merchant',
      dueAt: null,
      merchantStage: null,
    });
    expect(d.firstResponseAt).toBe(iso(later(1)));
  });

  it('the merchant writing when it is not its move adds to the thread only', () => {
    const before = payment();
    const after = step(
      before,
      merchant,
      { name: 'merchant.message', args: { body: 'FYI' } },
      later(0.1),
    ).dossier;
    expect(after.status).toBe('awaiting_klikpay');
    expect(after.dueAt).toBe(before.dueAt);
  });

  it('a customer reply gives the move back to the merchant with a fresh deadline when it answered last', () => {
    const answered = step(
      delivery(),
      merchant,
      { name: 'merchant.message', args: { body: 'Renvoyé.' } },
      later(1),
    ).dossier;
    const d = step(
      answered,
      customer,
      { name: 'customer.message', args: { body: 'Rien reçu.' } },
      later(3),
    ).dossier;
    expect(d).toMatchObject({
      status: 'awaiting_merchant',
      merchantStage: 'answer_due',
      dueAt: iso(later(10)),
    });
  });

  it('a customer reply gives the move back to Klik & Pay when it answered last', () => {
    const replied = step(
      payment(),
      agent,
      { name: 'dossier.reply', args: { body: 'Nous vérifions.', audience: 'customer' } },
      later(0.5),
    ).dossier;
    expect(replied.status).toBe('awaiting_customer');
    const d = step(
      replied,
      customer,
      { name: 'customer.message', args: { body: 'Merci.' } },
      later(3),
    ).dossier;
    expect(d.status).toBe('awaiting_klikpay');
    expect(d.dueAt).toBe(iso(later(4))); // Thursday 16 → Friday 17 July
  });

  it('a customer writing while it is not their move changes nothing but the thread', () => {
    const before = delivery();
    const after = step(
      before,
      customer,
      { name: 'customer.message', args: { body: 'Des nouvelles ?' } },
      later(2),
    ).dossier;
    expect(after.status).toBe('awaiting_merchant');
    expect(after.dueAt).toBe(before.dueAt);
  });

  it.each([
    ['customer', 'awaiting_customer'],
    ['both', 'awaiting_customer'],
    ['merchant', 'awaiting_merchant'],
  ] as const)('an agent reply to %s → %s', (audience, status) => {
    const d = step(
      payment(),
      agent,
      { name: 'dossier.reply', args: { body: 'Bonjour', audience } },
      later(0.5),
    );
    expect(d.dossier.status).toBe(status);
    expect(d.messages[0]?.audience).toBe(audience);
  });

  it('forwarding to the merchant makes it the merchant’s move with a fresh deadline', () => {
    const d = step(
      payment(),
      agent,
      { name: 'dossier.forward_to_merchant', args: { body: 'Merci de répondre.' } },
      later(1),
    ).dossier;
    expect(d).toMatchObject({
      status: 'awaiting_merchant',
      merchantStage: 'answer_due',
      dueAt: iso(later(8)),
    });
  });

  it('taking over assigns the agent and makes it Klik & Pay’s move', () => {
    // Taken over on Bastille Day (a holiday): due at the end of the next business day, Wednesday 15.
    const d = step(delivery(), agent, { name: 'dossier.take_over', args: {} }, later(1)).dossier;
    expect(d).toMatchObject({
      status: 'awaiting_klikpay',
      assigneeId: 'a1',
      dueAt: '2026-07-15T22:00:00.000Z',
    });
    expect(run(d, agent, { name: 'dossier.take_over', args: {} }, later(1.1))).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const taken = step(d, agent2, { name: 'dossier.take_over', args: {} }, later(1.2)).dossier;
    expect(taken.assigneeId).toBe('a2');
    expect(taken.dueAt).toBe(d.dueAt);
  });
});

describe('internal notes', () => {
  it('never reach a party, never move the dossier, never keep it alive, and are allowed on closed dossiers', () => {
    const before = file();
    const decision = step(
      before,
      agent,
      { name: 'dossier.note', args: { body: 'Marchand déjà signalé.' } },
      later(2),
    );
    expect(decision.messages[0]).toMatchObject({ audience: 'internal', kind: 'note' });
    expect(decision.dossier).toMatchObject({
      status: before.status,
      lastCommunicationAt: before.lastCommunicationAt,
      autoCloseAt: before.autoCloseAt,
    });
    const closed = step(
      before,
      agent,
      { name: 'dossier.close', args: { summary: 'Réglé.' } },
      later(3),
    ).dossier;
    expect(run(closed, agent, { name: 'dossier.note', args: { body: 'Pour mémoire.' } }, later(4)).ok).toBe(
      true,
    );
  });
});

describe('Good Practices reminder and rights information', () => {
  it('reminds a merchant that awaits, with 5 new days and the template in the merchant’s language', () => {
    const decision = step(file(), agent, { name: 'dossier.remind_merchant', args: {} }, later(8));
    expect(decision.dossier).toMatchObject({
      status: 'awaiting_merchant',
      merchantStage: 'reminded',
      remindedAt: iso(later(8)),
      dueAt: iso(later(13)),
    });
    expect(decision.messages[0]).toMatchObject({ audience: 'merchant', kind: 'good_practices_reminder' });
    expect(decision.messages[0]?.body).toMatch(/Bonnes Pratiques/);
  });

  it('uses the agent’s own text when given', () => {
    const decision = step(
      file(),
      agent,
      { name: 'dossier.remind_merchant', args: { body: 'Merci de répondre.' } },
      later(8),
    );
    expect(decision.messages[0]?.body).toBe('Merci de répondre.');
  });

  it('refuses to remind a merchant whose move it is not', () => {
    const refused = run(
      file({ subject: 'payment' }),
      agent,
      { name: 'dossier.remind_merchant', args: {} },
      later(1),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/not awaiting the merchant/);
  });

  it('informs the customer of their rights without changing whose move it is', () => {
    const d = file();
    const decision = step(d, agent, { name: 'dossier.inform_customer', args: {} }, later(8));
    expect(decision.dossier).toMatchObject({
      status: 'awaiting_merchant',
      dueAt: d.dueAt,
      customerInformedAt: iso(later(8)),
    });
    expect(decision.messages[0]).toMatchObject({ audience: 'customer', kind: 'rights_information' });
    expect(decision.messages[0]?.body).toMatch(/30 jours/);
  });
});

describe('assignment, tags and follow-ups', () => {
  it('lets an agent take an unassigned dossier or hand on their own, but not another agent’s', () => {
    const mine = step(
      file(),
      agent,
      { name: 'dossier.assign', args: { assigneeId: 'a1' } },
      later(1),
    ).dossier;
    expect(mine.assigneeId).toBe('a1');
    expect(run(mine, agent2, { name: 'dossier.assign', args: { assigneeId: 'a2' } }, later(1))).toMatchObject(
      { ok: false, error: { code: 'forbidden' } },
    );
    expect(
      step(mine, supervisor, { name: 'dossier.assign', args: { assigneeId: 'a2' } }, later(1)).dossier
        .assigneeId,
    ).toBe('a2');
    expect(
      step(mine, agent, { name: 'dossier.assign', args: { assigneeId: null } }, later(1)).dossier.assigneeId,
    ).toBeNull();
  });

  it('records nothing for a change that changes nothing', () => {
    const mine = step(
      file(),
      agent,
      { name: 'dossier.assign', args: { assigneeId: 'a1' } },
      later(1),
    ).dossier;
    const again = step(mine, agent, { name: 'dossier.assign', args: { assigneeId: 'a1' } }, later(2));
    expect(again.events).toEqual([]);
    expect(again.dossier).toBe(mine);
  });

  it('normalises tags', () => {
    const args = commandSchemas['dossier.tag'].parse({ tags: ['Urgent', ' colis ', 'urgent'] });
    expect(step(file(), agent, { name: 'dossier.tag', args }, later(1)).dossier.tags).toEqual([
      'colis',
      'urgent',
    ]);
    expect(commandSchemas['dossier.tag'].safeParse({ tags: ['<b>'] }).success).toBe(false);
  });

  it('keeps follow-ups personal, in the future, and clearable', () => {
    const d = step(
      file(),
      agent,
      { name: 'dossier.follow_up', args: { until: iso(later(5)) } },
      later(1),
    ).dossier;
    const both = step(
      d,
      agent2,
      { name: 'dossier.follow_up', args: { until: iso(later(6)) } },
      later(1),
    ).dossier;
    expect(both.followUps).toEqual({ a1: iso(later(5)), a2: iso(later(6)) });
    expect(
      step(both, agent, { name: 'dossier.follow_up', args: { until: null } }, later(2)).dossier.followUps,
    ).toEqual({ a2: iso(later(6)) });
    expect(
      run(d, agent, { name: 'dossier.follow_up', args: { until: iso(later(0.5)) } }, later(1)),
    ).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});

describe('closing and reopening', () => {
  it('closes with a required summary and an optional outcome, notifying both parties', () => {
    expect(commandSchemas['dossier.close'].safeParse({ summary: '   ' }).success).toBe(false);
    const decision = step(
      file(),
      agent,
      { name: 'dossier.close', args: { summary: 'Remboursé le 2 juillet.', outcome: 'refunded' } },
      later(2),
    );
    expect(decision.dossier).toMatchObject({
      status: 'closed',
      dueAt: null,
      autoCloseAt: null,
      merchantStage: null,
    });
    expect(decision.dossier.closure).toEqual({
      reason: 'resolved_by_klikpay',
      outcome: 'refunded',
      summary: 'Remboursé le 2 juillet.',
      at: iso(later(2)),
      by: { role: 'agent', id: 'a1' },
    });
    expect(decision.messages.map((m) => m.audience).sort()).toEqual(['customer', 'merchant']);
    expect(
      run(decision.dossier, agent, { name: 'dossier.close', args: { summary: 'Encore.' } }, later(3)),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('closes when the customer says the dispute is resolved', () => {
    const d = step(file(), customer, { name: 'customer.resolve', args: {} }, later(2)).dossier;
    expect(d.closure).toMatchObject({ reason: 'resolved_by_client', outcome: null, summary: null });
  });

  it('reopens for supervisors only, back to Klik & Pay, with the inactivity clock restarted', () => {
    const closedLate = step(
      file(),
      agent,
      { name: 'dossier.close', args: { summary: 'Réglé.' } },
      later(130),
    ).dossier;
    expect(
      run(closedLate, agent, { name: 'dossier.reopen', args: { reason: 'Nouvelle pièce.' } }, later(140)),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const decision = step(
      closedLate,
      supervisor,
      { name: 'dossier.reopen', args: { reason: 'Nouvelle pièce.' } },
      later(140),
    );
    expect(decision.dossier).toMatchObject({
      status: 'awaiting_klikpay',
      closure: null,
      reopenedAt: iso(later(140)),
    });
    expect(decision.dossier.autoCloseAt).toBe(iso(later(260)));
    expect(decision.events[0]?.data).toMatchObject({
      reason: 'Nouvelle pièce.',
      previousClosure: { reason: 'resolved_by_klikpay' },
    });
    expect(
      run(decision.dossier, supervisor, { name: 'dossier.reopen', args: { reason: 'x' } }, later(141)),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('escalation by the customer', () => {
  it('gives the move to Klik & Pay, once', () => {
    const answered = step(
      file(),
      merchant,
      { name: 'merchant.message', args: { body: 'Proposition : avoir de 10 €.' } },
      later(1),
    ).dossier;
    const d = step(
      answered,
      customer,
      { name: 'customer.escalate', args: { body: 'Proposition insuffisante.' } },
      later(2),
    ).dossier;
    expect(d).toMatchObject({ status: 'awaiting_klikpay', escalatedAt: iso(later(2)) });
    expect(run(d, customer, { name: 'customer.escalate', args: {} }, later(2.5))).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });
});

describe('refusals', () => {
  const closed = (): Dossier =>
    step(file(), customer, { name: 'customer.resolve', args: {} }, later(1)).dossier;

  it.each([
    [customer, { name: 'customer.message', args: { body: 'Encore moi' } }],
    [customer, { name: 'customer.escalate', args: {} }],
    [customer, { name: 'customer.resolve', args: {} }],
    [merchant, { name: 'merchant.message', args: { body: 'Trop tard ?' } }],
    [agent, { name: 'dossier.reply', args: { body: 'x', audience: 'both' } }],
    [agent, { name: 'dossier.remind_merchant', args: {} }],
    [agent, { name: 'dossier.inform_customer', args: {} }],
    [agent, { name: 'dossier.forward_to_merchant', args: { body: 'x' } }],
    [agent, { name: 'dossier.take_over', args: {} }],
  ] as const)('a closed dossier refuses %o %o', (actor: Actor, command) => {
    const result = run(closed(), actor, command, later(2));
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!result.ok) expect(result.error.message).toMatch(/KP-2026-000123/);
  });

  it.each([
    [customer, { name: 'dossier.reply', args: { body: 'x', audience: 'both' } }],
    [merchant, { name: 'dossier.close', args: { summary: 'x' } }],
    [merchant, { name: 'customer.resolve', args: {} }],
    [customer, { name: 'merchant.message', args: { body: 'x' } }],
    [agent, { name: 'customer.message', args: { body: 'x' } }],
    [agent, { name: 'dossier.reopen', args: { reason: 'x' } }],
  ] as const)('%o may not %o', (actor: Actor, command) => {
    expect(run(file(), actor, command, later(1))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('the audit trail', () => {
  it('records one event per command: who, what, when, and only the fields that changed', () => {
    const d = file();
    const decision = step(d, agent, { name: 'dossier.take_over', args: {} }, at('2026-07-14T09:00:00Z'));
    expect(decision.events).toHaveLength(1);
    const event = decision.events[0];
    expect(event).toMatchObject({
      type: 'dossier.take_over',
      actor: { role: 'agent', id: 'a1' },
      at: '2026-07-14T09:00:00.000Z',
      dossierId: d.id,
    });
    expect(Object.keys(event?.changes ?? {}).sort()).toEqual([
      'assigneeId',
      'dueAt',
      'merchantStage',
      'status',
    ]);
    expect(event?.changes.status).toEqual({ before: 'awaiting_merchant', after: 'awaiting_klikpay' });
    expect(decision.dossier.version).toBe(d.version + 1);
  });
});
