import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskCommand, QueueCommand } from '../../src-shared/contract/bridge';
import type { QueueId } from '../../src-shared/domain/queues';
import { useDesk, useSyncStatus } from '../data/desk';
import { useCacheQuery, useSteppedNow } from '../data/live';
import { useMineOverdue } from '../data/queues';
import { useT } from '../i18n/hooks';
import type { ToastQueue } from '../ui/toast-queue';

/**
 * Dossiers the host app asks to open — a `klikpay-disputes://dossier/…` link, a click on a system
 * notification — opened in the workspace; a reference the local copy does not hold is said so.
 */
export function useHostLinks(toasts: ToastQueue, open: (dossierId: string) => void): void {
  const desk = useDesk();
  const follow = useOpenByReference(toasts, open);
  useEffect(
    () =>
      desk.host.onOpenDossier((link) => {
        if ('id' in link) open(link.id);
        else follow(link.reference);
      }),
    [desk, open, follow],
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

/**
 * Opens a dossier by reference (a link, an address) as soon as the local copy holds it — during a
 * first sync it may arrive a moment later — and says so when a finished sync did not bring it.
 */
export function useOpenByReference(
  toasts: ToastQueue,
  open: (dossierId: string) => void,
): (reference: string) => void {
  const t = useT();
  const status = useSyncStatus();
  // Each request numbered: the same reference asked again is a new request.
  const [wanted, setWanted] = useState<{ reference: string; n: number } | null>(null);
  const handled = useRef(0);
  const found = useCacheQuery(
    async ({ db }) =>
      wanted
        ? {
            n: wanted.n,
            id: (await db.dossiers.where('reference').equals(wanted.reference).first())?.id ?? null,
          }
        : null,
    [wanted],
    null,
    { tables: ['dossiers'] },
  );
  const synced = status.lastSyncAt !== null && status.state !== 'syncing' && status.state !== 'idle';
  useEffect(() => {
    if (!wanted || !found || found.n !== wanted.n || handled.current === wanted.n) return;
    if (found.id) {
      handled.current = wanted.n;
      open(found.id);
    } else if (synced) {
      handled.current = wanted.n;
      toasts.push({
        id: `link:${wanted.reference}`,
        tone: 'info',
        title: t('link.notFound', { reference: wanted.reference }),
      });
    }
  }, [found, wanted, synced, open, toasts, t]);
  return useCallback((reference: string) => setWanted((w) => ({ reference, n: (w?.n ?? 0) + 1 })), []);
}
