import type { TranslationOf } from './types';
import type { enDrafts } from './en-drafts';

/** Chaînes françaises des brouillons, des vérifications du message et du texte des refus. */
export const frDrafts: TranslationOf<typeof enDrafts> = {
  'draft.marker': 'Brouillon',
  'draft.markerLabel': 'Vous avez un brouillon',
  'draft.kept': 'Brouillon conservé sur cet ordinateur.',
  'draft.discard': 'Supprimer le brouillon',
  'draft.discarded': 'Brouillon supprimé.',
  'draft.undo': 'Annuler',
  'draft.putBack': 'Le texte refusé est de nouveau dans la zone de rédaction.',

  'composer.cut': 'Un message compte au plus {max} caractères : la fin n’a pas été reprise.',
  'composer.attach': 'Joindre des fichiers',
  'composer.attachTitle':
    'PDF, JPEG, PNG, WebP ou texte : {count} fichiers de {mb} Mo au plus, envoyés avec une réponse ou un transfert',
  'composer.attachNeedsParty':
    'Les notes internes ne portent pas de fichiers : choisissez le client, le marchand ou les deux.',
  'composer.files': 'Fichiers joints',
  'composer.removeFile': 'Retirer {name}',
  'composer.fileProblem.type':
    '{name} n’a pas été joint : seuls les fichiers PDF, JPEG, PNG, WebP et texte peuvent être envoyés.',
  'composer.fileProblem.size': '{name} n’a pas été joint : il dépasse {mb} Mo.',
  'composer.fileProblem.empty': '{name} n’a pas été joint : il est vide.',
  'composer.fileProblem.count': '{count} fichiers au plus par message : les autres n’ont pas été joints.',
  'composer.problem.filesNotHere':
    'Les fichiers partent avec une réponse ou un transfert au marchand seulement : envoyez l’un des deux, ou retirez les fichiers.',
  'composer.problem.blank': 'Écrivez d’abord le message.',
  'composer.problem.tooLong': 'Ce message est trop long : {max} caractères au plus.',
  'composer.problem.half_character':
    'Ce message contient la moitié d’un caractère (un emoji ou un symbole coupé, souvent par un copier-coller). Supprimez-la pour envoyer.',
  'composer.problem.control_character':
    'Ce message contient un caractère de contrôle invisible (souvent issu d’un copier-coller). Supprimez-le pour envoyer.',
  'composer.problem.non_character':
    'Ce message contient un code qui n’est pas un caractère (un « non-caractère » Unicode). Supprimez-le pour envoyer.',

  'refused.discarded': 'Vous avez abandonné cette modification ({action}) :',
  'refused.text': 'Ce que vous aviez écrit',
  'refused.copy': 'Copier',
  'refused.copied': 'Copié.',
  'refused.copySelected': 'Le texte est sélectionné : appuyez sur Ctrl+C (⌘C sur un Mac) pour le copier.',
  'refused.putBack': 'Remettre dans la zone de rédaction',
  'refused.tagsSet': 'Étiquettes : {tags}',
  'refused.tagsAdd': 'Ajouter : {tags}',
  'refused.tagsRemove': 'Retirer : {tags}',
};
