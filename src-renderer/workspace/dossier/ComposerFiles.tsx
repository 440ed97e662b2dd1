import { useRef } from 'react';
import { attachmentLimits } from '../../../src-shared/domain/model';
import { useT } from '../../i18n/hooks';
import { ActionButton } from '../../ui/ActionButton';
import type { Translate } from '../../i18n/translate';
import type { ComposerFiles as Files, FileProblem } from './composer-files';
import { acceptedFiles } from './composer-files';

const limitMb = attachmentLimits.bytes / 1024 / 1024;

function problemText(t: Translate, p: FileProblem): string {
  switch (p.kind) {
    case 'type':
      return t('composer.fileProblem.type', { name: p.name });
    case 'size':
      return t('composer.fileProblem.size', { name: p.name, mb: limitMb });
    case 'empty':
      return t('composer.fileProblem.empty', { name: p.name });
    case 'count':
      return t('composer.fileProblem.count', { count: attachmentLimits.perMessage });
  }
}

/** Drawn, not a character: not every system has a font with the paper clip. */
function PaperClip() {
  return (
    <svg className="dossier-composer__clip" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
      <path
        d="M10.5 4.5 5.3 9.7a1.5 1.5 0 0 0 2.1 2.1l5.6-5.6a3 3 0 0 0-4.2-4.2L3.2 7.6a4.5 4.5 0 0 0 6.4 6.4l4.2-4.2"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
      />
    </svg>
  );
}

/**
 * "Attach files": the picker's button, for the composer's row of actions. Unavailable for an
 * internal note (files go to a party) or once the message holds all it may, saying why.
 */
export function AttachButton({
  files,
  note,
  onAdded,
}: {
  files: Files;
  note: boolean;
  /** Files were picked: the view makes room for the composer (its header compacts). */
  onAdded?: () => void;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const full = files.files.length >= attachmentLimits.perMessage;
  const why = note
    ? t('composer.attachNeedsParty')
    : full
      ? t('composer.fileProblem.count', { count: attachmentLimits.perMessage })
      : null;
  return (
    <>
      <ActionButton
        className="button button--small dossier-composer__attach"
        aria-description={t('composer.attachTitle', { count: attachmentLimits.perMessage, mb: limitMb })}
        unavailableBecause={why}
        unavailable={why !== null}
        onPress={() => input.current?.click()}
      >
        <PaperClip /> {t('composer.attach')}
      </ActionButton>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept={acceptedFiles}
        data-testid="composer-files"
        aria-label={t('composer.attach')}
        onChange={(event) => {
          const picked = [...(event.target.files ?? [])];
          event.target.value = '';
          void files.add(picked).then(onAdded);
        }}
      />
    </>
  );
}

/** The files chosen for the message, each removable, and why a file picked was left out. */
export function ChosenFiles({ files }: { files: Files }) {
  const t = useT();
  if (files.files.length === 0 && files.problems.length === 0) return null;
  return (
    <div className="dossier-composer__files">
      {files.files.length > 0 ? (
        <ul className="dossier-composer__file-list" aria-label={t('composer.files')}>
          {files.files.map((f) => (
            <li key={f.attachmentId} className="dossier-composer__file">
              <span className="dossier-composer__file-name">{f.filename}</span>
              <span className="dossier-composer__file-size">
                {t('timeline.fileSize', { kb: Math.ceil(f.size / 1024) })}
              </span>
              <button
                type="button"
                className="icon-button dossier-composer__file-remove"
                aria-label={t('composer.removeFile', { name: f.filename })}
                title={t('composer.removeFile', { name: f.filename })}
                onClick={() => files.remove(f.attachmentId)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {files.problems.length > 0 ? (
        <p className="form-error" role="alert">
          {files.problems.map((p) => problemText(t, p)).join(' ')}
        </p>
      ) : null}
    </div>
  );
}
