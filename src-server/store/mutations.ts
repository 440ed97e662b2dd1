import type { MutationResult } from '../../src-shared/contract/sync';
import type { Sql } from '../db/database';

/** The answers given to pushed mutations, so that a retried id gets the same answer, never a second effect. */

type Recorded = Pick<MutationResult, 'status' | 'error'>;

/**
 * Claims a mutation id for this transaction. Returns null when it is new (the caller applies it),
 * or the answer it got the first time. A concurrent push of the same id waits on the row lock and
 * then sees it taken.
 */
export async function claimMutation(
  tx: Sql,
  key: { userId: string; clientId: string; mutationId: string },
  at: string,
): Promise<Recorded | null> {
  const inserted = await tx.query(
    `insert into applied_mutations (user_id, client_id, mutation_id, status, applied_at)
     values ($1, $2, $3, 'applied', $4) on conflict do nothing returning 1`,
    [key.userId, key.clientId, key.mutationId, at],
  );
  if (inserted.length > 0) return null;
  const rows = await tx.query<{ status: 'applied' | 'rejected'; error: MutationResult['error'] | null }>(
    'select status, error from applied_mutations where user_id = $1 and client_id = $2 and mutation_id = $3',
    [key.userId, key.clientId, key.mutationId],
  );
  const row = rows[0];
  if (!row) throw new Error('claimed mutation vanished');
  return row.error ? { status: row.status, error: row.error } : { status: row.status };
}

export async function markRejected(
  tx: Sql,
  key: { userId: string; clientId: string; mutationId: string },
  error: NonNullable<MutationResult['error']>,
  dossierId: string | null,
): Promise<void> {
  await tx.query(
    `update applied_mutations set status = 'rejected', error = $4::jsonb, dossier_id = $5
     where user_id = $1 and client_id = $2 and mutation_id = $3`,
    [key.userId, key.clientId, key.mutationId, JSON.stringify(error), dossierId],
  );
}

export async function markApplied(
  tx: Sql,
  key: { userId: string; clientId: string; mutationId: string },
  dossierId: string,
): Promise<void> {
  await tx.query(
    'update applied_mutations set dossier_id = $4 where user_id = $1 and client_id = $2 and mutation_id = $3',
    [key.userId, key.clientId, key.mutationId, dossierId],
  );
}
