import { createHash } from 'node:crypto';
import type { AttachmentUpload } from '../../src-shared/contract/api';
import type { Attachment } from '../../src-shared/domain/model';
import { attachmentLimits } from '../../src-shared/domain/model';
import { ApiProblem } from '../http/problem';
import type { StoredAttachment } from '../store/attachments';

/** Checks uploaded files are what they say they are, before anything is stored. */

const signatures: Record<string, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'text/plain': (b) => !b.includes(0) && Buffer.from(b.toString('utf8'), 'utf8').equals(b),
};

/** A checked file: what it is, its digest and its bytes. Where it is kept is up to the caller. */
export type CheckedUpload = Omit<StoredAttachment, 'id'>;

/**
 * One upload checked: its size, and that its bytes are of the type it claims. `where` is the
 * field's path in the request, named in the problem.
 */
export function checkUpload(u: AttachmentUpload, where: string): CheckedUpload {
  const content = Buffer.from(u.contentBase64, 'base64');
  if (content.length > attachmentLimits.bytes) {
    throw new ApiProblem(
      'too_large',
      `${u.filename} is larger than ${attachmentLimits.bytes / 1024 / 1024} MB.`,
      [{ path: where, message: 'too large' }],
    );
  }
  const looksRight = signatures[u.contentType];
  if (!looksRight?.(content)) {
    throw new ApiProblem('invalid_request', `${u.filename} is not a valid ${u.contentType} file.`, [
      { path: `${where}.contentBase64`, message: `does not look like ${u.contentType}` },
    ]);
  }
  return {
    filename: u.filename,
    contentType: u.contentType,
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  };
}

export function prepareUploads(
  uploads: readonly AttachmentUpload[] | undefined,
  newId: () => string,
): { meta: Attachment[]; files: StoredAttachment[] } {
  const files = (uploads ?? []).map((u, i): StoredAttachment => ({
    id: newId(),
    ...checkUpload(u, `attachments.${i}`),
  }));
  return { meta: files.map(metaOf), files };
}

/** What a message lists of a stored file. */
export const metaOf = ({ id, filename, contentType, size }: Attachment): Attachment => ({
  id,
  filename,
  contentType,
  size,
});

/** Room for `files` of the largest size in one JSON body, base64-encoded, plus the text around them. */
export const uploadBodyLimit = (files: number): number =>
  Math.ceil((files * attachmentLimits.bytes * 4) / 3) + 64 * 1024;
