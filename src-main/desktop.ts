import { join } from 'node:path';
import type { DossierLink, IpcEventPayloads } from '../src-shared/contract/bridge';
import { ipcEvents } from '../src-shared/contract/bridge';
import { showOverdueCount } from './badge';
import { createConnectivity } from './connectivity';
import { deepLinkFromArgv, deepLinkScheme, parseDeepLink } from './deep-link';
import type { DeskWindow, ElectronApi } from './electron-api';
import type { Gateway, ServerSettings } from './gateway';
import { createGateway } from './gateway';
import { registerIpc } from './ipc';
import type { JournalFiles } from './journal-file';
import { createJournalFiles } from './journal-file';
import type { Log } from './log';
import { createLog } from './log';
import { menuLabels, menuTemplate } from './menu';
import { appOrigin, isAppUrl, isTrustedSender } from './policy';
import { registerAppScheme, serveRenderer } from './protocol';
import { openSessionStore } from './session-store';
import { createMainWindow, defaultWindowSize, hardenWebContents } from './window';
import { loadWindowState, restoreBounds, saveWindowState, windowStateOf } from './window-state';

/**
 * The desktop app, put together: one instance, one secure window serving the renderer from
 * app://, the gateway answering every channel of the bridge, the menu, the icon's badge, deep links
 * and notifications. `src-main/index.ts` calls it with the real electron module; the electron-host
 * harness with its stand-in.
 */

export interface DesktopOptions {
  /** The built renderer (served from app://desk/). */
  rendererDir: string;
  /** The built preload bundle. */
  preload: string;
  /** electron-vite's dev server, for an unpackaged app only (see `devServerUrlFrom`). */
  devServerUrl?: string;
  /** Where the app keeps its files; Electron's `userData` when not given. */
  userData?: string;
  /** The server settings (first-run "Connect to server", managed installs). */
  settings: (userData: string, log: Log) => Promise<ServerSettings>;
  /** The command line the app started with (a deep link on Windows and Linux). */
  argv?: readonly string[];
}

export interface Desktop {
  gateway: Gateway;
  /** The system's language, for what main itself says (menu, notifications, badge). */
  locale: 'en' | 'fr';
  journal: JournalFiles;
  log: Log;
  /** Opens the main window (or brings the existing one forward). */
  open(): DeskWindow;
  /** Sends an event to the app's windows. */
  emit<K extends keyof IpcEventPayloads>(name: K, payload: IpcEventPayloads[K]): void;
  /** Shows a system notification; `onClick` runs when the agent clicks it. */
  notify(title: string, body: string, onClick: () => void): void;
  stop(): void;
}

/** Returns null when another instance already runs (this one quits and hands over). */
export async function startDesktop(electron: ElectronApi, options: DesktopOptions): Promise<Desktop | null> {
  const { app } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  registerAppScheme(electron.protocol);
  app.setAsDefaultProtocolClient(deepLinkScheme);
  /**
   * Links that came before the page could hear them (the app started by one, or one arriving
   * while the window loads): handed over once it has loaded.
   */
  const waiting: DossierLink[] = [];
  let pageReady = false;
  let follow = (link: DossierLink) => void waiting.push(link);
  const followUrl = (url: string | null) => {
    const link = url === null ? null : parseDeepLink(url);
    if (link) follow({ reference: link.reference });
  };
  // macOS hands links over as an event, possibly before `ready`.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    followUrl(url);
  });
  followUrl(deepLinkFromArgv(options.argv ?? []));
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, electron.shell, options.devServerUrl),
  );
  await app.whenReady();

  const userData = options.userData ?? app.getPath('userData');
  const log = createLog({ dir: join(userData, 'logs') });
  log.info('app started', { version: app.getVersion(), platform: process.platform });
  serveRenderer(electron.protocol, options.rendererDir);
  const locale: Desktop['locale'] = app.getLocale().toLowerCase().startsWith('fr') ? 'fr' : 'en';

  const appWindows = () =>
    electron.BrowserWindow.getAllWindows().filter(
      (w) => !w.isDestroyed() && isAppUrl(w.webContents.getURL(), options.devServerUrl),
    );
  const emit = <K extends keyof IpcEventPayloads>(name: K, payload: IpcEventPayloads[K]) => {
    for (const window of appWindows()) window.webContents.send(ipcEvents[name], payload);
  };

  const connectivity = createConnectivity({ isOnline: () => electron.net.isOnline() });
  const windowStateFile = join(userData, 'window-state.json');
  let mainWindow: DeskWindow | null = null;
  let overdue = 0;
  const badge = (count: number) =>
    showOverdueCount(
      count,
      process.platform,
      {
        app,
        window: mainWindow && !mainWindow.isDestroyed() ? mainWindow : null,
        createImage: (bitmap) => electron.nativeImage.createFromBitmap(bitmap.bgra, bitmap),
      },
      locale,
    );
  const open = (): DeskWindow => {
    if (mainWindow && !mainWindow.isDestroyed()) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
      return mainWindow;
    }
    pageReady = false;
    const saved = loadWindowState(windowStateFile);
    const window = createMainWindow(electron, {
      preload: options.preload,
      url: options.devServerUrl ?? `${appOrigin}/index.html`,
      ...(options.devServerUrl ? { devServerUrl: options.devServerUrl } : {}),
      bounds: restoreBounds(saved, electron.screen.getAllDisplays(), {
        ...defaultWindowSize,
        primaryDisplayId: electron.screen.getPrimaryDisplay().id,
      }),
    });
    if (saved?.maximized) window.maximize();
    if (saved?.fullScreen) window.setFullScreen(true);
    window.on('close', () => {
      const kept = saveWindowState(
        windowStateFile,
        windowStateOf(window, (bounds) => electron.screen.getDisplayMatching(bounds)),
      );
      if (!kept) log.warn('the window placement could not be saved');
    });
    // Each load (a reload too) starts a new page: it learns the network as main knows it (its own
    // guess is Chromium's, which knows nothing of the server) and any link waiting for it.
    window.webContents.on('did-finish-load', () => {
      pageReady = true;
      window.webContents.send(ipcEvents.connectivity, connectivity.online());
      for (const link of waiting.splice(0)) emit('openDossier', link);
    });
    mainWindow = window;
    // The Windows overlay belongs to a window: a new one shows the count the old one had.
    if (overdue > 0) badge(overdue);
    return window;
  };

  const notify = (title: string, body: string, onClick: () => void) => {
    if (!electron.Notification.isSupported()) return;
    const shown = new electron.Notification({ title, body });
    shown.on('click', onClick);
    shown.show();
  };
  const journal = createJournalFiles(join(userData, 'journal'));
  const gateway = createGateway({
    appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform },
    fetch: (input, init) => electron.net.fetch(input instanceof URL ? input.href : input, init),
    session: await openSessionStore(join(userData, 'session.json'), electron.safeStorage),
    journal,
    settings: await options.settings(userData, log),
    connectivity,
    notify(notification) {
      const { dossierId } = notification;
      notify(notification.title, notification.body, () => {
        if (dossierId) follow({ id: dossierId });
        else open();
      });
    },
    badge: (count) => {
      overdue = count;
      badge(count);
    },
    emit,
  });
  const unregister = registerIpc(
    electron.ipcMain,
    gateway.handlers,
    (url) => isTrustedSender(url, options.devServerUrl),
    (channel, error) => log.error('an IPC handler failed', { channel, error }),
  );

  electron.Menu.setApplicationMenu(
    electron.Menu.buildFromTemplate(
      menuTemplate(process.platform, menuLabels(locale), (command) => emit('command', command), {
        dev: !app.isPackaged,
      }),
    ),
  );

  follow = (link) => {
    open();
    if (pageReady) emit('openDossier', link);
    else waiting.push(link);
  };
  // Windows and Linux start a second process with the link in its argv: it quits, this one opens.
  app.on('second-instance', (_event, argv) => {
    open();
    followUrl(deepLinkFromArgv(argv));
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (appWindows().length === 0) open();
  });
  open();

  return {
    gateway,
    locale,
    journal,
    log,
    open,
    emit,
    notify,
    stop() {
      unregister();
      gateway.stop();
      connectivity.stop();
    },
  };
}
