import { toBase64 } from '../../src-shared/client/base64';
import type { Bridge, BridgeError } from '../../src-shared/contract/bridge';
import type { Attachment, AttachmentType } from '../../src-shared/domain/model';
import type { CacheDatabase, OutboxEntry, OutboxFile } from './db';
import { keepFile } from './files';

/**
 * The files an agent attaches to a reply or forward. A push is small and batched, a file is up to
 * 4 MB: the file goes first (`PUT /uploads/{id}`, through the bridge), then the change that lists
 * it. Until then it waits on the computer with its change, in the same IndexedDB transaction as the
 * outbox entry (`sync/actions.ts`), so offline nothing is lost; a reload or a restart sends it later.
 */

/** A file chosen in the composer, checked against the API's types and limits (`composer-files.ts`). */
export interface ChosenFile {
  attachmentId: string;
  filename: string;
  contentType: AttachmentType;
  size: number;
  bytes: ArrayBuffer;
}

/** What the change lists of a file: the metadata the server checks against the uploaded file. */
export const attachmentOf = (f: ChosenFile): Attachment => ({
  id: f.attachmentId,
  filename: f.filename,
  contentType: f.contentType,
  size: f.size,
});

/** Keeps an entry's files with it. Call inside the transaction that queues the entry (`outboxFiles`). */
export async function storeOutboxFiles(
  db: CacheDatabase,
  entry: OutboxEntry,
  files: readonly ChosenFile[],
): Promise<void> {
  if (files.length === 0) return;
  await db.outboxFiles.bulkPut(
    files.map((f): OutboxFile => ({ ...f, mutationId: entry.id, dossierId: entry.dossierId })),
  );
}

/** An entry's files go with it (withdrawn, or applied and pulled back). Inside the caller's transaction. */
export async function dropOutboxFiles(db: CacheDatabase, mutationIds: readonly string[]): Promise<void> {
  if (mutationIds.length > 0) await db.outboxFiles.where('mutationId').anyOf(mutationIds).delete();
}

export type UploadOutcome = { ok: true } | { ok: false; error: BridgeError; at: number };

/**
 * Uploads the files of these entries, in order, before they are pushed. Each file is sent under
 * its own id, so sending it again (an answer lost, a crash before it was marked) is harmless. On a
 * failure, `at` is the entry whose file could not go: the ones before it may be pushed.
 */
export async function uploadFilesOf(
  db: CacheDatabase,
  bridge: Bridge,
  entries: readonly OutboxEntry[],
  now: () => number,
): Promise<UploadOutcome> {
  const ids = entries.map((e) => e.id);
  const files = await db.outboxFiles.where('mutationId').anyOf(ids).toArray();
  const waiting = files.filter((f) => f.uploaded !== true);
  for (const [at, entry] of entries.entries()) {
    for (const file of waiting.filter((f) => f.mutationId === entry.id)) {
      const answer = await bridge.upload({
        id: file.attachmentId,
        filename: file.filename,
        contentType: file.contentType,
        contentBase64: toBase64(new Uint8Array(file.bytes)),
      });
      if (!answer.ok) return { ok: false, error: answer.error, at };
      await db.outboxFiles.update(file.attachmentId, { uploaded: true });
      // A copy to open offline once the change has gone (the file cache, bounded).
      await keepFile(db, {
        attachmentId: file.attachmentId,
        dossierId: file.dossierId,
        contentType: file.contentType,
        bytes: file.bytes,
        size: file.size,
        openedAt: now(),
      }).catch(() => undefined);
    }
  }
  return { ok: true };
}
