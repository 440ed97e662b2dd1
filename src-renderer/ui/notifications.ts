import { useCallback, useEffect, useState } from 'react';

/**
 * Whether the browser host may show system notifications (refusals, a dossier assigned to the
 * agent). Browsers ask the person once, and only after a gesture of theirs: so the desk asks from a
 * button in the user menu, never on its own. In Electron the main process shows them: no question.
 */
export type NotificationState = 'unsupported' | 'default' | 'granted' | 'denied';

function current(): NotificationState {
  if (typeof window === 'undefined' || window.klikpay || typeof Notification === 'undefined') {
    return 'unsupported';
  }
  return Notification.permission;
}

export function useNotificationPermission(): { state: NotificationState; request: () => Promise<void> } {
  const [state, setState] = useState<NotificationState>(current);
  // The person may change it in the browser's site settings meanwhile: read it again on focus.
  useEffect(() => {
    const refresh = () => setState(current());
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, []);
  const request = useCallback(async () => {
    if (current() !== 'default') return;
    try {
      await Notification.requestPermission();
    } finally {
      setState(current());
    }
  }, []);
  return { state, request };
}
