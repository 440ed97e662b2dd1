import type { SyncChange } from '../../src-shared/contract/sync';
import type { Sql } from '../db/database';

/** Reading the change log: one keyset page, scoped to what the caller may see. */

export type FeedScope =
  { kind: 'staff' } | { kind: 'customer'; id: string } | { kind: 'merchant'; id: string };

interface FeedRow {
  seq: string;
  entity: SyncChange['entity'];
  entity_id: string;
  op: 'put' | 'delete';
  data: unknown;
}

export async function readFeed(
  sql: Sql,
  scope: FeedScope,
  afterSeq: bigint,
  limit: number,
): Promise<{ rows: FeedRow[]; hasMore: boolean }> {
  const params: (string | number)[] = [afterSeq.toString(), limit + 1];
  let where = 'c.seq > $1::bigint';
  if (scope.kind === 'customer') {
    params.push(scope.id);
    where += ` and c.customer_id = $3 and c.visible_to in ('all', 'customer')`;
  } else if (scope.kind === 'merchant') {
    params.push(scope.id);
    where += ` and c.merchant_id = $3 and c.visible_to in ('all', 'merchant')`;
  }
  const rows = await sql.query<FeedRow>(
    `select c.seq::text as seq, c.entity, c.entity_id, c.op,
       case c.entity
         when 'dossier' then d.data
         when 'message' then m.data
         when 'event' then e.data
         when 'user' then jsonb_build_object('id', u.id, 'name', u.name, 'email', u.email, 'role', u.role)
         when 'merchant' then jsonb_build_object('id', mr.id, 'name', mr.name, 'email', mr.email,
                                                 'emailValid', mr.email_valid, 'language', mr.language)
       end as data
     from changes c
       left join dossiers d on c.entity = 'dossier' and d.id = c.entity_id
       left join messages m on c.entity = 'message' and m.id = c.entity_id
       left join audit_events e on c.entity = 'event' and e.id = c.entity_id
       left join users u on c.entity = 'user' and u.id = c.entity_id
       left join merchants mr on c.entity = 'merchant' and mr.id = c.entity_id
     where ${where}
     order by c.seq
     limit $2`,
    params,
  );
  const hasMore = rows.length > limit;
  return { rows: hasMore ? rows.slice(0, limit) : rows, hasMore };
}
