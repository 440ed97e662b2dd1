import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalEntry, Result } from '../src-shared/contract/bridge';
import { parseJournal } from '../src-shared/contract/bridge';
import { idSchema } from '../src-shared/domain/model';
import { readTextIfAny, writeFileAtomic } from './atomic-file';

/**
 * The outbox journal of the desktop app: one file per agent under `userData/journal`, outside
 * IndexedDB, so a lost or corrupted cache never loses a pending change (docs/targets.md R3). Every
 * change is written whole and atomically before it is acknowledged; changes are applied one after
 * the other (a bulk action appends slice after slice while the engine removes what the server took).
 */
export interface JournalFiles {
  read(userId: string): Promise<Result<JournalEntry[]>>;
  append(userId: string, entries: JournalEntry[]): Promise<Result<null>>;
  remove(userId: string, ids: string[]): Promise<Result<null>>;
  /** Entries still waiting for the server, all agents of this device together (an update waits for none). */
  pendingCount(): Promise<number>;
}

const unreadable: Result<never> = {
  ok: false,
  error: { code: 'invalid_request', message: 'The outbox journal is unreadable.' },
};

export function createJournalFiles(dir: string): JournalFiles {
  /** Each agent's entries as last read or written, so an append does not read the file back. */
  const known = new Map<string, JournalEntry[]>();
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const fileOf = (userId: string) => join(dir, `${userId}.json`);

  async function load(userId: string): Promise<JournalEntry[] | null> {
    const cached = known.get(userId);
    if (cached) return cached;
    const raw = await readTextIfAny(fileOf(userId));
    const entries = raw === null ? [] : parseJournal(raw);
    if (entries) known.set(userId, entries);
    return entries;
  }

  async function update(
    userId: string,
    change: (current: JournalEntry[]) => JournalEntry[],
  ): Promise<Result<null>> {
    if (!idSchema.safeParse(userId).success) return unreadable;
    return serialized(async () => {
      const failed: Result<never> = {
        ok: false,
        error: { code: 'server_error', message: 'The outbox journal could not be written (disk full?).' },
      };
      let current: JournalEntry[] | null;
      try {
        current = await load(userId);
      } catch {
        return failed;
      }
      // A journal this app cannot read is reported and kept as it is, never overwritten.
      if (!current) return unreadable;
      const next = change(current);
      try {
        if (next.length === 0) await rm(fileOf(userId), { force: true });
        else await writeFileAtomic(fileOf(userId), JSON.stringify(next));
      } catch {
        known.delete(userId);
        return failed;
      }
      known.set(userId, next);
      return { ok: true, value: null };
    });
  }

  return {
    read: (userId) =>
      serialized(async () => {
        if (!idSchema.safeParse(userId).success) return unreadable;
        const entries = await load(userId).catch(() => null);
        return entries ? { ok: true, value: [...entries] } : unreadable;
      }),
    append: (userId, entries) => update(userId, (current) => [...current, ...entries]),
    remove(userId, ids) {
      const gone = new Set(ids);
      return update(userId, (current) => current.filter((e) => !gone.has(e.id)));
    },
    pendingCount: () =>
      serialized(async () => {
        const names = await readdir(dir).catch(() => []);
        let count = 0;
        for (const name of names) {
          if (!name.endsWith('.json')) continue;
          const entries = await load(name.slice(0, -'.json'.length)).catch(() => null);
          // An unreadable journal may hold changes: count it as pending rather than lose them.
          count += entries ? entries.filter((e) => !e.discarded).length : 1;
        }
        return count;
      }),
  };
}
