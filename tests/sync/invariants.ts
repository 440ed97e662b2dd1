import { expect } from 'vitest';
import type { Sql } from '../../src-server/db/database';
import type { CacheDatabase } from '../../src-renderer/cache/db';
import { fromCached, metaKeys } from '../../src-renderer/cache/db';
import type { MutationName, MutationResult } from '../../src-shared/contract/sync';
import type { AuditEvent, Dossier, Message } from '../../src-shared/domain/model';
import type { View } from './client';

/**
 * What must hold at the end of any history (docs/targets.md R1, R2), whatever the faults: the
 * outbox drained, every action applied exactly once or refused with words, in the client's order,
 * and the cache equal to the server's view.
 */

/** An action the agent performed (or an outbox entry forged behind the app's back). */
export interface Performed {
  id: string;
  name: MutationName;
  dossierId: string;
  /** The unique text of the message it writes, when it writes one. */
  body: string | null;
  /** Forged entries are ones the server must refuse. */
  forged: boolean;
}

/** What the server answered a mutation (the first time; a retry gets `duplicate` or the same refusal). */
export interface Answer {
  status: MutationResult['status'];
  error?: { code: string; message: string };
}

/** The answers the server recorded for a client's mutations (`applied_mutations`). */
export async function recordedAnswers(sql: Sql, clientId: string): Promise<Map<string, Answer>> {
  const rows = await sql.query<{
    mutation_id: string;
    status: 'applied' | 'rejected';
    error: Answer['error'];
  }>('select mutation_id, status, error from applied_mutations where client_id = $1', [clientId]);
  return new Map(
    rows.map((r) => [r.mutation_id, r.error ? { status: r.status, error: r.error } : { status: r.status }]),
  );
}

/** The system of record itself, read with SQL: no feed code between it and the check. */
export async function databaseView(sql: Sql): Promise<Pick<View, 'dossiers' | 'messages' | 'events'>> {
  const data = async <T>(table: string) =>
    (await sql.query<{ data: T }>(`select data from ${table} order by id`)).map((r) => r.data);
  const byId = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => a.id.localeCompare(b.id));
  return {
    dossiers: byId(await data<Dossier>('dossiers')),
    messages: byId(await data<Message>('messages')),
    events: byId(await data<AuditEvent>('audit_events')),
  };
}

/** The audit trail in the order it was written. */
export async function auditTrail(sql: Sql): Promise<AuditEvent[]> {
  return (await sql.query<{ data: AuditEvent }>('select data from audit_events order by position')).map(
    (r) => r.data,
  );
}

export function originOf(e: AuditEvent): { mutationId: string; clientId: string } | null {
  const origin = e.data.origin as { mutationId?: unknown; clientId?: unknown } | undefined;
  return typeof origin?.mutationId === 'string' && typeof origin.clientId === 'string'
    ? { mutationId: origin.mutationId, clientId: origin.clientId }
    : null;
}

/**
 * Every action reached the server and took effect exactly once — or was refused, left no effect,
 * and the refusal is kept in the cache for its dossier with the server's words.
 */
export async function expectExactlyOnce(
  db: CacheDatabase,
  performed: readonly Performed[],
  view: Pick<View, 'messages' | 'events'>,
  answers: ReadonlyMap<string, Answer>,
  clientId: string,
): Promise<void> {
  const ours = view.events.filter((e) => originOf(e)?.clientId === clientId);
  const known = new Set(performed.map((p) => p.id));
  expect(
    ours.filter((e) => !known.has(originOf(e)?.mutationId ?? '')).map((e) => e.type),
    'effects of mutations nobody performed',
  ).toEqual([]);
  const rejections = new Map((await db.rejections.toArray()).map((r) => [r.id, r]));
  const problems: string[] = [];
  for (const p of performed) {
    const answer = answers.get(p.id);
    const events = ours.filter((e) => originOf(e)?.mutationId === p.id);
    const effects = events.filter((e) => e.type !== 'mutation.rejected');
    const refusals = events.filter((e) => e.type === 'mutation.rejected');
    const copies = p.body === null ? null : view.messages.filter((m) => m.body === p.body).length;
    const rejection = rejections.get(p.id);
    const what = `${p.name} ${p.id}${p.forged ? ' (forged)' : ''}`;
    if (!answer) problems.push(`${what}: never reached the server`);
    else if (answer.status === 'applied') {
      if (effects.length > 1) problems.push(`${what}: applied ${effects.length} times`);
      if (refusals.length > 0) problems.push(`${what}: applied and refused`);
      if (copies !== null && copies !== 1) problems.push(`${what}: its message is there ${copies} times`);
      if (rejection) problems.push(`${what}: applied, yet shown as refused`);
      if (p.forged) problems.push(`${what}: the server accepted a forged entry`);
    } else {
      if (effects.length > 0 || (copies ?? 0) > 0) problems.push(`${what}: refused, yet took effect`);
      if (refusals.length > 1) problems.push(`${what}: refused ${refusals.length} times in the trail`);
      if (!rejection) problems.push(`${what}: refused (${answer.error?.code}), but not kept in the cache`);
      else if (
        rejection.dossierId !== p.dossierId ||
        rejection.code !== answer.error?.code ||
        rejection.message !== answer.error.message ||
        rejection.message.trim().length < 10
      )
        problems.push(`${what}: the refusal kept is not the server's: ${JSON.stringify(rejection)}`);
    }
  }
  expect(problems).toEqual([]);
}

/** The server applied this client's mutations in the order the agent performed them. */
export function expectClientOrder(
  performed: readonly Performed[],
  trail: readonly AuditEvent[],
  clientId: string,
): void {
  const rank = new Map(performed.map((p, i) => [p.id, i]));
  const order = trail.flatMap((e) => {
    const origin = originOf(e);
    return origin?.clientId === clientId ? [rank.get(origin.mutationId) ?? -1] : [];
  });
  expect(order).toEqual([...order].sort((a, b) => a - b));
}

/**
 * The stored cursor is never ahead of the data it covers: every entity the change log places at or
 * before it is in the cache as the server has it now (for a dossier with actions in the outbox, its
 * server state kept in `base`). Only log cursors (`c1.…`) name a position this check can read; it
 * answers whether it could.
 */
export async function expectCursorCovered(db: CacheDatabase, sql: Sql, view: View): Promise<boolean> {
  const stored = (await db.meta.get(metaKeys.cursor))?.value;
  const body = typeof stored === 'string' && /^c1\.[0-9a-z]{1,12}$/.test(stored) ? stored.slice(3) : null;
  if (body === null) return false;
  let seq = 0n;
  for (const ch of body) seq = seq * 36n + BigInt(parseInt(ch, 36));
  const covered = await sql.query<{ entity: string; entity_id: string }>(
    'select entity, entity_id from changes where seq <= $1::bigint',
    [seq.toString()],
  );
  const truth = new Map<string, unknown>();
  for (const [entity, xs] of [
    ['dossier', view.dossiers],
    ['message', view.messages],
    ['event', view.events],
    ['user', view.users],
    ['merchant', view.merchants],
  ] as const)
    for (const x of xs) truth.set(`${entity}:${x.id}`, x);
  // The cache read once, in the server's shapes: a dossier with actions in the outbox by its `base`.
  const pending = new Set((await db.outbox.toArray()).map((e) => e.dossierId));
  const base = new Map((await db.base.toArray()).map((d) => [d.id, d]));
  const cached = new Map<string, unknown>();
  for (const d of await db.dossiers.toArray())
    cached.set(`dossier:${d.id}`, pending.has(d.id) ? base.get(d.id) : fromCached(d));
  // A server message is never tagged: only the local copies of pending actions carry a mutation id.
  for (const m of await db.messages.toArray()) cached.set(`message:${m.id}`, m);
  for (const e of await db.events.toArray()) cached.set(`event:${e.id}`, e);
  for (const u of await db.users.toArray()) cached.set(`user:${u.id}`, u);
  for (const m of await db.merchants.toArray()) cached.set(`merchant:${m.id}`, m);
  const behind: string[] = [];
  for (const { entity, entity_id: id } of covered) {
    const key = `${entity}:${id}`;
    try {
      expect(cached.get(key)).toEqual(truth.get(key));
    } catch {
      behind.push(key);
    }
  }
  expect(behind, `the cursor ${String(stored)} is ahead of these`).toEqual([]);
  return true;
}
