import { useEffect, useRef } from 'react';
import Dexie from 'dexie';
import { fromCached } from '../cache/db';
import { useDesk } from '../data/desk';
import { useFormat, useT } from '../i18n/hooks';
import type { ToastQueue } from '../ui/toast-queue';

/** How far ahead a deadline on the agent's dossiers is announced. */
export const deadlineNoticeMs = 60 * 60_000;

/**
 * What the agent is told without looking (a system notification, and a toast in the window): a
 * dossier someone else assigned to them, a deadline on their dossiers within the hour, a
 * follow-up date that came. Each once per session; those already due when the desk opens are the
 * queues' business (and the badge's), not news.
 */
export function useNotices(toasts: ToastQueue, open: (dossierId: string) => void, now: number): void {
  const t = useT();
  const format = useFormat();
  const desk = useDesk();
  const told = useRef(new Set<string>());
  const since = useRef(now);

  useEffect(
    () =>
      desk.host.onAssigned((notices) => {
        void desk.db.dossiers.bulkGet(notices.map((n) => n.dossierId)).then((found) => {
          for (const cached of found) {
            if (!cached) continue;
            const key = `assigned:${cached.id}:${cached.updatedAt}`;
            if (told.current.has(key)) continue;
            told.current.add(key);
            const title = t('notify.assigned', { reference: cached.reference });
            const body = t('notify.assigned.body', { merchant: cached.transaction.merchantName });
            desk.notify({ kind: 'assigned', title, body, dossierId: cached.id });
            toasts.push({
              id: key,
              tone: 'info',
              title,
              body,
              action: { label: t('notify.open'), onClick: () => open(cached.id) },
            });
          }
        });
      }),
    [desk, t, toasts, open],
  );

  useEffect(() => {
    const run = { stale: false };
    const me = desk.user.id;
    void (async () => {
      const soon = await desk.db.dossiers
        .where('[assignee+urgency]')
        .between([me, now], [me, now + deadlineNoticeMs], true, true)
        .toArray();
      const followed = await desk.db.dossiers.where('followers').equals(me).toArray();
      if (run.stale) return;
      for (const d of soon.map(fromCached)) {
        if (d.dueAt === null || Date.parse(d.dueAt) > now + deadlineNoticeMs || Date.parse(d.dueAt) < now)
          continue;
        const key = `deadline:${d.id}:${d.dueAt}`;
        if (told.current.has(key)) continue;
        told.current.add(key);
        desk.notify({
          kind: 'deadline',
          title: t('notify.deadline', { reference: d.reference, time: format.time(d.dueAt) }),
          body: t('notify.deadline.body', { merchant: d.transaction.merchantName }),
          dossierId: d.id,
        });
      }
      for (const d of followed.map(fromCached)) {
        const until = d.followUps[me];
        // Closing ends follow-ups; one kept on a dossier closed before that rule tells nothing.
        if (until === undefined || d.status === 'closed') continue;
        const at = Date.parse(until);
        if (at > now || at <= since.current) continue;
        const key = `follow-up:${d.id}:${until}`;
        if (told.current.has(key)) continue;
        told.current.add(key);
        const title = t('notify.followUp', { reference: d.reference });
        desk.notify({ kind: 'follow_up', title, body: t('notify.followUp.body'), dossierId: d.id });
        toasts.push({
          id: key,
          tone: 'info',
          title,
          action: { label: t('notify.open'), onClick: () => open(d.id) },
        });
      }
    })().catch((error: unknown) => {
      // A failed look is tried again at the next minute; the queues show the same dossiers.
      if (!(error instanceof Dexie.DatabaseClosedError)) console.error('the deadline notices failed', error);
    });
    return () => {
      run.stale = true;
    };
  }, [desk, now, t, format, toasts, open]);
}
