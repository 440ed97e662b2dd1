import type { Bridge, DeskNotification } from '../../src-shared/contract/bridge';
import type { Connectivity } from './http';
import { createHttpBridge } from './http';

/**
 * The renderer's one door to the world: Electron's preload bridge when there is one, else the
 * browser host's own implementation (same contract, talking HTTP to the API that served the page).
 */

const browserConnectivity: Connectivity = {
  isOnline: () => navigator.onLine,
  subscribe(listener) {
    const online = () => listener(true);
    const offline = () => listener(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  },
};

function browserNotify(n: DeskNotification, open: () => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const notification = new Notification(n.title, { body: n.body, tag: n.dossierId ?? n.kind });
  notification.onclick = () => {
    window.focus();
    open();
  };
}

function browserBadge(count: number): void {
  // Only an installed web app has a badge; elsewhere the methods are missing or refuse.
  if (!('setAppBadge' in navigator)) return;
  const done = count > 0 ? navigator.setAppBadge(count) : navigator.clearAppBadge();
  done.catch(() => undefined);
}

export const bridge: Bridge =
  window.klikpay ??
  createHttpBridge({
    baseUrl: '',
    storage: window.localStorage,
    appVersion: __APP_VERSION__,
    platform: navigator.platform || 'web',
    connectivity: browserConnectivity,
    notify: browserNotify,
    badge: browserBadge,
  });
