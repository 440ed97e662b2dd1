import type { SyncEntity } from '../../src-shared/contract/sync';
import type { Audience } from '../../src-shared/domain/vocabulary';
import type { Sql } from '../db/database';

/**
 * The change log behind `sync/pull`. Each entity has one row, moved to a fresh `seq` whenever it
 * changes. Appends take a transaction-scoped advisory lock, so `seq` order is commit order and a
 * reader can never see seq N+1 committed while N is still in flight (no skipped change).
 */

export type Visibility = 'staff' | 'all' | 'customer' | 'merchant';

export interface ChangeRow {
  entity: SyncEntity;
  id: string;
  visibleTo: Visibility;
  customerId: string | null;
  merchantId: string | null;
  /** 'put' unless said: only team items are ever deleted (their row then stays, as a deletion). */
  op?: 'put' | 'delete';
}

export const messageVisibility = (audience: Audience): Visibility =>
  audience === 'internal' ? 'staff' : audience === 'both' ? 'all' : audience;

/** The NOTIFY channel whose payload tells every API instance whom a commit concerns. */
export const changesChannel = 'klikpay_changes';
export interface ChangeNotice {
  customerIds: string[];
  merchantIds: string[];
  staffOnly: boolean;
}

export async function recordChanges(tx: Sql, changed: readonly ChangeRow[]): Promise<void> {
  if (changed.length === 0) return;
  const deferred = deferredChanges.get(tx);
  if (deferred) deferred.push(...changed);
  else await appendChanges(tx, changed);
}

async function appendChanges(tx: Sql, changed: readonly ChangeRow[]): Promise<void> {
  // One row per entity: the last state of it in this commit wins.
  const rows = [...new Map(changed.map((r) => [`${r.entity}:${r.id}`, r])).values()];
  // Held until the commit: taken as late as the transaction allows, it is the API's one queue.
  await tx.query('select pg_advisory_xact_lock(7202)');
  await tx.query(
    `insert into changes (seq, entity, entity_id, op, visible_to, customer_id, merchant_id)
     select nextval('change_seq'), e, i, o, v, nullif(c, ''), nullif(m, '')
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
       with ordinality as x(e, i, v, c, m, o, n)
     order by n
     on conflict (entity, entity_id) do update
       set seq = excluded.seq, op = excluded.op, visible_to = excluded.visible_to,
           customer_id = excluded.customer_id, merchant_id = excluded.merchant_id`,
    [
      rows.map((r) => r.entity),
      rows.map((r) => r.id),
      rows.map((r) => r.visibleTo),
      rows.map((r) => r.customerId ?? ''),
      rows.map((r) => r.merchantId ?? ''),
      rows.map((r) => r.op ?? 'put'),
    ],
  );
  const notice: ChangeNotice = {
    customerIds: unique(
      rows.filter((r) => r.visibleTo === 'all' || r.visibleTo === 'customer').map((r) => r.customerId),
    ),
    merchantIds: unique(
      rows.filter((r) => r.visibleTo === 'all' || r.visibleTo === 'merchant').map((r) => r.merchantId),
    ),
    staffOnly: rows.every((r) => r.visibleTo === 'staff'),
  };
  // Delivered at commit, to every API instance listening (PostgreSQL) or to this one (PGlite).
  for (const n of mergeNotices([notice]))
    await tx.query('select pg_notify($1, $2)', [changesChannel, JSON.stringify(n)]);
}

/** Transactions whose change-log rows are appended at their end, all at once. */
const deferredChanges = new WeakMap<Sql, ChangeRow[]>();

/**
 * Collects the change-log rows of `tx` (a batch of many commands) and returns what appends them at
 * the end of the transaction: the log's lock is then held for one insert and the commit, not for
 * the whole batch (every other writer waits on it), and a batch of 100 mutations pokes each client
 * once, not 100 times.
 */
export function deferChanges(tx: Sql): () => Promise<void> {
  const rows: ChangeRow[] = [];
  deferredChanges.set(tx, rows);
  return async () => {
    deferredChanges.delete(tx);
    if (rows.length > 0) await appendChanges(tx, rows);
  };
}

/**
 * The notices of one transaction as few as fit: a NOTIFY payload holds under 8,000 bytes, so ids
 * (at most 64 characters) go `per` of each kind to a notice.
 */
export function mergeNotices(notices: readonly ChangeNotice[], per = 50): ChangeNotice[] {
  if (notices.length === 0) return [];
  const customerIds = [...new Set(notices.flatMap((n) => n.customerIds))];
  const merchantIds = [...new Set(notices.flatMap((n) => n.merchantIds))];
  const staffOnly = notices.every((n) => n.staffOnly);
  const merged: ChangeNotice[] = [];
  for (let i = 0; i === 0 || i < Math.max(customerIds.length, merchantIds.length); i += per)
    merged.push({
      customerIds: customerIds.slice(i, i + per),
      merchantIds: merchantIds.slice(i, i + per),
      staffOnly,
    });
  return merged;
}

const unique = (ids: (string | null)[]): string[] => [...new Set(ids.filter((x): x is string => x !== null))];
