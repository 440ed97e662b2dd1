import type { LetterFacts, Letters } from './templates';

/** The letters in English. The legal facts of the rights letter are listed in docs/letters.md. */

const signature = '\n\nKind regards,\nKlik & Pay — Dispute Settlement Department';
const toMerchant = (f: LetterFacts) => `For the attention of ${f.merchantName}\n\nDear Sir or Madam,\n\n`;
const yourPayment = (f: LetterFacts) =>
  `your payment of ${f.amount} to ${f.merchantName} on ${f.transactionDate} (order ${f.orderReference})`;
// Addressed to the merchant, the letter need not name the merchant back to itself.
const theirPayment = (f: LetterFacts) =>
  `their payment of ${f.amount} on ${f.transactionDate} (order ${f.orderReference})`;
// The letters addressed to both parties identify the transaction without taking either side’s view.
const dossier = (f: LetterFacts) =>
  `dossier ${f.reference} (payment of ${f.amount} to ${f.merchantName} on ${f.transactionDate}, order ${f.orderReference})`;
const by = (date: string | null, fallback: string) => (date ? `by ${date}` : fallback);
const businessDays = (n: number) => (n === 1 ? 'one business day' : `${n} business days`);

/** What the merchant did, as the rights letter tells the customer: only what is true. */
function merchantSoFar(f: LetterFacts): string {
  switch (f.merchantState) {
    case 'answer_due':
      return `Klik & Pay has forwarded it to ${f.merchantName}, who is asked to answer you ${by(f.dueDate, 'within a reasonable period')}.`;
    case 'late':
      return `${f.merchantName} has not answered it within the deadline. Klik & Pay follows the dossier and will step in.`;
    case 'reminded':
      return (
        `${f.merchantName} has not answered it within the deadline, so Klik & Pay has reminded them of the ` +
        `e-commerce Good Practices and asked them to answer you ${by(f.dueDate, 'without delay')}.`
      );
    case 'answered':
      return `${f.merchantName} has answered your claim; if that answer does not settle the dispute, here is where you stand.`;
    case 'klikpay':
      return f.subject === 'payment'
        ? 'As it concerns the payment itself, Klik & Pay handles it directly.'
        : 'Klik & Pay handles your claim directly.';
  }
}

function closedBy(f: LetterFacts): string {
  switch (f.closedBy) {
    case 'customer':
      return `${f.customerName} has told Klik & Pay that the dispute is resolved, so ${dossier(f)} is now closed.`;
    case 'inactivity':
      return `${capitalise(dossier(f))} is now closed for lack of communication.`;
    case 'klikpay':
    case null:
      return `Klik & Pay has closed ${dossier(f)}: the dispute is considered settled.`;
  }
}

function rightsFocus(f: LetterFacts): string {
  switch (f.reason) {
    case 'not_received':
      return (
        'As your order has not arrived: the merchant must deliver on the date agreed or, when no date was ' +
        'agreed, within 30 days of the order. If it does not, you can give it an additional reasonable period ' +
        'and then end the contract and be refunded in full. Goods lost in transport remain at the ' +
        'merchant’s risk until you (or someone you chose) physically receive them.'
      );
    case 'damaged_or_defective':
    case 'not_as_ordered':
    case 'after_sales':
      return (
        'As the item is damaged, defective or not what you ordered: the legal guarantee of conformity covers ' +
        'goods for at least 2 years, free of charge for you. The merchant must repair or replace the item or, ' +
        'failing that, reduce the price or refund you. Goods damaged in transport are at the merchant’s risk ' +
        'until you receive them.'
      );
    case 'refund_problem':
      return (
        'As you are waiting for a refund: when you withdraw from a distance purchase, the merchant must refund ' +
        'you within 14 days of being told, including the standard delivery costs.'
      );
    case 'other':
      return 'Your rights depend on the facts of the dispute; the main ones are listed below.';
  }
}

export const lettersEn: Letters = {
  good_practices_reminder: (f) =>
    toMerchant(f) +
    `Your customer ${f.customerName} opened claim ${f.reference} with Klik & Pay about ${theirPayment(f)}. ` +
    `Subject: ${f.subjectLabel}; reason: ${f.reasonLabel}. The claim is still unanswered: the deadline for ` +
    `your answer has passed.\n\n` +
    `We remind you of the e-commerce Good Practices expected of merchants affiliated with Klik & Pay:\n` +
    `- answer every customer within a few working days;\n` +
    `- confirm the order and delivery dates, and give the tracking number;\n` +
    `- deliver on the agreed date, or inform the customer and offer to cancel the order;\n` +
    `- take goods back and refund within the legal time limits;\n` +
    `- honour the legal guarantee of conformity;\n` +
    `- keep a valid contact e-mail address;\n` +
    `- answer Klik & Pay’s dispute department within the deadline shown on the dossier.\n\n` +
    `Please answer your customer through Klik & Pay ${by(f.dueDate, 'as soon as possible')}. ` +
    `Without an answer by then, Klik & Pay will take the dossier over.` +
    signature,

  rights_information: (f) =>
    `Dear ${f.customerName},\n\n` +
    `Your claim ${f.reference} concerns ${yourPayment(f)}. ` +
    `${merchantSoFar(f)}\n\n` +
    `Here is what the law gives you as a consumer buying at a distance (European Union and France).\n\n` +
    `${rightsFocus(f)}\n\n` +
    `- Delivery: on the agreed date, or within 30 days of the order when none was agreed.\n` +
    `- Transport: goods lost or damaged in transport are at the merchant’s risk until you receive them.\n` +
    `- Withdrawal: 14 days from receipt for most distance purchases; the merchant refunds you within 14 days ` +
    `of being told.\n` +
    `- Legal guarantee of conformity: at least 2 years, free of charge: repair or replacement, else a price ` +
    `reduction or a refund.\n` +
    `- Consumer mediation: every EU merchant must give access to a consumer mediator once you have made a ` +
    `written complaint to it (for e-commerce in France, the FEVAD mediator).\n` +
    `- As a last resort, you can ask your card issuer about a chargeback, within the card scheme’s time ` +
    `limits.\n\n` +
    (f.merchantState === 'klikpay' || f.merchantState === 'answered'
      ? `We keep following your dossier and will come back to you.`
      : `We keep following your dossier and will write to you again as soon as the merchant answers.`) +
    signature,

  request_for_proof: (f) =>
    `Hello,\n\n` +
    `To help settle ${dossier(f)}, please send us the documents you hold about this order:\n` +
    `- the receipt or invoice;\n` +
    `- the delivery tracking number;\n` +
    `- photos of the item and its packaging, where relevant;\n` +
    `- your correspondence about this order.\n\n` +
    `You can attach them to your reply to this message; they will be added to the dossier.` +
    signature,

  resolution_proposal: (f) =>
    `Hello,\n\n` +
    `Having reviewed ${dossier(f)}, Klik & Pay proposes to settle it as follows.\n\n` +
    `Proposed resolution: \n\n` +
    `Please let us know whether you accept this proposal by replying to this message.` +
    signature,

  filing_acknowledgement: (f) =>
    `Dear ${f.customerName},\n\n` +
    `We have received your claim ${f.reference} about ${yourPayment(f)}. ` +
    `Subject: ${f.subjectLabel}; reason: ${f.reasonLabel}.\n\n` +
    (f.withMerchant
      ? `We have forwarded it to ${f.merchantName}, who is asked to answer you ` +
        `${by(f.dueDate, 'within a reasonable period')}. Klik & Pay follows the dossier and will step in ` +
        `if the merchant does not answer.`
      : f.subject === 'payment'
        ? `As it concerns the payment, Klik & Pay handles it directly and will, if possible, reply within ` +
          `${businessDays(f.klikpayReplyBusinessDays)}.`
        : `As ${f.merchantName} cannot be reached by e-mail, Klik & Pay handles your claim directly and will, ` +
          `if possible, reply within ${businessDays(f.klikpayReplyBusinessDays)}.`) +
    `\n\nPlease quote the reference ${f.reference} in any correspondence about this claim.` +
    signature,

  merchant_forward: (f) =>
    toMerchant(f) +
    `Your customer ${f.customerName} has opened claim ${f.reference} with Klik & Pay about ` +
    `${theirPayment(f)}.\n\n` +
    `Subject of the claim: ${f.subjectLabel}; reason given by the customer: ${f.reasonLabel}. You will find ` +
    `their message in the dossier.\n\n` +
    `Please answer your customer through Klik & Pay ${by(f.dueDate, 'within a reasonable period')}. ` +
    (f.automaticLetters
      ? `Klik & Pay follows the dossier: without an answer in time, we will remind you of the e-commerce Good ` +
        `Practices and inform the customer of their rights.`
      : `Klik & Pay follows the dossier: without an answer in time, we will step in.`) +
    signature,

  pre_close_notice: (f) =>
    `Hello,\n\n` +
    `No message has passed through Klik & Pay in ${dossier(f)} for a long time. ` +
    `It will be closed automatically ${f.autoCloseDate ? `on ${f.autoCloseDate}` : 'soon'} unless someone ` +
    `writes in it before then.\n\n` +
    `If the dispute is not settled yet, simply reply to this message to keep the dossier open.` +
    signature,

  auto_close_notice: (f) =>
    `Hello,\n\n` +
    `${capitalise(dossier(f))} has been closed automatically after ${f.inactivityDays} days without ` +
    `communication through Klik & Pay.\n\n` +
    `If the dispute is not settled, please contact us quoting the reference ${f.reference}.` +
    signature,

  closure_notice: (f) =>
    `Hello,\n\n` +
    `${closedBy(f)} Thank you for your cooperation.\n\n` +
    `If you believe it is not settled, please contact us quoting the reference ${f.reference}.` +
    signature,

  reopen_notice: (f) =>
    `Hello,\n\n` +
    `Klik & Pay has reopened ${dossier(f)} and is looking at it again. We will come back to you shortly; ` +
    `you can add any new information by replying to this message.` +
    signature,

  escalation_notice: (f) =>
    `Hello,\n\n` +
    (f.merchantReminded
      ? `The merchant did not answer in ${dossier(f)} within the deadline, even after being reminded of the ` +
        `e-commerce Good Practices.`
      : `The merchant did not answer in ${dossier(f)} within the deadline.`) +
    ` Klik & Pay now takes the dossier over and will, if possible, come back to you within ` +
    `${businessDays(f.klikpayReplyBusinessDays)}.` +
    signature,
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
