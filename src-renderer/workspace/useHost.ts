import { useEffect, useRef } from 'react';
import type { DeskCommand, QueueCommand } from '../../src-shared/contract/bridge';
import type { QueueId } from '../../src-shared/domain/queues';
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

/** What the workspace does for each command of the desktop's application menu. */
export type CommandHandlers = Record<DeskCommand, () => void>;

/** The menu's commands, done by the workspace (the same actions as its shortcuts and palette). */
export function useHostCommands(
  handlers: Omit<CommandHandlers, QueueCommand>,
  chooseQueue: (id: QueueId) => void,
) {
  const desk = useDesk();
  // The latest handlers, so one subscription serves every render.
  const latest = useRef({ handlers, chooseQueue });
  useEffect(() => {
    latest.current = { handlers, chooseQueue };
  });
  useEffect(
    () =>
      desk.host.onCommand((command) => {
        if (command.startsWith('queue:'))
          latest.current.chooseQueue(command.slice('queue:'.length) as QueueId);
        else latest.current.handlers[command as Exclude<DeskCommand, QueueCommand>]();
      }),
    [desk],
  );
}
