import type { LetterFacts, Letters } from './templates';

/** Les courriers en français. Les faits juridiques de la lettre sur les droits : docs/letters.md. */

const signature = '\n\nCordialement,\nKlik & Pay — service de règlement des litiges';
const auMarchand = (f: LetterFacts) => `À l’attention de ${f.merchantName}\n\nMadame, Monsieur,\n\n`;
const votrePaiement = (f: LetterFacts) =>
  `votre paiement de ${f.amount} à ${f.merchantName} du ${f.transactionDate} (commande ${f.orderReference})`;
// Adressée au marchand, la lettre n'a pas à le nommer à lui-même.
const sonPaiement = (f: LetterFacts) =>
  `son paiement de ${f.amount} du ${f.transactionDate} (commande ${f.orderReference})`;
// Les lettres aux deux parties désignent la transaction sans adopter le point de vue de l'une d'elles.
const dossier = (f: LetterFacts) =>
  `dossier ${f.reference} (paiement de ${f.amount} à ${f.merchantName} du ${f.transactionDate}, ` +
  `commande ${f.orderReference})`;
const avant = (date: string | null, sinon: string) => (date ? `au plus tard le ${date}` : sinon);
const joursOuvres = (n: number) => (n === 1 ? 'un jour ouvré' : `${n} jours ouvrés`);

/** Ce qu’a fait le marchand, tel que la lettre sur les droits le dit au client : rien que le vrai. */
function marchandJusquIci(f: LetterFacts): string {
  switch (f.merchantState) {
    case 'answer_due':
      return `Klik & Pay l’a transmise à ${f.merchantName}, en lui demandant de vous répondre ${avant(f.dueDate, 'dans un délai raisonnable')}.`;
    case 'late':
      return `${f.merchantName} n’y a pas répondu dans le délai imparti. Klik & Pay suit le dossier et va intervenir.`;
    case 'reminded':
      return (
        `${f.merchantName} n’y a pas répondu dans le délai imparti : Klik & Pay lui a donc rappelé les ` +
        `Bonnes Pratiques du e-commerce et lui a demandé de vous répondre ${avant(f.dueDate, 'sans tarder')}.`
      );
    case 'answered':
      return `${f.merchantName} a répondu à votre réclamation ; si cette réponse ne règle pas le litige, voici où vous en êtes.`;
    case 'klikpay':
      return f.subject === 'payment'
        ? 'Elle porte sur le paiement lui-même : Klik & Pay la traite directement.'
        : 'Klik & Pay traite directement votre réclamation.';
  }
}

function closPar(f: LetterFacts): string {
  switch (f.closedBy) {
    case 'customer':
      return `${f.customerName} a indiqué à Klik & Pay que le litige est résolu : le ${dossier(f)} est donc clos.`;
    case 'inactivity':
      return `Le ${dossier(f)} est clos faute d’échanges.`;
    case 'klikpay':
    case null:
      return `Klik & Pay a clos le ${dossier(f)} : le litige est considéré comme réglé.`;
  }
}

function droitsEssentiels(f: LetterFacts): string {
  switch (f.reason) {
    case 'not_received':
      return (
        'Votre commande n’est pas arrivée : le marchand doit livrer à la date convenue ou, à défaut de date, ' +
        'dans les 30 jours suivant la commande. Sinon, vous pouvez lui accorder un délai supplémentaire ' +
        'raisonnable, puis résoudre le contrat et être remboursé intégralement. Un colis perdu pendant le ' +
        'transport reste aux risques du marchand tant que vous (ou la personne de votre choix) ne l’avez pas reçu.'
      );
    case 'damaged_or_defective':
    case 'not_as_ordered':
    case 'after_sales':
      return (
        'L’article est endommagé, défectueux ou non conforme à la commande : la garantie légale de conformité ' +
        'le couvre pendant au moins 2 ans, sans frais pour vous. Le marchand doit le réparer ou le remplacer, ' +
        'à défaut réduire le prix ou vous rembourser. Un article abîmé pendant le transport est aux risques du ' +
        'marchand jusqu’à sa réception.'
      );
    case 'refund_problem':
      return (
        'Vous attendez un remboursement : après une rétractation, le marchand doit vous rembourser dans les ' +
        '14 jours suivant l’annonce de votre décision, frais de livraison standard compris.'
      );
    case 'other':
      return 'Vos droits dépendent des faits du litige ; voici les principaux.';
  }
}

export const lettersFr: Letters = {
  good_practices_reminder: (f) =>
    auMarchand(f) +
    `Votre client ${f.customerName} a ouvert la réclamation ${f.reference} auprès de Klik & Pay concernant ` +
    `${sonPaiement(f)}. Objet : ${f.subjectLabel} ; motif : ${f.reasonLabel}. Cette réclamation est ` +
    `toujours sans réponse : le délai qui vous était imparti est dépassé.\n\n` +
    `Nous vous rappelons les Bonnes Pratiques du e-commerce attendues des marchands affiliés à Klik & Pay :\n` +
    `- répondre à chaque client sous quelques jours ouvrés ;\n` +
    `- confirmer les dates de commande et de livraison, et communiquer le numéro de suivi ;\n` +
    `- livrer à la date convenue, ou prévenir le client et lui proposer l’annulation de la commande ;\n` +
    `- reprendre les produits et rembourser dans les délais légaux ;\n` +
    `- honorer la garantie légale de conformité ;\n` +
    `- conserver une adresse e-mail de contact valide ;\n` +
    `- répondre au service de règlement des litiges de Klik & Pay dans le délai indiqué sur le dossier.\n\n` +
    `Merci de répondre à votre client via Klik & Pay ${avant(f.dueDate, 'dans les meilleurs délais')}. ` +
    `Sans réponse de votre part dans ce délai, Klik & Pay prendra le dossier en main.` +
    signature,

  rights_information: (f) =>
    `Bonjour ${f.customerName},\n\n` +
    `Votre réclamation ${f.reference} porte sur ${votrePaiement(f)}. ` +
    `${marchandJusquIci(f)}\n\n` +
    `Voici ce que la loi vous garantit en tant que consommateur pour un achat à distance (Union européenne ` +
    `et France).\n\n` +
    `${droitsEssentiels(f)}\n\n` +
    `- Livraison : à la date convenue ou, à défaut, dans les 30 jours suivant la commande.\n` +
    `- Transport : les biens perdus ou endommagés pendant le transport sont aux risques du marchand jusqu’à ` +
    `ce que vous les receviez.\n` +
    `- Rétractation : 14 jours à compter de la réception pour la plupart des achats à distance ; le marchand ` +
    `vous rembourse dans les 14 jours suivant l’annonce de votre décision.\n` +
    `- Garantie légale de conformité : au moins 2 ans, sans frais pour vous : réparation ou remplacement, à ` +
    `défaut réduction du prix ou remboursement.\n` +
    `- Médiation de la consommation : tout professionnel de l’Union européenne doit vous donner accès à un ` +
    `médiateur de la consommation, après une réclamation écrite auprès de lui (pour le e-commerce en ` +
    `France, le médiateur de la FEVAD).\n` +
    `- En dernier recours, vous pouvez interroger votre banque, émettrice de votre carte, sur une ` +
    `rétrofacturation (chargeback), dans les délais fixés par le réseau de la carte.\n\n` +
    (f.merchantState === 'klikpay' || f.merchantState === 'answered'
      ? `Nous continuons de suivre votre dossier et reviendrons vers vous.`
      : `Nous continuons de suivre votre dossier et reviendrons vers vous dès la réponse du marchand.`) +
    signature,

  request_for_proof: (f) =>
    `Bonjour,\n\n` +
    `Pour faciliter le règlement du ${dossier(f)}, merci de nous transmettre les justificatifs dont vous ` +
    `disposez au sujet de cette commande :\n` +
    `- le justificatif d’achat ou la facture ;\n` +
    `- le numéro de suivi de la livraison ;\n` +
    `- des photos de l’article et de son emballage, le cas échéant ;\n` +
    `- vos échanges au sujet de cette commande.\n\n` +
    `Vous pouvez les joindre à votre réponse à ce message ; ils seront ajoutés au dossier.` +
    signature,

  resolution_proposal: (f) =>
    `Bonjour,\n\n` +
    `Après examen du ${dossier(f)}, Klik & Pay propose de le régler comme suit.\n\n` +
    `Solution proposée : \n\n` +
    `Merci de nous indiquer si vous acceptez cette proposition en répondant à ce message.` +
    signature,

  filing_acknowledgement: (f) =>
    `Bonjour ${f.customerName},\n\n` +
    `Nous avons bien reçu votre réclamation ${f.reference} concernant ${votrePaiement(f)}. ` +
    `Objet : ${f.subjectLabel} ; motif : ${f.reasonLabel}.\n\n` +
    (f.withMerchant
      ? `Nous l’avons transmise à ${f.merchantName}, en lui demandant de vous répondre ` +
        `${avant(f.dueDate, 'dans un délai raisonnable')}. Klik & Pay suit le dossier et interviendra si le ` +
        `marchand ne répond pas.`
      : f.subject === 'payment'
        ? `Elle porte sur le paiement : Klik & Pay la traite directement et vous répondra, si possible, sous ` +
          `${joursOuvres(f.klikpayReplyBusinessDays)}.`
        : `${f.merchantName} ne pouvant être joint par e-mail, Klik & Pay traite directement votre ` +
          `réclamation et vous répondra, si possible, sous ${joursOuvres(f.klikpayReplyBusinessDays)}.`) +
    `\n\nMerci de rappeler la référence ${f.reference} dans tout échange concernant cette réclamation.` +
    signature,

  merchant_forward: (f) =>
    auMarchand(f) +
    `Votre client ${f.customerName} a ouvert la réclamation ${f.reference} auprès de Klik & Pay concernant ` +
    `${sonPaiement(f)}.\n\n` +
    `Objet de la réclamation : ${f.subjectLabel} ; motif indiqué par le client : ${f.reasonLabel}. Vous ` +
    `trouverez son message dans le dossier.\n\n` +
    `Merci de répondre à votre client via Klik & Pay ${avant(f.dueDate, 'dans un délai raisonnable')}. ` +
    (f.automaticLetters
      ? `Klik & Pay suit le dossier : sans réponse dans ce délai, nous vous rappellerons les Bonnes Pratiques ` +
        `du e-commerce et informerons le client de ses droits.`
      : `Klik & Pay suit le dossier : sans réponse dans ce délai, nous interviendrons.`) +
    signature,

  pre_close_notice: (f) =>
    `Bonjour,\n\n` +
    `Aucun message n’est passé par Klik & Pay depuis longtemps dans le ${dossier(f)}. ` +
    `Il sera clos automatiquement ${f.autoCloseDate ? `le ${f.autoCloseDate}` : 'prochainement'} si ` +
    `personne n’y écrit d’ici là.\n\n` +
    `Si le litige n’est pas encore réglé, il vous suffit de répondre à ce message pour que le dossier ` +
    `reste ouvert.` +
    signature,

  auto_close_notice: (f) =>
    `Bonjour,\n\n` +
    `Le ${dossier(f)} a été clos automatiquement après ${f.inactivityDays} jours sans échange par ` +
    `l’intermédiaire de Klik & Pay.\n\n` +
    `Si le litige n’est pas réglé, merci de nous contacter en rappelant la référence ${f.reference}.` +
    signature,

  closure_notice: (f) =>
    `Bonjour,\n\n` +
    `${closPar(f)} Merci de votre collaboration.\n\n` +
    `Si vous estimez qu’il ne l’est pas, merci de nous contacter en rappelant la référence ${f.reference}.` +
    signature,

  reopen_notice: (f) =>
    `Bonjour,\n\n` +
    `Klik & Pay a rouvert le ${dossier(f)} et l’examine à nouveau. Nous reviendrons vers vous rapidement ; ` +
    `vous pouvez nous transmettre toute information nouvelle en répondant à ce message.` +
    signature,

  escalation_notice: (f) =>
    `Bonjour,\n\n` +
    (f.merchantReminded
      ? `Le marchand n’a pas répondu dans le délai imparti au sujet du ${dossier(f)}, malgré un rappel ` +
        `des Bonnes Pratiques du e-commerce.`
      : `Le marchand n’a pas répondu dans le délai imparti au sujet du ${dossier(f)}.`) +
    ` Klik & Pay prend désormais le dossier en main et reviendra vers vous, si possible, sous ` +
    `${joursOuvres(f.klikpayReplyBusinessDays)}.` +
    signature,
};
