import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/hooks';
import type { Toast } from './toast-queue';
import { toastDuration } from './toast-queue';

export interface ToastsProps {
  toasts: readonly Toast[];
  onDismiss: (id: string) => void;
}

/**
 * Transient notices (a change refused by the server, a bulk action done) in a polite live region:
 * announced without interrupting. Each leaves after its duration, held while the pointer or the
 * focus is on it (so it can be read and its action reached), and has a dismiss button.
 */
export function Toasts({ toasts, onDismiss }: ToastsProps) {
  const t = useT();
  return (
    <section className="toasts" aria-label={t('toast.region')}>
      <ol className="toasts__list" aria-live="polite" aria-relevant="additions text">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDismiss={onDismiss} />
        ))}
      </ol>
    </section>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: string) => void }) {
  const t = useT();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const held = hovered || focused;
  const duration = toastDuration(toast);

  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => onDismiss(toast.id), duration);
    return () => clearTimeout(timer);
  }, [held, duration, toast.id, onDismiss]);
  const { onHold } = toast;
  const wasHeld = useRef(false);
  useEffect(() => {
    if (held === wasHeld.current) return;
    wasHeld.current = held;
    onHold?.(held);
  }, [held, onHold]);

  return (
    <li
      className={`toast toast--${toast.tone}`}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)))
          setFocused(false);
      }}
    >
      <div className="toast__text">
        <p className="toast__title">{toast.title}</p>
        {toast.body ? <p className="toast__body">{toast.body}</p> : null}
      </div>
      {toast.action ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            toast.action?.onClick();
            onDismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button
        type="button"
        className="icon-button"
        aria-label={`${t('toast.dismiss')}: ${toast.title}`}
        onClick={() => onDismiss(toast.id)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}
