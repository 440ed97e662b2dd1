import { useState } from 'react';
import type { Attachment } from '../../../src-shared/domain/model';
import { attachmentLimits } from '../../../src-shared/domain/model';
import { useT } from '../../i18n/hooks';
import { Dialog } from '../../ui/Dialog';
import type { Translate } from '../../i18n/translate';
import type { FileProblem, FileState } from './use-file';
import { saveFile, useBlobSource, useFile, viewOf } from './use-file';

/**
 * The files a message carries, each an accessible control by its declared type (use-file.ts):
 * images previewed inline and opened larger in a dialog, PDFs in a viewer dialog, text downloaded.
 * A file is never rendered as HTML: its Blob always has one of the allowed types, the one declared.
 */
export function Attachments({
  dossierId,
  attachments,
}: {
  dossierId: string;
  attachments: readonly Attachment[];
}) {
  const t = useT();
  return (
    <ul className="dossier-msg__files" aria-label={t('timeline.attachments')}>
      {attachments.map((attachment) => (
        <li key={attachment.id} className="dossier-file">
          <FileControl dossierId={dossierId} attachment={attachment} />
        </li>
      ))}
    </ul>
  );
}

interface FileProps {
  dossierId: string;
  attachment: Attachment;
}

function FileControl({ dossierId, attachment }: FileProps) {
  const view = viewOf(attachment);
  if (view === 'image') return <ImageFile dossierId={dossierId} attachment={attachment} />;
  if (view === 'pdf') return <PdfFile dossierId={dossierId} attachment={attachment} />;
  if (view === 'download') return <DownloadFile dossierId={dossierId} attachment={attachment} />;
  return <UnopenedFile attachment={attachment} tooLarge={view === 'tooLarge'} />;
}

function FileName({ attachment }: { attachment: Attachment }) {
  const t = useT();
  return (
    <span className="dossier-file__name">
      {attachment.filename}{' '}
      <span className="dossier-msg__size">
        {t('timeline.fileSize', { kb: Math.ceil(attachment.size / 1024) })}
      </span>
    </span>
  );
}

/** Loading, or why the file did not open with a way to try again; nothing once it is there. */
function FileNote({
  state,
  onRetry,
  announce,
}: {
  state: FileState;
  onRetry: () => void;
  announce: boolean;
}) {
  const t = useT();
  if (state.status === 'loading') {
    return (
      <span className="dossier-file__note" role={announce ? 'status' : undefined}>
        {t('file.loading')}
      </span>
    );
  }
  if (state.status !== 'failed') return null;
  return (
    <span className="dossier-file__problem" role={announce ? 'alert' : undefined}>
      {problemText(t, state.problem)}{' '}
      {state.problem === 'notFound' || state.problem === 'tooLarge' ? null : (
        <button type="button" className="button button--small" onClick={onRetry}>
          {t('file.retry')}
        </button>
      )}
    </span>
  );
}

function problemText(t: Translate, problem: FileProblem): string {
  return problem === 'tooLarge'
    ? t('file.problem.tooLarge', { mb: attachmentLimits.bytes / 1024 / 1024 })
    : t(`file.problem.${problem}`);
}

function DownloadButton({ blob, filename }: { blob: Blob | null; filename: string }) {
  const t = useT();
  return (
    <button
      type="button"
      className="button"
      disabled={!blob}
      onClick={() => {
        if (blob) saveFile(blob, filename);
      }}
    >
      {t('file.download')}
    </button>
  );
}

/** A photo: its thumbnail comes as the message shows; a click opens it larger. */
function ImageFile({ dossierId, attachment }: FileProps) {
  const t = useT();
  const { state, load } = useFile(dossierId, attachment, true);
  const [open, setOpen] = useState(false);
  const blob = state.status === 'ready' ? state.blob : null;
  const thumbnail = useBlobSource(blob);
  const large = useBlobSource(blob);
  return (
    <>
      {blob ? (
        <button
          type="button"
          className="dossier-file__thumb"
          aria-label={t('file.view', { name: attachment.filename })}
          onClick={() => setOpen(true)}
        >
          <img ref={thumbnail} alt="" />
        </button>
      ) : (
        <span className="dossier-file__thumb dossier-file__thumb--empty" aria-hidden="true" />
      )}
      <FileName attachment={attachment} />
      <FileNote state={state} onRetry={() => void load()} announce={false} />
      <Dialog
        open={open && blob !== null}
        onClose={() => setOpen(false)}
        title={attachment.filename}
        className="dialog--file"
      >
        <img ref={large} className="dossier-file__large" alt={attachment.filename} />
        <div className="dossier-dialog__buttons">
          <DownloadButton blob={blob} filename={attachment.filename} />
        </div>
      </Dialog>
    </>
  );
}

/** A PDF, in a viewer dialog, with a download for when the viewer cannot show it. */
function PdfFile({ dossierId, attachment }: FileProps) {
  const t = useT();
  const { state, load, release } = useFile(dossierId, attachment, false);
  const [open, setOpen] = useState(false);
  const blob = state.status === 'ready' && state.file.contentType === 'application/pdf' ? state.blob : null;
  const frame = useBlobSource(blob);
  const close = () => {
    setOpen(false);
    release();
  };
  return (
    <>
      <FileName attachment={attachment} />
      <button
        type="button"
        className="button button--small"
        aria-label={t('file.openNamed', { name: attachment.filename })}
        onClick={() => {
          setOpen(true);
          void load();
        }}
      >
        {t('file.open')}
      </button>
      <Dialog open={open} onClose={close} title={attachment.filename} className="dialog--file">
        {blob ? (
          // Not sandboxed: Chromium (and Electron) refuse to run their PDF viewer in a sandboxed
          // frame. The Blob's type is pinned to application/pdf, so the frame shows a PDF or nothing.
          <iframe
            ref={frame}
            className="dossier-file__pdf"
            title={t('file.pdfViewer', { name: attachment.filename })}
            referrerPolicy="no-referrer"
          />
        ) : (
          <FileNote state={state} onRetry={() => void load()} announce />
        )}
        <p className="dossier-file__hint">{t('file.pdfHint')}</p>
        <div className="dossier-dialog__buttons">
          <DownloadButton blob={blob} filename={attachment.filename} />
        </div>
      </Dialog>
    </>
  );
}

/** Any other allowed type (text): saved under its own name, never shown in the page. */
function DownloadFile({ dossierId, attachment }: FileProps) {
  const t = useT();
  const { state, load, release } = useFile(dossierId, attachment, false);
  const download = async () => {
    const ready = await load();
    if (!ready) return;
    saveFile(ready.blob, attachment.filename);
    release();
  };
  return (
    <>
      <FileName attachment={attachment} />
      <button
        type="button"
        className="button button--small"
        aria-label={t('file.downloadNamed', { name: attachment.filename })}
        disabled={state.status === 'loading'}
        onClick={() => void download()}
      >
        {t('file.download')}
      </button>
      <FileNote state={state} onRetry={() => void download()} announce />
    </>
  );
}

/** A file of a type that is not opened here, or over the limit: named, and why it does not open. */
function UnopenedFile({ attachment, tooLarge }: { attachment: Attachment; tooLarge: boolean }) {
  const t = useT();
  return (
    <>
      <FileName attachment={attachment} />
      <span className="dossier-file__problem">
        {tooLarge ? problemText(t, 'tooLarge') : t('file.refusedType')}
      </span>
    </>
  );
}
