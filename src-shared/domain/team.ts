import { z } from 'zod';
import { dossierFilterSchema, dossierSortSchema } from './filters';
import { idSchema, instantSchema, limits, tagSchema, textSchema } from './model';
import { nameSchema } from './text';
import { outcomeSchema } from './vocabulary';
import type { Audience } from './vocabulary';

/**
 * What the team shares through the API (docs/product.md, "Shared views and macros"): views of the
 * queues a supervisor saves for everyone, and macros — a named sequence of the usual actions (a
 * letter, tags, a follow-up, then take, assign or close) any member of staff saves and anyone runs.
 * Each is a document of its own, reaching every back office through the sync feed.
 */

export const teamItemLimits = {
  /** Per kind: the lists are shown whole, in menus and the palette. */
  items: 200,
  name: 80,
} as const;

/** Team items are named by the client that creates them (a UUID), so saving again is harmless. */
export const teamItemIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a lowercase UUID');
// Written text: no NUL or other control character (PostgreSQL refuses NUL in text and jsonb).
const teamNameSchema = nameSchema(teamItemLimits.name);

/** Who saved it first (kept through edits) and when it last changed, as the server stamps them. */
const stamps = { createdBy: idSchema, updatedAt: instantSchema };

/** A view of a queue saved for the whole team (`PUT /team/views/{id}` sends its fields but the stamps). */
export const teamViewFieldsSchema = z.strictObject({
  name: teamNameSchema,
  queue: z.string().max(40),
  filter: dossierFilterSchema,
  sort: dossierSortSchema,
});
export type TeamViewFields = z.infer<typeof teamViewFieldsSchema>;
export const teamViewSchema = teamViewFieldsSchema.extend({ id: teamItemIdSchema, ...stamps });
export type TeamView = z.infer<typeof teamViewSchema>;

/**
 * The letters a macro may send, and to whom. The merchant's Good Practices reminder and the
 * customer's rights letter are the rules' own letters (`dossier.remind_merchant`,
 * `dossier.inform_customer`, written by the rules in the recipient's language); the other two are
 * written from the dossier's facts when the macro runs and go as a reply.
 */
export const macroLetters = {
  good_practices_reminder: 'merchant',
  rights_information: 'customer',
  request_for_proof: null,
  resolution_proposal: null,
} as const satisfies Record<string, Exclude<Audience, 'internal' | 'both'> | null>;
export type MacroLetterId = keyof typeof macroLetters;
export const macroLetterIds = Object.keys(macroLetters) as [MacroLetterId, ...MacroLetterId[]];

/** When a macro's follow-up comes due, counted when it runs (the follow-up dialog's quick choices). */
export const macroFollowUps = ['laterToday', 'nextBusinessMorning', 'nextMonday', 'inAWeek'] as const;
export type MacroFollowUp = (typeof macroFollowUps)[number];

/** What a macro does last: nothing more, take the dossier, give it to someone (or no one), close it. */
export const macroFinishSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('take') }),
  z.strictObject({ kind: z.literal('assign'), assigneeId: idSchema.nullable() }),
  z.strictObject({
    kind: z.literal('close'),
    summary: textSchema(limits.summary),
    outcome: outcomeSchema.optional(),
  }),
]);
export type MacroFinish = z.infer<typeof macroFinishSchema>;

const macroShape = z.strictObject({
  name: teamNameSchema,
  letter: z
    .strictObject({ id: z.enum(macroLetterIds), audience: z.enum(['customer', 'merchant', 'both']) })
    .nullable(),
  tags: z.array(tagSchema).max(limits.tags),
  followUp: z.enum(macroFollowUps).nullable(),
  finish: macroFinishSchema,
});

function macroRules(m: z.infer<typeof macroShape>, ctx: z.RefinementCtx): void {
  const fixed = m.letter ? macroLetters[m.letter.id] : null;
  if (m.letter && fixed && m.letter.audience !== fixed)
    ctx.addIssue({
      code: 'custom',
      path: ['letter', 'audience'],
      message: `this letter goes to the ${fixed}`,
    });
  if (m.followUp && m.finish.kind === 'close')
    ctx.addIssue({ code: 'custom', path: ['followUp'], message: 'a follow-up ends when the dossier closes' });
  if (!m.letter && m.tags.length === 0 && !m.followUp && m.finish.kind === 'none')
    ctx.addIssue({ code: 'custom', path: [], message: 'a macro does at least one thing' });
}

/** A macro as `PUT /team/macros/{id}` sends it: its fields but the id and the stamps. */
export const macroFieldsSchema = macroShape.superRefine(macroRules);
export type MacroFields = z.infer<typeof macroFieldsSchema>;
export const macroSchema = macroShape.extend({ id: teamItemIdSchema, ...stamps }).superRefine(macroRules);
export type Macro = z.infer<typeof macroSchema>;

/** Names are unique per kind, compared as a person reads them (case and accents aside). */
export const teamNameKey = (name: string): string =>
  name.trim().normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').replace(/\s+/g, ' ');

/** Who may change a team item: shared views are a supervisor's; a macro its author's or a supervisor's. */
export function mayEditTeamItem(
  kind: 'view' | 'macro',
  user: { id: string; role: string },
  createdBy: string | null,
): boolean {
  if (user.role === 'supervisor') return true;
  if (kind === 'view' || user.role !== 'agent') return false;
  return createdBy === null || createdBy === user.id;
}
