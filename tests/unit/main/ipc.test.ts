import { describe, expect, it, vi } from 'vitest';
import type { AppInfo, Result } from '../../../src-shared/contract/bridge';

/** IPC handlers with electron mocked: the sender is checked before anything is answered. */

type Handler = (event: unknown, ...args: unknown[]) => unknown;
const handlers = vi.hoisted(() => new Map<string, Handler>());
vi.mock('electron', () => ({
  app: { getName: () => 'Klik & Pay Dispute Desk', getVersion: () => '0.1.0' },
  ipcMain: { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) },
}));

const { guarded, registerIpc } = await import('../../../src-main/ipc');

const from = (url: string) => ({ senderFrame: { url } });

describe('app:get-info', () => {
  registerIpc();
  const getInfo = async (event: unknown) => {
    const handler = handlers.get('app:get-info');
    if (!handler) throw new Error('app:get-info is not registered');
    return (await handler(event)) as Result<AppInfo>;
  };

  it('answers the app window with a value', async () => {
    expect(await getInfo(from('app://desk/index.html'))).toEqual({
      ok: true,
      value: { name: 'Klik & Pay Dispute Desk', version: '0.1.0', platform: process.platform },
    });
  });

  it.each([
    ['a foreign page', from('https://evil.example/')],
    ['another app:// host', from('app://evil/index.html')],
    ['a local file', from('file:///tmp/index.html')],
    ['a dev server the app was not started with', from('http://localhost:5173/')],
    ['a blank frame', from('about:blank')],
    ['a destroyed frame', { senderFrame: null }],
    ['no frame at all', {}],
  ])('refuses %s with an error value', async (_name, event) => {
    expect(await getInfo(event)).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.any(String) },
    });
  });
});

describe('guarded', () => {
  it('trusts the dev server only when the app was started with it', async () => {
    const handler = guarded(() => ({ ok: true, value: 1 }), 'http://localhost:5173');
    expect(await handler(from('http://localhost:5173/') as never)).toEqual({ ok: true, value: 1 });
    expect(await handler(from('http://localhost:5174/') as never)).toMatchObject({ ok: false });
  });

  it('turns a failing handler into an error value, never an exception across the bridge', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handler = guarded(() => {
      throw new Error('disk on fire');
    });
    const result = await handler(from('app://desk/') as never);
    expect(result).toEqual({ ok: false, error: { code: 'server_error', message: expect.any(String) } });
    expect(JSON.stringify(result)).not.toContain('disk on fire');
  });

  it('never runs the handler for a refused sender', async () => {
    const inner = vi.fn(() => ({ ok: true as const, value: 'secret' }));
    await guarded(inner)(from('https://evil.example/') as never);
    expect(inner).not.toHaveBeenCalled();
  });
});
