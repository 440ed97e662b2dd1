import { describe, expect, it } from 'vitest';
import type { Command, CommandName } from '../../src-shared/domain/commands';
import { commandSchemas } from '../../src-shared/domain/commands';
import { fileClaim } from '../../src-shared/domain/lifecycle';
import type { Dossier } from '../../src-shared/domain/model';
import { klikpayDueAt, merchantDueAt, reminderDueAt } from '../../src-shared/domain/settings';
import type { Actor, Decision } from '../../src-shared/domain/transitions';
import type {
  ActorRole,
  ClosureReason,
  MerchantStage,
  OpenStatus,
  Outcome,
} from '../../src-shared/domain/vocabulary';
import { outcomeSchema } from '../../src-shared/domain/vocabulary';
import {
  agent,
  agent2,
  at,
  changedFields,
  claim,
  cmd,
  customer,
  DAY,
  deepFreeze,
  everyone,
  file,
  filing,
  FRIDAY,
  ids,
  iso,
  later,
  letter,
  manualLetters,
  merchant,
  MONDAY,
  refusal,
  run,
  settings,
  states,
  step,
  story,
  summaryOf,
  supervisor,
  system,
  tick,
  transaction,
} from './fixtures';

/** The audit event of an accepted change: one, by the actor, at `now`, with exactly the fields that changed. */
function expectAudited(before: Dossier, decision: Decision, actor: Actor, type: string, now: number): void {
  expect(decision.events).toHaveLength(1);
  const event = decision.events[0];
  expect(event).toMatchObject({
    dossierId: before.id,
    type,
    actor: { role: actor.role, id: actor.id },
    at: iso(now),
  });
  expect(event?.changes).toEqual(changedFields(before, decision.dossier));
  expect(event?.data.messageIds).toEqual(decision.messages.map((m) => m.id));
  expect(decision.dossier.version).toBe(before.version + 1);
  expect(decision.dossier.updatedAt).toBe(iso(now));
}

// ---------------------------------------------------------------------------------------------

describe('filing and routing', () => {
  it.each([
    ['Monday 10:00 → Wednesday 10:00 (14 July is a holiday)', MONDAY, '2026-07-15T08:00:00.000Z'],
    ['Thursday 16 July 10:00 → Friday 10:00', at('2026-07-16T10:00:00+02:00'), '2026-07-17T08:00:00.000Z'],
    ['Friday 10:00 → Monday 10:00', FRIDAY, '2026-07-20T08:00:00.000Z'],
    [
      'on the 14 July holiday → end of Wednesday 15 (Thursday 00:00)',
      at('2026-07-14T10:00:00+02:00'),
      '2026-07-15T22:00:00.000Z',
    ],
    ['on Saturday → end of Monday', at('2026-07-18T10:00:00+02:00'), '2026-07-20T22:00:00.000Z'],
    [
      'Thursday 7 May → Monday 11 May (8 May is a holiday)',
      at('2026-05-07T10:00:00+02:00'),
      '2026-05-11T08:00:00.000Z',
    ],
    ['Wednesday before Ascension → Friday', at('2026-05-13T10:00:00+02:00'), '2026-05-15T08:00:00.000Z'],
  ])('a payment claim filed %s goes to Klik & Pay, due within one business day', (_when, now, due) => {
    const d = file({ subject: 'payment' }, now);
    expect(d).toMatchObject({
      status: 'awaiting_klikpay',
      merchantStage: null,
      dueAt: due,
      lastAnswerBy: null,
      escalatedAt: null,
      closure: null,
      assigneeId: null,
      tags: [],
      followUps: {},
      createdAt: iso(now),
      updatedAt: iso(now),
      lastCommunicationAt: iso(now),
      autoCloseAt: iso(now + 120 * DAY),
      preCloseNoticeAt: null,
      firstResponseAt: null,
      version: 1,
    });
  });

  it.each([
    ['Monday 13 July 10:00 → Monday 20 July 10:00', MONDAY, '2026-07-20T08:00:00.000Z'],
    ['Friday 17 July → Friday 24 July (weekends count)', FRIDAY, '2026-07-24T08:00:00.000Z'],
    [
      'on the 14 July holiday → Tuesday 21 July (holidays count)',
      at('2026-07-14T10:00:00+02:00'),
      '2026-07-21T08:00:00.000Z',
    ],
    [
      '20 October 10:00 CEST → 27 October 10:00 CET (7 local days across the clock change)',
      at('2026-10-20T10:00:00+02:00'),
      '2026-10-27T09:00:00.000Z',
    ],
  ])('a delivery claim filed %s is forwarded to the merchant for 7 calendar days', (_when, now, due) => {
    const d = file({ subject: 'delivery' }, now);
    expect(d).toMatchObject({
      status: 'awaiting_merchant',
      merchantStage: 'answer_due',
      dueAt: due,
      autoCloseAt: iso(now + 120 * DAY),
      version: 1,
    });
  });

  it.each(['merchant_no_answer', 'proposal_unsatisfactory', 'not_contacted'] as const)(
    'a delivery claim with prior contact %s goes to the merchant',
    (merchantContact) => {
      expect(file({ merchantContact }).status).toBe('awaiting_merchant');
    },
  );

  it.each([
    [
      'the customer says the merchant e-mail is invalid',
      { merchantContact: 'merchant_email_invalid' as const },
    ],
    ['mail to the merchant bounces', { merchantEmailValid: false }],
    ['both', { merchantContact: 'merchant_email_invalid' as const, merchantEmailValid: false }],
  ])('a delivery claim goes to Klik & Pay, due in one business day, when %s', (_why, over) => {
    const decision = filing(over);
    expect(decision.dossier).toMatchObject({
      status: 'awaiting_klikpay',
      merchantStage: null,
      dueAt: '2026-07-15T08:00:00.000Z',
    });
    // Nothing is sent to a merchant that cannot be reached.
    expect(decision.messages.map(summaryOf)).toEqual([
      ['customer', 'both', 'claim'],
      ['system', 'customer', 'notice'],
    ]);
  });

  it('writes the claim, acknowledges it to the customer and tells the merchant, each in their own language', () => {
    const attachments = [
      { id: 'att-1', filename: 'facture.pdf', contentType: 'application/pdf', size: 2048 },
    ];
    const decision = filing({ language: 'en', merchantLanguage: 'fr', attachments });
    const d = decision.dossier;
    expect(decision.messages.map(summaryOf)).toEqual([
      ['customer', 'both', 'claim'],
      ['system', 'customer', 'notice'],
      ['system', 'merchant', 'notice'],
    ]);
    const [claimMessage, ack, forward] = decision.messages;
    expect(claimMessage).toMatchObject({
      dossierId: 'd-1',
      author: { role: 'customer', id: 'c-1', name: 'Claire Dumont' },
      body: 'Commande payée le 20 juin, jamais reçue.',
      attachments,
      createdAt: iso(MONDAY),
    });
    expect(ack?.body).toBe(letter('filing_acknowledgement', d, 'en'));
    expect(ack?.body).not.toBe(letter('filing_acknowledgement', d, 'fr'));
    expect(forward?.body).toBe(letter('merchant_forward', d, 'fr'));
    expect(forward?.body).not.toBe(letter('merchant_forward', d, 'en'));
    for (const m of decision.messages) expect(m.createdAt).toBe(iso(MONDAY));
    expect(new Set(decision.messages.map((m) => m.id)).size).toBe(3);
  });

  it('tells an English-speaking merchant in English and a French-speaking customer in French', () => {
    const decision = filing({ language: 'fr', merchantLanguage: 'en' });
    expect(decision.messages[1]?.body).toBe(letter('filing_acknowledgement', decision.dossier, 'fr'));
    expect(decision.messages[2]?.body).toBe(letter('merchant_forward', decision.dossier, 'en'));
  });

  it('sends a payment claim to nobody but the customer’s acknowledgement', () => {
    const decision = filing({ subject: 'payment', language: 'en' });
    expect(decision.messages.map(summaryOf)).toEqual([
      ['customer', 'both', 'claim'],
      ['system', 'customer', 'notice'],
    ]);
    expect(decision.messages[1]?.body).toBe(letter('filing_acknowledgement', decision.dossier, 'en'));
  });

  // Found by this suite; fixed in the letters (they now know whether the merchant has the move).
  it('does not tell the customer a claim was forwarded to a merchant it could not reach', () => {
    const d = filing({ merchantContact: 'merchant_email_invalid', language: 'en' });
    const ack = d.messages[1]?.body ?? '';
    expect(ack).toContain('KP-2026-000123');
    expect(ack).not.toMatch(/forwarded it to/);
    const fr = filing({ merchantEmailValid: false, language: 'fr' }).messages[1]?.body ?? '';
    expect(fr).not.toMatch(/transmise à/);
  });

  it('records the filing as the dossier’s first version, by the customer', () => {
    const decision = filing();
    expect(decision.events).toHaveLength(1);
    expect(decision.events[0]).toMatchObject({
      type: 'dossier.filed',
      actor: { role: 'customer', id: 'c-1' },
      at: iso(MONDAY),
      dossierId: 'd-1',
      data: { routedTo: 'awaiting_merchant', messageIds: decision.messages.map((m) => m.id) },
    });
    expect(decision.events[0]?.changes.dueAt).toEqual({ before: null, after: '2026-07-20T08:00:00.000Z' });
  });

  it('keeps the transaction, reason and desired outcome the customer gave', () => {
    const tx = transaction({ amount: 4_500, currency: 'USD', merchantLanguage: 'en' });
    const d = file({ transaction: tx, reason: 'damaged_or_defective', desiredOutcome: 'replacement' });
    expect(d).toMatchObject({
      transaction: tx,
      reason: 'damaged_or_defective',
      desiredOutcome: 'replacement',
    });
  });

  it.each([agent, supervisor, merchant, system].map((a) => [a.role, a] as const))(
    'refuses a filing by the %s',
    (_role, actor) => {
      expect(fileClaim(claim(), { now: MONDAY, settings, actor, newId: ids() })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Every command in every situation of docs/product.md (Lifecycle).

type Situation =
  | 'klikpay'
  | 'escalated'
  | 'answerDue'
  | 'overdue'
  | 'reminded'
  | 'afterMerchant'
  | 'afterKlikpay'
  | 'closed';

/** Each situation, and an instant at which it is stable (no time rule pending) to act on it. */
const situations: Record<Situation, { make: () => Dossier; now: number }> = {
  klikpay: { make: states.klikpay, now: later(0.1) },
  escalated: { make: states.escalated, now: later(2.1) },
  answerDue: { make: states.merchantAnswerDue, now: later(3) },
  overdue: { make: states.merchantOverdue, now: later(7.6) },
  reminded: { make: states.merchantReminded, now: later(8.1) },
  afterMerchant: { make: states.customerAfterMerchant, now: later(1.1) },
  afterKlikpay: { make: states.customerAfterKlikpay, now: later(0.6) },
  closed: { make: states.closed, now: later(2.1) },
};

type Due = 'kept' | 'klikpay' | 'merchant' | 'reminder' | null;
type Expected =
  | 'unchanged'
  | 'conflict'
  | { status: OpenStatus; stage: MerchantStage | null; due: Due }
  | { closedAs: ClosureReason };

const K = (due: Due): Expected => ({ status: 'awaiting_klikpay', stage: null, due });
const M = (stage: MerchantStage, due: Due): Expected => ({ status: 'awaiting_merchant', stage, due });
const C: Expected = { status: 'awaiting_customer', stage: null, due: null };
const byKlikpay: Expected = { closedAs: 'resolved_by_klikpay' };
const byClient: Expected = { closedAs: 'resolved_by_client' };
const U = 'unchanged' as const;
const X = 'conflict' as const;

/** Columns: klikpay, escalated, answerDue, overdue, reminded, afterMerchant, afterKlikpay, closed. */
const row = (...e: [Expected, Expected, Expected, Expected, Expected, Expected, Expected, Expected]) => ({
  klikpay: e[0],
  escalated: e[1],
  answerDue: e[2],
  overdue: e[3],
  reminded: e[4],
  afterMerchant: e[5],
  afterKlikpay: e[6],
  closed: e[7],
});

const fresh = M('answer_due', 'merchant');
const matrix: [string, Actor, Command, Record<Situation, Expected>][] = [
  ['customer message', customer, cmd.customerMessage(), row(U, U, U, U, U, fresh, K('klikpay'), X)],
  [
    'customer escalation',
    customer,
    cmd.escalate(),
    row(X, X, K('klikpay'), K('klikpay'), K('klikpay'), K('klikpay'), K('klikpay'), X),
  ],
  [
    'customer resolves',
    customer,
    cmd.resolve(),
    row(byClient, byClient, byClient, byClient, byClient, byClient, byClient, X),
  ],
  ['merchant message', merchant, cmd.merchantMessage(), row(U, U, C, C, C, U, U, X)],
  ['agent reply to the customer', agent, cmd.reply('customer'), row(C, C, C, C, C, C, C, X)],
  ['agent reply to both', agent, cmd.reply('both'), row(C, C, C, C, C, C, C, X)],
  [
    'agent reply to the merchant',
    agent,
    cmd.reply('merchant'),
    row(fresh, fresh, fresh, fresh, fresh, fresh, fresh, X),
  ],
  ['internal note', agent, cmd.note(), row(U, U, U, U, U, U, U, U)],
  [
    'Good Practices reminder',
    agent,
    cmd.remind(),
    row(X, X, X, M('reminded', 'reminder'), M('reminded', 'kept'), X, X, X),
  ],
  ['rights information', agent, cmd.inform(), row(U, U, U, U, U, U, U, X)],
  ['forward to the merchant', agent, cmd.forward(), row(fresh, fresh, fresh, fresh, fresh, fresh, fresh, X)],
  [
    'take over',
    agent,
    cmd.takeOver(),
    row(K('kept'), K('kept'), K('klikpay'), K('klikpay'), K('klikpay'), K('klikpay'), K('klikpay'), X),
  ],
  ['assign to me', agent, cmd.assign('a1'), row(U, U, U, U, U, U, U, U)],
  ['tag', agent, cmd.tag(['colis']), row(U, U, U, U, U, U, U, U)],
  ['follow up', agent, cmd.followUp(later(20)), row(U, U, U, U, U, U, U, X)],
  [
    'close',
    agent,
    cmd.close(),
    row(byKlikpay, byKlikpay, byKlikpay, byKlikpay, byKlikpay, byKlikpay, byKlikpay, X),
  ],
  ['reopen', supervisor, cmd.reopen(), row(X, X, X, X, X, X, X, K('klikpay'))],
];

function describeExpected(e: Expected): string {
  if (typeof e === 'string') return e;
  if ('closedAs' in e) return `closed (${e.closedAs})`;
  const due = e.due === null ? 'no deadline' : e.due === 'kept' ? 'deadline kept' : `fresh ${e.due} deadline`;
  return `${e.status}${e.stage ? `/${e.stage}` : ''}, ${due}`;
}

const cases = matrix.flatMap(([what, actor, command, expected]) =>
  (Object.keys(expected) as Situation[]).map((where) => ({
    name: `${what} on ${where} → ${describeExpected(expected[where])}`,
    actor,
    command,
    where,
    expected: expected[where],
  })),
);

describe('every command in every situation', () => {
  it('has a stable fixture for each situation', () => {
    for (const { make, now } of Object.values(situations)) {
      expect(tick(make(), now).events).toEqual([]);
    }
    expect(situations.overdue.make().merchantStage).toBe('overdue');
    expect(situations.reminded.make().merchantStage).toBe('reminded');
    expect(situations.escalated.make().escalatedAt).not.toBeNull();
    expect(situations.afterMerchant.make().lastAnswerBy).toBe('merchant');
    expect(situations.afterKlikpay.make().lastAnswerBy).toBe('klikpay');
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, { actor, command, where, expected }) => {
    const { make, now } = situations[where];
    const before = deepFreeze(make());
    const snapshot = structuredClone(before);
    const decided = run(before, actor, command, now);
    if (expected === 'conflict') {
      expect(decided).toMatchObject({ ok: false, error: { code: 'conflict' } });
      if (!decided.ok) expect(decided.error.message).toContain(before.reference);
      expect(before).toEqual(snapshot);
      return;
    }
    if (!decided.ok) throw new Error(`refused: ${decided.error.message}`);
    const decision = decided.value;
    const after = decision.dossier;
    expect(decision.events.length).toBeLessThanOrEqual(1);
    if (decision.events.length === 1) expectAudited(before, decision, actor, command.name, now);
    else expect(after).toBe(before);

    if (expected === 'unchanged') {
      expect(after.status).toBe(before.status);
      expect(after.merchantStage).toBe(before.merchantStage);
      expect(after.dueAt).toBe(before.dueAt);
      expect(after.closure).toEqual(before.closure);
    } else if ('closedAs' in expected) {
      expect(after).toMatchObject({
        status: 'closed',
        closure: { reason: expected.closedAs, at: iso(now), by: { role: actor.role, id: actor.id } },
        dueAt: null,
        merchantStage: null,
        escalatedAt: null,
        autoCloseAt: null,
        preCloseNoticeAt: null,
      });
    } else {
      expect(after.status).toBe(expected.status);
      expect(after.merchantStage).toBe(expected.stage);
      const due = {
        kept: before.dueAt,
        klikpay: klikpayDueAt(now, settings),
        merchant: merchantDueAt(now, settings),
        reminder: reminderDueAt(now, settings),
      };
      expect(after.dueAt).toBe(expected.due === null ? null : due[expected.due]);
      if (after.dueAt !== null && expected.due !== 'kept')
        expect(Date.parse(after.dueAt)).toBeGreaterThan(now);
      expect(after.closure).toBeNull();
    }
    // Whatever happened: the messages are stamped now, on this dossier, and the inactivity clock follows them.
    for (const m of decision.messages) expect(m).toMatchObject({ dossierId: before.id, createdAt: iso(now) });
    const communicates = decision.messages.some(
      (m) => m.audience !== 'internal' && m.author.role !== 'system',
    );
    expect(after.lastCommunicationAt).toBe(communicates ? iso(now) : before.lastCommunicationAt);
    if (after.status !== 'closed') {
      const since = Math.max(
        Date.parse(after.lastCommunicationAt),
        Date.parse(after.reopenedAt ?? '1970-01-01Z'),
      );
      expect(after.autoCloseAt).toBe(iso(since + 120 * DAY));
    }
    expect(before).toEqual(snapshot);
  });
});

// ---------------------------------------------------------------------------------------------

describe('messages move the dossier', () => {
  it('the merchant’s answer to a dossier awaiting it → awaiting the customer, the merchant answered last', () => {
    const before = file();
    const decision = step(before, merchant, cmd.merchantMessage('Colis renvoyé.'), later(1));
    expect(decision.dossier).toMatchObject({
      status: 'awaiting_customer',
      lastAnswerBy: 'merchant',
      dueAt: null,
      merchantStage: null,
      firstResponseAt: iso(later(1)),
      lastCommunicationAt: iso(later(1)),
      autoCloseAt: iso(later(121)),
    });
    expect(decision.messages).toHaveLength(1);
    expect(decision.messages[0]).toMatchObject({
      author: { role: 'merchant', id: 'm-1', name: 'La Boutique du Voyageur' },
      audience: 'both',
      kind: 'message',
      body: 'Colis renvoyé.',
    });
  });

  it('the merchant’s proposed settlement travels with its message and moves the dossier as an answer does', () => {
    const proposal = { outcome: 'partial_refund' as const, amount: 4_000 };
    const decision = step(
      file(),
      merchant,
      { name: 'merchant.message', args: { body: 'Nous proposons 40 €.', proposal } },
      later(1),
    );
    expect(decision.dossier).toMatchObject({ status: 'awaiting_customer', lastAnswerBy: 'merchant' });
    expect(decision.messages[0]).toMatchObject({ kind: 'message', body: 'Nous proposons 40 €.', proposal });
    // A message without one carries no proposal field at all (older documents look the same).
    const plain = step(file(), merchant, cmd.merchantMessage(), later(1)).messages[0];
    expect(plain && 'proposal' in plain).toBe(false);
  });

  it('refuses a partial refund of all the amount paid, or more: that is a full refund', () => {
    for (const amount of [12_990, 20_000]) {
      const error = refusal(
        file(),
        merchant,
        {
          name: 'merchant.message',
          args: { body: 'Tout.', proposal: { outcome: 'partial_refund', amount } },
        },
        later(1),
      );
      expect(error).toMatchObject({
        code: 'invalid_request',
        details: { reason: 'proposal_exceeds_amount' },
      });
    }
    const schema = commandSchemas['merchant.message'];
    expect(
      schema.safeParse({ body: 'x', proposal: { outcome: 'partial_refund', amount: null } }).success,
    ).toBe(false);
    expect(schema.safeParse({ body: 'x', proposal: { outcome: 'refund', amount: 500 } }).success).toBe(false);
    expect(schema.safeParse({ body: 'x', proposal: { outcome: 'replacement', amount: null } }).success).toBe(
      true,
    );
  });

  it('the merchant’s late answer, after the reminder, still gives the move to the customer', () => {
    const d = step(states.merchantReminded(), merchant, cmd.merchantMessage(), later(9)).dossier;
    expect(d).toMatchObject({ status: 'awaiting_customer', merchantStage: null, dueAt: null });
    expect(d.remindedAt).toBe(iso(later(7)));
  });

  it('the merchant writing after Klik & Pay replied answered last: the customer’s next message goes to the merchant', () => {
    const d = story({}, [
      { at: later(1), by: agent, do: cmd.reply('customer', 'Nous relançons le marchand.') },
      { at: later(2), by: merchant, do: cmd.merchantMessage('Colis renvoyé, voici le suivi.') },
    ]);
    expect(d).toMatchObject({ status: 'awaiting_customer', lastAnswerBy: 'merchant' });
    const next = step(d, customer, cmd.customerMessage('Toujours rien.'), later(3)).dossier;
    expect(next).toMatchObject({
      status: 'awaiting_merchant',
      merchantStage: 'answer_due',
      dueAt: iso(later(10)),
    });
  });

  it.each([
    ['awaiting Klik & Pay', states.klikpay, later(0.2)],
    ['escalated', states.escalated, later(2.2)],
    ['awaiting the customer', states.customerAfterKlikpay, later(0.7)],
  ])('the merchant writing on a dossier %s adds to the thread only', (_what, make, now) => {
    const before = make();
    const decision = step(before, merchant, cmd.merchantMessage('Pour information.'), now);
    expect(decision.dossier).toMatchObject({
      status: before.status,
      dueAt: before.dueAt,
      escalatedAt: before.escalatedAt,
    });
    expect(decision.messages.map(summaryOf)).toEqual([['merchant', 'both', 'message']]);
  });

  it('a customer’s reply gives the move back to the merchant, with a fresh 7-day deadline, when it answered last', () => {
    const answered = states.customerAfterMerchant();
    const now = at('2026-07-16T10:00:00+02:00');
    const d = step(answered, customer, cmd.customerMessage('Rien reçu.'), now).dossier;
    expect(d).toMatchObject({
      status: 'awaiting_merchant',
      merchantStage: 'answer_due',
      dueAt: '2026-07-23T08:00:00.000Z',
      lastCommunicationAt: iso(now),
    });
  });

  it.each([
    ['Thursday 16 July', at('2026-07-16T10:00:00+02:00'), '2026-07-17T08:00:00.000Z'],
    ['Friday 17 July', FRIDAY, '2026-07-20T08:00:00.000Z'],
  ])(
    'a customer’s reply on %s gives the move back to Klik & Pay, due the next business day, when it answered last',
    (_when, now, due) => {
      const d = step(states.customerAfterKlikpay(), customer, cmd.customerMessage('Merci.'), now).dossier;
      expect(d).toMatchObject({ status: 'awaiting_klikpay', dueAt: due, merchantStage: null });
    },
  );

  it('whoever answered last is the one who wrote to the customer last (merchant, then Klik & Pay)', () => {
    const d = story({}, [
      { at: later(1), by: merchant, do: cmd.merchantMessage() },
      { at: later(2), by: agent, do: cmd.reply('both') },
      { at: later(3), by: customer, do: cmd.customerMessage() },
    ]);
    expect(d.status).toBe('awaiting_klikpay');
  });

  it('a customer writing while it is not their move neither moves the dossier nor postpones the deadline', () => {
    for (const [make, now] of [
      [states.merchantAnswerDue, later(2)],
      [states.merchantReminded, later(9)],
      [states.klikpay, later(1)],
    ] as const) {
      const before = make();
      const decision = step(before, customer, cmd.customerMessage('Des nouvelles ?'), now);
      expect(decision.dossier).toMatchObject({
        status: before.status,
        dueAt: before.dueAt,
        merchantStage: before.merchantStage,
        lastCommunicationAt: iso(now),
        firstResponseAt: before.firstResponseAt,
      });
      expect(decision.messages.map(summaryOf)).toEqual([['customer', 'both', 'message']]);
    }
  });

  it.each(['customer', 'both'] as const)(
    'an agent’s reply to %s → awaiting the customer, with no deadline, Klik & Pay answered last',
    (audience) => {
      const decision = step(
        states.escalated(),
        agent,
        cmd.reply(audience, 'Nous avons contacté le marchand.'),
        later(3),
      );
      expect(decision.dossier).toMatchObject({
        status: 'awaiting_customer',
        lastAnswerBy: 'klikpay',
        dueAt: null,
        escalatedAt: null,
        firstResponseAt: iso(later(1)), // the merchant's answer came first
      });
      expect(decision.messages).toHaveLength(1);
      expect(decision.messages[0]).toMatchObject({
        author: { role: 'agent', id: 'a1', name: 'Camille Laurent' },
        audience,
        kind: 'message',
        body: 'Nous avons contacté le marchand.',
      });
    },
  );

  it('an agent’s reply to the merchant → awaiting the merchant with a fresh deadline', () => {
    const decision = step(
      states.klikpay(),
      agent,
      cmd.reply('merchant', 'Pouvez-vous confirmer ?'),
      later(1),
    );
    expect(decision.dossier).toMatchObject({
      status: 'awaiting_merchant',
      merchantStage: 'answer_due',
      dueAt: iso(later(8)),
    });
    expect(decision.messages.map(summaryOf)).toEqual([['agent', 'merchant', 'forward']]);
  });

  it('the first response is the first message from Klik & Pay or the merchant to a party', () => {
    const payment = states.klikpay();
    expect(payment.firstResponseAt).toBeNull();
    const noted = step(payment, agent, cmd.note(), later(0.2)).dossier;
    expect(noted.firstResponseAt).toBeNull();
    const replied = step(noted, agent, cmd.reply('customer'), later(0.3)).dossier;
    expect(replied.firstResponseAt).toBe(iso(later(0.3)));
    const again = step(replied, customer, cmd.customerMessage(), later(0.4)).dossier;
    const replied2 = step(again, agent, cmd.reply('customer'), later(0.5)).dossier;
    expect(replied2.firstResponseAt).toBe(iso(later(0.3)));
  });
});

describe('internal notes', () => {
  it('stay internal, move nothing and do not keep the dossier alive', () => {
    const before = story({}, [{ at: later(1), by: merchant, do: cmd.merchantMessage() }]);
    const decision = step(before, agent, cmd.note('Marchand déjà signalé.'), later(50));
    expect(decision.messages).toHaveLength(1);
    expect(decision.messages[0]).toMatchObject({
      audience: 'internal',
      kind: 'note',
      body: 'Marchand déjà signalé.',
      author: { role: 'agent', id: 'a1' },
    });
    expect(decision.dossier).toMatchObject({
      status: before.status,
      dueAt: before.dueAt,
      lastCommunicationAt: before.lastCommunicationAt,
      autoCloseAt: before.autoCloseAt,
      firstResponseAt: before.firstResponseAt,
      version: before.version + 1,
    });
    expect(decision.events[0]?.changes).toEqual({});
  });

  it('do not cancel a pre-close notice already sent', () => {
    const noticed = tick(states.customerAfterMerchant(), later(108)).dossier;
    expect(noticed.preCloseNoticeAt).not.toBeNull();
    const d = step(noticed, supervisor, cmd.note(), later(110)).dossier;
    expect(d.preCloseNoticeAt).toBe(noticed.preCloseNoticeAt);
    expect(d.autoCloseAt).toBe(noticed.autoCloseAt);
  });

  it.each([
    ['closed by an agent', states.closed],
    ['closed by the customer', states.closedByClient],
    ['closed for inactivity', states.closedForInactivity],
  ])('are allowed on a dossier %s, which stays closed', (_how, make) => {
    const closed = make();
    for (const author of [agent, supervisor]) {
      const decision = step(closed, author, cmd.note('Pour mémoire.'), later(300));
      expect(decision.dossier).toMatchObject({
        status: 'closed',
        closure: closed.closure,
        autoCloseAt: null,
      });
      expect(decision.messages.map(summaryOf)).toEqual([[author.role, 'internal', 'note']]);
    }
  });
});

describe('the Good Practices reminder', () => {
  it('gives the merchant a new 5-day deadline, in its own language, without changing whose move it is', () => {
    const overdue = story(
      { language: 'fr', merchantLanguage: 'en' },
      [{ at: later(7.5), wait: true }],
      manualLetters,
    );
    const now = at('2026-07-20T10:00:00+02:00');
    const decision = step(overdue, agent, cmd.remind(), now);
    const d = decision.dossier;
    expect(d).toMatchObject({
      status: 'awaiting_merchant',
      merchantStage: 'reminded',
      remindedAt: iso(now),
      dueAt: '2026-07-25T08:00:00.000Z',
      lastCommunicationAt: iso(now),
      autoCloseAt: iso(now + 120 * DAY),
    });
    expect(decision.messages.map(summaryOf)).toEqual([['agent', 'merchant', 'good_practices_reminder']]);
    const body = decision.messages[0]?.body;
    expect(body).toBe(letter('good_practices_reminder', d, 'en'));
    expect(body).not.toBe(letter('good_practices_reminder', d, 'fr'));
    // The letter announces the new deadline, not the missed one.
    expect(body).toContain('25 July 2026');
    expect(body).not.toContain('20 July 2026');
  });

  it('writes in French to a French-speaking merchant', () => {
    const decision = step(states.merchantOverdue(), agent, cmd.remind(), later(8));
    expect(decision.messages[0]?.body).toBe(letter('good_practices_reminder', decision.dossier, 'fr'));
  });

  it('sends the agent’s own text when given', () => {
    const decision = step(
      states.merchantOverdue(),
      agent,
      cmd.remind('Merci de répondre sous 5 jours.'),
      later(8),
    );
    expect(decision.messages[0]?.body).toBe('Merci de répondre sous 5 jours.');
    expect(decision.dossier.merchantStage).toBe('reminded');
  });

  it('can be sent again, but keeps the one 5-day deadline of the missed one', () => {
    const reminded = states.merchantReminded();
    const again = step(reminded, supervisor, cmd.remind(), later(10));
    expect(again.dossier).toMatchObject({
      merchantStage: 'reminded',
      dueAt: iso(later(12)),
      remindedAt: iso(later(7)),
    });
    expect(again.messages.map(summaryOf)).toEqual([['supervisor', 'merchant', 'good_practices_reminder']]);
    expect(again.messages[0]?.body).toContain('25 juillet 2026');
  });

  it('is refused before the merchant’s deadline has passed, with its reason', () => {
    const error = refusal(states.merchantAnswerDue(), agent, cmd.remind(), later(6.9));
    expect(error).toMatchObject({ code: 'conflict', details: { reason: 'merchant_not_late' } });
  });

  it('is accepted the moment the deadline passes, even before the scheduler recorded it', () => {
    const d = step(states.merchantAnswerDue(), agent, cmd.remind(), later(7)).dossier;
    expect(d).toMatchObject({ merchantStage: 'reminded', dueAt: iso(later(12)) });
  });

  it.each([
    ['a payment claim awaiting Klik & Pay', states.klikpay, later(1)],
    ['a dossier awaiting the customer', states.customerAfterMerchant, later(2)],
    ['an escalated dossier', states.escalated, later(3)],
  ])('is refused on %s', (_what, make, now) => {
    const error = refusal(make(), agent, cmd.remind(), now);
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/not awaiting the merchant/);
  });
});

describe('rights information', () => {
  it('writes the rights letter to the customer in the customer’s language, leaving the merchant’s move in place', () => {
    const overdue = story(
      { language: 'en', merchantLanguage: 'fr' },
      [{ at: later(7.5), wait: true }],
      manualLetters,
    );
    const decision = step(overdue, agent, cmd.inform(), later(8));
    const d = decision.dossier;
    expect(d).toMatchObject({
      status: 'awaiting_merchant',
      merchantStage: 'overdue',
      dueAt: overdue.dueAt,
      customerInformedAt: iso(later(8)),
      lastCommunicationAt: iso(later(8)),
    });
    expect(decision.messages.map(summaryOf)).toEqual([['agent', 'customer', 'rights_information']]);
    expect(decision.messages[0]?.body).toBe(letter('rights_information', d, 'en'));
    expect(decision.messages[0]?.body).not.toBe(letter('rights_information', d, 'fr'));
  });

  it('sends the agent’s own text when given, on any open dossier', () => {
    const decision = step(states.customerAfterKlikpay(), agent, cmd.inform('Vos droits : …'), later(1));
    expect(decision.messages[0]).toMatchObject({ audience: 'customer', body: 'Vos droits : …' });
    expect(decision.dossier.status).toBe('awaiting_customer');
  });
});

describe('forwarding to the merchant', () => {
  it('makes it the merchant’s move with a fresh 7-day deadline', () => {
    const decision = step(
      states.klikpay(),
      agent,
      cmd.forward('Merci de répondre.'),
      at('2026-07-15T09:00:00+02:00'),
    );
    expect(decision.dossier).toMatchObject({
      status: 'awaiting_merchant',
      merchantStage: 'answer_due',
      dueAt: '2026-07-22T07:00:00.000Z',
    });
    expect(decision.messages).toHaveLength(1);
    expect(decision.messages[0]).toMatchObject({
      audience: 'merchant',
      kind: 'forward',
      body: 'Merci de répondre.',
      author: { role: 'agent', id: 'a1' },
    });
  });

  it('restarts a reminded merchant at a fresh answer deadline', () => {
    const d = step(states.merchantReminded(), agent, cmd.forward(), later(9)).dossier;
    expect(d).toMatchObject({ merchantStage: 'answer_due', dueAt: iso(later(16)) });
  });

  it('takes an escalated dossier out of the escalation', () => {
    const d = step(states.escalated(), agent, cmd.forward(), later(3)).dossier;
    expect(d).toMatchObject({ status: 'awaiting_merchant', escalatedAt: null });
  });
});

describe('taking a dossier over', () => {
  it('assigns it to the agent and makes it Klik & Pay’s move, due one business day after (14 July skipped)', () => {
    const d = step(
      states.merchantAnswerDue(),
      agent,
      cmd.takeOver(),
      at('2026-07-14T09:00:00+02:00'),
    ).dossier;
    expect(d).toMatchObject({
      status: 'awaiting_klikpay',
      assigneeId: 'a1',
      merchantStage: null,
      dueAt: '2026-07-15T22:00:00.000Z',
    });
  });

  it('keeps Klik & Pay’s deadline when it already had the move', () => {
    const payment = states.klikpay();
    const d = step(payment, agent, cmd.takeOver(), later(1)).dossier;
    expect(d).toMatchObject({ status: 'awaiting_klikpay', assigneeId: 'a1', dueAt: payment.dueAt });
  });

  it('keeps an escalation an escalation', () => {
    const escalated = states.escalated();
    const d = step(escalated, agent, cmd.takeOver(), later(2.5)).dossier;
    expect(d).toMatchObject({ escalatedAt: escalated.escalatedAt, dueAt: escalated.dueAt });
  });

  it('is refused when the dossier is already the actor’s and awaiting Klik & Pay', () => {
    const mine = step(states.klikpay(), agent, cmd.takeOver(), later(0.5)).dossier;
    const error = refusal(mine, agent, cmd.takeOver(), later(0.6));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('KP-2026-000123');
  });

  it('is allowed on one’s own dossier that someone else has the move on', () => {
    const mine = step(states.merchantAnswerDue(), agent, cmd.assign('a1'), later(0.5)).dossier;
    const d = step(mine, agent, cmd.takeOver(), later(1)).dossier;
    expect(d).toMatchObject({ status: 'awaiting_klikpay', assigneeId: 'a1' });
  });

  it('does not let an agent take another agent’s dossier (only a supervisor reassigns)', () => {
    const mine = step(states.merchantAnswerDue(), agent, cmd.takeOver(), later(1)).dossier;
    expect(refusal(mine, agent2, cmd.takeOver(), later(1.2)).code).toBe('forbidden');
    const back = step(mine, agent, cmd.forward(), later(1.3)).dossier;
    expect(refusal(back, agent2, cmd.takeOver(), later(1.4)).code).toBe('forbidden');
    const taken = step(mine, supervisor, cmd.takeOver(), later(1.5)).dossier;
    expect(taken).toMatchObject({ assigneeId: 's1', dueAt: mine.dueAt });
  });
});

describe('assignment', () => {
  const unassigned = states.klikpay;
  const mine = () => step(unassigned(), agent, cmd.assign('a1'), later(0.1)).dossier;

  it.each([
    ['an agent takes an unassigned dossier', unassigned, agent, 'a1'],
    ['an agent hands an unassigned dossier to a colleague', unassigned, agent, 'a2'],
    ['an agent hands their own dossier on', mine, agent, 'a2'],
    ['an agent unassigns their own dossier', mine, agent, null],
    ['a supervisor reassigns an agent’s dossier', mine, supervisor, 'a2'],
    ['a supervisor unassigns an agent’s dossier', mine, supervisor, null],
    ['a supervisor takes an agent’s dossier', mine, supervisor, 's1'],
  ] as const)('%s', (_what, make, actor, assigneeId) => {
    const before = make();
    const decision = step(before, actor, cmd.assign(assigneeId), later(1));
    expect(decision.dossier.assigneeId).toBe(assigneeId);
    expect(decision.dossier.status).toBe(before.status);
    expect(decision.events[0]?.changes).toEqual({
      assigneeId: { before: before.assigneeId, after: assigneeId },
    });
  });

  it.each([['a2'], [null], ['a1'], ['s1']] as const)(
    'an agent cannot reassign another agent’s dossier (to %s)',
    (assigneeId) => {
      const error = refusal(mine(), agent2, cmd.assign(assigneeId), later(1));
      expect(error.code).toBe('forbidden');
      expect(error.message).toMatch(/supervisor/);
    },
  );

  it('records nothing when assigning to the current assignee', () => {
    const before = mine();
    const again = step(before, agent, cmd.assign('a1'), later(2));
    expect(again).toEqual({ dossier: before, messages: [], events: [] });
    expect(again.dossier).toBe(before);
    const none = step(unassigned(), supervisor, cmd.assign(null), later(2));
    expect(none.events).toEqual([]);
  });
});

describe('tags', () => {
  it('are normalised by the schema, deduplicated and sorted by the rules', () => {
    const args = commandSchemas['dossier.tag'].parse({ tags: ['Urgent', ' colis ', 'urgent', 'Chargeback'] });
    const decision = step(file(), agent, { name: 'dossier.tag', args }, later(1));
    expect(decision.dossier.tags).toEqual(['chargeback', 'colis', 'urgent']);
    expect(decision.events[0]?.changes).toEqual({
      tags: { before: [], after: ['chargeback', 'colis', 'urgent'] },
    });
  });

  it('deduplicates and sorts even what did not go through the schema', () => {
    expect(step(file(), agent, cmd.tag(['b', 'a', 'b']), later(1)).dossier.tags).toEqual(['a', 'b']);
  });

  it('replace the set; the same set in another order is no change', () => {
    const tagged = step(file(), agent, cmd.tag(['colis', 'urgent']), later(1)).dossier;
    expect(step(tagged, agent2, cmd.tag(['urgent', 'colis', 'urgent']), later(2)).events).toEqual([]);
    expect(step(tagged, agent, cmd.tag([]), later(2)).dossier.tags).toEqual([]);
  });

  it('add and remove as changes to the dossier’s own set, so replayed changes merge', () => {
    const tagged = step(file(), agent, cmd.tag(['colis']), later(1)).dossier;
    const change = (args: { add?: string[]; remove?: string[] }) =>
      ({ name: 'dossier.tag', args: commandSchemas['dossier.tag'].parse(args) }) as const;
    const added = step(tagged, agent, change({ add: ['VIP'] }), later(2)).dossier;
    expect(added.tags).toEqual(['colis', 'vip']);
    // A colleague's change made from an older copy keeps this one.
    expect(
      step(added, agent2, change({ add: ['litige'], remove: ['colis'] }), later(3)).dossier.tags,
    ).toEqual(['litige', 'vip']);
    expect(step(added, agent, change({ add: ['vip'] }), later(3)).events).toEqual([]);
    expect(step(added, agent, change({ remove: ['absent'] }), later(3)).events).toEqual([]);
    expect(step(added, agent, change({}), later(3)).events).toEqual([]);
  });

  it('refuse a change that would carry the dossier past its tag limit', () => {
    const full = step(
      file(),
      agent,
      cmd.tag(Array.from({ length: 20 }, (_, i) => `t${String(i)}`)),
      later(1),
    ).dossier;
    const error = refusal(full, agent, { name: 'dossier.tag', args: { add: ['one-more'] } }, later(2));
    expect(error).toMatchObject({ code: 'invalid_request', details: { reason: 'too_many_tags' } });
    expect(step(full, agent, { name: 'dossier.tag', args: { add: ['t1'] } }, later(2)).events).toEqual([]);
  });

  it.each([
    ['markup', ['<b>']],
    ['blank', ['   ']],
    ['too long', ['x'.repeat(41)]],
    ['too many', Array.from({ length: 21 }, (_, i) => `t${String(i)}`)],
  ])('the schema refuses %s tags', (_what, tags) => {
    expect(commandSchemas['dossier.tag'].safeParse({ tags }).success).toBe(false);
  });
});

describe('follow-ups', () => {
  it('are personal to each agent, set in the future, and cleared one by one', () => {
    const a1 = step(file(), agent, cmd.followUp(later(5)), later(1)).dossier;
    const both = step(a1, agent2, cmd.followUp(later(6)), later(1)).dossier;
    const withSupervisor = step(both, supervisor, cmd.followUp(later(7)), later(1)).dossier;
    expect(withSupervisor.followUps).toEqual({ a1: iso(later(5)), a2: iso(later(6)), s1: iso(later(7)) });
    expect(withSupervisor.status).toBe('awaiting_merchant');
    const cleared = step(withSupervisor, agent, cmd.followUp(null), later(2)).dossier;
    expect(cleared.followUps).toEqual({ a2: iso(later(6)), s1: iso(later(7)) });
    const moved = step(cleared, agent2, cmd.followUp(later(9)), later(2)).dossier;
    expect(moved.followUps).toEqual({ a2: iso(later(9)), s1: iso(later(7)) });
  });

  it('store the instant in UTC whatever offset it came with', () => {
    const d = step(
      file(),
      agent,
      { name: 'dossier.follow_up', args: { until: '2026-07-20T09:00:00+02:00' } },
      later(1),
    );
    expect(d.dossier.followUps).toEqual({ a1: '2026-07-20T07:00:00.000Z' });
  });

  it.each([
    ['in the past', later(0.5)],
    ['right now', later(1)],
  ])('are refused %s', (_when, until) => {
    expect(refusal(file(), agent, cmd.followUp(until), later(1)).code).toBe('invalid_request');
  });

  it('survive a reply from a party', () => {
    const snoozed = step(file(), agent, cmd.followUp(later(5)), later(1)).dossier;
    const answered = step(snoozed, merchant, cmd.merchantMessage(), later(2)).dossier;
    const replied = step(answered, customer, cmd.customerMessage(), later(3)).dossier;
    expect(replied.followUps).toEqual({ a1: iso(later(5)) });
  });

  it('cannot be set on a closed dossier; clearing one there records nothing, the closure ended it', () => {
    const snoozed = step(file(), agent, cmd.followUp(later(5)), later(1)).dossier;
    const closed = step(snoozed, agent2, cmd.close(), later(2)).dossier;
    expect(refusal(closed, agent2, cmd.followUp(later(9)), later(3)).code).toBe('conflict');
    expect(step(closed, agent, cmd.followUp(null), later(3)).events).toEqual([]);
    expect(step(closed, agent2, cmd.followUp(null), later(3)).events).toEqual([]);
  });

  it.each<[string, (d: Dossier) => Decision]>([
    ['an agent closes it', (d) => step(d, agent2, cmd.close(), later(3))],
    ['the customer declares it resolved', (d) => step(d, customer, cmd.resolve(), later(3))],
    ['it closes for inactivity', (d) => tick(d, later(200))],
  ])('end when the dossier closes: %s', (_how, close) => {
    const answered = states.customerAfterMerchant();
    const mine = step(answered, agent, cmd.followUp(later(150)), later(2)).dossier;
    const both = step(mine, agent2, cmd.followUp(later(4)), later(2)).dossier;
    const decision = close(both);
    expect(decision.dossier.status).toBe('closed');
    expect(decision.dossier.followUps).toEqual({});
    // The audit trail says so, in the closing event itself.
    const closing = decision.events.find((e) => e.changes.status?.after === 'closed');
    expect(closing?.changes.followUps).toEqual({ before: both.followUps, after: {} });
  });

  it('from before a closure do not come back with a reopening', () => {
    // A dossier closed before closures ended follow-ups still holds one: written by hand, as the old
    // rules left it, since the rules no longer reach that state.
    const closed = states.closed();
    const legacy: Dossier = { ...closed, followUps: { a1: iso(later(1)) } };
    const reopened = step(legacy, supervisor, cmd.reopen(), later(10));
    expect(reopened.dossier.followUps).toEqual({});
    expect(reopened.events[0]?.changes.followUps).toEqual({ before: legacy.followUps, after: {} });
  });
});

describe('closing', () => {
  it.each([
    ['blank', { summary: '   ' }],
    ['empty', { summary: '' }],
    ['missing', {}],
    ['with an unknown outcome', { summary: 'Réglé.', outcome: 'won' }],
    ['with extra fields', { summary: 'Réglé.', reason: 'x' }],
  ])('the schema refuses a close %s', (_what, args) => {
    expect(commandSchemas['dossier.close'].safeParse(args).success).toBe(false);
  });

  it('the schema trims the summary and accepts any outcome', () => {
    expect(commandSchemas['dossier.close'].parse({ summary: '  Réglé.  ' })).toEqual({ summary: 'Réglé.' });
    for (const outcome of outcomeSchema.options) {
      expect(commandSchemas['dossier.close'].safeParse({ summary: 'x', outcome }).success).toBe(true);
    }
  });

  it.each([...outcomeSchema.options, undefined] as (Outcome | undefined)[])(
    'an agent closes with a summary and outcome %s: resolved by Klik & Pay',
    (outcome) => {
      const before = states.customerAfterMerchant();
      const decision = step(before, agent, cmd.close('Remboursé le 2 juillet.', outcome), later(2));
      expect(decision.dossier.closure).toEqual({
        reason: 'resolved_by_klikpay',
        outcome: outcome ?? null,
        summary: 'Remboursé le 2 juillet.',
        at: iso(later(2)),
        by: { role: 'agent', id: 'a1' },
      });
      expect(decision.dossier).toMatchObject({
        status: 'closed',
        dueAt: null,
        autoCloseAt: null,
        lastCommunicationAt: before.lastCommunicationAt,
      });
    },
  );

  it('tells both parties, each in their own language', () => {
    const d = file({ language: 'en', merchantLanguage: 'fr' });
    const decision = step(d, agent, cmd.close(), later(2));
    expect(decision.messages.map(summaryOf)).toEqual([
      ['system', 'customer', 'notice'],
      ['system', 'merchant', 'notice'],
    ]);
    expect(decision.messages[0]?.body).toBe(letter('closure_notice', decision.dossier, 'en'));
    expect(decision.messages[1]?.body).toBe(letter('closure_notice', decision.dossier, 'fr'));
  });

  it('is refused when already closed', () => {
    for (const make of [states.closed, states.closedByClient, states.closedForInactivity]) {
      const error = refusal(make(), supervisor, cmd.close('Encore.'), later(300));
      expect(error.code).toBe('conflict');
      expect(error.message).toMatch(/already closed/);
    }
  });

  it('the customer resolving closes it as resolved by the client, with no summary or outcome', () => {
    const decision = step(states.customerAfterMerchant(), customer, cmd.resolve(), later(2));
    expect(decision.dossier.closure).toEqual({
      reason: 'resolved_by_client',
      outcome: null,
      summary: null,
      at: iso(later(2)),
      by: { role: 'customer', id: 'c-1' },
    });
    expect(decision.messages.map(summaryOf)).toEqual([
      ['system', 'customer', 'notice'],
      ['system', 'merchant', 'notice'],
    ]);
  });
});

describe('escalation by the customer', () => {
  it('gives the move to Klik & Pay with its 1-business-day deadline, marking the escalation', () => {
    const now = FRIDAY;
    const decision = step(
      states.customerAfterMerchant(),
      customer,
      cmd.escalate('Proposition insuffisante.'),
      now,
    );
    expect(decision.dossier).toMatchObject({
      status: 'awaiting_klikpay',
      escalatedAt: iso(now),
      dueAt: '2026-07-20T08:00:00.000Z',
      merchantStage: null,
      lastCommunicationAt: iso(now),
    });
    expect(decision.messages.map(summaryOf)).toEqual([['customer', 'both', 'message']]);
    expect(decision.events[0]?.data).toMatchObject({ escalatedBy: 'customer' });
  });

  it('without a message, neither writes nor keeps the dossier alive', () => {
    const before = states.merchantAnswerDue();
    const decision = step(before, customer, cmd.escalate(), later(3));
    expect(decision.messages).toEqual([]);
    expect(decision.dossier).toMatchObject({
      status: 'awaiting_klikpay',
      escalatedAt: iso(later(3)),
      lastCommunicationAt: before.lastCommunicationAt,
      autoCloseAt: before.autoCloseAt,
    });
  });

  it.each([
    ['a payment claim', states.klikpay, later(0.5)],
    ['an already escalated dossier', states.escalated, later(3)],
    ['a dossier an agent took over', () => step(file(), agent, cmd.takeOver(), later(1)).dossier, later(2)],
  ])('is refused on %s, which Klik & Pay already has in hand', (_what, make, now) => {
    const error = refusal(make(), customer, cmd.escalate('Vite !'), now);
    expect(error.code).toBe('conflict');
  });
});

describe('reopening', () => {
  it('is for supervisors only: agents ask a supervisor', () => {
    for (const actor of [agent, agent2, customer, merchant, system]) {
      expect(refusal(states.closed(), actor, cmd.reopen(), later(3)).code).toBe('forbidden');
    }
  });

  it('returns the dossier to Klik & Pay with a fresh deadline, and tells both parties', () => {
    const closed = states.closed();
    const now = FRIDAY;
    const decision = step(closed, supervisor, cmd.reopen('Nouvelle pièce.'), now);
    expect(decision.dossier).toMatchObject({
      status: 'awaiting_klikpay',
      closure: null,
      reopenedAt: iso(now),
      dueAt: '2026-07-20T08:00:00.000Z',
      merchantStage: null,
      escalatedAt: null,
      autoCloseAt: iso(now + 120 * DAY),
      lastCommunicationAt: closed.lastCommunicationAt,
    });
    expect(decision.events[0]).toMatchObject({
      type: 'dossier.reopen',
      actor: { role: 'supervisor', id: 's1' },
      data: { reason: 'Nouvelle pièce.', previousClosure: closed.closure },
    });
    expect(decision.messages.map(summaryOf)).toEqual([
      ['system', 'customer', 'notice'],
      ['system', 'merchant', 'notice'],
    ]);
    expect(decision.messages[0]?.body).toBe(letter('reopen_notice', decision.dossier, 'fr'));
  });

  it('after an inactivity close, restarts the clock from the reopening so it does not close again at once', () => {
    const closed = states.closedForInactivity();
    expect(closed.closure?.reason).toBe('inactivity');
    const reopenedAt = later(250);
    const d = step(closed, supervisor, cmd.reopen(), reopenedAt).dossier;
    expect(d.autoCloseAt).toBe(iso(reopenedAt + 120 * DAY));
    expect(d.preCloseNoticeAt).toBeNull();
    expect(tick(d, reopenedAt).events).toEqual([]);
    expect(tick(d, reopenedAt + 30 * DAY).events.map((e) => e.type)).toEqual([]);
    expect(tick(d, reopenedAt + 106 * DAY).events.map((e) => e.type)).toEqual(['rule.pre_close_notice']);
    const again = tick(d, reopenedAt + 120 * DAY).dossier;
    expect(again.closure).toMatchObject({ reason: 'inactivity', at: iso(reopenedAt + 120 * DAY) });
  });

  it('is refused on an open dossier', () => {
    expect(refusal(states.klikpay(), supervisor, cmd.reopen(), later(1)).code).toBe('conflict');
  });
});

function describeCommand(command: Command): string {
  const args = command.args as Record<string, unknown>;
  const audience = typeof args.audience === 'string' ? ` to ${args.audience}` : '';
  const body = command.name === 'customer.escalate' && args.body !== undefined ? ' with a message' : '';
  return `${command.name}${audience}${body}`;
}

describe('a closed dossier', () => {
  const partyCommands: [Actor, Command][] = [
    [customer, cmd.customerMessage('Encore moi.')],
    [customer, cmd.escalate()],
    [customer, cmd.escalate('Je veux une intervention.')],
    [customer, cmd.resolve()],
    [merchant, cmd.merchantMessage('Trop tard ?')],
  ];
  const staffCorrespondence: [Actor, Command][] = [
    [agent, cmd.reply('customer')],
    [agent, cmd.reply('both')],
    [agent, cmd.reply('merchant')],
    [agent, cmd.remind()],
    [agent, cmd.inform()],
    [agent, cmd.forward()],
    [agent, cmd.takeOver()],
    [supervisor, cmd.takeOver()],
    [agent, cmd.close()],
  ];
  const closedStates = [
    ['by an agent', states.closed],
    ['by the customer', states.closedByClient],
    ['for inactivity', states.closedForInactivity],
  ] as const;

  it.each(
    closedStates
      .flatMap(([how, make]) =>
        [...partyCommands, ...staffCorrespondence].map(([actor, command]) => ({
          name: `closed ${how} refuses ${describeCommand(command)} by ${actor.role}`,
          make,
          actor,
          command,
        })),
      )
      .map((c) => [c.name, c] as const),
  )('%s', (_name, { make, actor, command }) => {
    const closed = deepFreeze(make());
    const error = refusal(closed, actor, command, later(300));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('KP-2026-000123');
  });
});

describe('who may do what', () => {
  /** docs/api.md: customers and merchants write through their endpoints; reopening is supervisors' only. */
  const allowed: Record<CommandName, readonly ActorRole[]> = {
    'customer.message': ['customer'],
    'customer.escalate': ['customer'],
    'customer.resolve': ['customer'],
    'merchant.message': ['merchant'],
    'dossier.reply': ['agent', 'supervisor'],
    'dossier.note': ['agent', 'supervisor'],
    'dossier.remind_merchant': ['agent', 'supervisor'],
    'dossier.inform_customer': ['agent', 'supervisor'],
    'dossier.forward_to_merchant': ['agent', 'supervisor'],
    'dossier.take_over': ['agent', 'supervisor'],
    'dossier.assign': ['agent', 'supervisor'],
    'dossier.tag': ['agent', 'supervisor'],
    'dossier.follow_up': ['agent', 'supervisor'],
    'dossier.close': ['agent', 'supervisor'],
    'dossier.reopen': ['supervisor'],
  };
  const commands: Command[] = [
    cmd.customerMessage(),
    cmd.escalate(),
    cmd.resolve(),
    cmd.merchantMessage(),
    cmd.reply('both'),
    cmd.note(),
    cmd.remind(),
    cmd.inform(),
    cmd.forward(),
    cmd.takeOver(),
    cmd.assign(null),
    cmd.tag(['x']),
    cmd.followUp(later(30)),
    cmd.close(),
    cmd.reopen(),
  ];
  const forbidden = commands.flatMap((command) =>
    everyone
      .filter((actor) => !allowed[command.name].includes(actor.role))
      .map((actor) => ({ name: `the ${actor.role} may not ${command.name}`, actor, command })),
  );

  it('covers every command', () => {
    expect(new Set(commands.map((c) => c.name))).toEqual(new Set(Object.keys(commandSchemas)));
  });

  it.each(forbidden.map((c) => [c.name, c] as const))(
    '%s (on open and closed dossiers alike)',
    (_name, { actor, command }) => {
      for (const d of [states.merchantReminded(), states.customerAfterKlikpay(), states.closed()]) {
        const error = refusal(deepFreeze(d), actor, command, later(9));
        expect(error.code).toBe('forbidden');
        expect(error.message.length).toBeGreaterThan(10);
      }
    },
  );
});

describe('the audit trail', () => {
  it('records who, what, when and only the fields that changed, before and after', () => {
    const d = file();
    const now = at('2026-07-14T09:00:00+02:00');
    const decision = step(d, agent, cmd.takeOver(), now);
    expect(decision.events).toEqual([
      {
        id: expect.any(String),
        dossierId: 'd-1',
        type: 'dossier.take_over',
        actor: { role: 'agent', id: 'a1' },
        at: iso(now),
        changes: {
          assigneeId: { before: null, after: 'a1' },
          status: { before: 'awaiting_merchant', after: 'awaiting_klikpay' },
          merchantStage: { before: 'answer_due', after: null },
          dueAt: { before: '2026-07-20T08:00:00.000Z', after: '2026-07-15T22:00:00.000Z' },
        },
        data: { messageIds: [] },
      },
    ]);
    expect(decision.dossier).toMatchObject({ version: 2, updatedAt: iso(now) });
  });

  it('one event per command, numbering versions one by one, along a whole story', () => {
    const moves: [number, Actor, Command][] = [
      [later(1), merchant, cmd.merchantMessage()],
      [later(2), customer, cmd.customerMessage()],
      [later(3), agent, cmd.takeOver()],
      [later(3.1), agent, cmd.note()],
      [later(3.2), agent, cmd.tag(['colis'])],
      [later(3.3), agent, cmd.reply('both')],
      [later(4), customer, cmd.resolve()],
      [later(5), supervisor, cmd.reopen()],
      [later(6), agent, cmd.close('Réglé.', 'refunded')],
    ];
    let d = file();
    for (const [now, actor, command] of moves) {
      const decision = step(d, actor, command, now);
      expectAudited(d, decision, actor, command.name, now);
      d = decision.dossier;
    }
    expect(d.version).toBe(1 + moves.length);
  });

  it('ids of messages and events come from the given source', () => {
    const decision = run(file(), agent, cmd.reply('both'), later(1), ids('x'));
    expect(decision).toMatchObject({
      ok: true,
      value: { messages: [{ id: 'x-1' }], events: [{ id: 'x-2', data: { messageIds: ['x-1'] } }] },
    });
  });

  it('records nothing for a command that changes nothing', () => {
    const tagged = step(file(), agent, cmd.tag(['a']), later(1)).dossier;
    const noops: [Dossier, Actor, Command][] = [
      [step(file(), agent, cmd.assign('a1'), later(1)).dossier, agent, cmd.assign('a1')],
      [file(), supervisor, cmd.assign(null)],
      [tagged, agent, cmd.tag(['a', 'a'])],
      [file(), agent, cmd.followUp(null)],
    ];
    for (const [d, actor, command] of noops) {
      const decision = step(d, actor, command, later(2));
      expect(decision).toEqual({ dossier: d, messages: [], events: [] });
      expect(decision.dossier.version).toBe(d.version);
    }
  });

  it('keeps updatedAt moving forward only', () => {
    const d = step(file(), agent, cmd.note(), later(2)).dossier;
    // An action replayed with an earlier time (an offline agent) does not move updatedAt back.
    const earlier = step(d, agent2, cmd.note(), later(1)).dossier;
    expect(earlier.updatedAt).toBe(iso(later(2)));
    expect(earlier.version).toBe(d.version + 1);
  });

  it('never moves the inactivity clock back for a message stamped earlier (a replay, a skewed server clock)', () => {
    const d = step(file(), customer, cmd.customerMessage(), later(5)).dossier;
    const replayed = step(d, agent, cmd.reply('customer'), later(4)).dossier;
    expect(replayed).toMatchObject({
      lastCommunicationAt: iso(later(5)),
      autoCloseAt: iso(later(125)),
      updatedAt: iso(later(5)),
    });
  });

  it('a refused command changes nothing, not even its input', () => {
    const d = deepFreeze(states.klikpay());
    const copy = structuredClone(d);
    expect(run(d, agent, cmd.remind(), later(1)).ok).toBe(false);
    expect(run(d, customer, cmd.escalate(), later(1)).ok).toBe(false);
    expect(run(d, agent, cmd.followUp(later(0)), later(1)).ok).toBe(false);
    expect(d).toEqual(copy);
  });

  it('an accepted command does not change its input either', () => {
    const d = deepFreeze(step(states.merchantOverdue(), agent, cmd.followUp(later(30)), later(7.7)).dossier);
    const copy = structuredClone(d);
    step(d, agent2, cmd.followUp(later(31)), later(7.8));
    step(d, agent, cmd.followUp(null), later(7.8));
    step(d, agent, cmd.remind(), later(8));
    step(d, agent, cmd.close(), later(8));
    step(d, agent, cmd.tag(['a']), later(8));
    expect(d).toEqual(copy);
  });
});
