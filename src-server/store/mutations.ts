import { createHash } from 'node:crypto';
import type { MutationResult } from '../../src-shared/contract/sync';
import type { Sql } from '../db/database';

/** The answers given to pushed mutations, so that a retried id gets the same answer, never a second effect. */

type Recorded = Pick<MutationResult, 'status' | 'error'>;

export interface MutationKey {
  mutationId: string;
  /** Who sent it first: kept for the record, not part of the key (an id names one change). */
  userId: string;
  clientId: string;
  /** A hash of the mutation's name and arguments (`fingerprintOf`). */
  fingerprint: string;
}

/**
 * Claims a mutation id for this transaction. Returns null when it is new (the caller applies it),
 * or what it was answered the first time, with the fingerprint it came with then (null for ids
 * recorded before fingerprints were kept). A concurrent push of the same id waits on the row lock
 * and then sees it taken.
 */
export async function claimMutation(
  tx: Sql,
  key: MutationKey,
  at: string,
  dossierId: string | null,
): Promise<(Recorded & { fingerprint: string | null }) | null> {
  const inserted = await tx.query(
    `insert into applied_mutations (mutation_id, user_id, client_id, fingerprint, status, applied_at, dossier_id)
     values ($1, $2, $3, $4, 'applied', $5, $6) on conflict (mutation_id) do nothing returning 1`,
    [key.mutationId, key.userId, key.clientId, key.fingerprint, at, dossierId],
  );
  if (inserted.length > 0) return null;
  const rows = await tx.query<{
    status: 'applied' | 'rejected';
    error: MutationResult['error'] | null;
    fingerprint: string | null;
  }>('select status, error, fingerprint from applied_mutations where mutation_id = $1', [key.mutationId]);
  const row = rows[0];
  if (!row) throw new Error('claimed mutation vanished');
  const recorded: Recorded = row.error ? { status: row.status, error: row.error } : { status: row.status };
  return { ...recorded, fingerprint: row.fingerprint };
}

export async function markRejected(
  tx: Sql,
  mutationId: string,
  error: NonNullable<MutationResult['error']>,
  dossierId: string | null,
): Promise<void> {
  await tx.query(
    `update applied_mutations set status = 'rejected', error = $2::jsonb, dossier_id = $3 where mutation_id = $1`,
    [mutationId, JSON.stringify(error), dossierId],
  );
}

/** A hash of what a mutation asks (its name and args, keys in a stable order). */
export function fingerprintOf(envelope: { name: string; args: unknown }): string {
  return createHash('sha256')
    .update(canonicalJson([envelope.name, envelope.args], 0))
    .digest('base64url');
}

function canonicalJson(value: unknown, depth: number): string {
  // Deeper than any real mutation: hashed by its shape so far, without recursing without end.
  if (depth > 32) return '"…"';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, depth + 1)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k], depth + 1)}`);
    return `{${entries.join(',')}}`;
  }
  // `undefined` has no JSON: hashed as null, as JSON.stringify writes it in arrays.
  return value === undefined ? 'null' : JSON.stringify(value);
}

/**
 * `claimMutation` for many ids at once (all distinct): answers, per id, null when it is new (now
 * claimed as applied) or what it was answered the first time.
 */
export async function claimMutations(
  tx: Sql,
  claims: readonly { key: MutationKey; dossierId: string | null }[],
  at: string,
): Promise<Map<string, (Recorded & { fingerprint: string | null }) | null>> {
  const inserted = await tx.query<{ id: string }>(
    `insert into applied_mutations (mutation_id, user_id, client_id, fingerprint, status, applied_at, dossier_id)
     select i, u, c, f, 'applied', $5::timestamptz, nullif(d, '')
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $6::text[]) as x(i, u, c, f, d)
     on conflict (mutation_id) do nothing returning mutation_id as id`,
    [
      claims.map((c) => c.key.mutationId),
      claims.map((c) => c.key.userId),
      claims.map((c) => c.key.clientId),
      claims.map((c) => c.key.fingerprint),
      at,
      claims.map((c) => c.dossierId ?? ''),
    ],
  );
  const answers = new Map<string, (Recorded & { fingerprint: string | null }) | null>(
    inserted.map((r) => [r.id, null]),
  );
  const known = claims.map((c) => c.key.mutationId).filter((id) => !answers.has(id));
  if (known.length === 0) return answers;
  const rows = await tx.query<{
    id: string;
    status: 'applied' | 'rejected';
    error: MutationResult['error'] | null;
    fingerprint: string | null;
  }>(
    'select mutation_id as id, status, error, fingerprint from applied_mutations where mutation_id = any($1::text[])',
    [known],
  );
  for (const row of rows)
    answers.set(row.id, {
      ...(row.error ? { status: row.status, error: row.error } : { status: row.status }),
      fingerprint: row.fingerprint,
    });
  if (answers.size !== claims.length) throw new Error('claimed mutation vanished');
  return answers;
}

/** `markRejected` for many, in one statement. */
export async function markRejectedMany(
  tx: Sql,
  rejected: readonly {
    mutationId: string;
    error: NonNullable<MutationResult['error']>;
    dossierId: string | null;
  }[],
): Promise<void> {
  if (rejected.length === 0) return;
  await tx.query(
    `update applied_mutations m set status = 'rejected', error = x.e::jsonb, dossier_id = nullif(x.d, '')
     from unnest($1::text[], $2::text[], $3::text[]) as x(i, e, d) where m.mutation_id = x.i`,
    [
      rejected.map((r) => r.mutationId),
      rejected.map((r) => JSON.stringify(r.error)),
      rejected.map((r) => r.dossierId ?? ''),
    ],
  );
}
