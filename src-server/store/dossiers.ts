import type { AuditEvent, Dossier, Message } from '../../src-shared/domain/model';
import type { Status } from '../../src-shared/domain/vocabulary';
import type { Sql } from '../db/database';
import type { ChangeRow } from './changes';
import { messageVisibility, recordChanges } from './changes';

/** Dossiers with their messages and audit events: the domain's documents plus queryable columns. */

export interface Written {
  dossier: Dossier;
  messages: readonly Message[];
  events: readonly AuditEvent[];
  /** When the dossier's next time rule falls due (null: none pending). */
  nextRuleAt: number | null;
}

/** The dossiers table's columns for a written dossier, in table order (data last). */
export function dossierColumns(
  w: Pick<Written, 'dossier' | 'nextRuleAt'>,
): (string | number | null | Dossier)[] {
  const d = w.dossier;
  return [
    d.id,
    d.reference,
    d.transaction.id,
    d.transaction.merchantId,
    d.transaction.customerId,
    d.status,
    d.assigneeId,
    w.nextRuleAt === null ? null : new Date(w.nextRuleAt).toISOString(),
    d.createdAt,
    d.updatedAt,
    d.version,
    d,
  ];
}

/** The change-log rows of a written dossier: the dossier first, then its messages and events. */
export function changeRowsOf(w: Pick<Written, 'dossier' | 'messages' | 'events'>): ChangeRow[] {
  const d = w.dossier;
  const owner = { customerId: d.transaction.customerId, merchantId: d.transaction.merchantId };
  return [
    { entity: 'dossier', id: d.id, visibleTo: 'all', ...owner },
    ...w.messages.map((m): ChangeRow => ({
      entity: 'message',
      id: m.id,
      visibleTo: messageVisibility(m.audience),
      ...owner,
    })),
    ...w.events.map((e): ChangeRow => ({ entity: 'event', id: e.id, visibleTo: 'staff', ...owner })),
  ];
}

/** Writes what one decision produced, and appends it to the change log, in the caller's transaction. */
export async function writeDecision(tx: Sql, w: Written): Promise<void> {
  const d = w.dossier;
  await tx.query(
    `insert into dossiers (id, reference, transaction_id, merchant_id, customer_id, status, assignee_id,
                           next_rule_at, created_at, updated_at, version, data)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb)
     on conflict (id) do update set status = excluded.status, assignee_id = excluded.assignee_id,
       next_rule_at = excluded.next_rule_at, updated_at = excluded.updated_at, version = excluded.version,
       data = excluded.data`,
    dossierColumns(w).map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : v)),
  );
  if (w.messages.length > 0) {
    await tx.query(
      `insert into messages (id, dossier_id, audience, created_at, data)
       select i, $1, a, c::timestamptz, j::jsonb
       from unnest($2::text[], $3::text[], $4::text[], $5::text[]) with ordinality as x(i, a, c, j, n) order by n`,
      [
        d.id,
        w.messages.map((m) => m.id),
        w.messages.map((m) => m.audience),
        w.messages.map((m) => m.createdAt),
        w.messages.map((m) => JSON.stringify(m)),
      ],
    );
  }
  if (w.events.length > 0) {
    await tx.query(
      `insert into audit_events (id, dossier_id, type, at, data)
       select i, $1, t, a::timestamptz, j::jsonb
       from unnest($2::text[], $3::text[], $4::text[], $5::text[]) with ordinality as x(i, t, a, j, n) order by n`,
      [
        d.id,
        w.events.map((e) => e.id),
        w.events.map((e) => e.type),
        w.events.map((e) => e.at),
        w.events.map((e) => JSON.stringify(e)),
      ],
    );
  }
  const rows = changeRowsOf(w);
  await recordChanges(tx, rows);
}

/** One audit event that changes nothing else (a refused mutation, for instance). */
export async function appendEvent(tx: Sql, d: Dossier, event: AuditEvent): Promise<void> {
  await tx.query(
    'insert into audit_events (id, dossier_id, type, at, data) values ($1, $2, $3, $4, $5::jsonb)',
    [event.id, d.id, event.type, event.at, JSON.stringify(event)],
  );
  await recordChanges(tx, [
    {
      entity: 'event',
      id: event.id,
      visibleTo: 'staff',
      customerId: d.transaction.customerId,
      merchantId: d.transaction.merchantId,
    },
  ]);
}

/** The dossier, locked for the rest of the transaction so concurrent commands on it queue up. */
export async function lockDossier(tx: Sql, id: string): Promise<Dossier | null> {
  const rows = await tx.query<{ data: Dossier }>('select data from dossiers where id = $1 for update', [id]);
  return rows[0]?.data ?? null;
}

/**
 * Locks a transaction for the rest of the caller's database transaction and answers the reference
 * of its open dossier, if any. Filing a claim and reopening a dossier both take this lock first, so
 * the two can never race past the one-open-dossier-per-transaction rule (the unique index is the
 * last line, not the rule).
 */
export async function lockTransactionOpenDossier(tx: Sql, transactionId: string): Promise<string | null> {
  await tx.query('select id from transactions where id = $1 for update', [transactionId]);
  const rows = await tx.query<{ reference: string }>(
    "select reference from dossiers where transaction_id = $1 and status <> 'closed' limit 1",
    [transactionId],
  );
  return rows[0]?.reference ?? null;
}

export async function findDossier(sql: Sql, id: string): Promise<Dossier | null> {
  const rows = await sql.query<{ data: Dossier }>('select data from dossiers where id = $1', [id]);
  return rows[0]?.data ?? null;
}

export async function listMessages(
  sql: Sql,
  dossierId: string,
  audiences: readonly string[],
): Promise<Message[]> {
  const rows = await sql.query<{ data: Message }>(
    'select data from messages where dossier_id = $1 and audience = any($2::text[]) order by position',
    [dossierId, [...audiences]],
  );
  return rows.map((r) => r.data);
}

export async function listEvents(sql: Sql, dossierId: string): Promise<AuditEvent[]> {
  const rows = await sql.query<{ data: AuditEvent }>(
    'select data from audit_events where dossier_id = $1 order by position',
    [dossierId],
  );
  return rows.map((r) => r.data);
}

export interface DossierScope {
  customerId?: string | undefined;
  merchantId?: string | undefined;
}
export interface ListPosition {
  createdAt: string;
  id: string;
}

/** One page of dossiers, newest first, by keyset on (created_at, id). */
export async function listDossiers(
  sql: Sql,
  scope: DossierScope,
  filter: { status?: Status | undefined },
  after: ListPosition | null,
  limit: number,
): Promise<Dossier[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: string, ...values: (string | number)[]) => {
    let c = clause;
    for (const v of values) {
      params.push(v);
      c = c.replace('?', `$${params.length}`);
    }
    where.push(c);
  };
  if (scope.customerId !== undefined) add('customer_id = ?', scope.customerId);
  if (scope.merchantId !== undefined) add('merchant_id = ?', scope.merchantId);
  if (filter.status !== undefined) add('status = ?', filter.status);
  if (after) add('(created_at, id) < (?::timestamptz, ?)', after.createdAt, after.id);
  params.push(limit);
  const rows = await sql.query<{ data: Dossier }>(
    `select data from dossiers ${where.length ? `where ${where.join(' and ')}` : ''}
     order by created_at desc, id desc limit $${params.length}`,
    params,
  );
  return rows.map((r) => r.data);
}

/** Dossiers whose next time rule is due, skipping those another instance is working on. */
export async function lockDueDossiers(tx: Sql, now: string, limit: number): Promise<Dossier[]> {
  const rows = await tx.query<{ data: Dossier }>(
    `select data from dossiers where next_rule_at <= $1 order by next_rule_at
     limit $2 for update skip locked`,
    [now, limit],
  );
  return rows.map((r) => r.data);
}

export async function nextDossierNumber(sql: Sql): Promise<number> {
  const rows = await sql.query<{ n: string }>("select nextval('dossier_number')::text as n");
  return Number(rows[0]?.n);
}
