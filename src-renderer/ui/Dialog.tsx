import type { ReactNode, RefObject } from 'react';
import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import { useT } from '../i18n/hooks';
import { focusableIn, trapTab } from './focus';

export interface DialogProps {
  open: boolean;
  /** Called on Escape, on the close button and on a click on the backdrop. */
  onClose: () => void;
  /** The dialog's visible heading, which also names it. */
  title: string;
  /** Optional text under the title; it also describes the dialog. */
  description?: string;
  children?: ReactNode;
  /** Where the focus goes on opening; by default the first focusable control after the title. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** An extra class for the panel, e.g. `dialog--palette`. */
  className?: string;
}

/**
 * A modal dialog on the native `<dialog>`: the browser makes the page behind it inert; the focus is
 * also trapped here (Tab cycles inside) so it holds where `showModal` is missing. Escape closes it,
 * and on closing the focus returns to where it was.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  initialFocus,
  className,
}: DialogProps) {
  if (!open) return null;
  return (
    <OpenDialog
      onClose={onClose}
      title={title}
      description={description}
      initialFocus={initialFocus}
      className={className}
    >
      {children}
    </OpenDialog>
  );
}

function OpenDialog({
  onClose,
  title,
  description,
  children,
  initialFocus,
  className,
}: Omit<DialogProps, 'open'>) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal();
    else dialog.setAttribute('open', '');
    const target = initialFocus?.current ?? focusableIn(dialog).find((el) => !el.dataset.dialogClose);
    (target ?? dialog).focus();
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      previous?.focus();
    };
    // Focus is placed once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // The browser's own close request (e.g. Escape when it was not seen as a keydown): keep control.
    const cancel = (event: Event) => {
      event.preventDefault();
      onClose();
    };
    dialog.addEventListener('cancel', cancel);
    return () => dialog.removeEventListener('cancel', cancel);
  }, [onClose]);

  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      aria-modal="true"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          // Handled here so the browser raises no second close request.
          event.preventDefault();
          event.stopPropagation();
          onClose();
          return;
        }
        if (ref.current) trapTab(event, ref.current);
      }}
      onMouseDown={(event) => {
        // A press on the backdrop lands on the <dialog> itself, outside its panel.
        if (event.target === ref.current) onClose();
      }}
    >
      <div className="dialog__panel">
        <header className="dialog__header">
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          <button
            type="button"
            className="icon-button"
            data-dialog-close="true"
            aria-label={t('dialog.close')}
            onClick={onClose}
          >
            <span aria-hidden="true">×</span>
          </button>
        </header>
        {description ? (
          <p id={descriptionId} className="dialog__description">
            {description}
          </p>
        ) : null}
        {children}
      </div>
    </dialog>
  );
}
