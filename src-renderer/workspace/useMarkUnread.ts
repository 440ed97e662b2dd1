import { useCallback } from 'react';
import { markUnread } from '../cache/reads';
import { clockNow } from '../clock';
import { useDesk } from '../data/desk';
import { useT } from '../i18n/hooks';
import type { ToastQueue } from '../ui/toast-queue';

/**
 * "Mark as unread" (`u`, or the palette): the dossier shows as a new reply again, to come back to,
 * until the agent opens it next — as a mail client's unread mark. Told in a toast.
 */
export function useMarkUnread(toasts: ToastQueue): (dossierId: string, reference: string) => void {
  const t = useT();
  const { db } = useDesk();
  return useCallback(
    (dossierId, reference) => {
      markUnread(db, dossierId, new Date(clockNow()).toISOString()).then(
        () =>
          toasts.push({ id: `unread-${dossierId}`, tone: 'info', title: t('unread.marked', { reference }) }),
        (error: unknown) => {
          console.error('Could not mark the dossier unread', error);
          toasts.push({ id: `unread-${dossierId}`, tone: 'error', title: t('unread.failed', { reference }) });
        },
      );
    },
    [db, t, toasts],
  );
}
