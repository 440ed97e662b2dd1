import type { TransactionListItem } from '../../src-shared/contract/api';
import type { Customer, Merchant, Transaction, User } from '../../src-shared/domain/model';
import type { Role } from '../../src-shared/domain/vocabulary';
import type { Sql } from '../db/database';

/** Users, sessions, merchants, customers and their transactions. */

export interface AccountRow extends User {
  merchantId: string | null;
  customerId: string | null;
}
interface AccountWithHash extends AccountRow {
  passwordHash: string;
}

const accountColumns = 'id, email, name, role, merchant_id as "merchantId", customer_id as "customerId"';

export async function findAccountByEmail(sql: Sql, email: string): Promise<AccountWithHash | null> {
  const rows = await sql.query<AccountWithHash>(
    `select ${accountColumns}, password_hash as "passwordHash" from users where lower(email) = lower($1)`,
    [email],
  );
  return rows[0] ?? null;
}

export async function findAccount(sql: Sql, id: string): Promise<AccountRow | null> {
  const rows = await sql.query<AccountRow>(`select ${accountColumns} from users where id = $1`, [id]);
  return rows[0] ?? null;
}

export async function insertAccount(
  sql: Sql,
  a: AccountRow & { passwordHash: string; createdAt: string },
): Promise<void> {
  await sql.query(
    `insert into users (id, email, name, role, password_hash, merchant_id, customer_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [a.id, a.email, a.name, a.role, a.passwordHash, a.merchantId, a.customerId, a.createdAt],
  );
}

export async function insertSession(
  sql: Sql,
  s: { tokenHash: string; userId: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await sql.query(
    'insert into sessions (token_hash, user_id, created_at, expires_at) values ($1, $2, $3, $4)',
    [s.tokenHash, s.userId, s.createdAt, s.expiresAt],
  );
}

export async function findSessionAccount(
  sql: Sql,
  tokenHash: string,
  now: string,
): Promise<AccountRow | null> {
  const rows = await sql.query<AccountRow>(
    `select u.id, u.email, u.name, u.role, u.merchant_id as "merchantId", u.customer_id as "customerId"
     from sessions s join users u on u.id = s.user_id
     where s.token_hash = $1 and s.expires_at > $2`,
    [tokenHash, now],
  );
  return rows[0] ?? null;
}

export async function deleteSession(sql: Sql, tokenHash: string): Promise<void> {
  await sql.query('delete from sessions where token_hash = $1', [tokenHash]);
}

export async function deleteExpiredSessions(sql: Sql, now: string): Promise<void> {
  await sql.query('delete from sessions where expires_at <= $1', [now]);
}

export async function insertMerchant(sql: Sql, m: Merchant, createdAt: string): Promise<void> {
  await sql.query(
    'insert into merchants (id, name, email, email_valid, language, created_at) values ($1, $2, $3, $4, $5, $6)',
    [m.id, m.name, m.email, m.emailValid, m.language, createdAt],
  );
}

export async function insertCustomer(sql: Sql, c: Customer, createdAt: string): Promise<void> {
  await sql.query(
    'insert into customers (id, name, email, language, created_at) values ($1, $2, $3, $4, $5)',
    [c.id, c.name, c.email, c.language, createdAt],
  );
}

export async function findMerchant(sql: Sql, id: string): Promise<Merchant | null> {
  const rows = await sql.query<Merchant>(
    'select id, name, email, email_valid as "emailValid", language from merchants where id = $1',
    [id],
  );
  return rows[0] ?? null;
}

export async function findCustomer(sql: Sql, id: string): Promise<Customer | null> {
  const rows = await sql.query<Customer>('select id, name, email, language from customers where id = $1', [
    id,
  ]);
  return rows[0] ?? null;
}

/** `extra`: more columns of `t`, `m` (the merchant) or `c` (the customer), each ending with a comma. */
const transactionSelect = (extra = '') => `
  select t.id, t.amount::float8 as amount, t.currency, ${extra}
         to_char(t.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "occurredAt",
         t.order_reference as "orderReference",
         m.id as "merchantId", m.name as "merchantName", m.language as "merchantLanguage",
         c.id as "customerId", c.name as "customerName",
         (select d.id from dossiers d where d.transaction_id = t.id and d.status <> 'closed') as "openDossierId"
  from transactions t join merchants m on m.id = t.merchant_id join customers c on c.id = t.customer_id`;

export type TransactionWithDossier = Transaction & Pick<TransactionListItem, 'openDossierId'>;

/** A transaction as a dossier's snapshot takes it at filing: with the customer's address (staff's). */
export async function findTransaction(sql: Sql, id: string): Promise<TransactionWithDossier | null> {
  const select = transactionSelect('c.email as "customerEmail",');
  const rows = await sql.query<TransactionWithDossier>(`${select} where t.id = $1`, [id]);
  return rows[0] ?? null;
}

/** A party's own transactions, newest first. */
export async function listTransactions(
  sql: Sql,
  owner: { role: Extract<Role, 'customer' | 'merchant'>; id: string },
  limit: number,
): Promise<TransactionListItem[]> {
  const column = owner.role === 'customer' ? 't.customer_id' : 't.merchant_id';
  // The merchant's address only here: a dossier's copy of its transaction stays without it. The
  // customer's address never here: a merchant lists its transactions too.
  const select = transactionSelect('m.email as "merchantEmail", m.email_valid as "merchantEmailValid",');
  return sql.query<TransactionListItem>(
    `${select} where ${column} = $1 order by t.occurred_at desc, t.id limit $2`,
    [owner.id, limit],
  );
}

export type NewTransaction = Pick<
  Transaction,
  'id' | 'amount' | 'currency' | 'occurredAt' | 'orderReference' | 'merchantId' | 'customerId'
>;

export async function insertTransaction(sql: Sql, t: NewTransaction): Promise<void> {
  await sql.query(
    `insert into transactions (id, amount, currency, occurred_at, order_reference, merchant_id, customer_id)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [t.id, t.amount, t.currency, t.occurredAt, t.orderReference, t.merchantId, t.customerId],
  );
}
