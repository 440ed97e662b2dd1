import type { Attachment } from '../../src-shared/domain/model';
import type { Sql } from '../db/database';

/**
 * Files staff upload before the mutation that lists them (`PUT /uploads/{id}`), kept apart until
 * that mutation is applied: binding moves each into `attachments` under the same id.
 */

export interface StagedFile extends Attachment {
  /** Who uploaded it: only they may bind it. */
  accountId: string;
  sha256: string;
}

export interface NewStagedFile extends Attachment {
  sha256: string;
  content: Buffer;
}

/** Staged ids are UUIDs: anything else names no staged file (and must not reach a uuid cast). */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const columns = `id::text as id, account_id as "accountId", filename, content_type as "contentType", size, sha256`;

/** Stores the file unless its id is taken; true when it was stored. */
export async function insertStagedFile(
  sql: Sql,
  accountId: string,
  f: NewStagedFile,
  at: string,
): Promise<boolean> {
  const rows = await sql.query(
    `insert into staged_files (id, account_id, filename, content_type, size, sha256, content, created_at)
     values ($1::uuid, $2, $3, $4, $5, $6, decode($7, 'base64'), $8)
     on conflict (id) do nothing returning 1`,
    [f.id, accountId, f.filename, f.contentType, f.size, f.sha256, f.content.toString('base64'), at],
  );
  return rows.length > 0;
}

export async function findStagedFile(sql: Sql, id: string): Promise<StagedFile | null> {
  if (!uuid.test(id)) return null;
  const rows = await sql.query<StagedFile>(`select ${columns} from staged_files where id = $1::uuid`, [id]);
  return rows[0] ?? null;
}

/** A file already bound to a message under this id, with the message's author (its uploader). */
export async function findBoundFile(sql: Sql, id: string): Promise<StagedFile | null> {
  const rows = await sql.query<Omit<StagedFile, 'accountId'> & { accountId: string | null }>(
    `select a.id, m.data->'author'->>'id' as "accountId", a.filename, a.content_type as "contentType",
            a.size, a.sha256
     from attachments a join messages m on m.id = a.message_id where a.id = $1`,
    [id],
  );
  const row = rows[0];
  return row ? { ...row, accountId: row.accountId ?? '' } : null;
}

/**
 * The account's staged files among `ids`, locked until the transaction ends: two mutations listing
 * one file bind it once (the second then finds it gone).
 */
export async function lockStagedFiles(
  tx: Sql,
  accountId: string,
  ids: readonly string[],
): Promise<Map<string, StagedFile>> {
  const wellFormed = [...new Set(ids)].filter((id) => uuid.test(id)).sort();
  if (wellFormed.length === 0) return new Map();
  const rows = await tx.query<StagedFile>(
    `select ${columns} from staged_files where account_id = $1 and id = any($2::uuid[]) order by id for update`,
    [accountId, wellFormed],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export interface Binding {
  dossierId: string;
  messageId: string;
  /** The message's time: the attachment's. */
  at: string;
  ids: readonly string[];
}

/** Moves staged files (locked by `lockStagedFiles`) into `attachments`, bound to their messages. */
export async function bindStagedFiles(tx: Sql, bindings: readonly Binding[]): Promise<void> {
  const rows = bindings.flatMap((b) => b.ids.map((id) => ({ ...b, id })));
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.id);
  const moved = await tx.query(
    `insert into attachments (id, dossier_id, message_id, filename, content_type, size, sha256, content, created_at)
     select s.id::text, x.d, x.m, s.filename, s.content_type, s.size, s.sha256, s.content, x.at::timestamptz
     from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as x(i, d, m, at)
     join staged_files s on s.id = x.i::uuid
     returning 1`,
    [ids, rows.map((r) => r.dossierId), rows.map((r) => r.messageId), rows.map((r) => r.at)],
  );
  if (moved.length !== rows.length) throw new Error('a staged file vanished while it was locked');
  await tx.query('delete from staged_files where id = any($1::uuid[])', [ids]);
}

/** Deletes the staged files uploaded before `before` and never bound; how many. */
export async function deleteStaleStagedFiles(sql: Sql, before: string): Promise<number> {
  const rows = await sql.query('delete from staged_files where created_at < $1 returning 1', [before]);
  return rows.length;
}
