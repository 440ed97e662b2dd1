import type { VocabularyLabels } from './labels';
import type { MessageTable } from './types';

/** English labels of the dispute domain's vocabularies (docs/product.md, docs/letters.md). */
export const enDomain = {
  'status.awaiting_klikpay': 'Awaiting Klik & Pay',
  'status.awaiting_merchant': 'Awaiting merchant',
  'status.awaiting_customer': 'Awaiting customer',
  'status.closed': 'Closed',

  // The same, short enough for a queue row's badge (the full words are its tooltip).
  'statusShort.awaiting_klikpay': 'Awaiting Klik & Pay',
  'statusShort.awaiting_merchant': 'Awaiting merchant',
  'statusShort.awaiting_customer': 'Awaiting customer',
  'statusShort.closed': 'Closed',
  'statusShort.overdue': 'Merchant overdue',
  'statusShort.reminded': 'Merchant reminded',
  'statusShort.escalated': 'Escalated',
  // Said instead of "Awaiting Klik & Pay" once the merchant's silence or the customer escalated it.
  'escalation.status': 'Escalated to Klik & Pay',

  'merchantStage.answer_due': 'Merchant answer due',
  'merchantStage.overdue': 'Merchant overdue',
  'merchantStage.reminded': 'Merchant reminded of the Good Practices',

  'subject.payment': 'Payment',
  'subject.delivery': 'Delivery',

  'reason.not_received': 'Not received',
  'reason.damaged_or_defective': 'Damaged or defective',
  'reason.not_as_ordered': 'Not as ordered',
  'reason.refund_problem': 'Refund problem',
  'reason.after_sales': 'After-sales / guarantee',
  'reason.other': 'Other',

  'merchantContact.merchant_no_answer': 'Merchant did not answer',
  'merchantContact.merchant_email_invalid': 'Merchant e-mail invalid',
  'merchantContact.proposal_unsatisfactory': 'Merchant’s proposal unsatisfactory',
  'merchantContact.not_contacted': 'Merchant not contacted',

  'desiredOutcome.refund': 'Refund',
  'desiredOutcome.partial_refund': 'Partial refund',
  'desiredOutcome.replacement': 'Replacement',
  'desiredOutcome.delivery': 'Delivery',
  'desiredOutcome.other': 'Other',

  'outcome.refunded': 'Refunded',
  'outcome.partially_refunded': 'Partially refunded',
  'outcome.replaced': 'Replaced',
  'outcome.delivered': 'Delivered',
  'outcome.claim_unfounded': 'Claim unfounded',
  'outcome.other': 'Other',

  'closureReason.resolved_by_client': 'Resolved by the customer',
  'closureReason.resolved_by_klikpay': 'Resolved by Klik & Pay',
  'closureReason.inactivity': 'Closed for inactivity',

  'audience.customer': 'Customer',
  'audience.merchant': 'Merchant',
  'audience.both': 'Customer and merchant',
  'audience.internal': 'Internal note',

  'actor.agent': 'Agent',
  'actor.supervisor': 'Supervisor',
  'actor.customer': 'Customer',
  'actor.merchant': 'Merchant',
  'actor.system': 'Klik & Pay (automatic)',

  'messageKind.claim': 'Claim',
  'messageKind.message': 'Message',
  'messageKind.note': 'Internal note',
  'messageKind.forward': 'Forwarded to the merchant',
  'messageKind.good_practices_reminder': 'Good Practices reminder',
  'messageKind.rights_information': 'Information on your rights',
  'messageKind.notice': 'Notice',

  'language.fr': 'French',
  'language.en': 'English',

  // Why the rules refused a change; shown next to the dossier it concerns, so without its reference.
  'refusalReason.customer_only': 'Only the customer can file a claim.',
  'refusalReason.role_cannot': 'Your role ({role}) does not allow “{action}”.',
  'refusalReason.dossier_not_found': 'The dossier does not exist, or is no longer visible to you.',
  'refusalReason.dossier_closed':
    'The dossier is closed: it accepts no more correspondence. A supervisor can reopen it.',
  'refusalReason.already_in_hand': 'Klik & Pay already has the dossier in hand.',
  'refusalReason.not_awaiting_merchant':
    'The dossier is not awaiting the merchant: forward it to the merchant rather than remind them.',
  'refusalReason.already_yours': 'The dossier is already yours and awaiting Klik & Pay.',
  'refusalReason.assigned_to_another':
    'The dossier is assigned to another agent: only a supervisor can reassign it.',
  'refusalReason.assignee_absent':
    'This agent is marked absent: no new dossier is assigned to them until they are back.',
  'refusalReason.assignee_not_staff': 'A dossier can only be assigned to a Klik & Pay agent or supervisor.',
  'refusalReason.too_many_tags': 'The dossier would have more tags than it can hold ({max}).',
  'refusalReason.follow_up_past': 'A follow-up date must be in the future.',
  'refusalReason.already_closed': 'The dossier is already closed.',
  'refusalReason.not_closed': 'The dossier is not closed.',
  'refusalReason.transaction_has_open_dossier':
    'The customer has since filed {other} on the same transaction, and it is open: continue there, or close it before reopening this one.',
  'refusalReason.merchant_not_late':
    'The merchant’s deadline has not passed yet: the Good Practices reminder is sent once the merchant is late.',
  'refusalReason.proposal_exceeds_amount':
    'A partial refund must be less than the amount paid: propose a full refund for all of it.',
  'refusalReason.mutation_id_reused':
    'The server already has a different change under this change’s id; it was not applied. Send it again.',
  'refusalReason.duplicate_attachment': 'The message lists the same file twice: attach each file once.',
  'refusalReason.attachment_not_uploaded':
    'A file of this message did not reach the server (or was already used); nothing was changed. Attach it again and send.',
  'refusalReason.internal':
    'The server could not apply this change because of an error on its side (incident {incident}); nothing was changed. You can send it again.',

  'template.goodPractices': 'Good Practices reminder',
  'template.rights': 'Information on your rights',
  'template.proofRequest': 'Request for proof',
  'template.resolutionProposal': 'Resolution proposal',
} as const satisfies VocabularyLabels & MessageTable;
