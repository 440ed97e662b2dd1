import type { Customer, Merchant } from '../../src-shared/domain/model';
import type { Database, Sql } from '../db/database';
import type { Written } from '../store/dossiers';
import { changeRowsOf, dossierColumns } from '../store/dossiers';
import type { NewTransaction } from '../store/people';

/**
 * Writes a generated workload in large statements: each sends its rows as one JSON array (PGlite
 * reads one large JSON parameter much faster than one array parameter per column), and secondary
 * indexes are rebuilt once at the end instead of row by row.
 */

export interface SeedAccount {
  id: string;
  email: string;
  name: string;
  role: 'agent' | 'supervisor' | 'customer' | 'merchant';
  passwordHash: string;
  merchantId: string | null;
  customerId: string | null;
}

interface Table {
  name: string;
  columns: readonly string[];
  casts: readonly string[];
}

const tables = {
  merchants: {
    name: 'merchants',
    columns: ['id', 'name', 'email', 'email_valid', 'language', 'created_at'],
    casts: ['text', 'text', 'text', 'boolean', 'text', 'timestamptz'],
  },
  customers: {
    name: 'customers',
    columns: ['id', 'name', 'email', 'language', 'created_at'],
    casts: ['text', 'text', 'text', 'text', 'timestamptz'],
  },
  users: {
    name: 'users',
    columns: ['id', 'email', 'name', 'role', 'password_hash', 'merchant_id', 'customer_id', 'created_at'],
    casts: ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'timestamptz'],
  },
  transactions: {
    name: 'transactions',
    columns: ['id', 'amount', 'currency', 'occurred_at', 'order_reference', 'merchant_id', 'customer_id'],
    casts: ['text', 'bigint', 'text', 'timestamptz', 'text', 'text', 'text'],
  },
  dossiers: {
    name: 'dossiers',
    columns: [
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
    casts: [
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
  },
  messages: {
    name: 'messages',
    columns: ['id', 'dossier_id', 'audience', 'created_at', 'data'],
    casts: ['text', 'text', 'text', 'timestamptz', 'jsonb'],
  },
  events: {
    name: 'audit_events',
    columns: ['id', 'dossier_id', 'type', 'at', 'data'],
    casts: ['text', 'text', 'text', 'timestamptz', 'jsonb'],
  },
} satisfies Record<string, Table>;

type Row = readonly unknown[];
const rowsPerStatement = 5_000;

async function insertJson(sql: Sql, table: Table, json: string): Promise<void> {
  const select = table.columns
    .map((_, c) => (table.casts[c] === 'jsonb' ? `x->${c}` : `(x->>${c})::${table.casts[c] ?? 'text'}`))
    .join(', ');
  await sql.query(
    `insert into ${table.name} (${table.columns.join(', ')})
     select ${select} from jsonb_array_elements($1::jsonb) with ordinality as r(x, n) order by n`,
    [json],
  );
}

/** Change-log rows, in the given order: [entity, id, visible_to, customer_id, merchant_id]. */
async function appendChanges(sql: Sql, json: string): Promise<void> {
  await sql.query(
    `insert into changes (seq, entity, entity_id, op, visible_to, customer_id, merchant_id)
     select nextval('change_seq'), x->>0, x->>1, 'put', x->>2, x->>3, x->>4
     from (select x from jsonb_array_elements($1::jsonb) with ordinality as r(x, n) order by n) as ordered`,
    [json],
  );
}

const split = <T>(rows: readonly T[], size = rowsPerStatement): T[][] =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

async function insertAll(sql: Sql, table: Table, rows: readonly Row[]): Promise<void> {
  for (const part of split(rows)) await insertJson(sql, table, JSON.stringify(part));
}

const transactionRow = (t: NewTransaction): Row => [
  t.id,
  t.amount,
  t.currency,
  t.occurredAt,
  t.orderReference,
  t.merchantId,
  t.customerId,
];

export async function writeParties(
  db: Database,
  at: string,
  merchants: readonly Merchant[],
  customers: readonly Customer[],
  transactions: readonly NewTransaction[],
  accounts: readonly SeedAccount[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await insertAll(
      tx,
      tables.merchants,
      merchants.map((m) => [m.id, m.name, m.email, m.emailValid, m.language, at]),
    );
    await insertAll(
      tx,
      tables.customers,
      customers.map((c) => [c.id, c.name, c.email, c.language, at]),
    );
    await insertAll(
      tx,
      tables.users,
      accounts.map((a) => [a.id, a.email, a.name, a.role, a.passwordHash, a.merchantId, a.customerId, at]),
    );
    await insertAll(tx, tables.transactions, transactions.map(transactionRow));
    // Staff and merchants are synced to the back office: they enter the change log first.
    const staff = accounts.filter((a) => a.role === 'agent' || a.role === 'supervisor');
    const changes = [
      ...staff.map((a) => ['user', a.id, 'staff', null, null]),
      ...merchants.map((m) => ['merchant', m.id, 'staff', null, null]),
    ];
    for (const part of split(changes)) await appendChanges(tx, JSON.stringify(part));
  });
}

/** A chunk of dossiers as ready-to-send JSON, so it can be made on another thread. */
export interface PreparedChunk {
  transactions: string[];
  dossiers: string[];
  messages: string[];
  events: string[];
  changes: string[];
}

export function prepareChunk(
  transactions: readonly NewTransaction[],
  written: readonly Written[],
): PreparedChunk {
  const json = (rows: readonly Row[]) => split(rows).map((part) => JSON.stringify(part));
  return {
    transactions: json(transactions.map(transactionRow)),
    dossiers: json(written.map(dossierColumns)),
    messages: json(
      written.flatMap((w) => w.messages.map((m) => [m.id, w.dossier.id, m.audience, m.createdAt, m])),
    ),
    events: json(written.flatMap((w) => w.events.map((e) => [e.id, w.dossier.id, e.type, e.at, e]))),
    changes: json(
      written.flatMap((w) =>
        changeRowsOf(w).map((r) => [r.entity, r.id, r.visibleTo, r.customerId, r.merchantId]),
      ),
    ),
  };
}

/** Writes one prepared chunk in one transaction: each dossier enters the change log before its messages. */
export async function writeChunk(db: Database, chunk: PreparedChunk): Promise<void> {
  await db.transaction(async (tx) => {
    for (const json of chunk.transactions) await insertJson(tx, tables.transactions, json);
    for (const json of chunk.dossiers) await insertJson(tx, tables.dossiers, json);
    for (const json of chunk.messages) await insertJson(tx, tables.messages, json);
    for (const json of chunk.events) await insertJson(tx, tables.events, json);
    for (const json of chunk.changes) await appendChanges(tx, json);
  });
}

const bulkTables = ['dossiers', 'messages', 'audit_events', 'changes'];

/** Runs a bulk load with the secondary indexes of the loaded tables dropped, and rebuilds them once. */
export async function withoutSecondaryIndexes<T>(db: Database, load: () => Promise<T>): Promise<T> {
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
    return await load();
  } finally {
    for (const index of indexes) await db.query(index.definition);
  }
}
