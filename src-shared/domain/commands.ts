import { z } from 'zod';
import {
  attachmentLimits,
  attachmentSchema,
  proposalSchema,
  idSchema,
  instantSchema,
  limits,
  tagSchema,
  textSchema,
} from './model';
import type { ActorRole } from './vocabulary';
import { outcomeSchema } from './vocabulary';

/**
 * Every intent a person can have on an existing dossier. Staff commands are also the sync
 * mutations of docs/api.md (with `dossierId` added to their args); party commands come from the
 * customers' and merchants' HTTP endpoints.
 */
const body = textSchema(limits.body);
const tagList = z.array(tagSchema).max(limits.tags);
/**
 * Files are stored by the API first (a party's inline upload, or a staff member's
 * `PUT /uploads/{id}`); the command carries only their metadata. Optional: older clients and
 * mutations stored before it existed still parse.
 */
const attachments = z.array(attachmentSchema).max(attachmentLimits.perMessage).optional();

export const staffCommandSchemas = {
  'dossier.reply': z.strictObject({
    body,
    audience: z.enum(['customer', 'merchant', 'both']),
    attachments,
  }),
  'dossier.note': z.strictObject({ body }),
  'dossier.remind_merchant': z.strictObject({ body: body.optional() }),
  'dossier.inform_customer': z.strictObject({ body: body.optional() }),
  'dossier.forward_to_merchant': z.strictObject({ body, attachments }),
  'dossier.take_over': z.strictObject({}),
  'dossier.assign': z.strictObject({ assigneeId: idSchema.nullable() }),
  // `tags` sets the whole list; `add` and `remove` change it. An agent's click is sent as the change
  // it is, so two people tagging one dossier offline both keep their tag when the server replays them.
  'dossier.tag': z.strictObject({
    tags: tagList.optional(),
    add: tagList.optional(),
    remove: tagList.optional(),
  }),
  'dossier.follow_up': z.strictObject({ until: instantSchema.nullable() }),
  'dossier.close': z.strictObject({ summary: textSchema(limits.summary), outcome: outcomeSchema.optional() }),
  'dossier.reopen': z.strictObject({ reason: textSchema(limits.reason) }),
} as const;

export const partyCommandSchemas = {
  'customer.message': z.strictObject({ body, attachments }),
  'customer.escalate': z.strictObject({ body: body.optional() }),
  'customer.resolve': z.strictObject({}),
  'merchant.message': z.strictObject({ body, attachments, proposal: proposalSchema.optional() }),
} as const;

export const commandSchemas = { ...staffCommandSchemas, ...partyCommandSchemas } as const;
export type StaffCommandName = keyof typeof staffCommandSchemas;
export type CommandName = keyof typeof commandSchemas;
export type CommandArgs<N extends CommandName> = z.infer<(typeof commandSchemas)[N]>;
export type Command = { [N in CommandName]: { name: N; args: CommandArgs<N> } }[CommandName];

const staff = ['agent', 'supervisor'] as const;
/** Who may issue each command. Finer rules (reassigning another agent's dossier) live in the lifecycle. */
export const commandRoles: Record<CommandName, readonly ActorRole[]> = {
  'dossier.reply': staff,
  'dossier.note': staff,
  'dossier.remind_merchant': staff,
  'dossier.inform_customer': staff,
  'dossier.forward_to_merchant': staff,
  'dossier.take_over': staff,
  'dossier.assign': staff,
  'dossier.tag': staff,
  'dossier.follow_up': staff,
  'dossier.close': staff,
  'dossier.reopen': ['supervisor'],
  'customer.message': ['customer'],
  'customer.escalate': ['customer'],
  'customer.resolve': ['customer'],
  'merchant.message': ['merchant'],
};
