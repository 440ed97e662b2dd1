import Dexie from 'dexie';
import type { Dossier, Message } from '../../src-shared/domain/model';
import type { ActorRole, Audience } from '../../src-shared/domain/vocabulary';
import type { CacheDatabase, ReadMark } from './db';

/**
 * What is new to this agent: a dossier is unread while a party (the customer or the merchant) wrote
 * since the agent last opened it. Marks are kept on this computer, like the agent's drafts: they are
 * the agent's reading, not dispute facts, so they reach no server. A first sync marks nothing (every
 * dossier would be "new"); later pull pages mark the dossiers their party messages belong to
 * (`markNewReplies`, in the page's transaction), opening a dossier clears its mark (`markRead`).
 */

const fromParty = (m: Message): boolean => m.author.role === 'customer' || m.author.role === 'merchant';

/** Instants compared as instants: a local message's offset may differ from the server's. */
const later = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b);

/**
 * Marks the dossiers of these pulled messages unread where a party wrote after the agent last read
 * them, and clears the marks of dossiers that closed (a closed dossier waits on no one: the set of
 * unread dossiers stays the size of the desk's open work). Call inside the page's transaction.
 */
export async function markNewReplies(
  db: CacheDatabase,
  messages: readonly Message[],
  dossiers: readonly Dossier[],
): Promise<void> {
  const party = messages.filter(fromParty);
  const closed = dossiers.filter((d) => d.status === 'closed').map((d) => d.id);
  if (party.length === 0 && closed.length === 0) return;
  const ids = [...new Set([...party.map((m) => m.dossierId), ...closed])];
  const stored = await db.reads.bulkGet(ids);
  const marks = new Map<string, ReadMark>();
  ids.forEach((id, i) => marks.set(id, stored[i] ?? { dossierId: id }));
  const changed = new Set<string>();
  for (const m of party) {
    const mark = marks.get(m.dossierId) ?? { dossierId: m.dossierId };
    if (mark.readUpTo !== undefined && !later(m.createdAt, mark.readUpTo)) continue;
    if (mark.newSince !== undefined && !later(mark.newSince, m.createdAt)) continue;
    marks.set(m.dossierId, { ...mark, newSince: m.createdAt });
    changed.add(m.dossierId);
  }
  for (const id of closed) {
    const mark = marks.get(id);
    if (mark?.newSince === undefined) continue;
    const { newSince: _gone, ...read } = mark;
    marks.set(id, read);
    changed.add(id);
  }
  const writes = [...changed].map((id) => marks.get(id)).filter((m): m is ReadMark => m !== undefined);
  if (writes.length > 0) await db.reads.bulkPut(writes);
}

/**
 * The agent has the dossier open, its messages up to `upTo` (the latest one's instant) before
 * them: it is read. Writes nothing when nothing changes, so opening a dossier wakes no queue.
 */
export async function markRead(db: CacheDatabase, dossierId: string, upTo: string | null): Promise<void> {
  await db.transaction('rw', db.reads, async () => {
    const mark = await db.reads.get(dossierId);
    const readUpTo =
      upTo === null ? mark?.readUpTo : mark?.readUpTo && !later(upTo, mark.readUpTo) ? mark.readUpTo : upTo;
    if (mark?.newSince === undefined && mark?.readUpTo === readUpTo) return;
    await db.reads.put(readUpTo === undefined ? { dossierId } : { dossierId, readUpTo });
  });
}

/** "Mark as unread": the dossier shows as new again from `since` (its latest party message, or now). */
export async function markUnread(db: CacheDatabase, dossierId: string, since: string): Promise<void> {
  await db.transaction('rw', db.reads, async () => {
    const mark = await db.reads.get(dossierId);
    await db.reads.put({ ...(mark ?? { dossierId }), newSince: since });
  });
}

/** The unread dossiers' ids, from the keys of the `newSince` index alone (a mark without it is not there). */
export async function unreadDossierIds(db: CacheDatabase): Promise<string[]> {
  return db.reads.orderBy('newSince').primaryKeys();
}

/** The last message of a dossier, as a queue row says it: who wrote, to whom, and its first words. */
export interface MessagePreview {
  authorRole: ActorRole;
  authorId: string | null;
  authorName: string;
  audience: Audience;
  /** The first words, on one line (a row shows one line; the whole message is in the dossier). */
  text: string;
  /** How many files it carries (a message of files alone says so instead of its empty text). */
  files: number;
  createdAt: string;
}

/** How much of a message a preview keeps: more than any row is wide. */
export const previewLength = 160;

export function previewOf(m: Message): MessagePreview {
  const oneLine = m.body.replace(/\s+/g, ' ').trim();
  return {
    authorRole: m.author.role,
    authorId: m.author.id,
    authorName: m.author.name,
    audience: m.audience,
    text: oneLine.length > previewLength ? `${oneLine.slice(0, previewLength)}…` : oneLine,
    files: m.attachments.length,
    createdAt: m.createdAt,
  };
}

/**
 * The last message of each of these dossiers (the rows in view): one step back along
 * `[dossierId+createdAt]` each, in one read transaction — never a dossier's whole thread.
 */
export async function lastMessages(
  db: CacheDatabase,
  dossierIds: readonly string[],
): Promise<Map<string, MessagePreview>> {
  const ids = [...new Set(dossierIds)];
  const last = await db.transaction('r', db.messages, () =>
    Promise.all(
      ids.map((id) =>
        db.messages
          .where('[dossierId+createdAt]')
          .between([id, Dexie.minKey], [id, Dexie.maxKey], true, true)
          .last(),
      ),
    ),
  );
  const previews = new Map<string, MessagePreview>();
  for (const m of last) if (m) previews.set(m.dossierId, previewOf(m));
  return previews;
}
