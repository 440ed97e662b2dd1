import { useCallback, useMemo, useState } from 'react';

export interface ToastAction {
  label: string;
  onClick: () => void;
}

export interface Toast {
  id: string;
  /** `error` for refused changes, `success` for a bulk action done, `info` otherwise. */
  tone: 'info' | 'success' | 'error';
  title: string;
  body?: string;
  action?: ToastAction;
  /** How long it stays, in ms; by default 6 s, 10 s for errors. Hover or focus holds it. */
  durationMs?: number;
  /**
   * Told when hover or focus starts (true) and stops (false) holding it: what it offers can wait
   * as long (the Undo of a held send), and starts its time again after, as the toast does.
   */
  onHold?: (held: boolean) => void;
}

export const toastDuration = (toast: Toast): number =>
  toast.durationMs ?? (toast.tone === 'error' ? 10_000 : 6_000);

export interface ToastQueue {
  toasts: readonly Toast[];
  /** Shows a toast; one with the id of a toast shown already replaces it. */
  push: (toast: Toast) => void;
  dismiss: (id: string) => void;
}

/** The toasts of a window, newest last, at most `limit` (the oldest leave first). */
export function useToastQueue(limit = 5): ToastQueue {
  const [toasts, setToasts] = useState<readonly Toast[]>([]);
  const push = useCallback(
    (toast: Toast) => setToasts((list) => [...list.filter((x) => x.id !== toast.id), toast].slice(-limit)),
    [limit],
  );
  const dismiss = useCallback((id: string) => setToasts((list) => list.filter((x) => x.id !== id)), []);
  return useMemo(() => ({ toasts, push, dismiss }), [toasts, push, dismiss]);
}
