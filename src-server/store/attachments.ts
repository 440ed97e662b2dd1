import type { Sql } from '../db/database';

/** Attachment contents, stored beside the messages that list them. */

export interface StoredAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

export async function insertAttachments(
  tx: Sql,
  dossierId: string,
  messageId: string,
  files: readonly StoredAttachment[],
  at: string,
): Promise<void> {
  for (const f of files) {
    await tx.query(
      `insert into attachments (id, dossier_id, message_id, filename, content_type, size, sha256, content, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, decode($8, 'base64'), $9)`,
      [
        f.id,
        dossierId,
        messageId,
        f.filename,
        f.contentType,
        f.size,
        f.sha256,
        f.content.toString('base64'),
        at,
      ],
    );
  }
}

export interface AttachmentContent {
  messageId: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

export async function findAttachment(
  sql: Sql,
  dossierId: string,
  id: string,
): Promise<AttachmentContent | null> {
  const rows = await sql.query<{ messageId: string; filename: string; contentType: string; content: string }>(
    `select message_id as "messageId", filename, content_type as "contentType", encode(content, 'base64') as content
     from attachments where dossier_id = $1 and id = $2`,
    [dossierId, id],
  );
  const row = rows[0];
  return row ? { ...row, content: Buffer.from(row.content, 'base64') } : null;
}
