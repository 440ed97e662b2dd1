import type { Sql } from '../db/database';

/**
 * The team's shared views and macros (`team_items`): each row keeps the whole document as the feed
 * sends it, beside what is constrained (its kind, its name's key) or checked (its author).
 */

export type TeamItemKind = 'view' | 'macro';

export interface TeamItemRow {
  kind: TeamItemKind;
  createdBy: string;
  /** The stored document (`TeamView` or `Macro`). */
  data: Record<string, unknown>;
}

export interface NewTeamItem {
  id: string;
  kind: TeamItemKind;
  nameKey: string;
  data: Record<string, unknown>;
  createdBy: string;
  updatedAt: string;
}

/**
 * Team writes one at a time, to the commit: the name and count checks read what every other writer
 * has committed (the unique index alone would answer a race with a failure, not a 409).
 */
export async function lockTeamItems(tx: Sql): Promise<void> {
  await tx.query('select pg_advisory_xact_lock(7203)');
}

export async function findTeamItem(sql: Sql, id: string): Promise<TeamItemRow | null> {
  const rows = await sql.query<TeamItemRow>(
    'select kind, created_by as "createdBy", data from team_items where id = $1',
    [id],
  );
  return rows[0] ?? null;
}

/** The name of another item of `kind` whose name reads as `nameKey`, or null when there is none. */
export async function findNameHolder(
  sql: Sql,
  kind: TeamItemKind,
  nameKey: string,
  exceptId: string,
): Promise<string | null> {
  const rows = await sql.query<{ name: string }>(
    `select data->>'name' as name from team_items where kind = $1 and name_key = $2 and id <> $3`,
    [kind, nameKey, exceptId],
  );
  return rows[0]?.name ?? null;
}

export async function countTeamItems(sql: Sql, kind: TeamItemKind): Promise<number> {
  const rows = await sql.query<{ n: string }>('select count(*)::text as n from team_items where kind = $1', [
    kind,
  ]);
  return Number(rows[0]?.n ?? '0');
}

/** Creates or replaces the item (its kind and author are the caller's to keep). */
export async function saveTeamItem(sql: Sql, item: NewTeamItem): Promise<void> {
  await sql.query(
    `insert into team_items (id, kind, name_key, data, created_by, updated_at)
     values ($1, $2, $3, $4::jsonb, $5, $6)
     on conflict (id) do update
       set name_key = excluded.name_key, data = excluded.data, updated_at = excluded.updated_at`,
    [item.id, item.kind, item.nameKey, JSON.stringify(item.data), item.createdBy, item.updatedAt],
  );
}

export async function deleteTeamItem(sql: Sql, id: string): Promise<void> {
  await sql.query('delete from team_items where id = $1', [id]);
}

/** Every item of `kind`, by name as a person reads it (the key), then id. */
export async function listTeamItems(sql: Sql, kind: TeamItemKind): Promise<Record<string, unknown>[]> {
  const rows = await sql.query<{ data: Record<string, unknown> }>(
    `select data from team_items where kind = $1 order by name_key collate "C", id collate "C"`,
    [kind],
  );
  return rows.map((r) => r.data);
}
