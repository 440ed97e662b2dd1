import type { TranslationOf } from './types';
import type { enTeam } from './en-team';

/** Chaînes françaises de ce que l'équipe partage : vues partagées et macros. */
export const frTeam: TranslationOf<typeof enTeam> = {
  'views.team': "Vues de l'équipe",
  'views.teamBy': 'Partagée par {name}',
  'views.share': "Partager avec l'équipe",
  'views.shareHint':
    "Chaque agent la trouve dans Vues de l'équipe. Le partage demande la connexion au serveur.",
  'views.error.offline': 'Le partage demande la connexion au serveur. Réessayez une fois en ligne.',
  'views.error.forbidden': "Seul un superviseur peut partager ou modifier une vue de l'équipe.",
  'views.error.refused': 'Le serveur a refusé : {message}',
  'views.deleteTeamDescription': "La vue est retirée pour toute l'équipe. Les dossiers ne changent pas.",
  'views.renameTeam': "Renommer la vue de l'équipe « {name} »",
  'views.deleteTeam': "Supprimer la vue de l'équipe « {name} »",

  'bulk.progress.macro': 'Macro : {done} sur {total}…',
  'bulk.count.macro': {
    one: 'macro exécutée sur {count} dossier',
    other: 'macro exécutée sur {count} dossiers',
  },
  'bulk.macros': 'Macros',
  'bulk.macrosNone':
    'Aucune macro pour l’instant : créez-en une depuis la palette de commandes (Ctrl+K, « Nouvelle macro »).',
  'bulk.runMacro': 'Exécuter « {name} »',

  'macro.group': 'Macros',
  'macro.runOn': 'Exécuter la macro « {name} » sur le dossier ouvert',
  'macro.new': 'Nouvelle macro…',
  'macro.edit': 'Modifier la macro « {name} »',
  'macro.dialog.new': 'Nouvelle macro',
  'macro.dialog.edit': 'Modifier la macro « {name} »',
  'macro.dialog.description':
    "Partagée avec l'équipe : chacun l'exécute sur le dossier ouvert depuis la palette (Ctrl+K), ou sur une sélection. Ses étapes se font dans cet ordre.",
  'macro.name': 'Nom',
  'macro.letter': 'Courrier',
  'macro.letter.none': 'Aucun courrier',
  'macro.audience': 'À',
  'macro.tags': 'Étiquettes à ajouter',
  'macro.tagsHint': 'Séparées par des virgules.',
  'macro.followUp': 'Relance',
  'macro.followUp.none': 'Aucune relance',
  'macro.finish': 'Ensuite',
  'macro.finish.none': 'Rien de plus',
  'macro.finish.take': 'Le prendre en charge (qui exécute la macro)',
  'macro.finish.assign': "L'attribuer",
  'macro.finish.close': 'Le clore',
  'macro.assignee': 'Attribuer à',
  'macro.assignee.nobody': 'Personne (non attribué)',
  'macro.summary': 'Résumé de la résolution',
  'macro.outcome': 'Issue',
  'macro.outcome.none': 'Non renseignée',
  'macro.save': 'Enregistrer la macro',
  'macro.delete': 'Supprimer la macro',
  'macro.deleteConfirm':
    "Supprimer « {name} » pour toute l'équipe ? Les dossiers sur lesquels elle a été exécutée ne changent pas.",
  'macro.saved': "Macro « {name} » enregistrée pour l'équipe.",
  'macro.deleted': 'Macro « {name} » supprimée.',
  'macro.by': 'Par {name}',
  'macro.readOnly': 'Seuls {name} ou un superviseur peuvent modifier cette macro.',
  'macro.error.name': 'Donnez à la macro un nom de {max} caractères au plus.',
  'macro.error.empty':
    'Une macro fait au moins une chose : un courrier, une étiquette, une relance ou une dernière étape.',
  'macro.error.duplicate': 'Une macro nommée « {name} » existe déjà.',
  'macro.error.tag':
    'Une étiquette est faite de lettres, chiffres, espaces, _ . ou - (40 caractères au plus) : « {tag} ».',
  'macro.error.summary': 'Écrivez le résumé de la résolution avec lequel les dossiers sont clos.',
  'macro.error.offline':
    "Enregistrer une macro demande la connexion au serveur : elle est partagée avec l'équipe. Réessayez une fois en ligne.",
  'macro.error.forbidden': 'Seuls son auteur ou un superviseur peuvent modifier cette macro.',
  'macro.error.refused': 'Le serveur a refusé : {message}',
  'macro.ran': 'Macro « {name} » exécutée sur {reference}.',
  'macro.ranPartly': 'Macro « {name} » sur {reference} : {reason}',
  'macro.undone': 'Macro « {name} » sur {reference} annulée : rien n’en est parti au serveur.',
  'macro.undoneLate': {
    one: 'Trop tard pour {count} modification de la macro « {name} » sur {reference} : elle était déjà partie au serveur.',
    other:
      'Trop tard pour {count} modifications de la macro « {name} » sur {reference} : elles étaient déjà parties au serveur.',
  },
  'macro.nothing': 'Macro « {name} » : {reference} était déjà comme elle le demande.',
};
