import { describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../../src-shared/contract/bridge';

/** The preload with electron mocked: what the page gets, and only that. */

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  answer: (_channel: string, ..._args: unknown[]): Promise<unknown> => Promise.resolve(undefined),
  invoked: [] as { channel: string; args: unknown[] }[],
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => {
      fake.invoked.push({ channel, args });
      return fake.answer(channel, ...args);
    },
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));

await import('../../../src-preload/index');
const bridge = fake.exposed.get('klikpay') as Bridge;

describe('the preload bridge', () => {
  it('exposes one typed bridge as window.klikpay, and no IPC primitive', () => {
    expect([...fake.exposed.keys()]).toEqual(['klikpay']);
    expect(bridge.host).toBe('electron');
    // Functions and plain groups of functions (contextBridge copies both), nothing with state.
    const leaves = (o: object): unknown[] =>
      Object.values(o).flatMap((v: unknown) => (v && typeof v === 'object' ? leaves(v) : [v]));
    expect(leaves(bridge).every((v) => typeof v === 'function' || typeof v === 'string')).toBe(true);
    expect(Object.keys(bridge.journal).sort()).toEqual(['append', 'read', 'remove']);
    expect(Object.keys(bridge)).not.toContain('ipcRenderer');
    expect(Object.keys(bridge)).not.toContain('invoke');
  });

  it('asks the main process for the app info on app:get-info', async () => {
    const info = {
      ok: true,
      value: { name: 'Klik & Pay Dispute Desk', version: '0.1.0', platform: 'linux' },
    };
    fake.answer = () => Promise.resolve(info);
    expect(await bridge.getAppInfo()).toEqual(info);
    expect(fake.invoked.at(-1)).toEqual({ channel: 'app:get-info', args: [] });
  });

  it('turns a failed call into an error value, never a rejection', async () => {
    fake.answer = (channel) => Promise.reject(new Error(`No handler registered for '${channel}'`));
    expect(await bridge.getAppInfo()).toEqual({
      ok: false,
      error: { code: 'server_error', message: expect.any(String) },
    });
  });
});
