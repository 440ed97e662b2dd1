import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import type { DeskWebContents, DeskWindow, ElectronApi } from './electron-api';
import { isAppUrl, isSafeExternalUrl, permissionAllowed } from './policy';

/** The one way the app makes a window: isolated, sandboxed, no Node, no navigation away, no pop-ups. */

export const secureWebPreferences = (
  preload: string,
): NonNullable<BrowserWindowConstructorOptions['webPreferences']> => ({
  preload,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  // Agents write to customers and merchants all day; on Windows and Linux Electron fetches the
  // dictionaries from Google's CDN once.
  spellcheck: true,
});

const hardened = new WeakSet<DeskWebContents>();

/**
 * Applied to every webContents the app ever creates (windows, and anything they might spawn):
 * by the factory, and again from `web-contents-created`, so it only acts once per contents.
 */
export function hardenWebContents(
  contents: DeskWebContents,
  shell: ElectronApi['shell'],
  devServerUrl?: string,
): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) shell.openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
  const blockForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_wc, permission, callback, details) => {
    callback(permissionAllowed(permission, details.requestingUrl));
  });
  contents.session.setPermissionCheckHandler((_wc, permission, origin) =>
    permissionAllowed(permission, origin),
  );
}

/** The window's size before the agent chose one. */
export const defaultWindowSize = { width: 1280, height: 820 };

export function createMainWindow(
  electron: Pick<ElectronApi, 'BrowserWindow' | 'shell'>,
  options: {
    preload: string;
    url: string;
    devServerUrl?: string;
    /** Where the agent left it (src-main/window-state.ts), already fitted to today's displays. */
    bounds?: Rectangle;
  },
): DeskWindow {
  const window = new electron.BrowserWindow({
    ...defaultWindowSize,
    ...options.bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Klik & Pay Dispute Desk',
    webPreferences: secureWebPreferences(options.preload),
  });
  hardenWebContents(window.webContents, electron.shell, options.devServerUrl);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
}
