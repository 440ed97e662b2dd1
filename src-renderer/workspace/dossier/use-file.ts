import { useCallback, useEffect, useRef, useState } from 'react';
import type { BridgeError } from '../../../src-shared/contract/bridge';
import type { Attachment } from '../../../src-shared/domain/model';
import { attachmentLimits, isAttachmentType } from '../../../src-shared/domain/model';
import type { OpenedFile } from '../../cache/files';
import { useDesk } from '../../data/desk';
import { useCacheQuery } from '../../data/live';

/**
 * A party's file in the dossier view: how it is shown (decided by its declared type, from the
 * allowed list only), its loading, and the blob: URLs it is shown through — made for each element
 * that shows it and revoked when that element goes, so no file outlives its view.
 */

/** Images are previewed, PDFs viewed, other allowed types downloaded; anything else is not opened. */
export type FileView = 'image' | 'pdf' | 'download' | 'refused' | 'tooLarge';

export function viewOf(attachment: Attachment): FileView {
  const { contentType } = attachment;
  if (!isAttachmentType(contentType)) return 'refused';
  if (attachment.size > attachmentLimits.bytes) return 'tooLarge';
  if (contentType.startsWith('image/')) return 'image';
  return contentType === 'application/pdf' ? 'pdf' : 'download';
}

/** Why a file did not open, in the words the agent is told. */
export type FileProblem = 'offline' | 'notFound' | 'tooLarge' | 'session' | 'busy' | 'failed';

export function problemOf(error: BridgeError): FileProblem {
  switch (error.code) {
    case 'offline':
      return 'offline';
    case 'not_found':
    case 'forbidden':
      return 'notFound';
    // The only request a valid attachment id can make invalid: a file over the limit.
    case 'invalid_request':
      return 'tooLarge';
    case 'unauthenticated':
      return 'session';
    case 'rate_limited':
      return 'busy';
    default:
      return 'failed';
  }
}

export type FileState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; file: OpenedFile; blob: Blob }
  | { status: 'failed'; problem: FileProblem };

/**
 * Loads the file on demand (`load`), or at once when `auto` (image previews). The Blob is typed
 * with the file's own type, which must be one of the allowed ones and the one its message declared.
 */
export function useFile(dossierId: string, attachment: Attachment, auto: boolean) {
  const desk = useDesk();
  const [state, setState] = useState<FileState>(auto ? { status: 'loading' } : { status: 'idle' });
  const latest = useRef(0);

  /** Asks the desk for the file; the answer is kept only while `current` says it is still wanted. */
  const fetchFile = useCallback(
    async (current: () => boolean): Promise<Extract<FileState, { status: 'ready' }> | null> => {
      const answer = await desk
        .openFile(dossierId, attachment.id)
        .catch((): { ok: false; error: BridgeError } => ({
          ok: false,
          error: { code: 'server_error', message: '' },
        }));
      if (!current()) return null;
      if (!answer.ok) {
        setState({ status: 'failed', problem: problemOf(answer.error) });
        return null;
      }
      const { contentType, bytes } = answer.value;
      if (contentType !== attachment.contentType || !isAttachmentType(contentType)) {
        setState({ status: 'failed', problem: 'failed' });
        return null;
      }
      const blob = new Blob([bytes], { type: contentType });
      const ready = { status: 'ready' as const, file: answer.value, blob };
      setState(ready);
      return ready;
    },
    [desk, dossierId, attachment.id, attachment.contentType],
  );

  const load = useCallback(() => {
    const run = ++latest.current;
    setState({ status: 'loading' });
    return fetchFile(() => latest.current === run);
  }, [fetchFile]);

  /** Lets the file go (a viewer closed): its URLs are revoked with the elements that showed it. */
  const release = useCallback(() => {
    latest.current++;
    setState({ status: 'idle' });
  }, []);

  // The agent's own file shows with its message before the outbox's transaction has committed it:
  // a preview read too early is read again once the file is there. Urgent, as the preview is what
  // the agent looks at: a query that is not waits for the urgent ones, which a busy desk (offline,
  // retrying) can keep running — CI once saw "Not on this computer yet" for a file just attached.
  const waiting = useCacheQuery(
    ({ db }) => db.outboxFiles.where(':id').equals(attachment.id).count(),
    [attachment.id],
    0,
    { tables: ['outboxFiles'], urgent: true },
  );
  useEffect(() => {
    if (!auto) return;
    const run = ++latest.current;
    let mounted = true;
    void fetchFile(() => mounted && latest.current === run);
    return () => {
      mounted = false;
    };
  }, [auto, fetchFile, waiting]);

  return { state, load, release };
}

/**
 * A ref for the <img> or <iframe> showing a file: a blob: URL of its own, revoked when the element
 * goes (or shows another file). Made per element, so React's double mount in development is safe.
 */
export function useBlobSource(blob: Blob | null) {
  return useCallback(
    (element: HTMLImageElement | HTMLIFrameElement | null) => {
      if (!element || !blob) return;
      const url = URL.createObjectURL(blob);
      element.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [blob],
  );
}

/** Saves the file under its original name (the browser's or the desktop's download). */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download took hold of the Blob when it started; the URL is no longer needed after a moment.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
