import { useCallback, useRef } from 'react';
import type { RefObject } from 'react';
import { audienceSchema } from '../../src-shared/domain/vocabulary';
import { readDraft, saveDraft } from '../cache/drafts';
import { clockNow } from '../clock';
import { useDesk } from '../data/desk';
import { useT } from '../i18n/hooks';
import type { ToastQueue } from '../ui/toast-queue';
import type { DossierViewHandle } from './dossier/DossierView';
import { appendText } from './dossier/composer-text';
import type { HeldSend } from './dossier/use-composer';

/** How long a send waits while its toast is read (hovered or focused): long enough, never forever. */
const readingHoldMs = 10 * 60_000;

export interface UndoSend {
  /** A reply or forward just went into the outbox, held back: its toast offers the Undo. */
  offer: (held: HeldSend) => void;
  /** z: undoes the last send while it is still held; false when there is none. */
  undoLast: () => boolean;
}

/**
 * The Undo of a message just sent: it waits in the outbox for `holdMs` (sync/actions.ts,
 * `holdUntil`), and while it does, the toast's Undo (or z) takes it back and puts its text back
 * in the dossier's composer — at once when the dossier is open, else as its draft, and opens it.
 */
export function useUndoSend(
  toasts: ToastQueue,
  openId: string | null,
  dossier: RefObject<DossierViewHandle | null>,
  open: (dossierId: string) => void,
): UndoSend {
  const t = useT();
  const desk = useDesk();
  const last = useRef<{ held: HeldSend; until: number } | null>(null);

  const undo = useCallback(
    async (held: HeldSend) => {
      toasts.dismiss(`held-${held.mutationId}`);
      if (last.current?.held.mutationId === held.mutationId) last.current = null;
      const entry = await desk.undoSend(held.mutationId);
      if (!entry) {
        toasts.push({
          id: `held-${held.mutationId}`,
          tone: 'info',
          title: t('undoSend.tooLate', { reference: held.reference }),
        });
        return;
      }
      const body = typeof entry.args.body === 'string' ? entry.args.body : '';
      const parsed = audienceSchema.safeParse(entry.args.audience);
      const audience = parsed.success ? parsed.data : 'merchant';
      if (openId === held.dossierId && dossier.current) {
        dossier.current.putBack({ body, audience, letter: null });
      } else {
        const kept = await readDraft(desk.db, held.dossierId);
        const text = kept ? appendText(kept.body, body).text : body;
        await saveDraft(desk.db, {
          dossierId: held.dossierId,
          body: text,
          audience: kept?.audience ?? audience,
          letter: null,
          language: kept?.language ?? null,
          updatedAt: new Date(clockNow()).toISOString(),
        });
        open(held.dossierId);
      }
      toasts.push({
        id: `held-${held.mutationId}`,
        tone: 'info',
        title: t('undoSend.done', { reference: held.reference }),
      });
    },
    [desk, dossier, open, openId, t, toasts],
  );

  const offer = useCallback(
    (held: HeldSend) => {
      last.current = { held, until: Date.now() + held.holdMs };
      toasts.push({
        id: `held-${held.mutationId}`,
        tone: 'info',
        title: t(held.kind === 'reply' ? 'undoSend.reply' : 'undoSend.forward', {
          reference: held.reference,
        }),
        body: t('undoSend.body', { count: held.holdMs / 1_000 }),
        action: { label: t('undoSend.undo'), onClick: () => void undo(held) },
        durationMs: held.holdMs,
        // Read or pointed at, the message waits with its toast; let go, both start their time again.
        onHold: (holding) => {
          const ms = holding ? readingHoldMs : held.holdMs;
          last.current = { held, until: Date.now() + ms };
          void desk.releaseHeld([held.mutationId], ms);
        },
      });
    },
    [desk, t, toasts, undo],
  );

  const undoLast = useCallback(() => {
    const held = last.current;
    if (!held || Date.now() > held.until) return false;
    void undo(held.held);
    return true;
  }, [undo]);

  return { offer, undoLast };
}
