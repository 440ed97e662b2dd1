import { fromBase64 } from '../../src-shared/client/base64';
import type { AttachmentFile, AttachmentRequest, Result } from '../../src-shared/contract/bridge';
import { attachmentFileSchema, attachmentRequestSchema } from '../../src-shared/contract/bridge';
import type { AttachmentType } from '../../src-shared/domain/model';
import { isAttachmentType } from '../../src-shared/domain/model';
import type { CacheDatabase, CachedFile } from './db';

/**
 * The parties' files as the back office opens them: from the cache when this device opened the file
 * before (a file attached to a message never changes), else through the bridge, then kept so it
 * opens again offline. The cache is bounded: beyond `fileCacheLimits`, the least recently opened
 * files leave.
 */

export const fileCacheLimits = { files: 40, bytes: 48 * 1024 * 1024 } as const;

export interface OpenedFile {
  contentType: AttachmentType;
  bytes: ArrayBuffer;
  /** Read from this device's cache (no network was needed). */
  fromCache: boolean;
}

export type FetchFile = (dossierId: string, attachmentId: string) => Promise<Result<AttachmentFile>>;

/** An ArrayBuffer of any realm (IndexedDB's structured clone may hand back another realm's). */
const isBuffer = (value: unknown): value is ArrayBuffer =>
  Object.prototype.toString.call(value) === '[object ArrayBuffer]';

const notUnderstood: Result<never> = {
  ok: false,
  error: { code: 'server_error', message: 'The file is not of a type this app opens.' },
};

export async function openFile(
  db: CacheDatabase,
  fetchFile: FetchFile,
  ref: AttachmentRequest,
  now: () => number = Date.now,
): Promise<Result<OpenedFile>> {
  if (!attachmentRequestSchema.safeParse(ref).success) {
    return { ok: false, error: { code: 'invalid_request', message: 'This is not a file of a dossier.' } };
  }
  // The agent's own file, still waiting with its change: opened from there, offline too.
  const waiting = await db.outboxFiles.get(ref.attachmentId).catch(() => undefined);
  if (
    waiting?.dossierId === ref.dossierId &&
    isAttachmentType(waiting.contentType) &&
    isBuffer(waiting.bytes)
  ) {
    return { ok: true, value: { contentType: waiting.contentType, bytes: waiting.bytes, fromCache: true } };
  }
  const kept = await db.files.get(ref.attachmentId).catch(() => undefined);
  // A stored row may be damaged: its type is checked again before it decides how the file is shown.
  if (kept?.dossierId === ref.dossierId && isAttachmentType(kept.contentType) && isBuffer(kept.bytes)) {
    void db.files.update(kept.attachmentId, { openedAt: now() }).catch(() => undefined);
    return { ok: true, value: { contentType: kept.contentType, bytes: kept.bytes, fromCache: true } };
  }
  const answer = await fetchFile(ref.dossierId, ref.attachmentId);
  if (!answer.ok) return answer;
  // The desktop's answer crossed IPC as a plain value: checked here as the main process checked it.
  const file = attachmentFileSchema.safeParse(answer.value);
  if (!file.success) return notUnderstood;
  const bytes = fromBase64(file.data.contentBase64).buffer;
  const row: CachedFile = {
    ...ref,
    contentType: file.data.contentType,
    bytes,
    size: bytes.byteLength,
    openedAt: now(),
  };
  // A full disk only costs the offline copy: the file opens all the same.
  await keepFile(db, row).catch(() => undefined);
  return { ok: true, value: { contentType: row.contentType, bytes, fromCache: false } };
}

/** Stores the file, then lets the least recently opened go until the cache is within its limits. */
export async function keepFile(db: CacheDatabase, row: CachedFile): Promise<void> {
  await db.transaction('rw', db.files, async () => {
    await db.files.put(row);
    // The index's keys carry each file's size: the bytes themselves are never read here.
    const order: { id: string; size: number }[] = [];
    await db.files.orderBy('[openedAt+size]').eachKey((key, cursor) => {
      const size = Array.isArray(key) && typeof key[1] === 'number' ? key[1] : 0;
      order.push({ id: cursor.primaryKey, size });
    });
    let count = order.length;
    let total = order.reduce((sum, f) => sum + f.size, 0);
    const leaving: string[] = [];
    for (const f of order) {
      if (count <= fileCacheLimits.files && total <= fileCacheLimits.bytes) break;
      if (f.id === row.attachmentId) continue;
      leaving.push(f.id);
      count--;
      total -= f.size;
    }
    if (leaving.length > 0) await db.files.bulkDelete(leaving);
  });
}
