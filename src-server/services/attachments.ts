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

export function prepareUploads(
  uploads: readonly AttachmentUpload[] | undefined,
  newId: () => string,
): { meta: Attachment[]; files: StoredAttachment[] } {
  const files = (uploads ?? []).map((u, i): StoredAttachment => {
    const content = Buffer.from(u.contentBase64, 'base64');
    const where = `attachments.${i}`;
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
      id: newId(),
      filename: u.filename,
      contentType: u.contentType,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    };
  });
  return {
    meta: files.map(({ id, filename, contentType, size }) => ({ id, filename, contentType, size })),
    files,
  };
}
