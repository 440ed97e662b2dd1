import type { VocabularyLabels } from './labels';
import type { MessageTable } from './types';

/** English labels of the dispute domain's vocabularies (spec/product.md §2–3, spec/glossary.md). */
export const enDomain = {
  'status.awaiting_klikpay': 'Awaiting Klik & Pay',
  'status.awaiting_merchant': 'Awaiting merchant',
  'status.awaiting_customer': 'Awaiting customer',
  'status.closed': 'Closed',

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

  'template.goodPractices': 'Good Practices reminder',
  'template.rights': 'Information on your rights',
  'template.proofRequest': 'Request for proof',
  'template.resolutionProposal': 'Resolution proposal',
} as const satisfies VocabularyLabels & MessageTable;
