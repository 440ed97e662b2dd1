import type { enWorkspace } from './en-workspace';
import type { TranslationOf } from './types';

/** Chaînes françaises du cadre de travail. */
export const frWorkspace: TranslationOf<typeof enWorkspace> = {
  'signIn.version': 'Version {version} · {host}',
  'signIn.host.browser': 'Navigateur',
  'signIn.host.electron': 'Application de bureau',
  'session.starting': 'Ouverture de vos dossiers…',
  'session.unavailable': 'Le back-office ne peut pas démarrer',
  'session.unavailable.outdated':
    'Une version plus récente du back-office est ouverte dans une autre fenêtre. Rechargez cette page pour l’utiliser.',
  'session.unavailable.storage': 'La base de données locale ne peut pas être ouverte ({detail}).',
  'session.reload': 'Recharger',
  'session.expired':
    'Votre session a expiré. Reconnectez-vous pour envoyer vos modifications ; rien n’est perdu.',
  'session.signInAgain': 'Se reconnecter',
  'signOut.title': 'Modifications pas encore envoyées',
  'signOut.pending': {
    one: '{count} modification n’a pas encore atteint le serveur. Elle reste sur cet ordinateur et sera envoyée à votre prochaine connexion.',
    other:
      '{count} modifications n’ont pas encore atteint le serveur. Elles restent sur cet ordinateur et seront envoyées à votre prochaine connexion.',
  },
  'signOut.stay': 'Rester connecté',
  'removeCopy.title': 'Effacer la copie de cet ordinateur ?',
  'removeCopy.what':
    'La déconnexion effacera aussi ce que cet ordinateur garde pour le travail hors ligne : les dossiers, leur correspondance et vos vues enregistrées. Votre prochaine connexion ici téléchargera de nouveau les dossiers.',
  'removeCopy.pending': {
    one: '{count} modification n’est pas encore envoyée et serait perdue. Restez connecté jusqu’à son envoi : la barre d’état l’indique.',
    other:
      '{count} modifications ne sont pas encore envoyées et seraient perdues. Restez connecté jusqu’à leur envoi : la barre d’état l’indique.',
  },
  'removeCopy.confirm': 'Se déconnecter et effacer',
  'removeCopy.cancel': 'Annuler',
  'signOut.anyway': 'Se déconnecter quand même',
  'notice.rebuilt': {
    one: 'La copie locale a été reconstruite depuis le serveur ({reason}) ; votre modification en attente a été conservée.',
    other:
      'La copie locale a été reconstruite depuis le serveur ({reason}) ; vos {count} modifications en attente ont été conservées.',
  },
  'notice.reason.deleted': 'elle avait été supprimée',
  'notice.reason.unreadable': 'elle était illisible',
  'notice.reason.failed': 'elle était en échec',
  'notice.outdated':
    'Une version plus récente du back-office est ouverte dans une autre fenêtre. Rechargez pour continuer.',
  'notice.unavailable': 'La base locale est indisponible : {message}',
  'notice.dismiss': 'Fermer',
  'notice.readFailed':
    'Une partie de la copie locale n’a pas pu être lue ({message}) : l’affichage peut être incomplet. Rechargez l’application ; vos modifications sont conservées.',
  'notice.journalFailing':
    'Vos modifications en attente n’ont pas pu être copiées hors de la base locale (disque plein ?). Elles sont conservées dans la base locale et seront envoyées ; libérez de la place pour en garder une seconde copie.',
  'stuck.text': 'Une modification ne peut pas être envoyée : {action} sur {reference}. {why}',
  'stuck.detail': {
    one: 'Le serveur a répondu : « {message} » (une tentative).',
    other: 'Le serveur a répondu : « {message} » ({count} tentatives).',
  },
  'stuck.waiting': {
    one: '{count} autre modification attend derrière elle.',
    other: '{count} autres modifications attendent derrière elle.',
  },
  'stuck.retryAt': 'Prochain essai à {time}.',
  'stuck.unknownDossier': 'un dossier absent de la copie locale',
  'stuck.retry': 'Réessayer',
  'stuck.discard': 'Abandonner…',
  'stuck.confirmTitle': 'Abandonner « {action} » sur {reference} ?',
  'stuck.confirmText':
    'Le serveur n’a jamais appliqué cette modification. L’abandonner la retire du dossier et laisse partir celles qui attendent derrière elle. Son contenu reste sur le dossier, à copier ou renvoyer, et dans le journal de cet ordinateur.',
  'stuck.keep': 'La garder',
  'stuck.confirmDiscard': 'Abandonner cette modification',
  'stuck.discardedWhy': 'Abandonnée par vous : le serveur ne pouvait pas l’accepter ({why}).',
  'list.columns': 'Référence, client, marchand, montant, objet, statut, responsable, échéance',
  'list.rowName': '{reference}, {customer}, {status}, {time}',
  'list.time.klikpay': 'Klik & Pay',
  'list.time.merchant': 'Marchand',
  'list.time.autoClose': 'Clôture auto',
  'list.time.closed': 'Clos le',
  'list.timeTitle.klikpay': 'Échéance de réponse de Klik & Pay : {date}',
  'list.timeTitle.merchant': 'Échéance de réponse du marchand : {date}',
  'list.timeTitle.autoClose': 'Clôture automatique pour inactivité le {date}',
  'list.timeTitle.closed': 'Clos le {date}',
  'list.rowTime.klikpay': 'échéance de Klik & Pay {countdown}',
  'list.rowTime.merchant': 'échéance du marchand {countdown}',
  'list.rowTime.autoClose': 'clôture automatique {countdown}',
  'list.rowTime.closed': 'clos le {date}',
  'list.followUpDue': 'Suivi à faire',
  'list.followUpDueTitle':
    'La date de suivi que vous aviez fixée ({date}) est arrivée : le dossier revient dans Mes dossiers.',
  'list.loadingRow': 'Chargement…',
  'list.noDossierOpen': 'Sélectionnez un dossier pour le lire ici.',
  'list.shortcutsHint': 'j / k pour se déplacer, Entrée pour ouvrir, ? pour tous les raccourcis',
  'search.indexing':
    'L’index de recherche est encore en préparation après la première synchronisation ({percent}) : les résultats peuvent être incomplets.',
  'list.searchResults': {
    one: '{count} dossier trouvé pour « {query} »',
    other: '{count} dossiers trouvés pour « {query} »',
  },
  'list.searchResultsMore': '{count}+ dossiers trouvés pour « {query} »',
  'list.searchLimited': 'Les {count} plus urgents sont affichés : ajoutez des mots pour affiner.',
  'palette.goToQueue': 'Aller à {queue}',
  'palette.search': 'Rechercher des dossiers',
  'palette.help': 'Raccourcis clavier',
  'palette.signOut': 'Se déconnecter',
  'palette.reply': 'Répondre sur le dossier ouvert',
  'palette.note': 'Ajouter une note sur le dossier ouvert',
  'palette.closeDossier': 'Clore le dossier ouvert',
  'palette.takeOver': 'Prendre en charge le dossier ouvert',
  'palette.assignToMe': 'M’attribuer le dossier ouvert',
  'palette.unassign': 'Désattribuer le dossier ouvert',
  'palette.assign': 'Attribuer le dossier ouvert à…',
  'palette.tag': 'Étiqueter le dossier ouvert',
  'palette.remind': 'Envoyer au marchand un rappel des Bonnes Pratiques',
  'palette.followUp': 'Relancer le dossier ouvert…',
  'palette.reopen': 'Rouvrir le dossier ouvert',
  'palette.openReference': 'Ouvrir le dossier {reference}',
  'palette.group.queues': 'Files',
  'palette.group.dossier': 'Dossier',
  'palette.group.app': 'Application',
  'workspace.separator': 'Largeur de la liste et du dossier',
  'workspace.separatorValue': 'Liste large de {width} pixels',
  'workspace.separatorHint':
    'Faites glisser, ou utilisez les flèches, pour donner plus de place à la liste ou au dossier. Double-clic : largeur par défaut.',
  'link.notFound':
    "{reference} n'est pas (encore) dans la copie de cette application : il relève peut-être d'une autre équipe ou n'est pas synchronisé.",
  'notify.assigned.body': 'Attribué par un collègue · {merchant}',
  'notify.open': 'Ouvrir',
  'notify.deadline': 'Échéance à {time} sur {reference}',
  'notify.deadline.body': '{merchant} · répondez avant pour tenir le délai.',
  'notify.followUp': 'Relance prévue sur {reference}',
  'notify.followUp.body': 'La date que vous aviez fixée pour revenir sur ce dossier est arrivée.',
  'notify.refused': 'Modification refusée sur {reference}',
  'notify.assigned': 'Dossier {reference} qui vous est attribué',
} as const;
