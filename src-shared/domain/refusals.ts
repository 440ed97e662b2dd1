import { z } from 'zod';
import { idSchema, limits } from './model';
import { actorRoleSchema } from './vocabulary';

/**
 * Why the rules refuse a command, as a closed vocabulary: the API still says it in English words
 * (`message`), and sends the reason in the error's `details` so every client can say it in the
 * agent's own language.
 */
export const refusalReasonSchema = z.enum([
  'customer_only',
  'role_cannot',
  'dossier_not_found',
  'dossier_closed',
  'already_in_hand',
  'not_awaiting_merchant',
  'already_yours',
  'assigned_to_another',
  'assignee_not_staff',
  'assignee_absent',
  'too_many_tags',
  'follow_up_past',
  'already_closed',
  'not_closed',
  'transaction_has_open_dossier',
  'merchant_not_late',
  'proposal_exceeds_amount',
  'mutation_id_reused',
  'duplicate_attachment',
  'attachment_not_uploaded',
  'internal',
]);
export type RefusalReason = z.infer<typeof refusalReasonSchema>;

export const refusalDetailsSchema = z.object({
  reason: refusalReasonSchema,
  /** `role_cannot`: who tried, and the command they tried. */
  role: actorRoleSchema.optional(),
  command: z.string().max(100).optional(),
  /** `transaction_has_open_dossier`: the reference of the dossier open on the same transaction. */
  otherReference: z.string().max(40).optional(),
  /** `duplicate_attachment`, `attachment_not_uploaded`: the file concerned. */
  attachmentId: idSchema.optional(),
  /** `internal`: the id the server logged the failure under, for support. */
  incident: z.string().max(64).optional(),
});
export type RefusalDetails = z.infer<typeof refusalDetailsSchema>;

/** The API's English sentence for a refusal on the dossier `reference` (empty when none). */
export function refusalText(details: RefusalDetails, reference: string): string {
  const dossier = reference ? `Dossier ${reference}` : 'The dossier';
  switch (details.reason) {
    case 'customer_only':
      return 'Only the customer can file a claim.';
    case 'role_cannot':
      return `A ${details.role ?? 'user'} cannot do "${details.command ?? 'this'}".`;
    case 'dossier_not_found':
      return 'This dossier does not exist.';
    case 'dossier_closed':
      return `${dossier} is closed: it accepts no more correspondence. It can be reopened by a supervisor.`;
    case 'already_in_hand':
      return `Klik & Pay already has ${reference ? `dossier ${reference}` : 'the dossier'} in hand.`;
    case 'not_awaiting_merchant':
      return `${dossier} is not awaiting the merchant: forward it to the merchant rather than remind them.`;
    case 'already_yours':
      return `${dossier} is already yours and awaiting Klik & Pay.`;
    case 'assigned_to_another':
      return `${dossier} is assigned to another agent: only a supervisor can reassign it.`;
    case 'assignee_not_staff':
      return 'A dossier can only be assigned to a Klik & Pay agent or supervisor.';
    case 'assignee_absent':
      return 'This agent is marked absent: no new dossier is assigned to them until they are back.';
    case 'too_many_tags':
      return `${dossier} would have more than ${limits.tags} tags.`;
    case 'follow_up_past':
      return 'A follow-up date must be in the future.';
    case 'already_closed':
      return `${dossier} is already closed.`;
    case 'not_closed':
      return `${dossier} is not closed.`;
    case 'transaction_has_open_dossier':
      return `${dossier} cannot be reopened: the customer has since filed ${details.otherReference ?? 'another dossier'} on the same transaction, and it is open. Continue there, or close it first.`;
    case 'merchant_not_late':
      return `${dossier}: the merchant's deadline has not passed yet. The Good Practices reminder is sent once the merchant is late.`;
    case 'proposal_exceeds_amount':
      return `${dossier}: a partial refund must be less than the amount paid (propose a full refund for all of it).`;
    case 'mutation_id_reused':
      return 'This change came with the id of a different change the server already has; it was not applied. Send it again.';
    case 'duplicate_attachment':
      return `A message lists the file ${details.attachmentId ?? ''} twice: list each file once.`;
    case 'attachment_not_uploaded':
      return `The file ${details.attachmentId ?? ''} is not among your uploads (never uploaded, already attached to a message, left unused for 7 days, or uploaded with another name, type or size); nothing was changed. Upload it, then send the change again as a new change.`;
    case 'internal':
      return `The server could not apply this change because of an error on its side${details.incident ? ` (incident ${details.incident})` : ''}; nothing was changed. You can send it again.`;
  }
}
