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
  // One row per entity: the last state of it in this commit wins.
  const rows = [...new Map(changed.map((r) => [`${r.entity}:${r.id}`, r])).values()];
  await tx.query('select pg_advisory_xact_lock(7202)');
  await tx.query(
    `insert into changes (seq, entity, entity_id, op, visible_to, customer_id, merchant_id)
     select nextval('change_seq'), e, i, 'put', v, nullif(c, ''), nullif(m, '')
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) with ordinality as x(e, i, v, c, m, n)
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
  await tx.query('select pg_notify($1, $2)', [changesChannel, JSON.stringify(notice)]);
}

const unique = (ids: (string | null)[]): string[] => [...new Set(ids.filter((x): x is string => x !== null))];
