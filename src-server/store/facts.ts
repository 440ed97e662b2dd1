import type { DossierFacts } from '../../src-shared/domain/stats-facts';
import type { Sql } from '../db/database';

/** The dossiers whose facts are missing or older than the dossier, `limit` at a time, by id. */
export async function staleFactIds(sql: Sql, afterId: string, limit: number): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    `select d.id from dossiers d left join dossier_facts f on f.id = d.id
     where d.id > $1 and (f.version is null or f.version <> d.version)
     order by d.id limit $2`,
    [afterId, limit],
  );
  return rows.map((r) => r.id);
}

/** The dossiers and their audit trails, as stored (JSON text, parsed by the caller). */
export async function readHistories(
  sql: Sql,
  ids: readonly string[],
): Promise<{ dossiers: string[]; events: { dossierId: string; data: string }[] }> {
  const dossiers = await sql.query<{ data: string }>(
    'select data::text as data from dossiers where id = any($1::text[])',
    [[...ids]],
  );
  const events = await sql.query<{ dossier_id: string; data: string }>(
    'select dossier_id, data::text as data from audit_events where dossier_id = any($1::text[])',
    [[...ids]],
  );
  return {
    dossiers: dossiers.map((r) => r.data),
    events: events.map((r) => ({ dossierId: r.dossier_id, data: r.data })),
  };
}

export async function upsertFacts(sql: Sql, facts: readonly DossierFacts[]): Promise<void> {
  if (facts.length === 0) return;
  await sql.query(
    `insert into dossier_facts (id, version, data)
     select i, v, d::jsonb from unnest($1::text[], $2::int[], $3::text[]) as x(i, v, d)
     on conflict (id) do update set version = excluded.version, data = excluded.data`,
    [facts.map((f) => f.id), facts.map((f) => f.version), facts.map((f) => JSON.stringify(f))],
  );
}

/** Every dossier's facts, as JSON text. */
export async function readAllFacts(sql: Sql): Promise<string[]> {
  const rows = await sql.query<{ data: string }>('select data::text as data from dossier_facts');
  return rows.map((r) => r.data);
}
