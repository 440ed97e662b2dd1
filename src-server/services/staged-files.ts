import type { AttachmentUpload } from '../../src-shared/contract/api';
import { stagedFileRetentionDays } from '../../src-shared/contract/api';
import type { Mutation } from '../../src-shared/contract/sync';
import type { Command } from '../../src-shared/domain/commands';
import type { Attachment } from '../../src-shared/domain/model';
import type { RefusalDetails } from '../../src-shared/domain/refusals';
import { refusalText } from '../../src-shared/domain/refusals';
import type { Decision } from '../../src-shared/domain/transitions';
import { ApiProblem } from '../http/problem';
import type { AccountRow } from '../store/people';
import type { Binding, StagedFile } from '../store/staged-files';
import {
  deleteStaleStagedFiles,
  findBoundFile,
  findStagedFile,
  insertStagedFile,
} from '../store/staged-files';
import { checkUpload, metaOf } from './attachments';
import type { ServerContext } from './context';

/**
 * Staff attach files to a reply or a forward in two steps: the file first (`PUT /uploads/{id}`,
 * staged), then the mutation that lists its metadata, which binds it to the new message in the
 * transaction that applies it. See docs/api.md (Uploads).
 */

/**
 * Stages one file under the id the client chose. Sending it again is harmless: the same file by
 * the same account answers its metadata again (`created` false), even once bound to its message.
 */
export async function stageUpload(
  ctx: ServerContext,
  account: AccountRow,
  id: string,
  upload: AttachmentUpload,
): Promise<{ created: boolean; attachment: Attachment }> {
  const file = { id, ...checkUpload(upload, 'body') };
  const at = new Date(ctx.clock.now()).toISOString();
  return ctx.db.transaction(async (tx) => {
    const bound = await findBoundFile(tx, id);
    if (bound) return { created: false, attachment: sameUpload(bound, file, account) };
    if (await insertStagedFile(tx, account.id, file, at)) return { created: true, attachment: metaOf(file) };
    const staged = await findStagedFile(tx, id);
    if (!staged) throw new Error(`staged file ${id} is neither new nor there`);
    return { created: false, attachment: sameUpload(staged, file, account) };
  });
}

function sameUpload(
  kept: StagedFile,
  sent: Attachment & { sha256: string },
  account: AccountRow,
): Attachment {
  const same =
    kept.accountId === account.id &&
    kept.sha256 === sent.sha256 &&
    kept.filename === sent.filename &&
    kept.contentType === sent.contentType;
  if (!same) {
    throw new ApiProblem(
      'conflict',
      'This upload id already names another file (other content, name or type, or another account): choose a new id.',
      [{ path: 'params.id', message: 'already used' }],
    );
  }
  return metaOf(kept);
}

/** The files a command (or pushed mutation) lists: its message's attachments. */
export function listedFiles(command: Command | Mutation): readonly Attachment[] {
  switch (command.name) {
    case 'dossier.reply':
    case 'dossier.forward_to_merchant':
    case 'customer.message':
    case 'merchant.message':
      return command.args.attachments ?? [];
    default:
      return [];
  }
}

/**
 * The refusal of a command listing a file that is not staged by its author exactly as listed (name,
 * type and size), or null when every one is.
 */
export function unstagedRefusal(
  listed: readonly Attachment[],
  staged: ReadonlyMap<string, StagedFile>,
): { code: 'conflict'; message: string; details: RefusalDetails } | null {
  for (const a of listed) {
    const s = staged.get(a.id);
    if (s && s.filename === a.filename && s.contentType === a.contentType && s.size === a.size) continue;
    const details: RefusalDetails = { reason: 'attachment_not_uploaded', attachmentId: a.id };
    return { code: 'conflict', message: refusalText(details, ''), details };
  }
  return null;
}

/** Where the listed files go: the decision's message that lists them. */
export function bindingOf(decision: Decision, listed: readonly Attachment[]): Binding {
  const first = listed[0];
  const message = first && decision.messages.find((m) => m.attachments.some((a) => a.id === first.id));
  if (!message) throw new Error('the listed files belong to no message of the decision');
  return {
    dossierId: decision.dossier.id,
    messageId: message.id,
    at: message.createdAt,
    ids: listed.map((a) => a.id),
  };
}

/** Housekeeping: staged files never bound within the retention period are deleted. */
export async function deleteStaleUploads(ctx: ServerContext): Promise<number> {
  const before = new Date(ctx.clock.now() - stagedFileRetentionDays * 86_400_000).toISOString();
  return deleteStaleStagedFiles(ctx.db, before);
}
