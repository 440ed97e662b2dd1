import type { MessageTable } from './types';

/** English strings of the workspace frame: session, queue list, banners, palette commands. */
export const enWorkspace = {
  'signIn.version': 'Version {version} · {host}',
  'signIn.host.browser': 'Browser',
  'signIn.host.electron': 'Desktop app',
  'session.starting': 'Opening your dossiers…',
  'session.unavailable': 'The back office cannot start',
  'session.unavailable.outdated':
    'A newer version of the back office is open in another window. Reload this page to use it.',
  'session.unavailable.storage': 'The local database cannot be opened ({detail}).',
  'session.reload': 'Reload',
  'session.expired': 'Your session has expired. Sign in again to send your changes; nothing is lost.',
  'session.signInAgain': 'Sign in again',
  'signOut.title': 'Changes not sent yet',
  'signOut.pending': {
    one: '{count} change has not reached the server yet. It stays on this computer and is sent when you sign in again.',
    other:
      '{count} changes have not reached the server yet. They stay on this computer and are sent when you sign in again.',
  },
  'signOut.stay': 'Stay signed in',
  'removeCopy.title': 'Remove this computer’s copy?',
  'removeCopy.what':
    'Signing out will also remove what this computer keeps for offline work: the dossiers, their correspondence and your saved views. Your next sign-in here downloads the dossiers again.',
  'removeCopy.pending': {
    one: '{count} change is not sent yet and would be lost. Stay signed in until it is sent: the status bar says when.',
    other:
      '{count} changes are not sent yet and would be lost. Stay signed in until they are sent: the status bar says when.',
  },
  'removeCopy.confirm': 'Sign out and remove',
  'removeCopy.cancel': 'Cancel',
  'signOut.anyway': 'Sign out anyway',
  'notice.rebuilt': {
    one: 'The local copy was rebuilt from the server ({reason}); your {count} pending change was kept.',
    other: 'The local copy was rebuilt from the server ({reason}); your {count} pending changes were kept.',
  },
  'notice.reason.deleted': 'it was deleted',
  'notice.reason.unreadable': 'it could not be read',
  'notice.reason.failed': 'it failed',
  'notice.outdated': 'A newer version of the back office is open in another window. Reload to continue.',
  'notice.unavailable': 'The local database is unavailable: {message}',
  'notice.dismiss': 'Dismiss',
  'notice.readFailed':
    'Part of the local copy could not be read ({message}): what is shown may be incomplete. Reload the app; your changes are kept.',
  'notice.journalFailing':
    'Your pending changes could not be copied outside the local database (is the disk full?). They are kept in the local database and will be sent; free some space to keep a second copy.',
  'stuck.text': 'A change cannot be sent: {action} on {reference}. {why}',
  'stuck.detail': {
    one: 'The server said: “{message}” (tried once).',
    other: 'The server said: “{message}” (tried {count} times).',
  },
  'stuck.waiting': {
    one: '{count} more change waits behind it.',
    other: '{count} more changes wait behind it.',
  },
  'stuck.retryAt': 'Next try at {time}.',
  'stuck.unknownDossier': 'a dossier no longer in the local copy',
  'stuck.retry': 'Retry now',
  'stuck.discard': 'Discard…',
  'stuck.confirmTitle': 'Discard “{action}” on {reference}?',
  'stuck.confirmText':
    'This change was never applied by the server. Discarding it takes it off the dossier and lets the changes behind it go up. What it said stays on the dossier, to copy or send again, and in this computer’s journal.',
  'stuck.keep': 'Keep it',
  'stuck.confirmDiscard': 'Discard this change',
  'stuck.discardedWhy': 'Discarded by you: the server could not take it ({why}).',
  'list.columns': 'Reference, customer, merchant, amount, subject, status, assignee, deadline',
  // A queue row's accessible name, in the order an agent scans it; a row without a deadline (closed)
  // gives the date it shows instead.
  'list.rowName': '{reference}, {customer}, {status}, deadline {deadline}',
  'list.rowNameDated': '{reference}, {customer}, {status}, {date}',
  'list.loadingRow': 'Loading…',
  'list.noDossierOpen': 'Select a dossier to read it here.',
  'list.shortcutsHint': 'j / k to move, Enter to open, ? for every shortcut',
  'search.indexing':
    'The search index is still being prepared after the first sync ({percent}): results may be incomplete.',
  'list.searchResults': {
    one: '{count} dossier found for “{query}”',
    other: '{count} dossiers found for “{query}”',
  },
  'list.searchLimited': 'Showing the {count} most urgent: type more words to narrow.',
  'palette.goToQueue': 'Go to {queue}',
  'palette.search': 'Search dossiers',
  'palette.help': 'Keyboard shortcuts',
  'palette.signOut': 'Sign out',
  'palette.reply': 'Reply on the open dossier',
  'palette.note': 'Add a note on the open dossier',
  'palette.closeDossier': 'Close the open dossier',
  'palette.takeOver': 'Take over the open dossier',
  'palette.assignToMe': 'Assign the open dossier to me',
  'palette.unassign': 'Unassign the open dossier',
  'palette.assign': 'Assign the open dossier to…',
  'palette.tag': 'Tag the open dossier',
  'palette.remind': 'Send the merchant a Good Practices reminder',
  'palette.followUp': 'Follow up on the open dossier…',
  'palette.reopen': 'Reopen the open dossier',
  'palette.openReference': 'Open dossier {reference}',
  'palette.group.queues': 'Queues',
  'palette.group.dossier': 'Dossier',
  'palette.group.app': 'App',
  'link.notFound':
    "{reference} is not in this app's copy (yet): it may belong to another team or not be synced.",
  'notify.assigned.body': 'Assigned to you by a colleague · {merchant}',
  'notify.open': 'Open',
  'notify.deadline': 'Deadline at {time} on {reference}',
  'notify.deadline.body': '{merchant} · answer before then to stay within the deadline.',
  'notify.followUp': 'Follow-up due on {reference}',
  'notify.followUp.body': 'The date you set to come back to this dossier has come.',
  'notify.refused': 'Change refused on {reference}',
  'notify.assigned': 'Dossier {reference} assigned to you',
} as const satisfies MessageTable;
