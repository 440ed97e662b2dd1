import type { Customer, Merchant } from '../../src-shared/domain/model';
import type { Database, Sql } from '../db/database';
import { messageVisibility } from '../store/changes';
import type { Written } from '../store/dossiers';
import type { NewTransaction } from '../store/people';

/**
 * Writes a generated workload with multi-row inserts, a few thousand rows per statement, so that
 * 100,000 dossiers and their 500,000 messages load in well under a minute on PGlite.
 */

export interface StaffRow {
  id: string;
  email: string;
  name: string;
  role: 'agent' | 'supervisor' | 'customer' | 'merchant';
  passwordHash: string;
  merchantId: string | null;
  customerId: string | null;
}

const chunk = 2_000;
const chunks = <T>(rows: readonly T[], size = chunk): T[][] =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

/**
 * One statement per chunk, its rows sent as a single JSON array: PGlite reads one large JSON
 * parameter much faster than one array parameter per column.
 */
async function insertRows(
  sql: Sql,
  table: string,
  columns: string[],
  casts: string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  const select = columns
    .map((_, c) => (casts[c] === 'jsonb' ? `x->${c}` : `(x->>${c})::${casts[c] ?? 'text'}`))
    .join(', ');
  for (const part of chunks(rows)) {
    await sql.query(
      `insert into ${table} (${columns.join(', ')})
       select ${select} from jsonb_array_elements($1::jsonb) with ordinality as r(x, n) order by n`,
      [JSON.stringify(part)],
    );
  }
}

const text = (v: string | number | boolean | null): string | null => (v === null ? null : String(v));

export async function writeParties(
  db: Database,
  at: string,
  merchants: readonly Merchant[],
  customers: readonly Customer[],
  transactions: readonly NewTransaction[],
  accounts: readonly StaffRow[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await insertRows(
      tx,
      'merchants',
      ['id', 'name', 'email', 'email_valid', 'language', 'created_at'],
      ['text', 'text', 'text', 'boolean', 'text', 'timestamptz'],
      merchants.map((m) => [m.id, m.name, m.email, text(m.emailValid), m.language, at]),
    );
    await insertRows(
      tx,
      'customers',
      ['id', 'name', 'email', 'language', 'created_at'],
      ['text', 'text', 'text', 'text', 'timestamptz'],
      customers.map((c) => [c.id, c.name, c.email, c.language, at]),
    );
    await insertRows(
      tx,
      'users',
      ['id', 'email', 'name', 'role', 'password_hash', 'merchant_id', 'customer_id', 'created_at'],
      ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'timestamptz'],
      accounts.map((a) => [a.id, a.email, a.name, a.role, a.passwordHash, a.merchantId, a.customerId, at]),
    );
    await insertRows(
      tx,
      'transactions',
      ['id', 'amount', 'currency', 'occurred_at', 'order_reference', 'merchant_id', 'customer_id'],
      ['text', 'bigint', 'text', 'timestamptz', 'text', 'text', 'text'],
      transactions.map((t) => [
        t.id,
        text(t.amount),
        t.currency,
        t.occurredAt,
        t.orderReference,
        t.merchantId,
        t.customerId,
      ]),
    );
    // Staff and merchants are synced to the back office: they enter the change log first.
    const staff = accounts.filter((a) => a.role === 'agent' || a.role === 'supervisor');
    await appendChanges(tx, [
      ...staff.map((a) => ['user', a.id, 'staff', null, null] as const),
      ...merchants.map((m) => ['merchant', m.id, 'staff', null, null] as const),
    ]);
  });
}

/** Secondary indexes of the tables a bulk load fills: rebuilt once at the end instead of row by row. */
const bulkTables = ['dossiers', 'messages', 'audit_events', 'changes'];

export async function writeDossiers(db: Database, written: readonly Written[]): Promise<void> {
  const indexes = await db.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition
     from pg_indexes i
     join pg_class c on c.relname = i.indexname
     join pg_index x on x.indexrelid = c.oid
     where i.schemaname = 'public' and i.tablename = any($1::text[]) and not x.indisunique and not x.indisprimary`,
    [bulkTables],
  );
  for (const index of indexes) await db.query(`drop index ${index.name}`);
  try {
    await insertDossiers(db, written);
  } finally {
    for (const index of indexes) await db.query(index.definition);
  }
}

async function insertDossiers(db: Database, written: readonly Written[]): Promise<void> {
  for (const part of chunks(written, 1_000)) {
    await db.transaction(async (tx) => {
      await insertRows(
        tx,
        'dossiers',
        [
          'id',
          'reference',
          'transaction_id',
          'merchant_id',
          'customer_id',
          'status',
          'assignee_id',
          'next_rule_at',
          'created_at',
          'updated_at',
          'version',
          'data',
        ],
        [
          'text',
          'text',
          'text',
          'text',
          'text',
          'text',
          'text',
          'timestamptz',
          'timestamptz',
          'timestamptz',
          'integer',
          'jsonb',
        ],
        part.map(({ dossier: d, nextRuleAt }) => [
          d.id,
          d.reference,
          d.transaction.id,
          d.transaction.merchantId,
          d.transaction.customerId,
          d.status,
          d.assigneeId,
          nextRuleAt === null ? null : new Date(nextRuleAt).toISOString(),
          d.createdAt,
          d.updatedAt,
          text(d.version),
          d,
        ]),
      );
      const messages = part.flatMap((w) =>
        w.messages.map((m) => [m.id, w.dossier.id, m.audience, m.createdAt, m]),
      );
      await insertRows(
        tx,
        'messages',
        ['id', 'dossier_id', 'audience', 'created_at', 'data'],
        ['text', 'text', 'text', 'timestamptz', 'jsonb'],
        messages,
      );
      const events = part.flatMap((w) => w.events.map((e) => [e.id, w.dossier.id, e.type, e.at, e]));
      await insertRows(
        tx,
        'audit_events',
        ['id', 'dossier_id', 'type', 'at', 'data'],
        ['text', 'text', 'text', 'timestamptz', 'jsonb'],
        events,
      );
      await appendChanges(
        tx,
        part.flatMap(({ dossier: d, messages: ms, events: es }) => {
          const owner = [d.transaction.customerId, d.transaction.merchantId] as const;
          return [
            ['dossier', d.id, 'all', ...owner] as const,
            ...ms.map((m) => ['message', m.id, messageVisibility(m.audience), ...owner] as const),
            ...es.map((e) => ['event', e.id, 'staff', ...owner] as const),
          ];
        }),
      );
    });
  }
}

type ChangeTuple = readonly [
  entity: string,
  id: string,
  visibleTo: string,
  customerId: string | null,
  merchantId: string | null,
];

/** Appends change-log rows in the given order (each dossier before its messages and events). */
async function appendChanges(tx: Sql, rows: readonly ChangeTuple[]): Promise<void> {
  for (const part of chunks(rows, 5_000)) {
    await tx.query(
      `insert into changes (seq, entity, entity_id, op, visible_to, customer_id, merchant_id)
       select nextval('change_seq'), x->>0, x->>1, 'put', x->>2, x->>3, x->>4
       from (select x from jsonb_array_elements($1::jsonb) with ordinality as r(x, n) order by n) as ordered`,
      [JSON.stringify(part)],
    );
  }
}
