import type { AttachmentUpload } from '../../src-shared/contract/api';
import { attachmentUploadSchema } from '../../src-shared/contract/api';
import { attachmentLimits, attachmentTypes } from '../../src-shared/domain/model';
import type { Problem } from './problems';

/**
 * Files a party attaches, checked before anything is uploaded against the API's own limits
 * (src-shared/domain/model.ts `attachmentTypes`, `attachmentLimits`), then sent base64-encoded as
 * the contract's `AttachmentUpload`.
 */

export interface PickedFile {
  name: string;
  type: string;
  size: number;
}

const allowed: readonly string[] = attachmentTypes;

export function fileProblems(files: readonly PickedFile[]): Problem[] {
  const problems: Problem[] = [];
  if (files.length > attachmentLimits.perMessage) {
    problems.push({ code: 'too_many_files', max: attachmentLimits.perMessage });
  }
  for (const f of files) {
    if (!allowed.includes(f.type)) problems.push({ code: 'file_type', name: f.name });
    else if (f.size === 0) problems.push({ code: 'file_empty', name: f.name });
    else if (f.size > attachmentLimits.bytes)
      problems.push({ code: 'file_too_big', name: f.name, max: attachmentLimits.bytes });
  }
  return problems;
}

/** The accept list of a file input: the types the API takes. */
export const acceptedTypes = attachmentTypes.join(',');

function base64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: one call with millions of arguments would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The files as the API takes them; the names cut to what the contract allows, without slashes. */
export async function toUploads(files: readonly File[]): Promise<AttachmentUpload[]> {
  return Promise.all(
    files.map(async (file) =>
      attachmentUploadSchema.parse({
        filename: file.name.replace(/[/\\]/g, '_').trim().slice(0, 255) || 'file',
        contentType: file.type,
        contentBase64: base64(new Uint8Array(await file.arrayBuffer())),
      }),
    ),
  );
}
