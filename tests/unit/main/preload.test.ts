import { describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../../src-shared/contract/bridge';

/** The preload with electron mocked: what the page gets, and only that. */

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  answer: (_channel: string, ..._args: unknown[]): Promise<unknown> => Promise.resolve(undefined),
  invoked: [] as { channel: string; args: unknown[] }[],
  listeners: new Map<string, ((event: unknown, payload: unknown) => void)[]>(),
  windowListeners: new Map<string, (() => void)[]>(),
}));
/** Main sends an event to the page. */
const send = (channel: string, payload: unknown) => {
  for (const l of fake.listeners.get(channel) ?? []) l({}, payload);
};

// The sandboxed preload sees the page's navigator and window.
vi.stubGlobal('navigator', { onLine: true });
vi.stubGlobal('window', {
  addEventListener: (type: string, l: () => void) =>
    fake.windowListeners.set(type, [...(fake.windowListeners.get(type) ?? []), l]),
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => {
      fake.invoked.push({ channel, args });
      return fake.answer(channel, ...args);
    },
    on: (channel: string, l: (event: unknown, payload: unknown) => void) =>
      fake.listeners.set(channel, [...(fake.listeners.get(channel) ?? []), l]),
    removeListener: (channel: string, l: unknown) =>
      fake.listeners.set(
        channel,
        (fake.listeners.get(channel) ?? []).filter((x) => x !== l),
      ),
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

describe('events from the main process', () => {
  it("follows the network as main tells it, and the page's own events", () => {
    const heard: boolean[] = [];
    const stop = bridge.onConnectivity((online) => heard.push(online));
    expect(bridge.isOnline()).toBe(true);
    send('app:connectivity', false);
    send('app:connectivity', false);
    expect(bridge.isOnline()).toBe(false);
    for (const l of fake.windowListeners.get('online') ?? []) l();
    stop();
    send('app:connectivity', false);
    expect(heard).toEqual([false, true]);
  });

  it('keeps a dossier link that came before anyone listened, and hands it to the first listener', () => {
    send('app:open-dossier', { reference: 'KP-2026-000123' });
    const heard: unknown[] = [];
    const stop = bridge.onOpenDossier((link) => heard.push(link));
    send('app:open-dossier', { id: 'd-1' });
    stop();
    send('app:open-dossier', { id: 'd-2' });
    expect(heard).toEqual([{ reference: 'KP-2026-000123' }, { id: 'd-1' }]);
  });

  it('passes pokes and presence to their listeners until unsubscribed', () => {
    let pokes = 0;
    const stop = bridge.onPoke(() => pokes++);
    send('sync:poke', null);
    stop();
    send('sync:poke', null);
    expect(pokes).toBe(1);
  });
});

const upload = {
  id: '0f8c2a4e-3b7d-4c1a-9e6f-2d5b8a7c9e10',
  filename: 'receipt.pdf',
  contentType: 'application/pdf',
  contentBase64: 'JVBERi0=',
} as const;

const teamView = {
  kind: 'view',
  id: '0f8c2a4e-3b7d-4c1a-9e6f-2d5b8a7c9e11',
  fields: {
    name: 'Late merchants',
    queue: 'awaiting',
    filter: {},
    sort: { key: 'urgency', direction: 'asc' },
  },
} as const;

describe('every call goes to its channel with its payload', () => {
  it.each([
    ['signIn', ['a@b.c', 'pw'], 'session:sign-in', [{ email: 'a@b.c', password: 'pw' }]],
    ['pull', [null, 100], 'sync:pull', [{ cursor: null, limit: 100 }]],
    ['setPresence', ['d-1', 'writing'], 'presence:set', [{ dossierId: 'd-1', activity: 'writing' }]],
    ['setAbsence', ['u-agent2', true], 'staff:absence', [{ userId: 'u-agent2', absent: true }]],
    ['attachment', ['d-1', 'a-1'], 'dossiers:attachment', [{ dossierId: 'd-1', attachmentId: 'a-1' }]],
    ['upload', [upload], 'uploads:put', [upload]],
    ['saveTeamItem', [teamView], 'team:save', [teamView]],
    [
      'deleteTeamItem',
      [{ kind: 'view', id: teamView.id }],
      'team:delete',
      [{ kind: 'view', id: teamView.id }],
    ],
    ['connect', ['https://x.example'], 'app:connect', [{ url: 'https://x.example' }]],
    ['setOverdueCount', [4], 'app:overdue-count', [4]],
    ['server', [], 'app:server', []],
  ] as const)('%s', async (method, args, channel, sent) => {
    fake.answer = () => Promise.resolve({ ok: true, value: null });
    await (bridge[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    expect(fake.invoked.at(-1)).toEqual({ channel, args: sent });
  });
});
