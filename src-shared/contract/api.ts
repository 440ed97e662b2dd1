import { disputeSettingsSchema } from '../domain/settings';
import { z } from 'zod';
import {
  attachmentLimits,
  attachmentSchema,
  attachmentTypes,
  dossierSchema,
  emailSchema,
  idSchema,
  instantSchema,
  limits,
  messageSchema,
  proposalSchema,
  textSchema,
  transactionSchema,
  userSchema,
} from '../domain/model';
import { macroSchema, teamItemIdSchema, teamViewSchema } from '../domain/team';
import { nameSchema } from '../domain/text';
import {
  audienceSchema,
  desiredOutcomeSchema,
  languageSchema,
  merchantContactSchema,
  reasonSchema,
  statusSchema,
  subjectSchema,
} from '../domain/vocabulary';

/** Requests and responses of the central API (docs/api.md), from which its OpenAPI document is made. */

export const apiBase = '/api/v1';

export const healthResponseSchema = z.object({ status: z.literal('ok') });

/**
 * The rules' settings and the server's clock: the back office applies the same rules offline, with
 * the same delays and calendar, and corrects its clock by the difference.
 */
export const rulesResponseSchema = z.object({ settings: disputeSettingsSchema, now: z.iso.datetime() });
export type RulesResponse = z.infer<typeof rulesResponseSchema>;

export const sessionKindSchema = z.enum(['token', 'cookie']).meta({
  description:
    '`token` (the default): the answer carries a bearer token. `cookie` (the browser portal, customers and merchants only): the token goes into an HttpOnly cookie, and the answer carries the CSRF token that unsafe calls send as `X-CSRF-Token`.',
});
export type SessionKind = z.infer<typeof sessionKindSchema>;

export const sessionRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
  session: sessionKindSchema.optional(),
});
export const sessionResponseSchema = z.object({ token: z.string(), user: userSchema });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
/** A cookie session: the token stays in the HttpOnly cookie, out of any script's reach. */
export const cookieSessionResponseSchema = z.object({ user: userSchema, csrfToken: z.string() });
export type CookieSessionResponse = z.infer<typeof cookieSessionResponseSchema>;
export const signInResponseSchema = z.union([sessionResponseSchema, cookieSessionResponseSchema]);
/** `csrfToken` only for a cookie session, so a reloaded portal page gets it again. */
export const currentSessionResponseSchema = z.object({
  user: userSchema,
  csrfToken: z.string().optional(),
});
export type CurrentSessionResponse = z.infer<typeof currentSessionResponseSchema>;

/**
 * The team's shared views and macros (`/team/views`, `/team/macros`): a `PUT` sends the fields, the
 * server stamps who created it and when it changed, and answers the whole document.
 */
export const teamItemParamsSchema = z.object({ id: teamItemIdSchema });
export const teamViewsResponseSchema = z.object({ views: z.array(teamViewSchema) });
export const macrosResponseSchema = z.object({ macros: z.array(macroSchema) });

/** `PUT /users/{id}/absence`: a supervisor marks a member of staff absent, or back. */
export const absenceRequestSchema = z.object({ absent: z.boolean() });
export type AbsenceRequest = z.infer<typeof absenceRequestSchema>;

/**
 * A transaction as its customer (or merchant) sees it, with the open dossier on it if any, and the
 * merchant's address: a customer is asked to contact the merchant before filing a claim.
 */
export const transactionListItemSchema = transactionSchema.extend({
  openDossierId: idSchema.nullable(),
  merchantEmail: emailSchema,
  /** False when mail to the merchant bounces: a claim then goes straight to Klik & Pay. */
  merchantEmailValid: z.boolean(),
});
export type TransactionListItem = z.infer<typeof transactionListItemSchema>;
export const transactionListSchema = z.object({ items: z.array(transactionListItemSchema) });
export const transactionListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const attachmentUploadSchema = z.strictObject({
  filename: nameSchema(255).refine((name) => !/[/\\]/.test(name), 'a file name without slashes'),
  contentType: z.enum(attachmentTypes),
  contentBase64: z
    .base64()
    .max(
      Math.ceil(attachmentLimits.bytes / 3) * 4,
      `at most ${attachmentLimits.bytes / 1024 / 1024} MB per file`,
    ),
});
export type AttachmentUpload = z.infer<typeof attachmentUploadSchema>;
const attachmentsField = z.array(attachmentUploadSchema).max(attachmentLimits.perMessage).optional();

/**
 * `PUT /uploads/{id}` (staff): a file staged before the `dossier.reply` or
 * `dossier.forward_to_merchant` that lists it in `attachments` (a push cannot carry a file). The
 * client chooses the id, a lowercase UUID; the answer is the metadata the mutation then lists.
 */
export const uploadParamsSchema = z.object({
  id: z
    .string()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      'a lowercase UUID (as crypto.randomUUID() makes)',
    )
    .describe('the id the client chose for the file'),
});
export const uploadRequestSchema = attachmentUploadSchema;
export type UploadRequest = AttachmentUpload;
/** The answer: the attachment the mutation lists (`attachmentSchema`). */
export const uploadResponseSchema = attachmentSchema;
/** A staged file no mutation has bound after this many days is deleted. */
export const stagedFileRetentionDays = 7;

export const fileClaimRequestSchema = z.strictObject({
  transactionId: idSchema,
  subject: subjectSchema,
  reason: reasonSchema,
  merchantContact: merchantContactSchema,
  description: textSchema(limits.description),
  desiredOutcome: desiredOutcomeSchema.optional(),
  language: languageSchema.optional(),
  attachments: attachmentsField,
});
export type FileClaimRequest = z.infer<typeof fileClaimRequestSchema>;

export const dossierListQuerySchema = z.object({
  status: statusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export const dossierListSchema = z.object({
  items: z.array(dossierSchema),
  cursor: z.string().nullable(),
});
export const dossierWithMessagesSchema = dossierSchema.extend({ messages: z.array(messageSchema) });
export type DossierWithMessages = z.infer<typeof dossierWithMessagesSchema>;

export const dossierParamsSchema = z.object({ id: idSchema });

/** Parties' audience is implied by who they are; staff choose theirs. */
export const postMessageRequestSchema = z.strictObject({
  body: textSchema(limits.body),
  audience: audienceSchema.optional(),
  attachments: attachmentsField,
  /** A merchant's proposed settlement, with their message (merchants only). */
  proposal: proposalSchema.optional(),
});
export const escalateRequestSchema = z.strictObject({ body: textSchema(limits.body).optional() }).optional();

export const testClockRequestSchema = z.strictObject({ now: instantSchema });
export const testClockResponseSchema = z.object({ now: instantSchema, applied: z.int().nonnegative() });

export const userCreateSchema = z.object({
  email: emailSchema,
  name: nameSchema(limits.name),
  role: z.enum(['agent', 'supervisor', 'customer', 'merchant']),
  password: z.string().min(8).max(200),
  merchantId: idSchema.optional(),
});
