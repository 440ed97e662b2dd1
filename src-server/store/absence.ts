import type { Role } from '../../src-shared/domain/vocabulary';
import type { Sql } from '../db/database';

/** What deciding an assignment needs to know of each would-be assignee, in one read. */
export async function assigneesById(
  sql: Sql,
  ids: readonly string[],
): Promise<Map<string, { role: Role; absent: boolean }>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<{ id: string; role: Role; absent: boolean }>(
    'select id, role, absent from users where id = any($1::text[])',
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, { role: r.role, absent: r.absent }]));
}

/** Marks a staff member absent or back: the member as now stored, or null when there is none. */
export async function setAbsent(
  sql: Sql,
  userId: string,
  absent: boolean,
): Promise<{ id: string; name: string; email: string; role: Role; absent: boolean } | null> {
  const rows = await sql.query<{ id: string; name: string; email: string; role: Role; absent: boolean }>(
    `update users set absent = $2 where id = $1 and role in ('agent', 'supervisor')
     returning id, name, email, role, absent`,
    [userId, absent],
  );
  return rows[0] ?? null;
}
