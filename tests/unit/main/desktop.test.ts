import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { ipcEvents, ipcInvokes } from '../../../src-shared/contract/bridge';
import type { ServerSettings } from '../../../src-main/gateway';
import type { Desktop } from '../../../src-main/desktop';
import { startDesktop } from '../../../src-main/desktop';
import type { ElectronApi } from '../../../src-main/electron-api';

/**
 * The desktop app put together, over a plain fake of electron (Electron cannot run here). The same
 * function runs over a real Chromium page in the electron-host project (tests/electron-host).
 */

class FakeContents extends EventEmitter {
  url = '';
  sent: [string, unknown][] = [];
  session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler = vi.fn();
  getURL() {
    return this.url;
  }
  isDestroyed() {
    return false;
  }
}

function fakeElectron(options: { lock?: boolean } = {}) {
  const calls: string[] = [];
  const app = Object.assign(new EventEmitter(), {
    getName: () => 'Klik & Pay Dispute Desk',
    getVersion: () => '1.2.3',
    getPath: () => '/nowhere',
    getLocale: () => 'fr-FR',
    isPackaged: true,
    whenReady: () => {
      calls.push('ready');
      return Promise.resolve();
    },
    quit: vi.fn(),
    requestSingleInstanceLock: () => options.lock ?? true,
    setBadgeCount: vi.fn(() => true),
    setAsDefaultProtocolClient: vi.fn(() => true),
  });
  const windows: FakeWindow[] = [];
  class FakeWindow extends EventEmitter {
    webContents = new FakeContents();
    minimized = false;
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      calls.push('window');
      windows.push(this);
    }
    loadURL(url: string) {
      this.webContents.url = url;
      return Promise.resolve();
    }
    /** The page has loaded (Electron's `did-finish-load`). */
    loaded() {
      this.webContents.emit('did-finish-load');
    }
    show() {}
    focus = vi.fn();
    restore = vi.fn();
    isMinimized() {
      return this.minimized;
    }
    isDestroyed() {
      return false;
    }
    setOverlayIcon() {}
    bounds = { x: 10, y: 20, width: 1000, height: 700 };
    maximized = false;
    getNormalBounds() {
      return this.bounds;
    }
    isMaximized() {
      return this.maximized;
    }
    isFullScreen() {
      return false;
    }
    maximize() {
      this.maximized = true;
    }
    setFullScreen() {}
    static getAllWindows() {
      return windows;
    }
  }
  const notifications: { title: string; click(): void }[] = [];
  class FakeNotification extends EventEmitter {
    constructor(readonly init: { title?: string }) {
      super();
    }
    show() {
      notifications.push({ title: this.init.title ?? '', click: () => this.emit('click') });
    }
    static isSupported() {
      return true;
    }
  }
  const handlers = new Map<string, unknown>();
  const menu: { template: MenuItemConstructorOptions[] } = { template: [] };
  const display = { id: 7, workArea: { x: 0, y: 0, width: 1600, height: 900 } };
  const electron = {
    app,
    ipcMain: {
      handle: (c: string, h: unknown) => handlers.set(c, h),
      removeHandler: (c: string) => handlers.delete(c),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => calls.push('scheme')),
      handle: vi.fn(),
    },
    net: { fetch: vi.fn(() => Promise.reject(new TypeError('offline'))), isOnline: () => false },
    safeStorage: {
      isAsyncEncryptionAvailable: () => Promise.resolve(false),
      encryptStringAsync: () => Promise.reject(new Error('no keychain')),
      decryptStringAsync: () => Promise.reject(new Error('no keychain')),
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    BrowserWindow: FakeWindow,
    Notification: FakeNotification,
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }),
      setApplicationMenu: (built: { template: MenuItemConstructorOptions[] }) => {
        menu.template = built.template;
      },
    },
    screen: {
      getAllDisplays: () => [display],
      getPrimaryDisplay: () => display,
      getDisplayMatching: () => display,
    },
    nativeImage: { createFromBitmap: vi.fn() },
  };
  return { electron: electron as unknown as ElectronApi, app, windows, handlers, calls, notifications, menu };
}

const settings = async (): Promise<ServerSettings> => ({
  current: () => ({ url: 'https://disputes.example', locked: false }),
  normalize: (url) => ({ ok: true, url }),
  save: async () => undefined,
});

let userData: string;
let started: Desktop | null = null;
beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'klikpay-desktop-'));
});
afterEach(async () => {
  started?.stop();
  started = null;
  await rm(userData, { recursive: true, force: true });
});

async function start(
  fake: ReturnType<typeof fakeElectron>,
  extra: { argv?: string[]; devServerUrl?: string } = {},
) {
  started = await startDesktop(fake.electron, {
    rendererDir: '/app/renderer',
    preload: '/app/preload/index.cjs',
    userData,
    settings,
    ...extra,
  });
  return started;
}

const sentOf = (w: { webContents: FakeContents } | undefined, name: keyof typeof ipcEvents) =>
  (w?.webContents.sent ?? []).filter(([c]) => c === ipcEvents[name]).map(([, p]) => p);

describe('startDesktop', () => {
  it('quits at once when another instance holds the lock', async () => {
    const fake = fakeElectron({ lock: false });
    expect(await start(fake)).toBeNull();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.calls).toEqual([]);
  });

  it('registers the scheme before ready, then every channel, and opens the app page', async () => {
    const fake = fakeElectron();
    await start(fake);
    expect(fake.calls).toEqual(['scheme', 'ready', 'window']);
    expect([...fake.handlers.keys()].sort()).toEqual(
      Object.values(ipcInvokes)
        .map((c) => c.channel)
        .sort(),
    );
    expect(fake.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.app.setAsDefaultProtocolClient).toHaveBeenCalledWith('klikpay-disputes');
    const [window] = fake.windows;
    expect(window?.webContents.url).toBe('app://desk/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
  });

  it('loads the dev server when given one', async () => {
    const fake = fakeElectron();
    await start(fake, { devServerUrl: 'http://localhost:5173' });
    expect(fake.windows[0]?.webContents.url).toBe('http://localhost:5173');
  });

  it('hardens every webContents the app creates', async () => {
    const fake = fakeElectron();
    await start(fake);
    const contents = new FakeContents();
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.session.setPermissionRequestHandler).toHaveBeenCalled();
  });

  it('tells each loaded page the network as main knows it', async () => {
    const fake = fakeElectron();
    await start(fake);
    fake.windows[0]?.loaded();
    fake.windows[0]?.loaded();
    expect(sentOf(fake.windows[0], 'connectivity')).toEqual([false, false]);
  });

  it('opens the dossier of a deep link the app was started with, once the page has loaded', async () => {
    const fake = fakeElectron();
    await start(fake, { argv: ['Dispute Desk.exe', '--flag', 'klikpay-disputes://dossier/KP-2026-000123'] });
    const [window] = fake.windows;
    expect(sentOf(window, 'openDossier')).toEqual([]);
    window?.loaded();
    expect(sentOf(window, 'openDossier')).toEqual([{ reference: 'KP-2026-000123' }]);
  });

  it('follows links from a second instance and from macOS, ignoring malformed ones', async () => {
    const fake = fakeElectron();
    await start(fake);
    const [window] = fake.windows;
    if (!window) throw new Error('no window');
    window.loaded();
    window.minimized = true;
    fake.app.emit('second-instance', {}, ['x.exe', 'klikpay-disputes://dossier/KP-2026-000001']);
    expect(window.restore).toHaveBeenCalled();
    const preventDefault = vi.fn();
    fake.app.emit('open-url', { preventDefault }, 'klikpay-disputes://dossier/KP-2026-000002');
    fake.app.emit('open-url', { preventDefault }, 'klikpay-disputes://dossier/KP-2026-000002?x=1');
    fake.app.emit('second-instance', {}, ['x.exe', 'klikpay-disputes://dossier/../../etc']);
    expect(preventDefault).toHaveBeenCalledTimes(2);
    expect(sentOf(window, 'openDossier')).toEqual([
      { reference: 'KP-2026-000001' },
      { reference: 'KP-2026-000002' },
    ]);
    expect(fake.windows).toHaveLength(1);
  });

  it("a notification's click opens its dossier", async () => {
    const fake = fakeElectron();
    const desktop = await start(fake);
    fake.windows[0]?.loaded();
    await desktop?.gateway.handlers.notify({
      kind: 'assigned',
      title: 'KP-2026-000123 is yours',
      body: '',
      dossierId: 'd-123',
    });
    fake.notifications[0]?.click();
    expect(sentOf(fake.windows[0], 'openDossier')).toEqual([{ id: 'd-123' }]);
  });

  it('sets the application menu in the system language; its items send commands to the page', async () => {
    const fake = fakeElectron();
    await start(fake);
    const labels = fake.menu.template.map((m) => m.label);
    expect(labels).toContain('&Fichier');
    const items = fake.menu.template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    const unassigned = fake.menu.template
      .flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []))
      .flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []))
      .find((m) => m.id === 'queue:unassigned');
    expect(items.length).toBeGreaterThan(5);
    (unassigned?.click as (() => void) | undefined)?.();
    expect(sentOf(fake.windows[0], 'command')).toEqual(['queue:unassigned']);
  });

  it('remembers where the window was, and opens it there next time', async () => {
    const first = fakeElectron();
    await start(first);
    const [window] = first.windows;
    if (!window) throw new Error('no window');
    window.bounds = { x: 100, y: 50, width: 1100, height: 750 };
    window.maximized = true;
    window.emit('close');
    started?.stop();
    const second = fakeElectron();
    await start(second);
    expect(second.windows[0]?.options).toMatchObject({ x: 100, y: 50, width: 1100, height: 750 });
    expect(second.windows[0]?.maximized).toBe(true);
  });

  it('writes its log under userData/logs', async () => {
    const fake = fakeElectron();
    const desktop = await start(fake);
    desktop?.log.info('hello from the test');
    expect(readFileSync(join(userData, 'logs', 'main.log'), 'utf8')).toContain('hello from the test');
  });

  it('quits when the last window closes, except on macOS', async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform');
    if (!platform) throw new Error('process.platform is not a property');
    const fake = fakeElectron();
    await start(fake);
    try {
      Object.defineProperty(process, 'platform', { value: 'darwin' });
      fake.app.emit('window-all-closed');
      expect(fake.app.quit).not.toHaveBeenCalled();
      Object.defineProperty(process, 'platform', { value: 'win32' });
      fake.app.emit('window-all-closed');
      expect(fake.app.quit).toHaveBeenCalledTimes(1);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });
});
