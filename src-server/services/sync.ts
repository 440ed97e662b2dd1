import type { PullResponse, PushRequest, MutationResult, SyncChange } from '../../src-shared/contract/sync';
import { parseMutation } from '../../src-shared/contract/sync';
import type { Command } from '../../src-shared/domain/commands';
import type { Dossier } from '../../src-shared/domain/model';
import { isStaff } from '../../src-shared/domain/vocabulary';
import type { Sql } from '../db/database';
import { ApiProblem } from '../http/problem';
import { appendEvent, findDossier } from '../store/dossiers';
import type { FeedScope } from '../store/feed';
import { readFeed } from '../store/feed';
import { claimMutation, markApplied, markRejected } from '../store/mutations';
import type { AccountRow } from '../store/people';
import { findAccount } from '../store/people';
import type { ServerContext } from './context';
import { commandInTransaction } from './dossiers';
import { canSeeDossier, viewOf } from './visibility';

/** The back office's sync: pull the change log, push intents exactly once. */

const cursorPrefix = 'c1.';
export const encodeCursor = (seq: bigint): string => `${cursorPrefix}${seq.toString(36)}`;
export function decodeCursor(cursor: string | undefined): bigint {
  if (cursor === undefined || cursor === '') return 0n;
  const body = cursor.startsWith(cursorPrefix) ? cursor.slice(cursorPrefix.length) : '';
  // Twelve base-36 digits stay below 2^63: a longer cursor cannot be a PostgreSQL bigint.
  if (!/^[0-9a-z]{1,12}$/.test(body))
    throw new ApiProblem('invalid_request', 'This sync cursor is not one the server gave.');
  let seq = 0n;
  for (const ch of body) seq = seq * 36n + BigInt(parseInt(ch, 36));
  return seq;
}

export function feedScopeOf(a: AccountRow): FeedScope {
  if (isStaff(a.role)) return { kind: 'staff' };
  if (a.role === 'customer' && a.customerId) return { kind: 'customer', id: a.customerId };
  if (a.role === 'merchant' && a.merchantId) return { kind: 'merchant', id: a.merchantId };
  throw new ApiProblem('forbidden', 'This account has nothing to sync.');
}

export async function pull(
  ctx: ServerContext,
  a: AccountRow,
  cursor: string | undefined,
  limit: number,
): Promise<PullResponse> {
  const after = decodeCursor(cursor);
  const { rows, hasMore } = await readFeed(ctx.db, feedScopeOf(a), after, limit);
  const last = rows.at(-1);
  const changes = rows.map((r): SyncChange => {
    if (r.op === 'delete' || r.data === null)
      return { entity: r.entity, id: r.entity_id, op: 'delete', data: null };
    const data = r.entity === 'dossier' ? viewOf(a, r.data as Dossier) : r.data;
    return { entity: r.entity, id: r.entity_id, op: 'put', data } as SyncChange;
  });
  return { changes, cursor: encodeCursor(last ? BigInt(last.seq) : after), hasMore };
}

/**
 * Applies pushed mutations in order, each in its own transaction with its id claimed in the same
 * transaction: a retry after a lost answer, a crash or a concurrent re-send finds the claim and
 * answers `duplicate` instead of applying twice.
 */
export async function push(ctx: ServerContext, a: AccountRow, req: PushRequest): Promise<MutationResult[]> {
  if (!isStaff(a.role)) throw new ApiProblem('forbidden', 'Only Klik & Pay staff push mutations.');
  const results: MutationResult[] = [];
  for (const envelope of req.mutations) {
    const key = { userId: a.id, clientId: req.clientId, mutationId: envelope.id };
    const result = await ctx.db.transaction(async (tx): Promise<MutationResult> => {
      const prior = await claimMutation(tx, key, new Date(ctx.clock.now()).toISOString());
      if (prior) {
        return prior.status === 'applied'
          ? { id: envelope.id, status: 'duplicate' }
          : { id: envelope.id, ...prior };
      }
      const parsed = parseMutation(envelope);
      if (!parsed.ok) {
        const error = { code: 'invalid_request' as const, message: parsed.message, details: parsed.details };
        await markRejected(tx, key, error, null);
        return { id: envelope.id, status: 'rejected', error };
      }
      const { dossierId, ...args } = parsed.value.args;
      const command = { name: parsed.value.name, args } as Command;
      const assignee = await checkAssignee(tx, command);
      const outcome =
        assignee ??
        (await commandInTransaction(tx, ctx, a, dossierId, command, {
          mutationId: envelope.id,
          clientId: req.clientId,
        }));
      if (!outcome.ok) {
        await markRejected(tx, key, outcome.error, dossierId);
        await recordRejection(tx, ctx, a, dossierId, parsed.value.name, outcome.error, {
          mutationId: envelope.id,
          clientId: req.clientId,
        });
        return { id: envelope.id, status: 'rejected', error: outcome.error };
      }
      await markApplied(tx, key, dossierId);
      return { id: envelope.id, status: 'applied' };
    });
    results.push(result);
  }
  return results;
}

/** An assignee must be a member of Klik & Pay's staff. */
async function checkAssignee(
  tx: Sql,
  command: Command,
): Promise<{ ok: false; error: { code: 'invalid_request'; message: string } } | null> {
  if (command.name !== 'dossier.assign' || command.args.assigneeId === null) return null;
  const assignee = await findAccount(tx, command.args.assigneeId);
  if (assignee && isStaff(assignee.role)) return null;
  return {
    ok: false,
    error: {
      code: 'invalid_request',
      message: 'A dossier can only be assigned to a Klik & Pay agent or supervisor.',
    },
  };
}

/** A refused intent is part of the dossier's story: it goes to the audit trail the author syncs. */
async function recordRejection(
  tx: Sql,
  ctx: ServerContext,
  a: AccountRow,
  dossierId: string,
  name: string,
  error: { code: string; message: string },
  origin: Record<string, unknown>,
): Promise<void> {
  const dossier = await findDossier(tx, dossierId);
  if (!dossier || !canSeeDossier(a, dossier)) return;
  const at = new Date(ctx.clock.now()).toISOString();
  await appendEvent(tx, dossier, {
    id: ctx.newId(),
    dossierId,
    type: 'mutation.rejected',
    actor: { role: a.role, id: a.id },
    at,
    changes: {},
    data: { mutation: name, code: error.code, message: error.message, origin },
  });
}
