import { useEffect, useRef } from 'react';
import Dexie from 'dexie';
import type { DossierFacts } from '../../../src-shared/domain/stats-facts';
import { useDesk } from '../../data/desk';
import { useT } from '../../i18n/hooks';
import type { ToastQueue } from '../../ui/toast-queue';

/** Deadlines passed since the last look: Klik & Pay's reply, or the merchant's answer. */
export function newlyBreached(
  facts: Iterable<DossierFacts>,
  since: number,
  now: number,
): { id: string; party: 'klikpay' | 'merchant' }[] {
  const found: { id: string; party: 'klikpay' | 'merchant' }[] = [];
  for (const f of facts) {
    if (f.dueAt === null || f.dueAt <= since || f.dueAt > now) continue;
    if (f.status === 'awaiting_klikpay') found.push({ id: f.id, party: 'klikpay' });
    else if (f.status === 'awaiting_merchant') found.push({ id: f.id, party: 'merchant' });
  }
  return found;
}

/** More than this many at one look is said in one notice (a night's breaches, not a flood). */
const oneByOne = 5;

/**
 * The supervisor is told when a deadline is breached (issue 13): each minute, the dossiers whose
 * Klik & Pay or merchant deadline passed since the last look, from the dashboard's facts in memory.
 * Those already late when the desk opened are the dashboard's business, not news.
 */
export function useBreachNotices(
  toasts: ToastQueue,
  open: (dossierId: string) => void,
  showDashboard: () => void,
  now: number,
): void {
  const t = useT();
  const desk = useDesk();
  const supervisor = desk.user.role === 'supervisor';
  const since = useRef(now);
  // The screen's callbacks change at every render: read when a notice is given, not watched.
  const act = useRef({ toasts, open, showDashboard });
  useEffect(() => {
    act.current = { toasts, open, showDashboard };
  });

  useEffect(() => {
    if (supervisor) void desk.facts.load(desk.db);
  }, [supervisor, desk.facts, desk.db, desk.generation]);

  useEffect(() => {
    if (!supervisor) return;
    const values = desk.facts.values();
    // Before the facts are read, the look waits: `since` stays where it was.
    if (values === null) return;
    const breached = newlyBreached(values, since.current, now);
    since.current = now;
    if (breached.length === 0) return;
    const { toasts, open, showDashboard } = act.current;
    if (breached.length > oneByOne) {
      const title = t('notify.breaches', { count: breached.length });
      desk.notify({ kind: 'breach', title, body: t('notify.breaches.body') });
      toasts.push({
        id: `breaches:${now}`,
        tone: 'error',
        title,
        action: { label: t('nav.dashboard'), onClick: showDashboard },
      });
      return;
    }
    void desk.db.dossiers
      .bulkGet(breached.map((b) => b.id))
      .then((found) => {
        found.forEach((d, i) => {
          const party = breached[i]?.party;
          if (!d || !party) return;
          const title =
            party === 'klikpay'
              ? t('notify.breach.klikpay', { reference: d.reference })
              : t('notify.breach.merchant', { reference: d.reference, merchant: d.transaction.merchantName });
          desk.notify({ kind: 'breach', title, body: d.transaction.customerName, dossierId: d.id });
          toasts.push({
            id: `breach:${d.id}:${d.dueAt ?? ''}`,
            tone: 'error',
            title,
            action: { label: t('notify.open'), onClick: () => open(d.id) },
          });
        });
      })
      .catch((error: unknown) => {
        if (!(error instanceof Dexie.DatabaseClosedError)) console.error('the breach notices failed', error);
      });
    // `desk.facts.version` is not a dependency: a look a minute is enough, and a change to the facts
    // between two looks is seen at the next one (by deadline, not by change).
  }, [supervisor, desk, now, t]);
}
