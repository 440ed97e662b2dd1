import type { Bridge } from '../../src-shared/contract/bridge';
import type { Mutation, MutationName } from '../../src-shared/contract/sync';
import { mutationArgsSchemas } from '../../src-shared/contract/sync';
import type { Dossier, User } from '../../src-shared/domain/model';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { Refusal } from '../../src-shared/domain/transitions';
import type { CacheDatabase, OutboxEntry } from '../cache/db';
import { clientIdOf, fromCached, toCached } from '../cache/db';
import { storageError } from './status';
import { applyEntry } from './replay';

/**
 * The one way the back office changes anything: an action is applied to the cache at once, with the
 * shared rules, and appended to the outbox in the same IndexedDB transaction. The network is never
 * on the path of a click; the sync engine takes it from there.
 */

export interface ActionContext {
  db: CacheDatabase;
  user: User;
  settings: DisputeSettings;
  now: () => number;
  newId: () => string;
  /** Where a copy of each action waits until the server has it (spec/targets.md R3). */
  journal?: Bridge['journal'];
}

export type ActionResult =
  | { ok: true; value: Dossier; mutationId: string }
  | {
      ok: false;
      error: Refusal | { code: 'not_found' | 'storage_full' | 'storage_failed'; message: string };
    };

export async function perform<N extends MutationName>(
  ctx: ActionContext,
  name: N,
  args: unknown,
): Promise<ActionResult> {
  const role = ctx.user.role;
  if (role !== 'agent' && role !== 'supervisor') {
    return { ok: false, error: { code: 'forbidden', message: 'Only Klik & Pay staff work dossiers here.' } };
  }
  const parsed = mutationArgsSchemas[name].safeParse(args);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || name}: ${i.message}`).join('; ');
    return { ok: false, error: { code: 'invalid_request', message: why } };
  }
  const entry: OutboxEntry = {
    id: ctx.newId(),
    name,
    args: parsed.data as Mutation['args'],
    dossierId: (parsed.data as Mutation['args']).dossierId,
    actor: { role, id: ctx.user.id, name: ctx.user.name },
    createdAt: new Date(ctx.now()).toISOString(),
    state: 'pending',
  };
  const { db } = ctx;
  let clientId = '';
  let result: ActionResult;
  try {
    result = await db.transaction(
      'rw',
      [db.dossiers, db.base, db.messages, db.events, db.outbox, db.meta],
      async (): Promise<ActionResult> => {
        const cached = await db.dossiers.get(entry.dossierId);
        if (!cached)
          return {
            ok: false,
            error: { code: 'not_found', message: 'This dossier is not in the local cache.' },
          };
        const current = fromCached(cached);
        const decided = applyEntry(current, entry, ctx.settings, ctx.newId);
        if (!decided.ok) return decided;
        clientId = await clientIdOf(db, ctx.newId);
        // The first pending action on a dossier keeps the server's state aside, to rebase on later.
        if (!(await db.base.get(entry.dossierId))) await db.base.put(current);
        await db.dossiers.put(toCached(decided.value.dossier));
        await db.messages.bulkPut(decided.value.messages.map((m) => ({ ...m, mutationId: entry.id })));
        await db.events.bulkPut(decided.value.events.map((e) => ({ ...e, mutationId: entry.id })));
        await db.outbox.add(entry);
        return { ok: true, value: decided.value.dossier, mutationId: entry.id };
      },
    );
  } catch (error) {
    // Nothing was queued: the agent is told, and can try again once the cause is gone.
    return { ok: false, error: storageError(error) };
  }
  if (result.ok && ctx.journal) {
    const { id, name: n, args: a, actor, createdAt } = entry;
    // Best effort: the outbox already holds the action; the journal is its copy outside IndexedDB.
    await ctx.journal.append([{ clientId, id, name: n, args: a, actor, createdAt }]).catch(() => undefined);
  }
  return result;
}
