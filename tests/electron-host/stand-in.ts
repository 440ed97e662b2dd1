import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type {
  BrowserWindowConstructorOptions,
  MenuItemConstructorOptions,
  Rectangle,
  HandlerDetails,
  IpcMainInvokeEvent,
  NotificationConstructorOptions,
  WindowOpenHandlerResponse,
} from 'electron';
import type {
  DeskMenu,
  DeskNotificationHandle,
  DeskWebContents,
  DeskWindow,
  ElectronApi,
} from '../../src-main/electron-api';

/**
 * A stand-in for the `electron` module, for the real src-main modules to run in Node while the
 * renderer and the built preload run in a real Chromium page (Playwright):
 * - `BrowserWindow` opens a page; the preload bundle (out/preload/index.cjs) runs in it before any
 *   page script, with a `require('electron')` whose `contextBridge` and `ipcRenderer` cross to Node
 *   through `page.exposeBinding` (so IPC payloads really cross a serialization boundary);
 * - `ipcMain.handle` handlers answer those invokes with an event whose `senderFrame.url` is the
 *   calling frame's; `webContents.send` reaches the page's `ipcRenderer.on` listeners;
 * - `protocol.handle('app', …)` answers the page's requests through `context.route`: Chromium will
 *   not load an unknown scheme, so the page lives at https://app.desk/ and every URL crossing the
 *   stand-in is translated (app://desk/x <-> https://app.desk/x);
 * - `net` is Node's fetch behind an offline switch, `safeStorage` real AES-GCM with a key of this
 *   process, `Notification` records what was shown and can be clicked.
 * What it cannot prove: Electron's process model and sandbox (page scripts could reach the
 * bindings), context isolation, fuses, and the system's notification centre and keychain.
 */

/** The system keychain's key: one per test process, as the keychain outlives each run of the app. */
const key = randomBytes(32);

const appScheme = 'app://desk/';
const pageOrigin = 'https://app.desk/';
export const toPageUrl = (url: string) =>
  url.startsWith(appScheme) ? pageOrigin + url.slice(appScheme.length) : url;
export const toAppUrl = (url: string) =>
  url.startsWith(pageOrigin) ? appScheme + url.slice(pageOrigin.length) : url;

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export interface StandInOptions {
  browser: Browser;
  userData: string;
  /** The built preload bundle. */
  preloadFile: string;
  locale?: string;
}

export interface ShownNotification {
  title: string;
  body: string;
  click(): void;
}

/** The page script run before the app's: the sandboxed preload's world, with its two electron objects. */
function preloadWorld(source: string): string {
  return `(() => {
  if (window !== window.top) return; // Electron runs the preload in the main frame only.
  const listeners = new Map();
  Object.defineProperty(window, '__standInEmit', {
    value: (channel, payload) => { for (const l of [...(listeners.get(channel) || [])]) l({}, payload); },
  });
  const invoke = window.__standInInvoke;
  const ipcRenderer = {
    invoke: (channel, ...args) => invoke(channel, args),
    on(channel, listener) { listeners.set(channel, [...(listeners.get(channel) || []), listener]); return ipcRenderer; },
    removeListener(channel, listener) {
      listeners.set(channel, (listeners.get(channel) || []).filter((l) => l !== listener)); return ipcRenderer;
    },
  };
  const contextBridge = {
    exposeInMainWorld(name, api) { Object.defineProperty(window, name, { value: Object.freeze(api) }); },
  };
  const require = (name) => {
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error('a sandboxed preload cannot require ' + name);
  };
  const module = { exports: {} };
  (function (require, module, exports) {\n${source}\n})(require, module, module.exports);
})();`;
}

class StandInWebContents extends EventEmitter implements DeskWebContents {
  page: Page | null = null;
  url = '';
  destroyed = false;
  openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  readonly permissionRequests: string[] = [];
  readonly session: DeskWebContents['session'] = {
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
  };
  /** Events sent to the page before it had loaded, delivered once it has. */
  send(channel: string, ...args: unknown[]): void {
    const page = this.page;
    if (!page || this.destroyed) return;
    page
      .evaluate(
        ([c, payload]) => {
          const emit = (window as unknown as { __standInEmit?: (c: string, p: unknown) => void })
            .__standInEmit;
          emit?.(c, payload);
        },
        [channel, args[0]] as const,
      )
      .catch(() => undefined);
  }
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export function createStandIn(options: StandInOptions) {
  const preloadSource = readFileSync(options.preloadFile, 'utf8');
  const appEvents = new EventEmitter();
  const handlers = new Map<string, InvokeHandler>();
  const protocols = new Map<string, ProtocolHandler>();
  const windows: StandInWindow[] = [];
  const notifications: ShownNotification[] = [];
  const opened: string[] = [];
  const network = { online: true };
  const inFlight = new Set<AbortController>();
  const appMenu: { current: MenuItemConstructorOptions[] | null } = { current: null };
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  const badge = { count: 0 };
  let context: BrowserContext | null = null;

  async function contextOf(): Promise<BrowserContext> {
    if (context) return context;
    const created = await options.browser.newContext(options.locale ? { locale: options.locale } : {});
    await created.exposeBinding('__standInInvoke', async (source, channel: string, args: unknown[]) => {
      const handler = handlers.get(channel);
      // Electron's own words when nobody handles a channel.
      if (!handler)
        throw new Error(`Error invoking remote method '${channel}': No handler registered for '${channel}'`);
      const window = windows.find((w) => w.webContents.page === source.page);
      const event = {
        senderFrame: { url: toAppUrl(source.frame.url()), parent: source.frame.parentFrame() ? {} : null },
        sender: window?.webContents,
      } as unknown as IpcMainInvokeEvent;
      return handler(event, ...args);
    });
    await created.addInitScript(preloadWorld(preloadSource));
    await created.route(`${pageOrigin}**`, async (route) => {
      const handler = protocols.get('app');
      const request = route.request();
      if (!handler) return route.fulfill({ status: 404 });
      const response = await handler(new Request(toAppUrl(request.url()), { method: request.method() }));
      await route.fulfill({
        status: response.status,
        headers: Object.fromEntries(response.headers.entries()),
        body: Buffer.from(await response.arrayBuffer()),
      });
    });
    context = created;
    return created;
  }

  class StandInWindow extends EventEmitter implements DeskWindow {
    readonly webContents = new StandInWebContents();
    readonly options: BrowserWindowConstructorOptions;
    minimized = false;
    focused = 0;
    constructor(windowOptions: BrowserWindowConstructorOptions) {
      super();
      this.options = windowOptions;
      windows.push(this);
      appEvents.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string): Promise<void> {
      const page = this.webContents.page ?? (await (await contextOf()).newPage());
      this.webContents.page = page;
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) this.webContents.url = toAppUrl(frame.url());
      });
      // Every load, reloads included, as Electron's webContents says it.
      page.on('load', () => this.webContents.emit('did-finish-load'));
      page.on('close', () => {
        this.webContents.destroyed = true;
      });
      await page.goto(toPageUrl(url));
      this.emit('ready-to-show');
    }
    show(): void {
      this.focused++;
    }
    focus(): void {
      this.focused++;
    }
    restore(): void {
      this.minimized = false;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    isDestroyed(): boolean {
      return this.webContents.destroyed;
    }
    setOverlayIcon(): void {
      // Windows only; the badge count is what the tests read.
    }
    bounds: Rectangle = { x: 0, y: 0, width: 1280, height: 820 };
    maximized = false;
    fullScreen = false;
    getNormalBounds(): Rectangle {
      return this.bounds;
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    isFullScreen(): boolean {
      return this.fullScreen;
    }
    maximize(): void {
      this.maximized = true;
    }
    setFullScreen(flag: boolean): void {
      this.fullScreen = flag;
    }
  }

  class StandInNotification extends EventEmitter implements DeskNotificationHandle {
    constructor(private readonly init: NotificationConstructorOptions) {
      super();
    }
    show(): void {
      notifications.push({
        title: this.init.title ?? '',
        body: this.init.body ?? '',
        click: () => this.emit('click'),
      });
    }
    static isSupported(): boolean {
      return true;
    }
  }

  const electron: ElectronApi = {
    app: {
      getName: () => 'Klik & Pay Dispute Desk',
      getVersion: () => '0.0.0-harness',
      getPath: () => options.userData,
      getLocale: () => options.locale ?? 'en-US',
      isPackaged: true,
      on: ((event: string, listener: (...args: unknown[]) => void) => {
        appEvents.on(event, listener);
        return electron.app;
      }) as ElectronApi['app']['on'],
      whenReady: () => Promise.resolve(),
      quit: () => undefined,
      requestSingleInstanceLock: () => true,
      setAsDefaultProtocolClient: () => true,
      setBadgeCount: (count?: number) => {
        badge.count = count ?? 0;
        return true;
      },
    },
    ipcMain: {
      handle: (channel: string, handler: InvokeHandler) => {
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        handlers.set(channel, handler);
      },
      removeHandler: (channel: string) => {
        handlers.delete(channel);
      },
    },
    protocol: {
      registerSchemesAsPrivileged: () => undefined,
      handle: (scheme: string, handler: ProtocolHandler) => {
        protocols.set(scheme, handler);
      },
    },
    net: {
      fetch: (input, init) =>
        network.online ? fetch(input, init) : Promise.reject(new TypeError('net::ERR_INTERNET_DISCONNECTED')),
      isOnline: () => network.online,
    },
    safeStorage: {
      isAsyncEncryptionAvailable: () => Promise.resolve(true),
      encryptStringAsync(plain: string) {
        const iv = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', key, iv);
        const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
        return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), sealed]));
      },
      decryptStringAsync(encrypted: Buffer) {
        const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
        decipher.setAuthTag(encrypted.subarray(12, 28));
        const result = Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString(
          'utf8',
        );
        return Promise.resolve({ result, shouldReEncrypt: false });
      },
    },
    shell: {
      openExternal: (url: string) => {
        opened.push(url);
        return Promise.resolve();
      },
    },
    BrowserWindow: Object.assign(StandInWindow, {
      getAllWindows: () => windows.filter((w) => !w.isDestroyed()),
    }),
    Notification: StandInNotification,
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({
        template,
        getMenuItemById: () => null,
      }),
      setApplicationMenu: (menu: DeskMenu | null) => {
        appMenu.current = menu && 'template' in menu ? (menu.template as MenuItemConstructorOptions[]) : null;
      },
    },
    // One 1920×1080 display, its work area above a 40-pixel taskbar.
    screen: {
      getAllDisplays: () => [display],
      getPrimaryDisplay: () => display,
      getDisplayMatching: () => display,
    },
    nativeImage: {
      createFromBitmap: () => {
        throw new Error('the stand-in draws no images: the overlay icon is a Windows-only call');
      },
    },
  };

  return {
    electron,
    windows,
    notifications,
    /** Links handed to the system browser. */
    opened,
    badge,
    channels: () => [...handlers.keys()],
    /** Clicks the application menu's item `id`, as the agent would. */
    clickMenu(id: string) {
      const find = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions | null => {
        for (const item of items) {
          if (item.id === id) return item;
          const inside = Array.isArray(item.submenu) ? find(item.submenu) : null;
          if (inside) return inside;
        }
        return null;
      };
      const item = appMenu.current ? find(appMenu.current) : null;
      if (!item?.click) throw new Error(`the application menu has no item ${id}`);
      (item.click as () => void)();
    },
    /** The computer's network, as `net` sees it. */
    setOnline(online: boolean) {
      network.online = online;
      if (online) return;
      for (const controller of inFlight) controller.abort();
      inFlight.clear();
    },
    /** Emits an app event (`open-url`, `second-instance`…) as Electron would. */
    emitApp: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
    async close() {
      await context?.close();
    },
  };
}

export type StandIn = ReturnType<typeof createStandIn>;
