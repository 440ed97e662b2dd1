import type { Bridge } from '../../src-shared/contract/bridge';
import type { User } from '../../src-shared/domain/model';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { CacheDatabase, OutboxEntry } from '../cache/db';
import { metaKeys } from '../cache/db';
import type { ActionRequest, ActionResult } from './actions';
import { discardPending, performMany, releaseHeld, takeBackAllHeld } from './actions';
import type { SyncEngine } from './engine';
import type { OptimisticStore } from './optimistic';

/**
 * What a signed-in client does to its outbox besides syncing it: actions queued, held sends and
 * bulk runs taken back or released, a stuck change discarded — each with the journal and the engine
 * told. The parts are the client's current ones (a rebuilt cache brings a new database and engine).
 */
export interface ClientParts {
  db: CacheDatabase;
  user: User;
  settings: DisputeSettings;
  now: () => number;
  newId: () => string;
  journal: Bridge['journal'];
  engine: SyncEngine;
  optimistic: OptimisticStore;
  /** The local storage failed under an action: the client rebuilds its cache. */
  onStorageFailed: () => void;
}

/** A bulk action's slice, or one action: one transaction, one journal write, one push for the lot. */
export async function performAll(
  c: ClientParts,
  requests: readonly ActionRequest[],
): Promise<ActionResult[]> {
  const { engine } = c;
  const results = await performMany(
    {
      db: c.db,
      user: c.user,
      settings: c.settings,
      now: c.now,
      newId: c.newId,
      journal: c.journal,
      onJournal: (ok) => engine.noteJournal(ok),
      optimistic: c.optimistic,
    },
    requests,
  );
  if (results.some((r) => r.ok)) {
    await engine.refreshPending();
    engine.nudge();
    // A held send goes up once its Undo has passed (the push leaves it, and what follows, till then).
    const holdMs = Math.max(0, ...requests.map((r) => r.holdMs ?? 0));
    if (holdMs > 0) setTimeout(() => engine.nudge(), holdMs + 50);
  } else if (results.some((r) => !r.ok && r.error.code === 'storage_failed')) {
    c.onStorageFailed();
  }
  return results;
}

/** Held changes taken back together (an Undo): off the dossiers, the outbox and the journal. */
export async function undoHeld(c: ClientParts, mutationIds: readonly string[]): Promise<OutboxEntry[]> {
  const taken = await takeBackAllHeld(c.db, c.settings, c.newId, mutationIds, c.now());
  if (taken.length === 0) return taken;
  const removed = await c.journal.remove(taken.map((e) => e.id)).catch(() => ({ ok: false as const }));
  c.engine.noteJournal(removed.ok);
  await c.engine.refreshPending();
  return taken;
}

/** A bulk run's hold ends: its changes go `holdMs` from now, and the engine is woken then. */
export async function releaseAfter(
  c: ClientParts,
  mutationIds: readonly string[],
  holdMs: number,
): Promise<void> {
  const now = c.now();
  await releaseHeld(c.db, mutationIds, now + holdMs, now);
  const { engine } = c;
  setTimeout(() => engine.nudge(), holdMs + 50);
}

/**
 * Gives up a pending change the server cannot take (after the agent confirmed): it leaves the
 * outbox and the dossier, is kept as a rejection with its text (to copy or send again), and stays
 * in the journal as the device's record of what was discarded. The changes behind it go up.
 */
export async function discardChange(c: ClientParts, mutationId: string, why: string): Promise<boolean> {
  const at = new Date().toISOString();
  const entry = await discardPending(c.db, c.settings, c.newId, mutationId, why, at);
  if (!entry) return false;
  const clientId = (await c.db.meta.get(metaKeys.clientId))?.value;
  const written = await c.journal
    .append([
      {
        clientId: typeof clientId === 'string' ? clientId : 'unknown',
        id: entry.id,
        name: entry.name,
        args: entry.args,
        actor: entry.actor,
        createdAt: entry.createdAt,
        discarded: { at, why: why.slice(0, 1_000) },
      },
    ])
    .catch(() => ({ ok: false as const }));
  c.engine.noteJournal(written.ok);
  c.engine.forgetStuck(mutationId);
  await c.engine.refreshPending();
  c.engine.nudge();
  return true;
}
