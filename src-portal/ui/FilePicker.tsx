import { useId, useRef } from 'react';
import { attachmentLimits } from '../../src-shared/domain/model';
import { acceptedTypes } from '../domain/files';
import type { Problem } from '../domain/problems';
import { useI18n } from '../i18n/I18nProvider';
import { Problems } from './fields';

interface FilePickerProps {
  id: string;
  files: readonly File[];
  onChange: (files: File[]) => void;
  problems?: readonly Problem[];
}

/**
 * Files to attach: the types and sizes the API takes are said up front, and each file picked is
 * checked at once (domain/files.ts), before anything is uploaded.
 */
export function FilePicker({ id, files, onChange, problems }: FilePickerProps) {
  const { t, size } = useI18n();
  const hintId = useId();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const problemsId = `${id}-problems`;
  const invalid = problems !== undefined && problems.length > 0;
  return (
    <div className="field field--files">
      <label className="field__label" htmlFor={id}>
        {t('files.label')}
      </label>
      <p className="field__hint" id={hintId}>
        {t('files.hint', { count: attachmentLimits.perMessage, size: size(attachmentLimits.bytes) })}
      </p>
      <Problems id={problemsId} problems={problems} />
      <input
        ref={input}
        id={id}
        type="file"
        className="file-input"
        multiple
        accept={acceptedTypes}
        aria-invalid={invalid || undefined}
        aria-describedby={[hintId, invalid ? problemsId : ''].filter(Boolean).join(' ')}
        onChange={(event) => {
          const picked = [...(event.target.files ?? [])];
          // Emptied, so picking the same file again after removing it is seen as a change.
          event.target.value = '';
          if (picked.length > 0) onChange([...files, ...picked]);
        }}
      />
      {files.length > 0 && (
        <>
          <p className="visually-hidden" id={listId}>
            {t('files.chosen')}
          </p>
          <ul className="files files--picked" aria-labelledby={listId}>
            {files.map((file, i) => (
              <li key={`${file.name}-${i}`} className="file">
                <span className="file__name">{file.name}</span>
                <span className="file__size">{size(file.size)}</span>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('files.remove', { name: file.name })}
                  onClick={() => {
                    onChange(files.filter((_, j) => j !== i));
                    input.current?.focus();
                  }}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
