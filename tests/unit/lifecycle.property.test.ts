import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src-shared/domain/commands';
import { commandSchemas } from '../../src-shared/domain/commands';
import type { Dossier } from '../../src-shared/domain/model';
import { dossierSchema } from '../../src-shared/domain/model';
import { autoCloseAtFor } from '../../src-shared/domain/settings';
import { applyTimeRules } from '../../src-shared/domain/time-rules';
import type { Actor } from '../../src-shared/domain/transitions';
import {
  agent,
  agent2,
  customer,
  DAY,
  file,
  ids,
  merchant,
  monday,
  run,
  settings,
  supervisor,
} from './fixtures';

/**
 * Arbitrary histories — any actor, any command, any time — from a filed dossier. Whatever happens,
 * the dossier stays in a defined, consistent state, and the rules' promises hold.
 */

const actors: Actor[] = [customer, merchant, agent, agent2, supervisor];
const text = fc.constantFrom('Bonjour', 'Hello', 'Colis renvoyé', 'Merci');
const command: fc.Arbitrary<Command> = fc.oneof(
  text.map((body) => ({ name: 'customer.message', args: { body } }) as const),
  fc.constant({ name: 'customer.escalate', args: {} } as const),
  fc.constant({ name: 'customer.resolve', args: {} } as const),
  text.map((body) => ({ name: 'merchant.message', args: { body } }) as const),
  fc
    .record({ body: text, audience: fc.constantFrom('customer', 'merchant', 'both') })
    .map((args) => ({ name: 'dossier.reply', args }) as const),
  text.map((body) => ({ name: 'dossier.note', args: { body } }) as const),
  fc.constant({ name: 'dossier.remind_merchant', args: {} } as const),
  fc.constant({ name: 'dossier.inform_customer', args: {} } as const),
  text.map((body) => ({ name: 'dossier.forward_to_merchant', args: { body } }) as const),
  fc.constant({ name: 'dossier.take_over', args: {} } as const),
  fc
    .constantFrom('a1', 'a2', null)
    .map((assigneeId) => ({ name: 'dossier.assign', args: { assigneeId } }) as const),
  fc
    .subarray(['urgent', 'colis', 'fraude'])
    .map((tags) => ({ name: 'dossier.tag', args: { tags } }) as const),
  fc.option(fc.integer({ min: -2, max: 30 })).map(
    (days) =>
      ({
        name: 'dossier.follow_up',
        args: { until: days === null ? null : new Date(monday + 200 * DAY + days * DAY).toISOString() },
      }) as const,
  ),
  fc
    .record({ summary: text, outcome: fc.constantFrom('refunded', 'replaced', undefined) })
    .map(
      ({ summary, outcome }) =>
        ({ name: 'dossier.close', args: outcome ? { summary, outcome } : { summary } }) as const,
    ),
  text.map((reason) => ({ name: 'dossier.reopen', args: { reason } }) as const),
);
const stepArb = fc.record({
  actor: fc.constantFrom(...actors),
  command,
  /** Hours until this step: from minutes to a whole inactivity period. */
  wait: fc.oneof(fc.integer({ min: 0, max: 72 }), fc.integer({ min: 72, max: 24 * 130 })),
});
const history = fc.record({
  subject: fc.constantFrom('payment', 'delivery'),
  steps: fc.array(stepArb, { maxLength: 25 }),
});

function consistent(d: Dossier): void {
  expect(() => dossierSchema.parse(d)).not.toThrow();
  expect(d.status === 'closed').toBe(d.closure !== null);
  expect(d.status === 'awaiting_merchant').toBe(d.merchantStage !== null);
  if (d.status === 'closed') {
    expect(d.dueAt).toBeNull();
    expect(d.autoCloseAt).toBeNull();
  } else {
    expect(d.autoCloseAt).toBe(autoCloseAtFor(d, settings));
  }
  if (d.status === 'awaiting_klikpay' || d.status === 'awaiting_merchant') expect(d.dueAt).not.toBeNull();
  if (d.status === 'awaiting_customer') expect(d.dueAt).toBeNull();
  if (d.escalatedAt !== null) expect(d.status).toBe('awaiting_klikpay');
}

describe('arbitrary histories', () => {
  it('never reach an undefined state, and keep every promise of the rules', () => {
    fc.assert(
      fc.property(history, ({ subject, steps }) => {
        let d = file({ subject });
        let now = monday;
        const newId = ids('p');
        consistent(d);
        for (const s of steps) {
          now += s.wait * 3_600_000;
          const timed = applyTimeRules(d, now, settings, newId);
          for (const e of timed.events) {
            const due = e.changes.dueAt?.after;
            if (typeof due === 'string') expect(Date.parse(due)).toBeGreaterThan(Date.parse(e.at));
          }
          d = timed.dossier;
          consistent(d);
          const parsed = commandSchemas[s.command.name].safeParse(s.command.args);
          if (!parsed.success) continue;
          const before = structuredClone(d);
          const result = run(d, s.actor, s.command, now);
          if (!result.ok) {
            // A refusal changes nothing, and says why in words.
            expect(d).toEqual(before);
            expect(result.error.message.length).toBeGreaterThan(10);
            if (d.status === 'closed' && (s.actor.role === 'customer' || s.actor.role === 'merchant'))
              continue;
            continue;
          }
          const { dossier: next, messages, events } = result.value;
          if (before.status === 'closed') expect(['customer', 'merchant']).not.toContain(s.actor.role);
          if (events.length > 0) expect(next.version).toBe(before.version + 1);
          else expect(next).toBe(d);
          for (const m of messages) {
            if (m.audience === 'internal') expect(m.kind).toBe('note');
            if (m.kind === 'note') expect(m.audience).toBe('internal');
          }
          for (const e of events) {
            const due = e.changes.dueAt?.after;
            if (typeof due === 'string') expect(Date.parse(due)).toBeGreaterThan(Date.parse(e.at));
          }
          d = next;
          consistent(d);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a closed dossier accepts no command from the parties', () => {
    fc.assert(
      fc.property(
        history,
        fc.constantFrom(customer, merchant),
        command,
        ({ subject, steps }, party, last) => {
          let d = file({ subject });
          let now = monday;
          for (const s of steps) {
            now += s.wait * 3_600_000;
            d = applyTimeRules(d, now, settings, ids()).dossier;
            const r = run(d, s.actor, s.command, now);
            if (r.ok) d = r.value.dossier;
          }
          fc.pre(d.status === 'closed');
          expect(run(d, party, last, now).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
