import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The app entry's wiring, with electron and the shell's own modules mocked. */

type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  const state = {
    lock: true,
    isPackaged: false,
    listeners: new Map<string, Listener[]>(),
    ready: (() => undefined) as () => void,
    calls: [] as string[],
  };
  const app = {
    get isPackaged() {
      return state.isPackaged;
    },
    requestSingleInstanceLock: () => state.lock,
    quit: vi.fn(),
    on(event: string, listener: Listener) {
      state.listeners.set(event, [...(state.listeners.get(event) ?? []), listener]);
    },
    whenReady: () =>
      new Promise<void>((resolve) => {
        state.ready = resolve;
      }),
  };
  const emit = (event: string, ...args: unknown[]) => {
    for (const listener of state.listeners.get(event) ?? []) listener(...args);
  };
  return { state, app, emit, windows: [] as unknown[] };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: { getAllWindows: () => fake.windows },
}));
vi.mock('../../../src-main/protocol', () => ({
  registerAppScheme: vi.fn(() => fake.state.calls.push('registerAppScheme')),
  serveRenderer: vi.fn(),
}));
vi.mock('../../../src-main/ipc', () => ({ registerIpc: vi.fn() }));
vi.mock('../../../src-main/window', () => ({
  createMainWindow: vi.fn(() => fake.state.calls.push('createMainWindow')),
  hardenWebContents: vi.fn(),
}));

const protocol = await import('../../../src-main/protocol');
const ipc = await import('../../../src-main/ipc');
const window = await import('../../../src-main/window');

/** Imports the entry afresh, as Electron would start it, and lets `ready` fire. */
async function start(env: { rendererUrl?: string } = {}) {
  vi.resetModules();
  if (env.rendererUrl) vi.stubEnv('ELECTRON_RENDERER_URL', env.rendererUrl);
  await import('../../../src-main/index');
  fake.state.calls.push('ready');
  fake.state.ready();
  await new Promise((settle) => setTimeout(settle, 0));
}

beforeEach(() => {
  vi.clearAllMocks();
  fake.state.lock = true;
  fake.state.isPackaged = false;
  fake.state.listeners.clear();
  fake.state.calls.length = 0;
  fake.windows.length = 0;
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the app entry', () => {
  it('quits at once when another instance holds the lock', async () => {
    fake.state.lock = false;
    await start();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(protocol.registerAppScheme).not.toHaveBeenCalled();
    expect(window.createMainWindow).not.toHaveBeenCalled();
  });

  it('registers the app scheme before ready, then serves the renderer and opens the app page', async () => {
    await start();
    expect(fake.state.calls).toEqual(['registerAppScheme', 'ready', 'createMainWindow']);
    expect(protocol.serveRenderer).toHaveBeenCalledWith(expect.stringMatching(/renderer$/));
    expect(ipc.registerIpc).toHaveBeenCalledWith(undefined);
    expect(window.createMainWindow).toHaveBeenCalledWith({
      preload: expect.stringMatching(/preload[\\/]index\.cjs$/),
      url: 'app://desk/index.html',
      devServerUrl: undefined,
    });
  });

  it('hardens every webContents the app creates', async () => {
    await start();
    const contents = { id: 7 };
    fake.emit('web-contents-created', {}, contents);
    expect(window.hardenWebContents).toHaveBeenCalledWith(contents, undefined);
  });

  it('loads the dev server in development', async () => {
    await start({ rendererUrl: 'http://localhost:5173' });
    expect(window.createMainWindow).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'http://localhost:5173', devServerUrl: 'http://localhost:5173' }),
    );
    expect(ipc.registerIpc).toHaveBeenCalledWith('http://localhost:5173');
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', async () => {
    fake.state.isPackaged = true;
    await start({ rendererUrl: 'https://evil.example' });
    expect(window.createMainWindow).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'app://desk/index.html', devServerUrl: undefined }),
    );
  });

  it('quits when the last window closes, except on macOS', async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform');
    if (!platform) throw new Error('process.platform is not a property');
    await start();
    try {
      Object.defineProperty(process, 'platform', { value: 'darwin' });
      fake.emit('window-all-closed');
      expect(fake.app.quit).not.toHaveBeenCalled();
      Object.defineProperty(process, 'platform', { value: 'win32' });
      fake.emit('window-all-closed');
      expect(fake.app.quit).toHaveBeenCalledTimes(1);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });

  it('focuses the existing window when a second instance starts, and reopens one on activate', async () => {
    await start();
    const existing = { isMinimized: () => true, restore: vi.fn(), focus: vi.fn() };
    fake.windows.push(existing);
    fake.emit('second-instance');
    expect(existing.restore).toHaveBeenCalled();
    expect(existing.focus).toHaveBeenCalled();

    fake.emit('activate');
    expect(window.createMainWindow).toHaveBeenCalledTimes(1);
    fake.windows.length = 0;
    fake.emit('activate');
    expect(window.createMainWindow).toHaveBeenCalledTimes(2);
  });
});
