import type { LetterFacts, Letters } from './templates';

/** The letters in English. Facts for the rights letter: spec/glossary.md. */

const signature = '\n\nKind regards,\nKlik & Pay — Dispute Settlement Department';
const transaction = (f: LetterFacts) =>
  `your payment of ${f.amount} to ${f.merchantName} on ${f.transactionDate} (order ${f.orderReference})`;
const by = (date: string | null, fallback: string) => (date ? `by ${date}` : fallback);

function rightsFocus(f: LetterFacts): string {
  switch (f.reason) {
    case 'not_received':
      return (
        'As your order has not arrived: the merchant must deliver on the date agreed or, when no date was agreed, ' +
        'within 30 days of the order. If it does not, you can give it an additional reasonable period and then ' +
        'end the contract and be refunded in full. Goods lost in transport remain at the merchant’s risk until ' +
        'you (or someone you chose) physically receive them.'
      );
    case 'damaged_or_defective':
    case 'not_as_ordered':
    case 'after_sales':
      return (
        'As the item is damaged, defective or not what you ordered: the legal guarantee of conformity covers goods ' +
        'for at least 2 years, free of charge for you. The merchant must repair or replace the item or, failing ' +
        'that, reduce the price or refund you. Goods damaged in transport are at the merchant’s risk until you ' +
        'receive them.'
      );
    case 'refund_problem':
      return (
        'As you are waiting for a refund: when you withdraw from a distance purchase, the merchant must refund you ' +
        'within 14 days of being told, including the standard delivery costs.'
      );
    case 'other':
      return 'Your rights depend on the facts of the dispute; the main ones are listed below.';
  }
}

export const lettersEn: Letters = {
  good_practices_reminder: (f) =>
    `Dear ${f.merchantName},\n\n` +
    `Dossier ${f.reference}: your customer ${f.customerName} opened a claim with Klik & Pay about ${transaction(f).replace('your payment', 'their payment')} — ${f.reasonLabel}. ` +
    `We have not received your answer within the deadline.\n\n` +
    `As an affiliated merchant, we remind you of the e-commerce Good Practices:\n` +
    `- answer every customer within a few working days;\n` +
    `- confirm order and delivery dates, and give the tracking number;\n` +
    `- deliver on the agreed date, or inform the customer and offer to cancel;\n` +
    `- take goods back and refund within the legal time limits;\n` +
    `- honour the legal guarantee of conformity;\n` +
    `- keep a valid contact e-mail address;\n` +
    `- answer Klik & Pay's dispute department within the deadline shown on the dossier.\n\n` +
    `Please answer your customer through Klik & Pay ${by(f.dueDate, 'within 5 days')}. ` +
    `Without an answer by then, Klik & Pay will take the dossier over.` +
    signature,

  rights_information: (f) =>
    `Dear ${f.customerName},\n\n` +
    `Dossier ${f.reference} — ${transaction(f)}. ${f.merchantName} has not answered your claim within the deadline; ` +
    `we have reminded them of the e-commerce Good Practices. Here is what the law gives you (EU and France):\n\n` +
    `${rightsFocus(f)}\n\n` +
    `- Delivery: on the agreed date, or within 30 days of the order when none was agreed.\n` +
    `- Transport: goods lost or damaged in transport are at the merchant's risk until you receive them.\n` +
    `- Withdrawal: 14 days from receipt for most distance purchases; the merchant refunds within 14 days of being told.\n` +
    `- Legal guarantee of conformity: at least 2 years, free of charge: repair or replacement, else a price reduction or a refund.\n` +
    `- Consumer mediation: every EU merchant must give access to a consumer mediator after a written complaint (in France, for e-commerce, the FEVAD mediator).\n` +
    `- As a last resort, you can ask your card issuer about a chargeback, within the card scheme's time limits.\n\n` +
    `We keep following your dossier and will write again as soon as the merchant answers.` +
    signature,

  request_for_proof: (f) =>
    `Hello,\n\n` +
    `To settle dossier ${f.reference} (${f.amount}, ${f.merchantName}, order ${f.orderReference}), ` +
    `could you send us any documents that support your position: the receipt or invoice, the delivery tracking number, ` +
    `photos of the item or its packaging, and your correspondence about this order?\n\n` +
    `You can attach them to your reply.` +
    signature,

  resolution_proposal: (f) =>
    `Hello,\n\n` +
    `Having reviewed dossier ${f.reference} (${f.amount}, ${f.merchantName}, order ${f.orderReference}), ` +
    `Klik & Pay proposes the following resolution.\n\n` +
    `Proposed resolution: \n\n` +
    `Please tell us whether you accept it by replying to this message.` +
    signature,

  filing_acknowledgement: (f) =>
    `Dear ${f.customerName},\n\n` +
    `We have received your claim ${f.reference} about ${transaction(f)} (subject: ${f.subjectLabel}; ${f.reasonLabel}).\n\n` +
    (f.withMerchant
      ? `We have forwarded it to ${f.merchantName}, who is asked to answer ${by(f.dueDate, 'within a reasonable period')}. ` +
        `Klik & Pay follows the dossier and will step in if the merchant does not answer.`
      : f.subject === 'payment'
        ? `As it concerns the payment, Klik & Pay handles it directly and will, if possible, reply within one business day.`
        : `As ${f.merchantName} cannot be reached by e-mail, Klik & Pay handles your claim directly and will, if possible, reply within one business day.`) +
    signature,

  merchant_forward: (f) =>
    `Dear ${f.merchantName},\n\n` +
    `Your customer ${f.customerName} opened claim ${f.reference} with Klik & Pay about their payment of ${f.amount} ` +
    `on ${f.transactionDate} (order ${f.orderReference}). Subject: ${f.subjectLabel}; reason: ${f.reasonLabel}.\n\n` +
    `Please answer your customer through Klik & Pay ${by(f.dueDate, 'within 7 days')}.` +
    signature,

  pre_close_notice: (f) =>
    `Hello,\n\n` +
    `Nothing has been written in dossier ${f.reference} (${f.amount}, ${f.merchantName}) for a long time. ` +
    `It will be closed automatically ${f.autoCloseDate ? `on ${f.autoCloseDate}` : 'soon'} unless someone writes in it before then.` +
    signature,

  auto_close_notice: (f) =>
    `Hello,\n\n` +
    `Dossier ${f.reference} (${f.amount}, ${f.merchantName}) has been closed automatically after 120 days without communication.` +
    signature,

  closure_notice: (f) =>
    `Hello,\n\nDossier ${f.reference} (${f.amount}, ${f.merchantName}, order ${f.orderReference}) is now closed.` +
    signature,

  reopen_notice: (f) =>
    `Hello,\n\nKlik & Pay has reopened dossier ${f.reference} (${f.amount}, ${f.merchantName}) and is looking at it again.` +
    signature,

  escalation_notice: (f) =>
    `Hello,\n\n` +
    `The merchant did not answer dossier ${f.reference} (${f.amount}, order ${f.orderReference}) within the deadline. ` +
    `Klik & Pay now takes the dossier over.` +
    signature,
};
