import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command, CommandName } from '../../src-shared/domain/commands';
import { commandSchemas } from '../../src-shared/domain/commands';
import type { AuditEvent, Dossier, Message } from '../../src-shared/domain/model';
import { dossierSchema } from '../../src-shared/domain/model';
import { klikpayDueAt, merchantDueAt, reminderDueAt } from '../../src-shared/domain/settings';
import { applyTimeRules, nextTimeRule } from '../../src-shared/domain/time-rules';
import type { Actor, Decision, Refusal } from '../../src-shared/domain/transitions';
import type { Language, MerchantContact, Subject } from '../../src-shared/domain/vocabulary';
import {
  agent,
  agent2,
  at,
  changedFields,
  customer,
  DAY,
  deepFreeze,
  everyone,
  filing,
  HOUR,
  ids,
  iso,
  letter,
  merchant,
  run,
  settings,
  supervisor,
} from './fixtures';

/**
 * Arbitrary histories from a filed dossier: any actor (the system included), any command, any
 * arguments (invalid ones too: they are refused by the schema, as the API does), at any time, with
 * time passing in between — sometimes exactly onto a rule's instant. Whatever happens, the dossier
 * stays in a defined, consistent state and every promise of the rules holds.
 */

const RUNS = 400;

// ---------------------------------------------------------------------------------------------
// Arbitraries

const text = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('Bonjour', 'Hello', 'Colis renvoyé', 'Merci', '  Réponse  ') },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', 'a\u0000b') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
const withOptionalBody = (body: string | undefined) => (body === undefined ? {} : { body });

/** Raw, unvalidated commands. A follow-up's date is relative to the moment it is issued. */
type RawCommand = { name: CommandName; args: Record<string, unknown> };
const rawCommand: fc.Arbitrary<RawCommand> = fc.oneof(
  text.map((body) => ({ name: 'customer.message', args: { body } }) as const),
  optional(text).map((body) => ({ name: 'customer.escalate', args: withOptionalBody(body) }) as const),
  fc.constant({ name: 'customer.resolve', args: {} } as const),
  text.map((body) => ({ name: 'merchant.message', args: { body } }) as const),
  fc
    .record({ body: text, audience: fc.constantFrom('customer', 'merchant', 'both', 'internal') })
    .map((args) => ({ name: 'dossier.reply', args }) as const),
  text.map((body) => ({ name: 'dossier.note', args: { body } }) as const),
  optional(text).map((body) => ({ name: 'dossier.remind_merchant', args: withOptionalBody(body) }) as const),
  optional(text).map((body) => ({ name: 'dossier.inform_customer', args: withOptionalBody(body) }) as const),
  text.map((body) => ({ name: 'dossier.forward_to_merchant', args: { body } }) as const),
  fc.constant({ name: 'dossier.take_over', args: {} } as const),
  fc
    .constantFrom('a1', 'a2', 's1', null, 'not an id!')
    .map((assigneeId) => ({ name: 'dossier.assign', args: { assigneeId } }) as const),
  fc
    .record(
      {
        tags: fc.subarray(['Urgent', 'colis', ' colis ', 'fraude', 'gros montant', '<b>', '']),
        add: fc.subarray(['urgent', 'vip', 'colis']),
        remove: fc.subarray(['colis', 'fraude', 'absent']),
      },
      { requiredKeys: [] },
    )
    .map((args) => ({ name: 'dossier.tag', args }) as const),
  fc
    .option(fc.oneof(fc.integer({ min: -48, max: 24 * 40 }), fc.constant(0)), { nil: null })
    .map(
      (inHours) =>
        ({ name: 'dossier.follow_up', args: { until: inHours === null ? null : { inHours } } }) as const,
    ),
  fc
    .record({
      summary: text,
      outcome: optional(fc.constantFrom('refunded', 'replaced', 'claim_unfounded', 'won')),
    })
    .map(({ summary, outcome }) => ({
      name: 'dossier.close' as const,
      args: outcome === undefined ? { summary } : { summary, outcome },
    })),
  text.map((reason) => ({ name: 'dossier.reopen', args: { reason } }) as const),
);

const hours = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 72 }) },
  { weight: 1, arbitrary: fc.integer({ min: 72, max: 24 * 130 }) },
);

/** Who would normally issue each command; a step sometimes picks anybody else instead. */
const usualActors = (name: CommandName): readonly Actor[] => {
  if (name === 'merchant.message') return [merchant];
  if (name.startsWith('customer.')) return [customer];
  if (name === 'dossier.reopen') return [supervisor];
  return [agent, agent2, supervisor];
};
const commandWithActor = rawCommand.chain((command) =>
  fc.record({
    command: fc.constant(command),
    actor: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...usualActors(command.name)) },
      { weight: 1, arbitrary: fc.constantFrom(...everyone) },
    ),
  }),
);

type Step =
  /** `skewMinutes`: the command is stamped a little before the clock (an offline replay, a skewed instance). */
  | { kind: 'command'; actor: Actor; command: RawCommand; hours: number; skewMinutes: number }
  | { kind: 'wait'; hours: number }
  /** Jump to the next time rule's instant, a millisecond before, on it, or just after. */
  | { kind: 'to-next-rule'; offset: -1 | 0 | 1 };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({
        kind: fc.constant('command' as const),
        pick: commandWithActor,
        hours,
        skewMinutes: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, fc.integer({ min: -180, max: -1 })),
      })
      .map(({ kind, pick, hours: h, skewMinutes }) => ({
        kind,
        actor: pick.actor,
        command: pick.command,
        hours: h,
        skewMinutes,
      })),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), hours }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('to-next-rule' as const), offset: fc.constantFrom(-1, 0, 1) }),
  },
);

interface Start {
  subject: Subject;
  merchantContact: MerchantContact;
  merchantEmailValid: boolean;
  language: Language;
  merchantLanguage: Language;
  filedAt: number;
}
const start: fc.Arbitrary<Start> = fc.record({
  subject: fc.constantFrom('payment', 'delivery'),
  merchantContact: fc.constantFrom(
    'merchant_no_answer',
    'merchant_email_invalid',
    'proposal_unsatisfactory',
    'not_contacted',
  ),
  merchantEmailValid: fc.boolean(),
  language: fc.constantFrom('fr', 'en'),
  merchantLanguage: fc.constantFrom('fr', 'en'),
  // Any minute of 2026, weekends, holidays and clock changes included.
  filedAt: fc
    .integer({ min: 0, max: 364 * 24 * 60 })
    .map((minutes) => at('2026-01-01T00:00:00Z') + minutes * 60_000),
});
const history = fc.record({ start, steps: fc.array(step, { maxLength: 40, size: 'max' }) });
type History = { start: Start; steps: Step[] };

// ---------------------------------------------------------------------------------------------
// A server-like runner: catch the time rules up to each step, validate the arguments, decide.

function resolveArgs(raw: RawCommand, now: number): unknown {
  if (raw.name !== 'dossier.follow_up') return raw.args;
  const until = raw.args.until as { inHours: number } | null;
  return { until: until === null ? null : iso(now + until.inHours * HOUR) };
}

interface Observer {
  /** After the time rules were applied up to `now`. */
  time?(before: Dossier, decision: Decision, now: number): void;
  accepted?(before: Dossier, command: Command, actor: Actor, decision: Decision, now: number): void;
  refused?(before: Dossier, command: Command, actor: Actor, error: Refusal, now: number): void;
  /** After every step, with everything written so far. */
  state?(d: Dossier, now: number, log: { messages: Message[]; events: AuditEvent[] }): void;
}

function simulate({ start: s, steps }: History, observer: Observer): Dossier {
  const filed = fileDecision(s);
  let d = filed.dossier;
  let now = s.filedAt;
  const log = { messages: [...filed.messages], events: [...filed.events] };
  const newId = ids('p');
  observer.state?.(d, now, log);
  for (const st of steps) {
    if (st.kind === 'to-next-rule') {
      const next = nextTimeRule(d, settings);
      if (next === null) continue;
      now = Math.max(now, next.at + st.offset);
    } else {
      now += st.hours * HOUR;
    }
    const before = deepFreeze(d);
    const timed = applyTimeRules(before, now, settings, newId);
    observer.time?.(before, timed, now);
    d = timed.dossier;
    log.messages.push(...timed.messages);
    log.events.push(...timed.events);
    if (st.kind === 'command') {
      const stamped = now + st.skewMinutes * 60_000;
      const parsed = commandSchemas[st.command.name].safeParse(resolveArgs(st.command, stamped));
      if (parsed.success) {
        const command = { name: st.command.name, args: parsed.data } as Command;
        const input = deepFreeze(d);
        const decided = run(input, st.actor, command, stamped, newId);
        if (decided.ok) {
          observer.accepted?.(input, command, st.actor, decided.value, stamped);
          d = decided.value.dossier;
          log.messages.push(...decided.value.messages);
          log.events.push(...decided.value.events);
        } else {
          observer.refused?.(input, command, st.actor, decided.error, stamped);
        }
      }
    }
    observer.state?.(d, now, log);
  }
  return d;
}

function fileDecision(s: Start): Decision {
  return filing(
    {
      subject: s.subject,
      merchantContact: s.merchantContact,
      merchantEmailValid: s.merchantEmailValid,
      language: s.language,
      merchantLanguage: s.merchantLanguage,
    },
    s.filedAt,
  );
}

const ms = (value: string): number => Date.parse(value);
const open = (d: Dossier) => d.status !== 'closed';
const partyCommands: [Actor, Command][] = [
  [customer, { name: 'customer.message', args: { body: 'Encore moi.' } }],
  [customer, { name: 'customer.escalate', args: {} }],
  [customer, { name: 'customer.escalate', args: { body: 'Intervenez.' } }],
  [customer, { name: 'customer.resolve', args: {} }],
  [merchant, { name: 'merchant.message', args: { body: 'Une réponse.' } }],
];

/** Every deadline an event sets lies strictly after the event. */
function deadlinesAfter(event: AuditEvent): void {
  const eventAt = ms(event.at);
  for (const field of ['dueAt', 'autoCloseAt'] as const) {
    const after = event.changes[field]?.after;
    if (typeof after === 'string') expect(ms(after), `${event.type} sets ${field}`).toBeGreaterThan(eventAt);
  }
  const followUps = event.changes.followUps;
  if (followUps) {
    const before = followUps.before as Record<string, string>;
    const after = followUps.after as Record<string, string>;
    for (const [agentId, until] of Object.entries(after)) {
      if (before[agentId] !== until) expect(ms(until)).toBeGreaterThan(eventAt);
    }
  }
}

function messagesKeepTheirAudience(messages: readonly Message[]): void {
  for (const m of messages) {
    // Internal ⇔ an agent's note: nothing else is ever internal, and a note never reaches a party.
    expect(m.audience === 'internal', `${m.kind} to ${m.audience}`).toBe(m.kind === 'note');
    if (m.kind === 'note') expect(['agent', 'supervisor']).toContain(m.author.role);
    switch (m.author.role) {
      case 'customer':
      case 'merchant':
        expect(m.audience).toBe('both');
        expect(['claim', 'message']).toContain(m.kind);
        break;
      case 'system':
        // Its notices, and the letters it sends by itself when a merchant is late.
        expect(['notice', 'good_practices_reminder', 'rights_information']).toContain(m.kind);
        expect(['customer', 'merchant']).toContain(m.audience);
        break;
      default:
        break;
    }
    if (m.kind === 'good_practices_reminder' || m.kind === 'forward') expect(m.audience).toBe('merchant');
    if (m.kind === 'rights_information') expect(m.audience).toBe('customer');
  }
}

// ---------------------------------------------------------------------------------------------

describe('arbitrary histories', () => {
  it('always give a dossier the schema accepts, with no undefined or extra field', () => {
    fc.assert(
      fc.property(history, (h) => {
        simulate(h, {
          state(d) {
            const parsed = dossierSchema.safeParse(d);
            expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
            expect(parsed.data).toStrictEqual(d);
            expect(JSON.parse(JSON.stringify(d))).toStrictEqual(d);
          },
        });
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('keep status, closure, deadlines and merchant stage consistent, with every time rule caught up', () => {
    fc.assert(
      fc.property(history, (h) => {
        simulate(h, {
          state(d, now) {
            expect(d.status === 'closed').toBe(d.closure !== null);
            expect(d.status === 'awaiting_merchant').toBe(d.merchantStage !== null);
            if (d.status === 'closed') {
              expect(d.dueAt).toBeNull();
              expect(d.autoCloseAt).toBeNull();
              expect(d.preCloseNoticeAt).toBeNull();
              expect(d.escalatedAt).toBeNull();
              expect(d.followUps).toEqual({});
              expect(ms(d.closure?.at ?? '')).toBeLessThanOrEqual(now);
              if (d.closure?.reason === 'resolved_by_klikpay') expect(d.closure.summary).toBeTruthy();
            } else {
              expect(d.autoCloseAt).not.toBeNull();
              // Caught up: whatever was due by now has fired.
              expect(ms(d.autoCloseAt ?? '')).toBeGreaterThan(now);
              if (d.preCloseNoticeAt === null) {
                expect(ms(d.autoCloseAt ?? '') - 14 * DAY).toBeGreaterThan(now);
              }
            }
            if (d.status === 'awaiting_klikpay' || d.status === 'awaiting_merchant')
              expect(d.dueAt).not.toBeNull();
            if (d.status === 'awaiting_customer') {
              expect(d.dueAt).toBeNull();
              expect(d.lastAnswerBy).not.toBeNull();
            }
            if (d.merchantStage === 'answer_due' || d.merchantStage === 'reminded') {
              expect(ms(d.dueAt ?? '')).toBeGreaterThan(now);
            }
            if (d.escalatedAt !== null) expect(d.status).toBe('awaiting_klikpay');
          },
        });
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('restart the 120-day clock from the last communication or the reopening, whichever is later', () => {
    fc.assert(
      fc.property(history, (h) => {
        simulate(h, {
          state(d, _now, log) {
            // Communication: a message reaching a party, not a notice of the system (its letters count).
            const communications = log.messages
              .filter((m) => m.audience !== 'internal' && m.kind !== 'notice')
              .map((m) => ms(m.createdAt));
            expect(d.lastCommunicationAt).toBe(iso(Math.max(...communications)));
            if (open(d)) {
              const since = Math.max(ms(d.lastCommunicationAt), d.reopenedAt ? ms(d.reopenedAt) : -Infinity);
              expect(d.autoCloseAt).toBe(iso(since + 120 * DAY));
            }
            const responses = log.messages.filter(
              (m) =>
                m.audience !== 'internal' &&
                (m.author.role === 'agent' || m.author.role === 'supervisor' || m.author.role === 'merchant'),
            );
            expect(d.firstResponseAt).toBe(responses[0]?.createdAt ?? null);
          },
        });
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('never closes for inactivity a dossier whose move is the merchant’s: its deadlines move it on first', () => {
    let closings = 0;
    fc.assert(
      fc.property(history, (h) => {
        simulate(h, {
          time(_before, decision) {
            for (const e of decision.events) {
              if (e.type !== 'rule.auto_closed') continue;
              closings++;
              expect(e.changes.status?.before).not.toBe('awaiting_merchant');
            }
          },
        });
      }),
      { numRuns: RUNS },
    );
    expect(closings).toBeGreaterThan(0);
  });

  it('a closed dossier refuses every party command', () => {
    let closedSeen = 0;
    fc.assert(
      fc.property(history, (h) => {
        simulate(h, {
          state(d, now) {
            if (open(d)) return;
            closedSeen++;
            for (const [actor, command] of partyCommands) {
              const decided = run(deepFreeze(d), actor, command, now);
              expect(decided).toMatchObject({ ok: false, error: { code: 'conflict' } });
            }
          },
        });
      }),
      { numRuns: RUNS },
    );
    expect(closedSeen).toBeGreaterThan(100);
  }, 60_000);

  it('a refusal changes nothing and says why', () => {
    let refusals = 0;
    fc.assert(
      fc.property(history, (h) => {
        simulate(h, {
          refused(before, _command, _actor, error) {
            refusals++;
            // `before` is deeply frozen: the rules could not have changed it in place.
            expect(Object.isFrozen(before)).toBe(true);
            expect(['conflict', 'forbidden', 'invalid_request']).toContain(error.code);
            expect(error.message.length).toBeGreaterThan(10);
          },
          accepted(before, _command, actor) {
            // Every accepted party command was on an open dossier.
            if (actor.role === 'customer' || actor.role === 'merchant') expect(open(before)).toBe(true);
          },
        });
      }),
      { numRuns: RUNS },
    );
    expect(refusals).toBeGreaterThan(RUNS);
  }, 60_000);

  it('audit every accepted change with one event and one version, and a no-op with none', () => {
    fc.assert(
      fc.property(history, (h) => {
        simulate(h, {
          accepted(before, command, actor, decision, now) {
            expect(decision.events.length).toBeLessThanOrEqual(1);
            const event = decision.events[0];
            if (event === undefined) {
              expect(decision.dossier).toBe(before);
              expect(decision.messages).toEqual([]);
              return;
            }
            expect(event).toMatchObject({
              type: command.name,
              actor: { role: actor.role, id: actor.id },
              at: iso(now),
              dossierId: before.id,
            });
            expect(event.changes).toEqual(changedFields(before, decision.dossier));
            expect(event.data.messageIds).toEqual(decision.messages.map((m) => m.id));
            expect(Object.keys(event.changes).length + decision.messages.length).toBeGreaterThan(0);
            expect(decision.dossier.version).toBe(before.version + 1);
            for (const m of decision.messages)
              expect(m).toMatchObject({ dossierId: before.id, createdAt: iso(now) });
          },
          time(before, decision, now) {
            expect(decision.dossier.version).toBe(before.version + decision.events.length);
            let previous = -Infinity;
            for (const event of decision.events) {
              expect(event.actor).toEqual({ role: 'system', id: null });
              expect(ms(event.at)).toBeLessThanOrEqual(now);
              expect(ms(event.at)).toBeGreaterThanOrEqual(previous);
              previous = ms(event.at);
            }
            if (decision.events.length === 0) expect(decision.dossier).toBe(before);
          },
          state(d, _now, log) {
            expect(d.version).toBe(log.events.length);
            expect(d.updatedAt).toBe(iso(Math.max(...log.events.map((e) => ms(e.at)))));
            expect(new Set(log.events.map((e) => e.id)).size).toBe(log.events.length);
            expect(new Set(log.messages.map((m) => m.id)).size).toBe(log.messages.length);
          },
        });
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('set every deadline strictly after the event that sets it', () => {
    fc.assert(
      fc.property(history, (h) => {
        const filed = fileDecision(h.start);
        for (const e of filed.events) deadlinesAfter(e);
        simulate(h, {
          accepted(_before, _command, _actor, decision) {
            for (const e of decision.events) deadlinesAfter(e);
          },
          time(_before, decision) {
            for (const e of decision.events) deadlinesAfter(e);
          },
        });
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('never let a message reach someone it was not meant for', () => {
    fc.assert(
      fc.property(history, (h) => {
        simulate(h, {
          state(_d, _now, log) {
            messagesKeepTheirAudience(log.messages);
          },
        });
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('are pure: the same history gives the same result', () => {
    fc.assert(
      fc.property(history, (h) => {
        expect(simulate(h, {})).toEqual(simulate(h, {}));
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// An independent model of docs/product.md (Lifecycle) and docs/api.md: who may do what, and whose
// move it is after.

type Prediction =
  | { refused: Refusal['code'] }
  | {
      status: Dossier['status'];
      stage?: Dossier['merchantStage'];
      closedAs?: string;
      messages: number;
      /** Kept, none, or a fresh deadline from now. */
      due: 'kept' | 'klikpay' | 'merchant' | 'reminder' | null;
    };

const staffRoles = ['agent', 'supervisor'];
const mayIssue = (name: CommandName, role: string): boolean => {
  if (name === 'merchant.message') return role === 'merchant';
  if (name.startsWith('customer.')) return role === 'customer';
  if (name === 'dossier.reopen') return role === 'supervisor';
  return staffRoles.includes(role);
};

function predict(d: Dossier, command: Command, actor: Actor, now: number): Prediction {
  if (!mayIssue(command.name, actor.role)) return { refused: 'forbidden' };
  const same = (messages: number): Prediction => ({
    status: d.status,
    stage: d.merchantStage,
    messages,
    due: 'kept',
  });
  const closed = d.status === 'closed';
  const conflictIfClosed = (then: () => Prediction): Prediction =>
    closed ? { refused: 'conflict' } : then();
  const anotherAgents = actor.role === 'agent' && d.assigneeId !== null && d.assigneeId !== actor.id;
  switch (command.name) {
    case 'customer.message':
      return conflictIfClosed(() => {
        if (d.status !== 'awaiting_customer') return same(1);
        return d.lastAnswerBy === 'merchant'
          ? { status: 'awaiting_merchant', stage: 'answer_due', messages: 1, due: 'merchant' }
          : { status: 'awaiting_klikpay', stage: null, messages: 1, due: 'klikpay' };
      });
    case 'customer.escalate':
      return conflictIfClosed(() =>
        d.status === 'awaiting_klikpay'
          ? { refused: 'conflict' }
          : {
              status: 'awaiting_klikpay',
              stage: null,
              messages: command.args.body === undefined ? 0 : 1,
              due: 'klikpay',
            },
      );
    case 'customer.resolve':
      return conflictIfClosed(() => ({
        status: 'closed',
        closedAs: 'resolved_by_client',
        messages: 2,
        due: null,
      }));
    case 'merchant.message':
      return conflictIfClosed(() =>
        d.status === 'awaiting_merchant'
          ? { status: 'awaiting_customer', stage: null, messages: 1, due: null }
          : same(1),
      );
    case 'dossier.reply':
      return conflictIfClosed(() =>
        command.args.audience === 'merchant'
          ? { status: 'awaiting_merchant', stage: 'answer_due', messages: 1, due: 'merchant' }
          : { status: 'awaiting_customer', stage: null, messages: 1, due: null },
      );
    case 'dossier.forward_to_merchant':
      return conflictIfClosed(() => ({
        status: 'awaiting_merchant',
        stage: 'answer_due',
        messages: 1,
        due: 'merchant',
      }));
    case 'dossier.note':
      return same(1);
    case 'dossier.remind_merchant':
      return conflictIfClosed(() => {
        if (d.status !== 'awaiting_merchant') return { refused: 'conflict' };
        // Only once the merchant's deadline has passed; a second reminder keeps the first one's deadline.
        const late = d.merchantStage !== 'answer_due' || (d.dueAt !== null && ms(d.dueAt) <= now);
        if (!late) return { refused: 'conflict' };
        return {
          status: 'awaiting_merchant',
          stage: 'reminded',
          messages: 1,
          due: d.merchantStage === 'reminded' ? 'kept' : 'reminder',
        };
      });
    case 'dossier.inform_customer':
      return conflictIfClosed(() => same(1));
    case 'dossier.take_over':
      return conflictIfClosed(() => {
        if (d.status === 'awaiting_klikpay' && d.assigneeId === actor.id) return { refused: 'conflict' };
        if (anotherAgents) return { refused: 'forbidden' };
        return {
          status: 'awaiting_klikpay',
          stage: null,
          messages: 0,
          due: d.status === 'awaiting_klikpay' ? 'kept' : 'klikpay',
        };
      });
    case 'dossier.assign':
      return anotherAgents ? { refused: 'forbidden' } : same(0);
    case 'dossier.tag':
      return same(0);
    case 'dossier.follow_up':
      if (command.args.until === null) return same(0);
      return conflictIfClosed(() =>
        ms(command.args.until ?? '') <= now ? { refused: 'invalid_request' } : same(0),
      );
    case 'dossier.close':
      return conflictIfClosed(() => ({
        status: 'closed',
        closedAs: 'resolved_by_klikpay',
        messages: 2,
        due: null,
      }));
    case 'dossier.reopen':
      return closed
        ? { status: 'awaiting_klikpay', stage: null, messages: 2, due: 'klikpay' }
        : { refused: 'conflict' };
  }
}

describe('a model of whose move it is', () => {
  it('every command is accepted or refused, and moves the dossier, as docs/product.md says', () => {
    fc.assert(
      fc.property(history, (h) => {
        const check = (
          before: Dossier,
          command: Command,
          actor: Actor,
          outcome: Decision | Refusal,
          now: number,
        ) => {
          const expected = predict(before, command, actor, now);
          const context = `${command.name} by ${actor.role} on ${before.status}/${String(before.merchantStage)}`;
          if ('refused' in expected) {
            expect('code' in outcome ? outcome.code : 'accepted', context).toBe(expected.refused);
            return;
          }
          expect('dossier' in outcome, `${context}: ${'message' in outcome ? outcome.message : ''}`).toBe(
            true,
          );
          if (!('dossier' in outcome)) return;
          const after = outcome.dossier;
          expect(after.status, context).toBe(expected.status);
          if (expected.stage !== undefined) expect(after.merchantStage, context).toBe(expected.stage);
          if (expected.closedAs !== undefined) expect(after.closure?.reason, context).toBe(expected.closedAs);
          expect(outcome.messages.length, context).toBe(expected.messages);
          const fresh = { klikpay: klikpayDueAt, merchant: merchantDueAt, reminder: reminderDueAt };
          expect(after.dueAt, `${context}: deadline`).toBe(
            expected.due === null
              ? null
              : expected.due === 'kept'
                ? before.dueAt
                : fresh[expected.due](now, settings),
          );
          if (command.name === 'dossier.close') {
            expect(after.closure).toMatchObject({
              summary: command.args.summary,
              outcome: command.args.outcome ?? null,
            });
          }
          if (command.name === 'dossier.remind_merchant') {
            expect(outcome.messages[0]?.body).toBe(
              command.args.body ??
                letter('good_practices_reminder', after, after.transaction.merchantLanguage),
            );
          }
          if (command.name === 'dossier.inform_customer') {
            expect(outcome.messages[0]?.body).toBe(
              command.args.body ?? letter('rights_information', after, after.language),
            );
          }
          if (command.name === 'dossier.reply') {
            expect(outcome.messages[0]?.audience).toBe(command.args.audience);
            expect(outcome.messages[0]?.body).toBe(command.args.body);
          }
          if (command.name === 'customer.escalate') expect(after.escalatedAt).toBe(iso(now));
          if (command.name === 'dossier.remind_merchant') {
            // The first reminder of a missed deadline is the one that counts.
            expect(after.remindedAt).toBe(before.merchantStage === 'reminded' ? before.remindedAt : iso(now));
          }
          if (command.name === 'dossier.inform_customer') expect(after.customerInformedAt).toBe(iso(now));
          if (command.name === 'dossier.take_over') expect(after.assigneeId).toBe(actor.id);
          if (command.name === 'dossier.assign') expect(after.assigneeId).toBe(command.args.assigneeId);
          if (command.name === 'dossier.tag') {
            const { tags, add = [], remove = [] } = command.args;
            const expected = new Set([...(tags ?? before.tags), ...add]);
            for (const tag of remove) expected.delete(tag);
            expect(after.tags).toEqual([...expected].sort());
          }
          if (command.name === 'dossier.follow_up') {
            const key = actor.id ?? '';
            expect(after.followUps[key]).toBe(
              command.args.until === null ? undefined : iso(ms(command.args.until)),
            );
          }
          const messageTarget = after.status === 'awaiting_customer' && before.status !== 'awaiting_customer';
          if (messageTarget) {
            expect(after.lastAnswerBy).toBe(command.name === 'merchant.message' ? 'merchant' : 'klikpay');
          }
        };
        simulate(h, {
          accepted: (before, command, actor, decision, now) => {
            check(before, command, actor, decision, now);
          },
          refused: (before, command, actor, error, now) => {
            check(before, command, actor, error, now);
          },
        });
      }),
      { numRuns: RUNS },
    );
  }, 60_000);
});

describe('time rules over arbitrary histories', () => {
  it('give the same dossier whether the scheduler runs often or once', () => {
    fc.assert(
      fc.property(
        history,
        fc.array(fc.integer({ min: 0, max: 400 * 24 }), { minLength: 1, maxLength: 12 }),
        (h, checkpoints) => {
          const d = simulate(h, {});
          const from = ms(d.updatedAt);
          const instants = checkpoints.map((hoursLater) => from + hoursLater * HOUR).sort((a, b) => a - b);
          const end = instants[instants.length - 1] ?? from;
          const once = applyTimeRules(d, end, settings, ids('once'));
          let often = d;
          const fired: string[] = [];
          for (const instant of instants) {
            const result = applyTimeRules(often, instant, settings, ids('often'));
            fired.push(...result.events.map((e) => `${e.type}@${e.at}`));
            often = result.dossier;
          }
          expect(often).toEqual(once.dossier);
          expect(fired).toEqual(once.events.map((e) => `${e.type}@${e.at}`));
          // And once more at the end changes nothing.
          expect(applyTimeRules(often, end, settings, ids()).events).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});
