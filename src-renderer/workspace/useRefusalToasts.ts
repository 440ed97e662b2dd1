import { useEffect, useRef } from 'react';
import { clockNow } from '../clock';
import { useDesk } from '../data/desk';
import { useCacheQuery } from '../data/live';
import { useT } from '../i18n/hooks';
import { refusalReasonText, refusalToast } from '../ui/refusal';
import type { ToastQueue } from '../ui/toast-queue';

/**
 * Every change the server refuses while the agent works becomes a toast (with a link to its
 * dossier) and a system notification; the refusal also stays on the dossier itself.
 */
export function useRefusalToasts(toasts: ToastQueue, open: (dossierId: string) => void): void {
  const t = useT();
  const desk = useDesk();
  const since = useRef(new Date(clockNow()).toISOString());
  const seen = useRef(new Set<string>());
  const refusals = useCacheQuery(
    async ({ db }) => {
      // A change the agent discarded is their own doing, not news from the server.
      const fresh = (await db.rejections.toArray()).filter(
        (r) => r.at >= since.current && r.code !== 'discarded',
      );
      const references = await db.dossiers.bulkGet(fresh.map((r) => r.dossierId));
      return fresh.map((r, i) => ({ ...r, reference: references[i]?.reference }));
    },
    [],
    [],
    { tables: ['rejections'] },
  );
  useEffect(() => {
    for (const r of refusals) {
      if (seen.current.has(r.id)) continue;
      seen.current.add(r.id);
      toasts.push(
        refusalToast(
          t,
          { id: r.id, name: r.name, reference: r.reference, message: r.message, details: r.details },
          () => open(r.dossierId),
        ),
      );
      desk.notify({
        kind: 'refused',
        title: t('notify.refused', { reference: r.reference ?? r.dossierId }),
        body: refusalReasonText(t, r),
        dossierId: r.dossierId,
      });
    }
  }, [refusals, toasts, t, open, desk]);
}
