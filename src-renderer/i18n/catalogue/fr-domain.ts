import type { enDomain } from './en-domain';
import type { TranslationOf } from './types';

/** Libellés français des vocabulaires du litige (termes de docs/letters.md). */
export const frDomain: TranslationOf<typeof enDomain> = {
  'status.awaiting_klikpay': 'En attente de Klik & Pay',
  'status.awaiting_merchant': 'En attente du marchand',
  'status.awaiting_customer': 'En attente du client',
  'status.closed': 'Clos',

  'statusShort.awaiting_klikpay': 'Attente Klik & Pay',
  'statusShort.awaiting_merchant': 'Attente marchand',
  'statusShort.awaiting_customer': 'Attente client',
  'statusShort.closed': 'Clos',
  'statusShort.overdue': 'Marchand en retard',
  'statusShort.reminded': 'Marchand relancé',
  'statusShort.escalated': 'Escaladé',
  'escalation.status': 'Escaladé à Klik & Pay',

  'merchantStage.answer_due': 'Réponse du marchand attendue',
  'merchantStage.overdue': 'Marchand en retard',
  'merchantStage.reminded': 'Marchand relancé (Bonnes Pratiques)',

  'subject.payment': 'Paiement',
  'subject.delivery': 'Livraison',

  'reason.not_received': 'Non reçu',
  'reason.damaged_or_defective': 'Endommagé ou défectueux',
  'reason.not_as_ordered': 'Non conforme à la commande',
  'reason.refund_problem': 'Problème de remboursement',
  'reason.after_sales': 'SAV / garantie',
  'reason.other': 'Autre',

  'merchantContact.merchant_no_answer': 'Le marchand n’a pas répondu',
  'merchantContact.merchant_email_invalid': 'E-mail du marchand invalide',
  'merchantContact.proposal_unsatisfactory': 'Proposition du marchand insatisfaisante',
  'merchantContact.not_contacted': 'Marchand non contacté',

  'desiredOutcome.refund': 'Remboursement',
  'desiredOutcome.partial_refund': 'Remboursement partiel',
  'desiredOutcome.replacement': 'Remplacement',
  'desiredOutcome.delivery': 'Livraison',
  'desiredOutcome.other': 'Autre',

  'outcome.refunded': 'Remboursé',
  'outcome.partially_refunded': 'Remboursé partiellement',
  'outcome.replaced': 'Remplacé',
  'outcome.delivered': 'Livré',
  'outcome.claim_unfounded': 'Réclamation infondée',
  'outcome.other': 'Autre',

  'closureReason.resolved_by_client': 'Résolu par le client',
  'closureReason.resolved_by_klikpay': 'Résolu par Klik & Pay',
  'closureReason.inactivity': 'Clos pour inactivité',

  'audience.customer': 'Client',
  'audience.merchant': 'Marchand',
  'audience.both': 'Client et marchand',
  'audience.internal': 'Note interne',

  'actor.agent': 'Agent',
  'actor.supervisor': 'Superviseur',
  'actor.customer': 'Client',
  'actor.merchant': 'Marchand',
  'actor.system': 'Klik & Pay (automatique)',

  'messageKind.claim': 'Réclamation',
  'messageKind.message': 'Message',
  'messageKind.note': 'Note interne',
  'messageKind.forward': 'Transmis au marchand',
  'messageKind.good_practices_reminder': 'Rappel des Bonnes Pratiques du e-commerce',
  'messageKind.rights_information': 'Information sur vos droits',
  'messageKind.notice': 'Avis',

  'language.fr': 'Français',
  'language.en': 'Anglais',

  'refusalReason.customer_only': 'Seul le client peut déposer une réclamation.',
  'refusalReason.role_cannot': 'Votre rôle ({role}) ne permet pas « {action} ».',
  'refusalReason.dossier_not_found': 'Le dossier n’existe pas, ou ne vous est plus visible.',
  'refusalReason.dossier_closed':
    'Le dossier est clos : il n’accepte plus de correspondance. Un superviseur peut le rouvrir.',
  'refusalReason.already_in_hand': 'Klik & Pay a déjà le dossier en main.',
  'refusalReason.not_awaiting_merchant':
    'Le dossier n’est pas en attente du marchand : transmettez-le au marchand plutôt que de le relancer.',
  'refusalReason.already_yours': 'Le dossier vous est déjà attribué et attend Klik & Pay.',
  'refusalReason.assigned_to_another':
    'Le dossier est attribué à un autre agent : seul un superviseur peut le réattribuer.',
  'refusalReason.assignee_absent':
    'Cet agent est marqué absent : aucun nouveau dossier ne lui est attribué avant son retour.',
  'refusalReason.assignee_not_staff':
    'Un dossier ne peut être attribué qu’à un agent ou un superviseur de Klik & Pay.',
  'refusalReason.too_many_tags': 'Le dossier aurait plus d’étiquettes qu’il ne peut en porter ({max}).',
  'refusalReason.follow_up_past': 'La date de suivi doit être dans le futur.',
  'refusalReason.already_closed': 'Le dossier est déjà clos.',
  'refusalReason.not_closed': 'Le dossier n’est pas clos.',
  'refusalReason.transaction_has_open_dossier':
    'Le client a depuis ouvert {other} sur la même transaction, et il est ouvert : poursuivez dans ce dossier, ou clôturez-le avant de rouvrir celui-ci.',
  'refusalReason.merchant_not_late':
    'L’échéance du marchand n’est pas encore passée : le rappel des Bonnes Pratiques s’envoie une fois le marchand en retard.',
  'refusalReason.proposal_exceeds_amount':
    'Un remboursement partiel doit être inférieur au montant payé : proposez un remboursement total pour la totalité.',
  'refusalReason.mutation_id_reused':
    'Le serveur a déjà une autre modification sous l’identifiant de celle-ci ; elle n’a pas été appliquée. Envoyez-la de nouveau.',
  'refusalReason.duplicate_attachment':
    'Le message contient deux fois le même fichier : joignez chaque fichier une fois.',
  'refusalReason.attachment_not_uploaded':
    'Un fichier de ce message n’est pas parvenu au serveur (ou a déjà servi) ; rien n’a été modifié. Joignez-le de nouveau et envoyez.',
  'refusalReason.internal':
    'Le serveur n’a pas pu appliquer cette modification à cause d’une erreur de son côté (incident {incident}) ; rien n’a été modifié. Vous pouvez l’envoyer de nouveau.',

  'template.goodPractices': 'Rappel des Bonnes Pratiques du e-commerce',
  'template.rights': 'Information sur vos droits',
  'template.proofRequest': 'Demande de justificatifs',
  'template.resolutionProposal': 'Proposition de résolution',
};
