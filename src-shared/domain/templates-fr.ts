import type { LetterFacts, Letters } from './templates';

/** Les courriers en français. Faits de la lettre sur les droits : spec/glossary.md. */

const signature = '\n\nCordialement,\nKlik & Pay — service de règlement des litiges';
const paiement = (f: LetterFacts) =>
  `votre paiement de ${f.amount} à ${f.merchantName} du ${f.transactionDate} (commande ${f.orderReference})`;
const avant = (date: string | null, sinon: string) => (date ? `au plus tard le ${date}` : sinon);

function droitsEssentiels(f: LetterFacts): string {
  switch (f.reason) {
    case 'not_received':
      return (
        'Votre commande n’est pas arrivée : le marchand doit livrer à la date convenue ou, à défaut de date, ' +
        'dans les 30 jours suivant la commande. Sinon, vous pouvez lui accorder un délai supplémentaire raisonnable, ' +
        'puis résoudre le contrat et être remboursé intégralement. Un colis perdu pendant le transport reste aux ' +
        'risques du marchand tant que vous (ou la personne de votre choix) ne l’avez pas reçu.'
      );
    case 'damaged_or_defective':
    case 'not_as_ordered':
    case 'after_sales':
      return (
        'L’article est endommagé, défectueux ou non conforme : la garantie légale de conformité le couvre pendant ' +
        'au moins 2 ans, sans frais pour vous. Le marchand doit le réparer ou le remplacer, à défaut réduire le prix ' +
        'ou vous rembourser. Un article abîmé pendant le transport est aux risques du marchand jusqu’à sa réception.'
      );
    case 'refund_problem':
      return (
        'Vous attendez un remboursement : après une rétractation, le marchand doit vous rembourser dans les 14 jours ' +
        'suivant votre demande, frais de livraison standard compris.'
      );
    case 'other':
      return 'Vos droits dépendent des faits du litige ; voici les principaux.';
  }
}

export const lettersFr: Letters = {
  good_practices_reminder: (f) =>
    `Madame, Monsieur (${f.merchantName}),\n\n` +
    `Dossier ${f.reference} : votre client ${f.customerName} a ouvert une réclamation auprès de Klik & Pay sur son paiement de ${f.amount} ` +
    `du ${f.transactionDate} (commande ${f.orderReference}) — ${f.reasonLabel}. Nous n’avons pas reçu votre réponse dans le délai imparti.\n\n` +
    `En tant que marchand affilié, nous vous rappelons les Bonnes Pratiques du e-commerce :\n` +
    `- répondre à chaque client sous quelques jours ouvrés ;\n` +
    `- confirmer les dates de commande et de livraison, et communiquer le numéro de suivi ;\n` +
    `- livrer à la date convenue, ou prévenir le client et lui proposer l’annulation ;\n` +
    `- reprendre et rembourser dans les délais légaux ;\n` +
    `- honorer la garantie légale de conformité ;\n` +
    `- conserver une adresse e-mail de contact valide ;\n` +
    `- répondre au service des litiges de Klik & Pay dans le délai indiqué sur le dossier.\n\n` +
    `Merci de répondre à votre client via Klik & Pay ${avant(f.dueDate, 'sous 5 jours')}. ` +
    `Sans réponse à cette date, Klik & Pay prendra le dossier en main.` +
    signature,

  rights_information: (f) =>
    `Bonjour ${f.customerName},\n\n` +
    `Dossier ${f.reference} — ${paiement(f)}. ${f.merchantName} n’a pas répondu à votre réclamation dans le délai ; ` +
    `nous lui avons rappelé les Bonnes Pratiques du e-commerce. Voici ce que la loi vous garantit (Union européenne et France) :\n\n` +
    `${droitsEssentiels(f)}\n\n` +
    `- Livraison : à la date convenue, ou dans les 30 jours suivant la commande à défaut de date.\n` +
    `- Transport : les biens perdus ou endommagés pendant le transport sont aux risques du marchand jusqu’à leur réception.\n` +
    `- Rétractation : 14 jours à compter de la réception pour la plupart des achats à distance ; remboursement sous 14 jours.\n` +
    `- Garantie légale de conformité : au moins 2 ans, sans frais : réparation ou remplacement, à défaut réduction du prix ou remboursement.\n` +
    `- Médiation de la consommation : tout marchand de l’UE doit donner accès à un médiateur après une réclamation écrite (pour le e-commerce en France, le médiateur de la FEVAD).\n` +
    `- En dernier recours, vous pouvez interroger votre banque sur une rétrofacturation (chargeback), dans les délais du réseau de carte.\n\n` +
    `Nous continuons de suivre votre dossier et reviendrons vers vous dès la réponse du marchand.` +
    signature,

  request_for_proof: (f) =>
    `Bonjour,\n\n` +
    `Pour régler le dossier ${f.reference} (${f.amount}, ${f.merchantName}, commande ${f.orderReference}), ` +
    `pourriez-vous nous transmettre les justificatifs dont vous disposez : ticket ou facture, numéro de suivi de la livraison, ` +
    `photos de l’article ou de l’emballage, et vos échanges au sujet de cette commande ?\n\n` +
    `Vous pouvez les joindre à votre réponse.` +
    signature,

  resolution_proposal: (f) =>
    `Bonjour,\n\n` +
    `Après examen du dossier ${f.reference} (${f.amount}, ${f.merchantName}, commande ${f.orderReference}), ` +
    `Klik & Pay propose la solution suivante.\n\n` +
    `Solution proposée : \n\n` +
    `Merci de nous indiquer si vous l’acceptez en répondant à ce message.` +
    signature,

  filing_acknowledgement: (f) =>
    `Bonjour ${f.customerName},\n\n` +
    `Nous avons bien reçu votre réclamation ${f.reference} concernant ${paiement(f)} (objet : ${f.subjectLabel} ; ${f.reasonLabel}).\n\n` +
    (f.withMerchant
      ? `Nous l’avons transmise à ${f.merchantName}, invité à vous répondre ${avant(f.dueDate, 'dans un délai raisonnable')}. ` +
        `Klik & Pay suit le dossier et interviendra si le marchand ne répond pas.`
      : f.subject === 'payment'
        ? `Elle porte sur le paiement : Klik & Pay la traite directement et vous répondra, si possible, sous un jour ouvré.`
        : `${f.merchantName} ne pouvant être joint par e-mail, Klik & Pay traite directement votre réclamation et vous répondra, si possible, sous un jour ouvré.`) +
    signature,

  merchant_forward: (f) =>
    `Madame, Monsieur (${f.merchantName}),\n\n` +
    `Votre client ${f.customerName} a ouvert la réclamation ${f.reference} auprès de Klik & Pay sur son paiement de ${f.amount} ` +
    `du ${f.transactionDate} (commande ${f.orderReference}). Objet : ${f.subjectLabel} ; motif : ${f.reasonLabel}.\n\n` +
    `Merci de répondre à votre client via Klik & Pay ${avant(f.dueDate, 'sous 7 jours')}.` +
    signature,

  pre_close_notice: (f) =>
    `Bonjour,\n\n` +
    `Aucun échange n’a eu lieu depuis longtemps dans le dossier ${f.reference} (${f.amount}, ${f.merchantName}). ` +
    `Il sera clos automatiquement ${f.autoCloseDate ? `le ${f.autoCloseDate}` : 'prochainement'} si personne n’y écrit d’ici là.` +
    signature,

  auto_close_notice: (f) =>
    `Bonjour,\n\n` +
    `Le dossier ${f.reference} (${f.amount}, ${f.merchantName}) a été clos automatiquement après 120 jours sans échange.` +
    signature,

  closure_notice: (f) =>
    `Bonjour,\n\nLe dossier ${f.reference} (${f.amount}, ${f.merchantName}, commande ${f.orderReference}) est désormais clos.` +
    signature,

  reopen_notice: (f) =>
    `Bonjour,\n\nKlik & Pay a rouvert le dossier ${f.reference} (${f.amount}, ${f.merchantName}) et l’examine à nouveau.` +
    signature,

  escalation_notice: (f) =>
    `Bonjour,\n\n` +
    `Le marchand n’a pas répondu dans le délai au dossier ${f.reference} (${f.amount}, commande ${f.orderReference}). ` +
    `Klik & Pay prend désormais le dossier en main.` +
    signature,
};
