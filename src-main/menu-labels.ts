import type { DeskCommand, QueueCommand } from '../src-shared/contract/bridge';
import type { QueueId } from '../src-shared/domain/queues';
import { queueIds } from '../src-shared/domain/queues';

/**
 * The application menu's words, in English and French (the main process cannot import the
 * renderer's catalogue; the terms follow src-renderer/i18n/catalogue). `&` marks a mnemonic, so a
 * literal ampersand is written `&&`.
 */

export type MenuLocale = 'en' | 'fr';

export interface MenuLabels {
  /** The product's name, ampersands already doubled. */
  appName: string;
  menus: {
    file: string;
    edit: string;
    view: string;
    goToQueue: string;
    dossier: string;
    window: string;
    help: string;
  };
  commands: Record<DeskCommand, string>;
  roles: {
    about: string;
    services: string;
    hide: string;
    hideOthers: string;
    showAll: string;
    /** macOS: "Quit <app>". */
    quitApp: string;
    /** Windows' own word ("Exit"). */
    exit: string;
    /** Linux. */
    quit: string;
    undo: string;
    redo: string;
    cut: string;
    copy: string;
    paste: string;
    pasteAndMatchStyle: string;
    delete: string;
    selectAll: string;
    resetZoom: string;
    zoomIn: string;
    zoomOut: string;
    toggleFullScreen: string;
    minimize: string;
    zoom: string;
    front: string;
    close: string;
    forceReload: string;
    toggleDevTools: string;
  };
}

const productName = 'Klik & Pay Dispute Desk';
const escapeMnemonics = (text: string): string => text.replace(/&/g, '&&');

/** Queue names as the renderer shows them (src-renderer/i18n/catalogue/*-desk.ts). */
const queueNames: Record<MenuLocale, Record<QueueId, string>> = {
  en: {
    mine: 'Mine',
    unassigned: 'Unassigned',
    payment: 'Payment claims',
    escalated: 'Escalated',
    awaiting_merchant: 'Awaiting merchant',
    merchant_overdue: 'Merchant overdue',
    awaiting_customer: 'Awaiting customer',
    closing_soon: 'Closing soon',
    recently_closed: 'Recently closed',
    all: 'All',
  },
  fr: {
    mine: 'Mes dossiers',
    unassigned: 'Non attribués',
    payment: 'Réclamations de paiement',
    escalated: 'Escaladés',
    awaiting_merchant: 'En attente du marchand',
    merchant_overdue: 'Marchand en retard',
    awaiting_customer: 'En attente du client',
    closing_soon: 'Clôture prochaine',
    recently_closed: 'Clos récemment',
    all: 'Tous',
  },
};

const queueLabels = (locale: MenuLocale): Record<QueueCommand, string> =>
  Object.fromEntries(
    queueIds.map((id) => [`queue:${id}`, escapeMnemonics(queueNames[locale][id])]),
  ) as Record<QueueCommand, string>;

export function menuLabels(locale: MenuLocale): MenuLabels {
  const appName = escapeMnemonics(productName);
  if (locale === 'fr') {
    return {
      appName,
      menus: {
        file: '&Fichier',
        edit: 'É&dition',
        view: '&Affichage',
        goToQueue: 'Aller à la &file',
        dossier: 'D&ossier',
        window: 'Fe&nêtre',
        help: 'A&ide',
      },
      commands: {
        palette: 'Palette de commandes…',
        search: 'Rechercher des dossiers',
        'sync-now': 'Synchroniser maintenant',
        'toggle-theme': 'Basculer thème clair/sombre',
        help: 'Raccourcis clavier',
        'sign-out': 'Se déconnecter…',
        'next-dossier': 'Dossier suivant',
        'previous-dossier': 'Dossier précédent',
        reply: 'Répondre',
        note: 'Ajouter une note interne',
        'close-dossier': 'Clore le dossier…',
        ...queueLabels('fr'),
      },
      roles: {
        about: `À propos de ${appName}`,
        services: 'Services',
        hide: `Masquer ${appName}`,
        hideOthers: 'Masquer les autres',
        showAll: 'Tout afficher',
        quitApp: `Quitter ${appName}`,
        exit: '&Quitter',
        quit: '&Quitter',
        undo: 'Annuler',
        redo: 'Rétablir',
        cut: 'Couper',
        copy: 'Copier',
        paste: 'Coller',
        pasteAndMatchStyle: 'Coller et adapter le style',
        delete: 'Supprimer',
        selectAll: 'Tout sélectionner',
        resetZoom: 'Taille réelle',
        zoomIn: 'Zoom avant',
        zoomOut: 'Zoom arrière',
        toggleFullScreen: 'Plein écran',
        minimize: 'Réduire',
        zoom: 'Agrandir',
        front: 'Tout ramener au premier plan',
        close: 'Fermer la fenêtre',
        forceReload: 'Forcer le rechargement',
        toggleDevTools: 'Outils de développement',
      },
    };
  }
  return {
    appName,
    menus: {
      file: '&File',
      edit: '&Edit',
      view: '&View',
      goToQueue: 'Go to &Queue',
      dossier: '&Dossier',
      window: '&Window',
      help: '&Help',
    },
    commands: {
      palette: 'Command Palette…',
      search: 'Search Dossiers',
      'sync-now': 'Sync Now',
      'toggle-theme': 'Switch Light/Dark Theme',
      help: 'Keyboard Shortcuts',
      'sign-out': 'Sign Out…',
      'next-dossier': 'Next Dossier',
      'previous-dossier': 'Previous Dossier',
      reply: 'Reply',
      note: 'Add Internal Note',
      'close-dossier': 'Close Dossier…',
      ...queueLabels('en'),
    },
    roles: {
      about: `About ${appName}`,
      services: 'Services',
      hide: `Hide ${appName}`,
      hideOthers: 'Hide Others',
      showAll: 'Show All',
      quitApp: `Quit ${appName}`,
      exit: 'E&xit',
      quit: '&Quit',
      undo: 'Undo',
      redo: 'Redo',
      cut: 'Cut',
      copy: 'Copy',
      paste: 'Paste',
      pasteAndMatchStyle: 'Paste and Match Style',
      delete: 'Delete',
      selectAll: 'Select All',
      resetZoom: 'Actual Size',
      zoomIn: 'Zoom In',
      zoomOut: 'Zoom Out',
      toggleFullScreen: 'Toggle Full Screen',
      minimize: 'Minimize',
      zoom: 'Zoom',
      front: 'Bring All to Front',
      close: 'Close Window',
      forceReload: 'Force Reload',
      toggleDevTools: 'Toggle Developer Tools',
    },
  };
}
