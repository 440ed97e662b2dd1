import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The window factory with electron mocked: Electron itself cannot run on our CI machines. */

type Listener = (...args: unknown[]) => void;
type RequestHandler = (
  wc: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;
type CheckHandler = (wc: unknown, permission: string, origin: string) => boolean;

class FakeContents {
  listeners: { event: string; listener: Listener }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  requestHandler: RequestHandler | null = null;
  checkHandler: CheckHandler | null = null;
  session = {
    setPermissionRequestHandler: (handler: RequestHandler) => {
      this.requestHandler = handler;
    },
    setPermissionCheckHandler: (handler: CheckHandler) => {
      this.checkHandler = handler;
    },
  };
  setWindowOpenHandler(handler: FakeContents['windowOpenHandler']) {
    this.windowOpenHandler = handler;
  }
  on(event: string, listener: Listener) {
    this.listeners.push({ event, listener });
  }
  /** Emits `event` like Electron does; true when a listener called preventDefault. */
  emitPreventable(event: string, url: string): boolean {
    let prevented = false;
    for (const l of this.listeners.filter((l) => l.event === event)) {
      l.listener({ preventDefault: () => (prevented = true) }, url);
    }
    return prevented;
  }
}

const electron = vi.hoisted(() => {
  const created: { options: { webPreferences?: Record<string, unknown> }; loaded: string[] }[] = [];
  // A plain function, not vi.fn: a spy would itself handle the promise it returns.
  const shell = {
    opened: [] as string[],
    refuseNext: false,
    openExternal(url: string): Promise<void> {
      shell.opened.push(url);
      if (!shell.refuseNext) return Promise.resolve();
      shell.refuseNext = false;
      return Promise.reject(new Error('no application for this link'));
    },
  };
  return { created, shell };
});

const fakeElectron = {
  BrowserWindow: class {
    webContents = new FakeContents();
    loaded: string[] = [];
    constructor(options: { webPreferences?: Record<string, unknown> }) {
      electron.created.push({ options, loaded: this.loaded });
    }
    once() {}
    show() {}
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  },
  shell: electron.shell,
};

const { createMainWindow, hardenWebContents } = await import('../../../src-main/window');

function open(devServerUrl?: string): FakeContents {
  const window = createMainWindow(fakeElectron as never, {
    preload: '/app/preload/index.cjs',
    url: 'app://desk/index.html',
    devServerUrl,
  });
  return window.webContents as unknown as FakeContents;
}

describe('createMainWindow', () => {
  beforeEach(() => {
    electron.created.length = 0;
    electron.shell.opened.length = 0;
  });

  it('isolates and sandboxes the renderer, without Node, and loads the given page', () => {
    open();
    expect(electron.created[0]?.options.webPreferences).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(electron.created[0]?.loaded).toEqual(['app://desk/index.html']);
  });

  it('denies every new window, opening only vetted https links in the system browser', () => {
    const contents = open();
    expect(contents.windowOpenHandler?.({ url: 'https://www.fevad.com/' })).toEqual({ action: 'deny' });

    for (const url of ['file:///etc/passwd', 'http://example.com/', 'app://desk/', 'javascript:alert(1)']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(electron.shell.opened).toEqual(['https://www.fevad.com/']);
  });

  it('survives the system browser refusing a link', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    electron.shell.refuseNext = true;
    const contents = open();
    expect(contents.windowOpenHandler?.({ url: 'https://www.fevad.com/' })).toEqual({ action: 'deny' });
    await new Promise((settle) => setTimeout(settle, 10));
    process.off('unhandledRejection', unhandled);
    expect(electron.shell.opened).toEqual(['https://www.fevad.com/']);
    expect(unhandled).not.toHaveBeenCalled();
  });

  it.each(['will-navigate', 'will-redirect'])('blocks %s away from the app', (event) => {
    const contents = open();
    expect(contents.emitPreventable(event, 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable(event, 'file:///etc/passwd')).toBe(true);
    expect(contents.emitPreventable(event, 'app://evil/')).toBe(true);
    expect(contents.emitPreventable(event, 'http://localhost:5173/')).toBe(true);
    expect(contents.emitPreventable(event, 'app://desk/index.html')).toBe(false);
  });

  it('lets the dev server navigate in development, and nothing else', () => {
    const contents = open('http://localhost:5173');
    expect(contents.emitPreventable('will-navigate', 'http://localhost:5173/')).toBe(false);
    expect(contents.emitPreventable('will-navigate', 'http://localhost:5174/')).toBe(true);
  });

  it('refuses to attach webviews', () => {
    const contents = open();
    expect(contents.emitPreventable('will-attach-webview', 'app://desk/')).toBe(true);
  });

  it('denies every permission request and check', () => {
    const contents = open();
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      contents.requestHandler?.(null, permission, (granted) => answers.push(granted), {
        requestingUrl: 'app://desk/',
      });
      expect(contents.checkHandler?.(null, permission, 'app://desk')).toBe(false);
    }
    expect(answers).toEqual([false, false, false, false]);
  });

  it('hardens a webContents once, however often it is asked', () => {
    const contents = open();
    const count = contents.listeners.length;
    hardenWebContents(contents as never, fakeElectron.shell);
    expect(contents.listeners.length).toBe(count);
  });
});
