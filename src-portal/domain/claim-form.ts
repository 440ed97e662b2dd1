import type { AttachmentUpload, FileClaimRequest } from '../../src-shared/contract/api';
import { fileClaimRequestSchema, postMessageRequestSchema } from '../../src-shared/contract/api';
import type {
  DesiredOutcome,
  Language,
  MerchantContact,
  Reason,
  Subject,
} from '../../src-shared/domain/vocabulary';
import type { PickedFile } from './files';
import { fileProblems } from './files';
import type { Problem } from './problems';
import { textProblem } from './problems';

/**
 * The claim a customer is writing, in the order the department asks (its public page): was the
 * merchant contacted, is it about the payment or the delivery, what happened, what would settle
 * it, the description and files. Checked with the contract's schema before it is sent.
 */

export interface ClaimDraft {
  merchantContact: MerchantContact | null;
  subject: Subject | null;
  reason: Reason | null;
  desiredOutcome: DesiredOutcome | null;
  description: string;
  files: readonly PickedFile[];
}

export const emptyClaim: ClaimDraft = {
  merchantContact: null,
  subject: null,
  reason: null,
  desiredOutcome: null,
  description: '',
  files: [],
};

/** The form's fields, in the order they are asked (and their problems listed). */
export const claimFields = [
  'merchantContact',
  'subject',
  'reason',
  'desiredOutcome',
  'description',
  'attachments',
] as const;
export type ClaimField = (typeof claimFields)[number];
export type ClaimProblems = Partial<Record<ClaimField, Problem[]>>;

export function claimProblems(draft: ClaimDraft): ClaimProblems {
  const problems: ClaimProblems = {};
  const required = { code: 'required' } as const;
  if (draft.merchantContact === null) problems.merchantContact = [required];
  if (draft.subject === null) problems.subject = [required];
  if (draft.reason === null) problems.reason = [required];
  if (draft.desiredOutcome === null) problems.desiredOutcome = [required];
  const description = textProblem(fileClaimRequestSchema.shape.description, draft.description);
  if (description) problems.description = [description];
  const files = fileProblems(draft.files);
  if (files.length > 0) problems.attachments = files;
  return problems;
}

export const hasProblems = (problems: Partial<Record<string, Problem[]>>): boolean =>
  Object.values(problems).some((list) => list !== undefined && list.length > 0);

/** The request, once the draft has no problem left (parsed by the contract's schema: it throws otherwise). */
export function claimRequest(
  draft: ClaimDraft,
  transactionId: string,
  language: Language,
  attachments: AttachmentUpload[],
): FileClaimRequest {
  return fileClaimRequestSchema.parse({
    transactionId,
    subject: draft.subject,
    reason: draft.reason,
    merchantContact: draft.merchantContact,
    desiredOutcome: draft.desiredOutcome,
    description: draft.description,
    language,
    attachments: attachments.length > 0 ? attachments : undefined,
  });
}

/** A reply's problems: its text (the contract's message schema) and its files. */
export function replyProblems(
  body: string,
  files: readonly PickedFile[],
): Partial<Record<'body' | 'attachments', Problem[]>> {
  const problems: Partial<Record<'body' | 'attachments', Problem[]>> = {};
  const text = textProblem(postMessageRequestSchema.shape.body, body);
  if (text) problems.body = [text];
  const fileList = fileProblems(files);
  if (fileList.length > 0) problems.attachments = fileList;
  return problems;
}
