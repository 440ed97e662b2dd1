import { useEffect } from 'react';
import { useDesk } from '../data/desk';
import { useSteppedNow } from '../data/live';
import { useMineOverdue } from '../data/queues';
import { useT } from '../i18n/hooks';
import type { ToastQueue } from '../ui/toast-queue';

/**
 * Dossiers the host app asks to open — a `klikpay-disputes://dossier/…` link, a click on a system
 * notification — opened in the workspace; a reference the local copy does not hold is said so.
 */
export function useHostLinks(toasts: ToastQueue, open: (dossierId: string) => void): void {
  const t = useT();
  const desk = useDesk();
  useEffect(
    () =>
      desk.host.onOpenDossier((link) => {
        if ('id' in link) {
          open(link.id);
          return;
        }
        void desk.db.dossiers
          .where('reference')
          .equals(link.reference)
          .first()
          .then((found) => {
            if (found) open(found.id);
            else
              toasts.push({
                id: `link:${link.reference}`,
                tone: 'info',
                title: t('link.notFound', { reference: link.reference }),
              });
          });
      }),
    [desk, open, toasts, t],
  );
}

/** The overdue count of the agent's dossiers on the app's icon (dock badge, taskbar overlay). */
export function useOverdueBadge(): void {
  const desk = useDesk();
  const count = useMineOverdue(useSteppedNow());
  useEffect(() => {
    if (count !== null) desk.host.setOverdueCount(count);
  }, [desk, count]);
}
