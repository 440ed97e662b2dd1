import { z } from 'zod';
import {
  actorRoleSchema,
  audienceSchema,
  closureReasonSchema,
  desiredOutcomeSchema,
  languageSchema,
  merchantContactSchema,
  merchantStageSchema,
  messageKindSchema,
  outcomeSchema,
  reasonSchema,
  roleSchema,
  statusSchema,
  subjectSchema,
} from './vocabulary';

/** The entities of the dispute domain, as they travel over HTTP, the sync feed and IPC. */

export const limits = {
  description: 5_000,
  body: 10_000,
  summary: 5_000,
  reason: 2_000,
  tag: 40,
  tags: 20,
  name: 200,
} as const;

export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'an id is 1 to 64 letters, digits, _ or -')
  .describe('opaque identifier');
/** An instant: ISO-8601 with an offset on input, always UTC (`Z`) on output. */
export const instantSchema = z.iso.datetime({ offset: true }).describe('ISO-8601 instant');
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR');
export const minorAmountSchema = z.int().positive().max(Number.MAX_SAFE_INTEGER).describe('minor units');
export const emailSchema = z.email().max(254);

export { textSchema } from './text';
export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(limits.tag)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _.-]*$/u, 'a tag is letters, digits, spaces, _ . or -');

export const userSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(limits.name),
  email: emailSchema,
  role: roleSchema,
  /** Staff marked absent by a supervisor: no new dossier is assigned to them meanwhile. */
  absent: z.boolean().optional(),
});
export type User = z.infer<typeof userSchema>;

export const merchantSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(limits.name),
  email: emailSchema,
  /** False when mail to the merchant bounces: claims then go straight to Klik & Pay. */
  emailValid: z.boolean(),
  language: languageSchema,
});
export type Merchant = z.infer<typeof merchantSchema>;

export const customerSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(limits.name),
  email: emailSchema,
  language: languageSchema,
});
export type Customer = z.infer<typeof customerSchema>;

export const transactionSchema = z.object({
  id: idSchema,
  amount: minorAmountSchema,
  currency: currencySchema,
  occurredAt: instantSchema,
  orderReference: z.string().min(1).max(100),
  merchantId: idSchema,
  merchantName: z.string().min(1).max(limits.name),
  merchantLanguage: languageSchema,
  customerId: idSchema,
  customerName: z.string().min(1).max(limits.name),
  /**
   * Taken at filing, for staff. Optional: dossiers filed before it lack it, and merchants never get
   * it (server `viewOf`, the merchant's sync feed).
   */
  customerEmail: emailSchema.optional(),
});
export type Transaction = z.infer<typeof transactionSchema>;

export const actorRefSchema = z.object({
  role: actorRoleSchema,
  id: idSchema.nullable(),
});
export type ActorRef = z.infer<typeof actorRefSchema>;

export const closureSchema = z.object({
  reason: closureReasonSchema,
  outcome: outcomeSchema.nullable(),
  summary: z.string().nullable(),
  at: instantSchema,
  by: actorRefSchema,
});
export type Closure = z.infer<typeof closureSchema>;

export const dossierSchema = z.object({
  id: idSchema,
  reference: z.string().regex(/^KP-\d{4}-\d{6,}$/),
  status: statusSchema,
  subject: subjectSchema,
  reason: reasonSchema,
  merchantContact: merchantContactSchema,
  description: z.string(),
  desiredOutcome: desiredOutcomeSchema.nullable(),
  /** The customer's language: letters to the customer are written in it. */
  language: languageSchema,
  transaction: transactionSchema,
  assigneeId: idSchema.nullable(),
  tags: z.array(z.string()),
  /** Deadline of whoever has the move: Klik & Pay's reply or the merchant's answer; null otherwise. */
  dueAt: instantSchema.nullable(),
  merchantStage: merchantStageSchema.nullable(),
  /** Who answered the customer last: a customer's reply gives the move back to them. */
  lastAnswerBy: z.enum(['klikpay', 'merchant']).nullable(),
  escalatedAt: instantSchema.nullable(),
  remindedAt: instantSchema.nullable(),
  customerInformedAt: instantSchema.nullable(),
  firstResponseAt: instantSchema.nullable(),
  lastCommunicationAt: instantSchema,
  reopenedAt: instantSchema.nullable(),
  autoCloseAt: instantSchema.nullable(),
  preCloseNoticeAt: instantSchema.nullable(),
  closure: closureSchema.nullable(),
  /** Personal follow-up dates, by agent id. */
  followUps: z.record(z.string(), instantSchema),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  version: z.int().nonnegative(),
});
export type Dossier = z.infer<typeof dossierSchema>;

/** What a party may attach: receipts, photos, tracking (docs/product.md, The dossier). */
export const attachmentTypes = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'text/plain',
] as const;
export type AttachmentType = (typeof attachmentTypes)[number];
export const isAttachmentType = (type: string): type is AttachmentType =>
  (attachmentTypes as readonly string[]).includes(type);
export const attachmentLimits = { perMessage: 3, bytes: 4 * 1024 * 1024 } as const;

export const attachmentSchema = z.object({
  id: idSchema,
  filename: z.string().min(1).max(255),
  contentType: z.string().min(1).max(127),
  size: z.int().nonnegative(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/**
 * A merchant's proposed settlement, carried by their message: what they offer and, for a partial
 * refund, how much (minor units of the transaction's currency; a full refund is the whole amount).
 * The customer accepts it by closing the dispute as resolved, or answers that it does not suit them.
 */
export const proposalSchema = z
  .object({
    outcome: desiredOutcomeSchema,
    amount: minorAmountSchema.nullable(),
  })
  .refine((p) => (p.outcome === 'partial_refund') === (p.amount !== null), {
    path: ['amount'],
    message: 'a partial refund names its amount, and only a partial refund does',
  });
export type Proposal = z.infer<typeof proposalSchema>;

export const messageSchema = z.object({
  id: idSchema,
  dossierId: idSchema,
  author: actorRefSchema.extend({ name: z.string() }),
  audience: audienceSchema,
  kind: messageKindSchema,
  body: z.string(),
  attachments: z.array(attachmentSchema),
  /** Only on a merchant's message that proposes a settlement (absent from every other message). */
  proposal: proposalSchema.optional(),
  createdAt: instantSchema,
});
export type Message = z.infer<typeof messageSchema>;

export const fieldChangeSchema = z.object({ before: z.unknown(), after: z.unknown() });

/** One entry of the append-only audit trail: who, what, when, before/after. */
export const auditEventSchema = z.object({
  id: idSchema,
  dossierId: idSchema,
  type: z.string().min(1).max(64),
  actor: actorRefSchema,
  at: instantSchema,
  changes: z.record(z.string(), fieldChangeSchema),
  data: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
