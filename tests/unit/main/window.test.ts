import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The window factory with electron mocked: Electron itself cannot run on our CI machines. */

type Listener = (...args: unknown[]) => void;
const created: { options: { webPreferences?: Record<string, unknown> }; contents: FakeContents }[] = [];
const openExternal = vi.fn(() => Promise.resolve());

class FakeContents {
  listeners = new Map<string, Listener>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  requestHandler:
    | ((
        wc: unknown,
        permission: string,
        cb: (ok: boolean) => void,
        details: { requestingUrl: string },
      ) => void)
    | null = null;
  checkHandler: ((wc: unknown, permission: string, origin: string) => boolean) | null = null;
  session = {
    setPermissionRequestHandler: (h: FakeContents['requestHandler']) => {
      this.requestHandler = h;
    },
    setPermissionCheckHandler: (h: FakeContents['checkHandler']) => {
      this.checkHandler = h;
    },
  };
  setWindowOpenHandler(h: FakeContents['windowOpenHandler']) {
    this.windowOpenHandler = h;
  }
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
  }
}

vi.mock('electron', () => ({
  BrowserWindow: class {
    webContents = new FakeContents();
    constructor(options: { webPreferences?: Record<string, unknown> }) {
      created.push({ options, contents: this.webContents });
    }
    once() {}
    show() {}
    loadURL() {
      return Promise.resolve();
    }
  },
  shell: { openExternal },
}));

const { createMainWindow } = await import('../../../src-main/window');

function navigate(contents: FakeContents, event: string, url: string): boolean {
  let prevented = false;
  contents.listeners.get(event)?.({ preventDefault: () => (prevented = true) }, url);
  return prevented;
}

describe('createMainWindow', () => {
  beforeEach(() => {
    created.length = 0;
    openExternal.mockClear();
  });

  it('isolates and sandboxes the renderer, without Node', () => {
    createMainWindow({ preload: '/app/preload/index.cjs', url: 'app://desk/index.html' });
    expect(created[0]?.options.webPreferences).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('denies every new window, opening only vetted https links in the system browser', () => {
    createMainWindow({ preload: 'p', url: 'app://desk/' });
    const contents = created[0]?.contents;
    expect(contents?.windowOpenHandler?.({ url: 'https://www.fevad.com/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://www.fevad.com/');
    expect(contents?.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('blocks navigation and redirects away from the app', () => {
    createMainWindow({ preload: 'p', url: 'app://desk/' });
    const contents = created[0]?.contents;
    if (!contents) throw new Error('no window');
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'app://desk/index.html')).toBe(false);
    expect(navigate(contents, 'will-attach-webview', 'app://desk/')).toBe(true);
  });

  it('denies every permission request and check', () => {
    createMainWindow({ preload: 'p', url: 'app://desk/' });
    const contents = created[0]?.contents;
    const answers: boolean[] = [];
    contents?.requestHandler?.(null, 'media', (ok) => answers.push(ok), { requestingUrl: 'app://desk/' });
    expect(answers).toEqual([false]);
    expect(contents?.checkHandler?.(null, 'geolocation', 'app://desk')).toBe(false);
  });
});
