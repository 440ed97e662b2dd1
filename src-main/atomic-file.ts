import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Files the desktop app must never leave half written (the outbox journal, the session, settings):
 * written to a temporary file beside the target, flushed to disk, then renamed over it — a crash or a
 * power cut leaves the old file or the new one, never a mix. The directory is flushed too where the
 * system allows it, so the rename itself survives.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for flushing; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse to flush a directory; the rename is as durable as they make it.
  } finally {
    await handle.close();
  }
}

/** The file's text, or null when there is none. */
export async function readTextIfAny(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Replaces `file` with `data` all at once: written and flushed to a temporary file beside it, then
 * renamed over it. A crash or power cut mid-write leaves either the old file or the new one, never
 * half a JSON document (which would cost the user their settings or window placement).
 *
 * Synchronous on purpose: callers run at moments where the process may end right after (a window's
 * `close`, quitting after "Save"), and the files are a few hundred bytes.
 *
 * The temporary name is unique per call (pid + random), so two writers never share one; the rename
 * is atomic within one directory on POSIX and on NTFS (MoveFileEx with MOVEFILE_REPLACE_EXISTING).
 * Throws on failure, after removing the temporary file. (src-main/atomic-file.ts is the
 * asynchronous twin, for callers that can wait.)
 */
export function writeFileAtomicSync(file: string, data: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    // 0o600: these files are the user's own (server address, screen layout); ignored on Windows.
    writeFileSync(temp, data, { encoding: 'utf8', mode: 0o600, flush: true });
    renameSync(temp, file);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The original error is the one worth reporting.
    }
    throw error;
  }
  syncDirectorySync(dirname(file));
}

/** Flushes the directory so the rename itself survives a power cut, where the system allows it. */
function syncDirectorySync(dir: string): void {
  // Windows cannot open a directory for flushing; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse to flush a directory; the rename is as durable as they make it.
  }
}
