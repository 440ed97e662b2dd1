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
  await writeBatch(tx, {
    dossiers: [w],
    messages: w.messages.map((message) => ({ dossierId: w.dossier.id, message })),
    events: w.events.map((event) => ({ dossierId: w.dossier.id, event })),
    changes: changeRowsOf(w),
  });
}

/** What several decisions wrote, each dossier once (its last state), in the order they were made. */
export interface Batch {
  dossiers: readonly Pick<Written, 'dossier' | 'nextRuleAt'>[];
  messages: readonly { dossierId: string; message: Message }[];
  events: readonly { dossierId: string; event: AuditEvent }[];
  changes: readonly ChangeRow[];
}

/** Writes a batch in three statements (and the change log's append), in the caller's transaction. */
export async function writeBatch(tx: Sql, b: Batch): Promise<void> {
  if (b.dossiers.length > 0) {
    const columns = b.dossiers.map(dossierColumns);
    const column = (i: number) => columns.map((c) => c[i] as string | null);
    await tx.query(
      `insert into dossiers (id, reference, transaction_id, merchant_id, customer_id, status, assignee_id,
                             next_rule_at, created_at, updated_at, version, data)
       select i, r, t, m, c, s, a, n::timestamptz, ca::timestamptz, ua::timestamptz, v, j::jsonb
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                   $8::text[], $9::text[], $10::text[], $11::int[], $12::text[])
            as x(i, r, t, m, c, s, a, n, ca, ua, v, j)
       on conflict (id) do update set status = excluded.status, assignee_id = excluded.assignee_id,
         next_rule_at = excluded.next_rule_at, updated_at = excluded.updated_at, version = excluded.version,
         data = excluded.data`,
      [
        ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(column),
        b.dossiers.map((w) => w.dossier.version),
        b.dossiers.map((w) => JSON.stringify(w.dossier)),
      ],
    );
  }
  if (b.messages.length > 0) {
    await tx.query(
      `insert into messages (id, dossier_id, audience, created_at, data)
       select i, d, a, c::timestamptz, j::jsonb
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) with ordinality as x(i, d, a, c, j, n)
       order by n`,
      [
        b.messages.map((m) => m.message.id),
        b.messages.map((m) => m.dossierId),
        b.messages.map((m) => m.message.audience),
        b.messages.map((m) => m.message.createdAt),
        b.messages.map((m) => JSON.stringify(m.message)),
      ],
    );
  }
  if (b.events.length > 0) {
    await tx.query(
      `insert into audit_events (id, dossier_id, type, at, data)
       select i, d, t, a::timestamptz, j::jsonb
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) with ordinality as x(i, d, t, a, j, n)
       order by n`,
      [
        b.events.map((e) => e.event.id),
        b.events.map((e) => e.dossierId),
        b.events.map((e) => e.event.type),
        b.events.map((e) => e.event.at),
        b.events.map((e) => JSON.stringify(e.event)),
      ],
    );
  }
  await recordChanges(tx, b.changes);
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

/** `lockDossier` for many, locked in id order (the order every batch takes its locks in). */
export async function lockDossiers(tx: Sql, ids: readonly string[]): Promise<Map<string, Dossier>> {
  const rows = await tx.query<{ data: Dossier }>(
    'select data from dossiers where id = any($1::text[]) order by id for update',
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.data.id, r.data]));
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
