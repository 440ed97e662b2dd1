import type { RefObject } from 'react';
import { useId, useRef, useState } from 'react';
import type { MessageKey } from '../../i18n/catalogue';
import { useT } from '../../i18n/hooks';
import { Dialog } from '../../ui/Dialog';
import type { ViewProblem, ViewRefusal } from './views';
import { viewNameMax } from './views';

export interface ViewNameDialogProps {
  open: boolean;
  title: string;
  description?: string;
  initialName: string;
  submitLabel: string;
  onClose: () => void;
  /** Saves under the name; answers why not, or null when it was saved. */
  onSubmit: (name: string, shared: boolean) => Promise<ViewRefusal | null>;
  /** Offers "Share with the team" (a supervisor saving a view). */
  canShare?: boolean;
}

const problemKeys = {
  blank: 'views.error.blank',
  tooLong: 'views.error.tooLong',
  duplicate: 'views.error.duplicate',
  invalid: 'views.error.invalid',
  missing: 'views.error.missing',
  offline: 'views.error.offline',
  forbidden: 'views.error.forbidden',
} as const satisfies Record<ViewProblem, MessageKey>;

/** Asks a view's name (to save or to rename it), and says plainly why a name is refused. */
export function ViewNameDialog(props: ViewNameDialogProps) {
  const { open, title, description, onClose } = props;
  const input = useRef<HTMLInputElement>(null);
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description} initialFocus={input}>
      <ViewNameForm {...props} inputRef={input} />
    </Dialog>
  );
}

function ViewNameForm({
  initialName,
  submitLabel,
  onClose,
  onSubmit,
  canShare = false,
  inputRef,
}: ViewNameDialogProps & { inputRef: RefObject<HTMLInputElement | null> }) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState(initialName);
  const [shared, setShared] = useState(false);
  const [problem, setProblem] = useState<ViewRefusal | null>(null);
  const [busy, setBusy] = useState(false);

  const message = (p: ViewRefusal): string => {
    if (typeof p === 'object') return t('views.error.refused', { message: p.refused });
    const key = problemKeys[p];
    return key === 'views.error.tooLong'
      ? t(key, { max: viewNameMax })
      : key === 'views.error.duplicate'
        ? t(key, { name: name.trim() })
        : t(key);
  };

  return (
    <form
      className="view-name-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        setBusy(true);
        void onSubmit(name, shared).then(
          (result) => {
            setBusy(false);
            setProblem(result);
          },
          () => {
            setBusy(false);
            setProblem('invalid');
          },
        );
      }}
    >
      <div className="field">
        <label htmlFor={id}>{t('filter.viewName')}</label>
        <input
          ref={inputRef}
          id={id}
          type="text"
          autoComplete="off"
          maxLength={viewNameMax + 20}
          value={name}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-error` : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setProblem(null);
          }}
        />
        {problem ? (
          <p id={`${id}-error`} className="filters__field-error" role="alert">
            {message(problem)}
          </p>
        ) : null}
      </div>
      {canShare ? (
        <div className="view-name-form__share">
          <label>
            <input
              type="checkbox"
              checked={shared}
              aria-describedby={`${id}-share`}
              onChange={(event) => {
                setShared(event.target.checked);
                setProblem(null);
              }}
            />
            {t('views.share')}
          </label>
          <p id={`${id}-share`} className="view-name-form__hint">
            {t('views.shareHint')}
          </p>
        </div>
      ) : null}
      <div className="filters-dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('filters.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
