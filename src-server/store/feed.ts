import type { SyncChange } from '../../src-shared/contract/sync';
import type { Sql, SqlParam } from '../db/database';

/**
 * Reading the change log: keyset pages, each one query, with each entity's current data joined at
 * read time. `readFeed` is the log in commit order; the `readSnapshot…` functions are the first
 * phases of the staff's first sync (docs/sync.md, "The first sync"), whose last phase is `readFeed`.
 */

export type FeedScope =
  { kind: 'staff' } | { kind: 'customer'; id: string } | { kind: 'merchant'; id: string };

export interface FeedRow {
  /** Where the row sits in the order its page was read in: a seq (decimal), or an entity id. */
  key: string;
  entity: SyncChange['entity'];
  entity_id: string;
  op: 'put' | 'delete';
  /** The entity's current document as JSON text; null when it is gone. */
  data: string | null;
}

export interface FeedPage {
  rows: FeedRow[];
  hasMore: boolean;
}

/**
 * The current data of the change log row `c`, as JSON text: pages go out as the documents are
 * stored, never parsed and serialized again on the way (services/sync.ts `pullBody`). Subqueries
 * under a `case`, not joins: only the table of the row's entity is looked up (a join per entity
 * would probe all seven for every row). `dossier`: the expression of a dossier `d`'s document.
 */
const entityDataOf = (dossier: string) => `(case c.entity
    when 'dossier' then (select ${dossier} from dossiers d where d.id = c.entity_id)
    when 'message' then (select m.data from messages m where m.id = c.entity_id)
    when 'event' then (select e.data from audit_events e where e.id = c.entity_id)
    when 'user' then (select jsonb_build_object('id', u.id, 'name', u.name, 'email', u.email, 'role', u.role,
                                                'absent', u.absent)
                      from users u where u.id = c.entity_id)
    when 'merchant' then (select jsonb_build_object('id', mr.id, 'name', mr.name, 'email', mr.email,
                                                    'emailValid', mr.email_valid, 'language', mr.language)
                          from merchants mr where mr.id = c.entity_id)
    when 'team_view' then (select t.data from team_items t where t.id = c.entity_id and t.kind = 'view')
    when 'macro' then (select t.data from team_items t where t.id = c.entity_id and t.kind = 'macro')
  end)::text as data`;
const entityData = entityDataOf('d.data');
/**
 * A merchant never gets the customer's e-mail address: removed in the database, so it never leaves
 * it for them (services/visibility.ts `viewOf` removes it again). Staff documents go out untouched.
 */
const merchantEntityData = entityDataOf(`d.data #- '{transaction,customerEmail}'`);

/** What a scope may see of the change log rows aliased `alias`; `$3` is the party's id. */
function scopeFilter(scope: FeedScope, alias: string): string {
  if (scope.kind === 'customer')
    return ` and ${alias}.customer_id = $3 and ${alias}.visible_to in ('all', 'customer')`;
  if (scope.kind === 'merchant')
    return ` and ${alias}.merchant_id = $3 and ${alias}.visible_to in ('all', 'merchant')`;
  return '';
}

/** Reads `limit + 1` rows to know whether there is more, and keeps `limit` of them. */
function toPage<R>(rows: R[], limit: number): { rows: R[]; hasMore: boolean } {
  const hasMore = rows.length > limit;
  return { rows: hasMore ? rows.slice(0, limit) : rows, hasMore };
}

export interface FeedOptions {
  /**
   * Also count the rows the scope has after `afterSeq` (or after `snapshotUpTo`, when later), in the
   * same statement: what a progress bar needs, and it costs what is left to pull, not the whole log.
   */
  count?: boolean;
  /**
   * The last phase of a staff snapshot begun at this seq: rows at or below it that the first phases
   * sent (users, merchants, team items, dossiers open now) are left out. A dossier open now whose row
   * is at or below it has not changed since the snapshot began, so it was open when the open dossiers
   * were read; a team item's put row likewise means the item is there, and was read. A deleted team
   * item's row stays: sending its deletion is harmless, and keeps the snapshot's count exact.
   */
  snapshotUpTo?: bigint;
}

/**
 * The changes after `afterSeq` the scope may see, in commit order. The page is read by one ordered
 * walk of the primary key, so no upper bound is put on `seq` (without statistics, as on PGlite, a
 * range would make the planner sort the whole range for every page).
 */
export async function readFeed(
  sql: Sql,
  scope: FeedScope,
  afterSeq: bigint,
  limit: number,
  options: FeedOptions = {},
): Promise<FeedPage & { after: number | null }> {
  const params: SqlParam[] = [afterSeq.toString(), limit + 1];
  if (scope.kind !== 'staff') params.push(scope.id);
  let counted = '$1::bigint';
  let snapshot = '';
  if (options.snapshotUpTo !== undefined) {
    if (scope.kind !== 'staff') throw new Error('A snapshot is read by staff only.');
    params.push(options.snapshotUpTo.toString());
    counted = 'greatest($1::bigint, $3::bigint)';
    // A correlated scalar, looked up for the dossier rows only: as `not exists`, PostgreSQL would
    // hash every open dossier for every page.
    snapshot = ` and (c.seq > $3::bigint or (c.entity not in ('user', 'merchant')
       and (c.entity not in ('team_view', 'macro') or c.op = 'delete') and (c.entity <> 'dossier'
       or coalesce((select o.status from dossiers o where o.id = c.entity_id), 'closed') = 'closed')))`;
  }
  const count = options.count
    ? `(select count(*) from changes x where x.seq > ${counted}${scopeFilter(scope, 'x')})::text`
    : 'null::text';
  const rows = await sql.query<FeedRow & { after: string | null }>(
    `select c.seq::text as key, c.entity, c.entity_id, c.op,
       ${scope.kind === 'merchant' ? merchantEntityData : entityData}, ${count} as after
     from changes c
     where c.seq > $1::bigint${scopeFilter(scope, 'c')}${snapshot}
     order by c.seq
     limit $2`,
    params,
  );
  const after = rows[0]?.after;
  return { ...toPage(rows, limit), after: after == null ? null : Number(after) };
}

/**
 * Where a staff snapshot starts, read in one statement: the last committed seq (appends commit in
 * seq order, so every seq up to it is committed) and how many rows the log holds then, all at or
 * below it (`change_log_size`, kept by triggers: no count over the whole log).
 */
export async function readSnapshotStart(sql: Sql): Promise<{ upTo: bigint; total: number }> {
  const rows = await sql.query<{ up_to: string; total: string }>(
    `select coalesce((select max(seq) from changes), 0)::text as up_to,
       coalesce((select entries from change_log_size), 0)::text as total`,
  );
  const row = rows[0];
  return { upTo: BigInt(row?.up_to ?? '0'), total: Number(row?.total ?? '0') };
}

/** Snapshot, first phases: the staff users or the merchants of the change log, by id. */
export async function readSnapshotPeople(
  sql: Sql,
  entity: 'user' | 'merchant',
  afterId: string,
  limit: number,
): Promise<FeedPage> {
  const rows = await sql.query<FeedRow>(
    `select c.entity_id as key, c.entity, c.entity_id, c.op, ${entityData}
     from changes c
     where c.entity = $1 and c.entity_id > $2
     order by c.entity_id
     limit $3`,
    [entity, afterId, limit + 1],
  );
  return toPage(rows, limit);
}

/**
 * Snapshot, then: the team's shared views and macros, from their table by id (every one there has
 * its put row in the log; a deleted one's row is a deletion, which the log phase sends).
 */
export async function readSnapshotTeamItems(sql: Sql, afterId: string, limit: number): Promise<FeedPage> {
  const rows = await sql.query<FeedRow>(
    `select t.id as key, case t.kind when 'view' then 'team_view' else 'macro' end as entity,
       t.id as entity_id, 'put' as op, t.data::text as data
     from team_items t
     where t.id > $1
     order by t.id
     limit $2`,
    [afterId, limit + 1],
  );
  return toPage(rows, limit);
}

/** Snapshot, then: the dossiers open now, by id (`dossiers_open_by_id`), with their current data. */
export async function readSnapshotOpenDossiers(sql: Sql, afterId: string, limit: number): Promise<FeedPage> {
  const rows = await sql.query<FeedRow>(
    `select d.id as key, 'dossier' as entity, d.id as entity_id, 'put' as op, d.data::text as data
     from dossiers d
     where d.status <> 'closed' and d.id > $1
     order by d.id
     limit $2`,
    [afterId, limit + 1],
  );
  return toPage(rows, limit);
}
