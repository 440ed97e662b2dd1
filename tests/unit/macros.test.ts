import { describe, expect, it } from 'vitest';
import { zonedTimeToUtc } from '../../src-shared/domain/calendar';
import { mutationArgsSchemas } from '../../src-shared/contract/sync';
import type { Macro, MacroFields } from '../../src-shared/domain/team';
import { macroFieldsSchema, mayEditTeamItem, teamNameKey } from '../../src-shared/domain/team';
import { letterText } from '../../src-renderer/workspace/dossier/letters';
import { emptyMacroForm, fieldsOf, formOf } from '../../src-renderer/workspace/macros/macro-form';
import { agentTimeZone, followUpPresets } from '../../src-renderer/workspace/dossier/follow-up';
import { followUpAt, macroRequests } from '../../src-renderer/workspace/macros/macro-run';
import { FRIDAY, MONDAY, file, settings } from './fixtures';

const stamps = {
  id: '6a1f0c2e-9b7d-4e3a-8c5f-1d2b3a4c5e6f',
  createdBy: 'a1',
  updatedAt: '2026-07-13T08:00:00.000Z',
};
const macro = (fields: Partial<MacroFields>): Macro => ({
  name: 'Test',
  letter: null,
  tags: [],
  followUp: null,
  finish: { kind: 'none' },
  ...fields,
  ...stamps,
});
const ctx = { userId: 'a1', settings, now: MONDAY };

describe('a macro run on a dossier', () => {
  const dossier = file({ subject: 'delivery' });

  it('is the letter, the tags, the follow-up and the last step, in that order, each a valid mutation', () => {
    const requests = macroRequests(
      dossier.id,
      dossier,
      macro({
        letter: { id: 'request_for_proof', audience: 'merchant' },
        tags: ['proof', 'urgent'],
        followUp: 'inAWeek',
        finish: { kind: 'assign', assigneeId: 'a2' },
      }),
      ctx,
    );
    expect(requests.map((r) => r.name)).toEqual([
      'dossier.reply',
      'dossier.tag',
      'dossier.follow_up',
      'dossier.assign',
    ]);
    for (const r of requests) expect(mutationArgsSchemas[r.name].safeParse(r.args).success).toBe(true);
    // The letter as the composer would write it, in the merchant's language.
    expect(requests[0]?.args).toEqual({
      dossierId: dossier.id,
      audience: 'merchant',
      body: letterText(dossier, 'request_for_proof', dossier.transaction.merchantLanguage, settings, MONDAY),
    });
    expect(requests[1]?.args).toEqual({ dossierId: dossier.id, add: ['proof', 'urgent'] });
  });

  it("leaves the rules' own letters to the rules, and closes last", () => {
    const reminded = macroRequests(
      dossier.id,
      dossier,
      macro({ letter: { id: 'good_practices_reminder', audience: 'merchant' }, finish: { kind: 'take' } }),
      ctx,
    );
    expect(reminded).toEqual([
      { name: 'dossier.remind_merchant', args: { dossierId: dossier.id } },
      { name: 'dossier.take_over', args: { dossierId: dossier.id } },
    ]);
    const closed = macroRequests(
      dossier.id,
      dossier,
      macro({
        letter: { id: 'rights_information', audience: 'customer' },
        finish: { kind: 'close', summary: 'Refunded by the merchant.', outcome: 'refunded' },
      }),
      ctx,
    );
    expect(closed).toEqual([
      { name: 'dossier.inform_customer', args: { dossierId: dossier.id } },
      {
        name: 'dossier.close',
        args: { dossierId: dossier.id, summary: 'Refunded by the merchant.', outcome: 'refunded' },
      },
    ]);
  });

  it('asks nothing the dossier already is: tags it has, an assignee it has, taking what is mine', () => {
    const mine = { ...dossier, tags: ['proof'], assigneeId: 'a1' };
    expect(
      macroRequests(mine.id, mine, macro({ tags: ['proof', 'late'], finish: { kind: 'take' } }), ctx),
    ).toEqual([{ name: 'dossier.tag', args: { dossierId: mine.id, add: ['late'] } }]);
    expect(
      macroRequests(mine.id, mine, macro({ finish: { kind: 'assign', assigneeId: 'a1' } }), ctx),
    ).toEqual([]);
  });

  it("counts its follow-up as the follow-up dialog's quick choices do, when it runs", () => {
    // The dialog's choices on the department's calendar, in the agent's zone (the runtime's).
    const presets = (now: number) =>
      new Map(
        followUpPresets(now, {
          ...settings.calendar,
          timeZone: agentTimeZone(settings.calendar.timeZone),
        }).map((p) => [p.id, p.at]),
      );
    const friday = presets(FRIDAY);
    // On a Friday the next business morning is Monday's: the dialog shows it once, as either choice.
    const morning = friday.get('nextBusinessMorning') ?? friday.get('tomorrowMorning');
    expect(morning).toBeGreaterThan(FRIDAY + 2 * 86_400_000);
    expect(followUpAt('nextBusinessMorning', { ...ctx, now: FRIDAY })).toBe(morning);
    expect(followUpAt('nextMonday', { ...ctx, now: FRIDAY })).toBe(friday.get('nextMonday') ?? morning);
    expect(followUpAt('inAWeek', { ...ctx, now: FRIDAY })).toBe(friday.get('inAWeek'));
    expect(followUpAt('laterToday', { ...ctx, now: MONDAY })).toBe(presets(MONDAY).get('laterToday'));
    // Late in the evening there is no "later today": the next business morning instead.
    const zone = agentTimeZone(settings.calendar.timeZone);
    const evening = zonedTimeToUtc('2026-07-13', { hour: 22, minute: 30, second: 0, millisecond: 0 }, zone);
    const next = presets(evening);
    expect(next.has('laterToday')).toBe(false);
    expect(followUpAt('laterToday', { ...ctx, now: evening })).toBe(
      next.get('tomorrowMorning') ?? next.get('nextBusinessMorning'),
    );
  });
});

describe('a macro as the API takes it', () => {
  const base = { name: 'Ask proof', letter: null, tags: [], followUp: null, finish: { kind: 'take' } };

  it('does at least one thing, sends a letter to its own recipient, follows up only what stays open', () => {
    expect(macroFieldsSchema.safeParse(base).success).toBe(true);
    expect(macroFieldsSchema.safeParse({ ...base, finish: { kind: 'none' } }).success).toBe(false);
    expect(
      macroFieldsSchema.safeParse({
        ...base,
        letter: { id: 'good_practices_reminder', audience: 'customer' },
      }).success,
    ).toBe(false);
    expect(
      macroFieldsSchema.safeParse({
        ...base,
        followUp: 'inAWeek',
        finish: { kind: 'close', summary: 'Done.' },
      }).success,
    ).toBe(false);
    expect(macroFieldsSchema.safeParse({ ...base, tags: ['<script>'] }).success).toBe(false);
    expect(macroFieldsSchema.safeParse({ ...base, extra: true }).success).toBe(false);
  });

  it('names are compared as people read them', () => {
    expect(teamNameKey('  Relance   Marchand ')).toBe(teamNameKey('relance marchand'));
    expect(teamNameKey('Élevé')).toBe(teamNameKey('eleve'));
    expect(teamNameKey('Proof')).not.toBe(teamNameKey('Proofs'));
  });

  it('shared views are a supervisor’s; a macro its author’s or a supervisor’s', () => {
    const agentA = { id: 'a1', role: 'agent' };
    const boss = { id: 's1', role: 'supervisor' };
    expect(mayEditTeamItem('view', agentA, null)).toBe(false);
    expect(mayEditTeamItem('view', boss, 'a1')).toBe(true);
    expect(mayEditTeamItem('macro', agentA, null)).toBe(true);
    expect(mayEditTeamItem('macro', agentA, 'a1')).toBe(true);
    expect(mayEditTeamItem('macro', agentA, 'a2')).toBe(false);
    expect(mayEditTeamItem('macro', boss, 'a2')).toBe(true);
    expect(mayEditTeamItem('macro', { id: 'c-1', role: 'customer' }, null)).toBe(false);
  });
});

describe('the macro dialog’s form', () => {
  it('becomes the fields, and comes back from them', () => {
    const form = {
      ...emptyMacroForm,
      name: ' Proof, then a week ',
      letter: 'request_for_proof' as const,
      audience: 'both' as const,
      tags: 'Proof, late,, proof ',
      followUp: 'inAWeek' as const,
      finish: 'assign' as const,
      assigneeId: '',
    };
    const made = fieldsOf(form, [], null);
    expect(made).toEqual({
      ok: true,
      fields: {
        name: 'Proof, then a week',
        letter: { id: 'request_for_proof', audience: 'both' },
        tags: ['proof', 'late'],
        followUp: 'inAWeek',
        finish: { kind: 'assign', assigneeId: null },
      },
    });
    if (!made.ok) return;
    expect(fieldsOf(formOf({ ...made.fields, ...stamps }), [], stamps.id)).toEqual(made);
  });

  it('says what to put right: the name, a tag, the summary, or that it does nothing', () => {
    const named = { ...emptyMacroForm, name: 'Close', finish: 'close' as const };
    expect(fieldsOf({ ...named, name: ' ' }, [], null)).toMatchObject({ problem: { field: 'name' } });
    expect(fieldsOf({ ...named, finish: 'none' }, [], null)).toEqual({
      ok: false,
      problem: { field: 'form' },
    });
    expect(fieldsOf(named, [], null)).toEqual({ ok: false, problem: { field: 'summary' } });
    expect(fieldsOf({ ...named, finish: 'take', tags: 'ok, <b>' }, [], null)).toEqual({
      ok: false,
      problem: { field: 'tags', tag: '<b>' },
    });
    const other = macro({ name: 'CLOSE', finish: { kind: 'take' } });
    expect(fieldsOf({ ...named, summary: 'Done.' }, [other], null)).toEqual({
      ok: false,
      problem: { field: 'name', kind: 'duplicate' },
    });
    // Its own name is no duplicate when it is edited.
    expect(fieldsOf({ ...named, summary: 'Done.' }, [other], other.id).ok).toBe(true);
  });

  it('drops a follow-up when the macro closes (a follow-up ends with the dossier)', () => {
    const made = fieldsOf(
      { ...emptyMacroForm, name: 'Close', followUp: 'inAWeek', finish: 'close', summary: 'Done.' },
      [],
      null,
    );
    expect(made).toMatchObject({ ok: true, fields: { followUp: null } });
  });
});
