import { describe, expect, it, vi } from 'vitest';

/** The entry hands the real electron module to the app (src-main/desktop.ts), and nothing else. */

const fake = vi.hoisted(() => ({ started: [] as unknown[][], isPackaged: false }));
vi.mock('electron', () => ({
  app: {
    get isPackaged() {
      return fake.isPackaged;
    },
  },
}));
vi.mock('../../../src-main/desktop', () => ({
  startDesktop: (...args: unknown[]) => {
    fake.started.push(args);
    return Promise.resolve(null);
  },
}));

describe('the app entry', () => {
  it('starts the desktop with electron, the built bundles, the command line and the settings', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    await import('../../../src-main/index');
    const [electron, options] = fake.started[0] as [{ app: unknown }, Record<string, unknown>];
    expect(electron.app).toBeDefined();
    expect(options).toMatchObject({
      rendererDir: expect.stringMatching(/renderer$/),
      preload: expect.stringMatching(/preload[\\/]index\.cjs$/),
      devServerUrl: 'http://localhost:5173',
      argv: process.argv,
      settings: expect.any(Function),
    });
    vi.unstubAllEnvs();
  });
});
