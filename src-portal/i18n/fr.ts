import type { Catalogue } from './translate';

/** Les mots du portail en français. */
export const fr: Catalogue = {
  'app.name': 'Klik & Pay',
  'app.department': 'Service de règlement des litiges',
  'app.title': '{page} — Litiges Klik & Pay',
  'shell.skip': 'Aller au contenu',
  'shell.nav': 'Principale',
  'shell.signedInAs': 'Connecté : {name}',
  'shell.signOut': 'Se déconnecter',
  'shell.footer':
    'Le service de règlement des litiges de Klik & Pay : un service gratuit qui assure la circulation des informations entre clients et marchands.',
  'language.label': 'Langue',
  'nav.transactions': 'Mes transactions',
  'nav.claims': 'Mes réclamations',
  'nav.merchantClaims': 'Réclamations contre ma boutique',
  loading: 'Chargement…',
  retry: 'Réessayer',

  'signIn.title': 'Règlement des litiges',
  'signIn.lead':
    'Un litige avec un marchand affilié à Klik & Pay ? Connectez-vous pour déposer une réclamation sur un achat et la suivre. Les marchands se connectent ici pour répondre aux réclamations contre leur boutique.',
  'signIn.heading': 'Connexion',
  'signIn.email': 'Adresse e-mail',
  'signIn.password': 'Mot de passe',
  'signIn.submit': 'Se connecter',
  'signIn.submitting': 'Connexion…',
  'signIn.wrong': 'L’adresse e-mail ou le mot de passe n’est pas le bon. Vérifiez les deux et réessayez.',
  'signIn.staff':
    'Ce portail est réservé aux clients et aux marchands. Les équipes de Klik & Pay utilisent le back-office.',
  'signIn.staffLink': 'Ouvrir le back-office',
  'signIn.rateLimited': 'Trop de tentatives. Pour votre sécurité, attendez {wait} avant de réessayer.',
  'signIn.ended': 'Votre session a pris fin. Connectez-vous de nouveau pour continuer.',
  'signIn.notForYou': 'Ce portail est réservé aux clients et aux marchands.',

  'problem.required': 'Choisissez une des réponses.',
  'problem.blank': 'Écrivez quelque chose ici.',
  'problem.tooLong': {
    one: '{max} caractères au plus : retirez-en {count}.',
    other: '{max} caractères au plus : retirez-en {count}.',
  },
  'problem.badCharacters':
    'Le texte contient des caractères qui ne peuvent pas être envoyés (caractères de contrôle invisibles, ou moitié de caractère). Retirez-les.',
  'problem.emailInvalid': 'Saisissez une adresse e-mail comme nom@exemple.fr.',
  'problem.fileType':
    '{name} ne peut pas être joint : seuls les fichiers PDF, JPEG, PNG, WebP et texte sont acceptés.',
  'problem.fileTooBig': '{name} dépasse {size}.',
  'problem.fileEmpty': '{name} est vide.',
  'problem.tooManyFiles': '{max} fichiers au plus par message.',
  'problem.amountInvalid': 'Saisissez un montant comme 19,90.',
  'problem.amountNotBelowPaid':
    'Un remboursement partiel est inférieur au montant payé : pour la totalité, proposez un remboursement total.',
  'problem.summary': {
    one: 'Pas encore envoyé : {count} point à corriger.',
    other: 'Pas encore envoyé : {count} points à corriger.',
  },

  'error.network': 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  'error.server':
    'Un problème est survenu de notre côté, et rien n’a été modifié. Réessayez dans un instant.',
  'error.unreadable': 'Le serveur a répondu quelque chose que cette page ne comprend pas. Rechargez la page.',
  'error.notFound': 'Cette page n’existe pas, ou elle ne vous concerne pas.',
  'error.forbidden': 'Vous n’êtes pas autorisé à faire ceci.',
  'error.tooLarge': 'L’envoi est trop volumineux. Joignez moins de fichiers, ou des fichiers plus petits.',
  'error.invalid': 'Le serveur n’a pas pu accepter cet envoi. Vérifiez ce que vous avez écrit et réessayez.',
  'error.fileRefused':
    '{name} ne correspond pas au type de fichier qu’indique son nom. Joignez un autre fichier.',
  'error.closed': 'Cette réclamation est close : elle n’accepte plus de messages.',
  'error.alreadyInHand': 'Klik & Pay a déjà pris cette réclamation en main.',
  'error.conflict': 'Cette réclamation a changé entre-temps. Vérifiez-la et réessayez.',
  'error.rateLimited': 'Trop de demandes. Attendez {wait} et réessayez.',
  'error.ended': 'Votre session a pris fin. Connectez-vous de nouveau pour continuer.',

  'field.merchant': 'Marchand',
  'field.customer': 'Client',
  'field.date': 'Date',
  'field.amount': 'Montant',
  'field.order': 'Commande',
  'field.claim': 'Réclamation',
  'field.subject': 'Objet',
  'field.reason': 'Ce qui s’est passé',
  'field.outcome': 'Issue souhaitée',
  'field.filed': 'Déposée le',
  'field.reference': 'Référence',

  'transactions.title': 'Mes transactions',
  'transactions.lead':
    'Vos achats payés avec Klik & Pay. Ouvrez-en un pour le consulter ou déposer une réclamation.',
  'transactions.empty': 'Vous n’avez encore aucun achat payé avec Klik & Pay.',
  'transactions.claimOpen': 'Réclamation en cours : {reference}',
  'transactions.claimOpenShort': 'Réclamation en cours',
  'transactions.noClaim': 'Aucune réclamation en cours',

  'transaction.title': 'Achat chez {merchant}',
  'transaction.back': 'Retour à mes transactions',
  'transaction.notFound': 'Cet achat ne fait pas partie des vôtres.',
  'transaction.openClaim':
    'Une réclamation est en cours sur cet achat : {reference}. Une seule réclamation peut être ouverte à la fois sur un achat.',
  'transaction.follow': 'Suivre la réclamation {reference}',
  'transaction.problem': 'Un problème avec cet achat ?',
  'transaction.problemLead':
    'Le service gratuit de règlement des litiges de Klik & Pay assure la circulation des informations entre vous et le marchand, et vous aide à régler le litige selon les droits de chacun.',
  'transaction.fileClaim': 'Déposer une réclamation',
  'transaction.pastClaims': 'Réclamations précédentes sur cet achat',

  'claim.title': 'Déposer une réclamation',
  'claim.about': 'Votre achat chez {merchant} le {date} : {amount}, commande {order}.',
  'claim.step': 'Étape {n} sur {total}',
  'claim.contact.legend': 'Avez-vous contacté le marchand au sujet de ce problème ?',
  'claim.contact.merchant_no_answer': 'Oui, mais le marchand ne répond pas à mes e-mails',
  'claim.contact.merchant_email_invalid': 'J’ai essayé, mais l’adresse e-mail du marchand ne fonctionne pas',
  'claim.contact.proposal_unsatisfactory': 'Oui, mais la proposition du marchand ne me convient pas',
  'claim.contact.not_contacted': 'Non, pas encore',
  'claim.contact.advice':
    'Il est toujours préférable de contacter d’abord le marchand : informez-le du problème et demandez-lui de le résoudre. Beaucoup de litiges se règlent ainsi.',
  'claim.contact.address': 'L’adresse de contact du marchand :',
  'claim.contact.bounces':
    'Les e-mails à ce marchand n’arrivent pas : votre réclamation ira directement à Klik & Pay.',
  'claim.contact.still':
    'Si vous le préférez, vous pouvez tout de même déposer votre réclamation maintenant.',
  'claim.subject.legend': 'Votre réclamation porte-t-elle sur le paiement ou sur la livraison ?',
  'claim.subject.payment': 'Le paiement',
  'claim.subject.paymentHint': {
    one: 'Le débit lui-même : un paiement que vous ne reconnaissez pas, un double débit, un montant erroné, un remboursement non reçu sur votre carte. Votre demande est adressée directement à Klik & Pay, qui vous répondra si possible sous {count} jour ouvré.',
    other:
      'Le débit lui-même : un paiement que vous ne reconnaissez pas, un double débit, un montant erroné, un remboursement non reçu sur votre carte. Votre demande est adressée directement à Klik & Pay, qui vous répondra si possible sous {count} jours ouvrés.',
  },
  'claim.subject.delivery': 'La livraison',
  'claim.subject.deliveryHint': {
    one: 'Le bien ou le service : non reçu, endommagé, non conforme, service après-vente. Votre demande est transmise au marchand ; Klik & Pay en est informé immédiatement et veille à ce que le marchand réponde sous {count} jour.',
    other:
      'Le bien ou le service : non reçu, endommagé, non conforme, service après-vente. Votre demande est transmise au marchand ; Klik & Pay en est informé immédiatement et veille à ce que le marchand réponde sous {count} jours.',
  },
  'claim.subject.toKlikpay':
    'Le marchand ne pouvant être joint par e-mail, Klik & Pay traitera directement votre réclamation sur la livraison.',
  'claim.reason.legend': 'Que s’est-il passé ?',
  'claim.outcome.legend': 'Qu’est-ce qui réglerait le litige pour vous ?',
  'claim.description.label': 'Décrivez le problème',
  'claim.description.hint': 'Ce qui s’est passé, quand, et ce que vous avez déjà tenté.',
  'claim.submit': 'Envoyer ma réclamation',
  'claim.submitting': 'Envoi…',
  'claim.alreadyOpen':
    'Une réclamation est déjà en cours sur cet achat, et une seule peut l’être à la fois. Poursuivez-la :',
  'claim.sent': 'Votre réclamation {reference} a été envoyée.',

  'reason.not_received': 'J’ai payé une commande que je n’ai pas reçue',
  'reason.damaged_or_defective': 'La commande est arrivée endommagée ou défectueuse',
  'reason.not_as_ordered': 'Ce que j’ai reçu n’est pas conforme à ma commande',
  'reason.refund_problem': 'J’ai un problème pour être remboursé',
  'reason.after_sales': 'Service après-vente ou garantie',
  'reason.other': 'Autre chose',
  'reasonShort.not_received': 'Non reçu',
  'reasonShort.damaged_or_defective': 'Endommagé ou défectueux',
  'reasonShort.not_as_ordered': 'Non conforme',
  'reasonShort.refund_problem': 'Problème de remboursement',
  'reasonShort.after_sales': 'Après-vente ou garantie',
  'reasonShort.other': 'Autre',
  'outcome.refund': 'Un remboursement',
  'outcome.partial_refund': 'Un remboursement partiel',
  'outcome.replacement': 'Un remplacement',
  'outcome.delivery': 'La livraison de ma commande',
  'outcome.other': 'Autre chose',
  'subject.payment': 'Paiement',
  'subject.delivery': 'Livraison',

  'files.label': 'Joindre des fichiers (facultatif)',
  'files.hint': {
    one: 'Factures, photos, suivi : {count} fichier au plus, PDF, JPEG, PNG, WebP ou texte, {size} chacun.',
    other:
      'Factures, photos, suivi : jusqu’à {count} fichiers, PDF, JPEG, PNG, WebP ou texte, {size} chacun.',
  },
  'files.chosen': 'Fichiers à envoyer',
  'files.remove': 'Retirer {name}',

  'text.count': '{used} caractères sur {max}',

  'claims.title': 'Mes réclamations',
  'claims.empty':
    'Vous n’avez déposé aucune réclamation. Pour en déposer une, ouvrez l’achat dans « Mes transactions ».',
  'claims.yours': 'Votre réponse est attendue',
  'claims.others': 'En cours',
  'claims.closed': 'Closes',

  'merchantClaims.title': 'Réclamations contre ma boutique',
  'merchantClaims.lead':
    'Les réclamations de vos clients sur leurs achats. Répondez dans le délai : Klik & Pay rappelle aux marchands en retard les Bonnes Pratiques du e-commerce, puis reprend la réclamation en main.',
  'merchantClaims.empty': 'Aucune réclamation contre votre boutique.',
  'merchantClaims.yours': 'En attente de votre réponse',
  'merchantClaims.others': 'Autres réclamations en cours',
  'merchantClaims.closed': 'Closes',

  'status.customer.klikpay': 'Klik & Pay étudie votre demande',
  'status.customer.merchant': 'En attente de la réponse du marchand',
  'status.customer.merchant_late': 'Le marchand est en retard',
  'status.customer.merchant_reminded': 'Le marchand a été relancé',
  'status.customer.customer': 'Votre réponse est attendue',
  'status.customer.closed_by_customer': 'Close : vous avez indiqué que le litige est réglé',
  'status.customer.closed_by_klikpay': 'Close par Klik & Pay',
  'status.customer.closed_inactivity': 'Close faute de nouvelles',
  'status.merchant.klikpay': 'Klik & Pay la traite',
  'status.merchant.merchant': 'Votre réponse est attendue',
  'status.merchant.merchant_late': 'En retard : votre réponse est attendue',
  'status.merchant.merchant_reminded': 'Relancé : votre réponse est attendue',
  'status.merchant.customer': 'En attente du client',
  'status.merchant.closed_by_customer': 'Close : le client a indiqué que le litige est réglé',
  'status.merchant.closed_by_klikpay': 'Close par Klik & Pay',
  'status.merchant.closed_inactivity': 'Close faute de nouvelles',

  'detail.customer.klikpay': 'Klik & Pay vous répondra d’ici le {date}.',
  'detail.customer.klikpayLate': 'Klik & Pay vous doit une réponse et reviendra vers vous au plus vite.',
  'detail.customer.merchant':
    'Le marchand a jusqu’au {date} pour répondre. Klik & Pay est informé et veille au respect du délai.',
  'detail.customer.merchant_late':
    'Le marchand n’a pas répondu avant le {date}. Klik & Pay lui rappelle les Bonnes Pratiques du e-commerce et vous informe de vos droits.',
  'detail.customer.merchant_reminded':
    'Klik & Pay a rappelé au marchand les Bonnes Pratiques du e-commerce. Il a jusqu’au {date} pour répondre ; ensuite, Klik & Pay reprend votre réclamation en main.',
  'detail.customer.customer':
    'Lisez le dernier message et répondez ci-dessous. Si le problème est réglé, indiquez-nous que le litige est résolu.',
  'detail.merchant.klikpay':
    'Klik & Pay a la réclamation en main. Vous pouvez toujours écrire pour apporter des informations.',
  'detail.merchant.merchant': 'Répondez d’ici le {date}.',
  'detail.merchant.merchantLate':
    'Votre réponse était attendue le {date}. Répondez maintenant : Klik & Pay rappelle aux marchands en retard les Bonnes Pratiques du e-commerce, puis reprend la réclamation en main.',
  'detail.merchant.merchant_reminded':
    'Klik & Pay vous a rappelé les Bonnes Pratiques du e-commerce. Répondez d’ici le {date}, sinon Klik & Pay reprend la réclamation en main.',
  'detail.merchant.customer': 'Le client a reçu une réponse ; la sienne est attendue.',
  'detail.closedOn': 'Close le {date}.',
  'detail.closedInactivity': {
    one: 'Close le {date}, après {count} jour sans échange par Klik & Pay.',
    other: 'Close le {date}, après {count} jours sans échange par Klik & Pay.',
  },
  'detail.autoClose': 'Sans nouvelles, la réclamation se clôt d’elle-même le {date}.',

  'move.label': 'À qui de jouer',
  'move.you': 'À vous',
  'move.klikpay': 'Klik & Pay',
  'move.merchant': 'Le marchand',
  'move.customer': 'Le client',
  'move.until': 'jusqu’au {date}',
  'countdown.in': 'dans {duration}',
  'countdown.overdue': 'en retard de {duration}',

  'dossier.title': 'Réclamation {reference}',
  'dossier.backClaims': 'Retour à mes réclamations',
  'dossier.backMerchant': 'Retour aux réclamations contre ma boutique',
  'dossier.request': 'Votre demande',
  'dossier.requestOfCustomer': 'La demande du client',
  'dossier.purchase': '{amount} chez {merchant} le {date}, commande {order}',
  'dossier.purchaseOfCustomer': '{amount} payés par {customer} le {date}, commande {order}',
  'dossier.thread': 'Échanges',
  'dossier.threadEmpty': 'Aucun message pour l’instant.',
  'dossier.reminder': 'Klik & Pay vous a rappelé les Bonnes Pratiques du e-commerce le {date}',
  'dossier.liveNote': 'Cette page se met à jour d’elle-même quand il y a du nouveau.',

  'writer.you': 'Vous',
  'writer.customer': 'Le client, {name}',
  'writer.merchant': 'Le marchand, {name}',
  'writer.klikpay': 'Klik & Pay, {name}',
  'notice.notice': 'Avis de Klik & Pay',
  'notice.rights_information': 'Information sur vos droits',
  'notice.good_practices_reminder': 'Rappel des Bonnes Pratiques du e-commerce',
  'attachments.title': 'Fichiers joints',
  'attachments.download': 'Télécharger {name} ({size})',

  'reply.heading': 'Écrire un message',
  'reply.label': 'Votre message',
  'reply.hintCustomer': 'Klik & Pay et le marchand le liront.',
  'reply.hintMerchant': 'Klik & Pay et le client le liront.',
  'reply.send': 'Envoyer',
  'reply.sending': 'Envoi…',
  'reply.sent': 'Votre message a été envoyé.',
  'reply.closed': 'Cette réclamation est close : elle n’accepte plus de messages.',

  'proposal.legend': 'Votre message propose-t-il un règlement ?',
  'proposal.hint':
    'Le client peut l’accepter, ce qui clôt la réclamation, ou vous dire qu’il ne lui convient pas.',
  'proposal.none': 'Non, c’est seulement un message',
  'proposal.refund': 'Un remboursement total ({amount})',
  'proposal.partial_refund': 'Un remboursement partiel',
  'proposal.replacement': 'Un remplacement',
  'proposal.delivery': 'La livraison de la commande (donnez le numéro de suivi dans votre message)',
  'proposal.other': 'Autre chose (précisez-le dans votre message)',
  'proposal.amount': 'Montant à rembourser ({currency})',
  'proposal.amountHint': 'Moins que les {paid} payés.',
  'proposal.what.refund': 'un remboursement total de {amount}',
  'proposal.what.partial_refund': 'un remboursement partiel de {amount}',
  'proposal.what.replacement': 'un remplacement',
  'proposal.what.delivery': 'la livraison de la commande',
  'proposal.what.other': 'un règlement décrit dans le message',
  'proposal.made': 'Règlement proposé : {what}',
  'proposal.calloutHeading': '{shop} propose {what}',
  'proposal.calloutText':
    'Si cela règle le litige, dites-le ci-dessous : la réclamation sera close. Si cela ne vous convient pas, répondez au marchand ou demandez à Klik & Pay d’intervenir.',
  'proposal.yours': 'Votre proposition : {what}. Le client peut l’accepter ou vous répondre.',

  'resolve.heading': 'Le litige est-il réglé ?',
  'resolve.lead': 'Quand le problème est résolu, dites-le à Klik & Pay : la réclamation sera close.',
  'resolve.button': 'Le litige est résolu',
  'resolve.confirmTitle': 'Clore la réclamation {reference} ?',
  'resolve.confirmText':
    'Ne le faites que si le litige est réglé. La réclamation sera close et vous ne pourrez plus y écrire.',
  'resolve.confirm': 'Oui, le litige est résolu',
  'resolve.done': 'Merci. La réclamation {reference} est close.',
  'escalate.lead':
    'Le marchand ne répond pas, ou sa réponse ne vous convient pas ? Klik & Pay peut intervenir.',
  'escalate.button': 'Demander l’intervention de Klik & Pay',
  'escalate.confirmTitle': 'Demander l’intervention de Klik & Pay sur la réclamation {reference} ?',
  'escalate.confirmText': {
    one: 'Klik & Pay prend la réclamation en main et vous répondra si possible sous {count} jour ouvré.',
    other: 'Klik & Pay prend la réclamation en main et vous répondra si possible sous {count} jours ouvrés.',
  },
  'escalate.confirm': 'Demander à Klik & Pay',
  cancel: 'Annuler',

  'notFound.title': 'Page introuvable',
  'notFound.home': 'Aller à l’accueil',
};
