import { z } from 'zod';

/** The closed vocabularies of the dispute domain (see docs/product.md and docs/letters.md). */

export const roles = ['agent', 'supervisor', 'customer', 'merchant'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;
/** Klik & Pay staff: the back office's users. */
export const isStaff = (role: Role): boolean => role === 'agent' || role === 'supervisor';

export const subjectSchema = z.enum(['payment', 'delivery']);
export type Subject = z.infer<typeof subjectSchema>;

export const reasonSchema = z.enum([
  'not_received',
  'damaged_or_defective',
  'not_as_ordered',
  'refund_problem',
  'after_sales',
  'other',
]);
export type Reason = z.infer<typeof reasonSchema>;

export const merchantContactSchema = z.enum([
  'merchant_no_answer',
  'merchant_email_invalid',
  'proposal_unsatisfactory',
  'not_contacted',
]);
export type MerchantContact = z.infer<typeof merchantContactSchema>;

export const desiredOutcomeSchema = z.enum(['refund', 'partial_refund', 'replacement', 'delivery', 'other']);
export type DesiredOutcome = z.infer<typeof desiredOutcomeSchema>;

export const languageSchema = z.enum(['fr', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const statuses = ['awaiting_klikpay', 'awaiting_merchant', 'awaiting_customer', 'closed'] as const;
export const statusSchema = z.enum(statuses);
export type Status = z.infer<typeof statusSchema>;
export type OpenStatus = Exclude<Status, 'closed'>;

/**
 * Where the merchant stands while the dossier awaits it: within its deadline, past it (merchant
 * overdue, Klik & Pay should remind), or reminded of the Good Practices with a new deadline.
 */
export const merchantStageSchema = z.enum(['answer_due', 'overdue', 'reminded']);
export type MerchantStage = z.infer<typeof merchantStageSchema>;

export const audienceSchema = z.enum(['customer', 'merchant', 'both', 'internal']);
export type Audience = z.infer<typeof audienceSchema>;
/** A message reaches a party (and so counts as communication) unless it is an internal note. */
export const reachesParty = (audience: Audience): boolean => audience !== 'internal';
export const closureReasonSchema = z.enum(['resolved_by_client', 'resolved_by_klikpay', 'inactivity']);
export type ClosureReason = z.infer<typeof closureReasonSchema>;

export const outcomeSchema = z.enum([
  'refunded',
  'partially_refunded',
  'replaced',
  'delivered',
  'claim_unfounded',
  'other',
]);
export type Outcome = z.infer<typeof outcomeSchema>;

/** Who wrote a message or made a change; `system` is the API's own rules (deadlines, auto-close). */
export const actorRoleSchema = z.enum(['agent', 'supervisor', 'customer', 'merchant', 'system']);
export type ActorRole = z.infer<typeof actorRoleSchema>;

/** What a message is, beyond its text: lets the timeline and the rules tell a reminder from a reply. */
export const messageKindSchema = z.enum([
  'claim',
  'message',
  'note',
  'forward',
  'good_practices_reminder',
  'rights_information',
  'notice',
]);
export type MessageKind = z.infer<typeof messageKindSchema>;
