import { useEffect } from 'react';
import type { MessagePreview } from '../cache/reads';
import { lastMessages, markRead, unreadDossierIds } from '../cache/reads';
import { useDesk } from './desk';
import { useCacheQuery } from './live';

const none: ReadonlySet<string> = new Set();
const noPreviews: ReadonlyMap<string, MessagePreview> = new Map();

/** The dossiers a party wrote in since the agent last opened them, live (the rows' "new" mark). */
export function useUnreadIds(): ReadonlySet<string> {
  return useCacheQuery(async ({ db }) => new Set(await unreadDossierIds(db)), [], none, {
    tables: ['reads'],
  });
}

/**
 * The last message of each dossier in view, live: the rows' one-line preview. Keyed by the ids in
 * view, so scrolling reads the new rows' last messages only; read again once messages stop arriving.
 */
export function useLastMessages(ids: readonly string[]): ReadonlyMap<string, MessagePreview> {
  const key = ids.join(',');
  const read = useCacheQuery(
    async ({ db }) => ({ key, previews: await lastMessages(db, ids) }),
    [key],
    null,
    { tables: ['messages'], background: true },
  );
  // Until the rows now in view are read, the last answer still previews those it holds.
  return read?.previews ?? noPreviews;
}

/**
 * The open dossier is read: its mark goes when it opens, and again when a message arrives while it
 * is open (the agent sees it come in). `lastAt` is its latest message's instant.
 */
export function useMarkRead(dossierId: string | null, lastAt: string | null): void {
  const { db } = useDesk();
  useEffect(() => {
    if (dossierId === null) return;
    markRead(db, dossierId, lastAt).catch((error: unknown) => {
      // What the agent has read is a convenience: a failed write leaves the dossier marked new.
      console.warn('Could not mark the dossier read', error);
    });
  }, [db, dossierId, lastAt]);
}
