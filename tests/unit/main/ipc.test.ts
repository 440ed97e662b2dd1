import { describe, expect, it, vi } from 'vitest';
import type { IpcHandlers, Result } from '../../../src-shared/contract/bridge';
import { ipcInvokes } from '../../../src-shared/contract/bridge';
import { guarded, registerIpc } from '../../../src-main/ipc';
import { isTrustedSender } from '../../../src-main/policy';

/** IPC registration: every channel of the contract, senders checked, payloads parsed, answers as values. */

type Handler = (event: unknown, ...args: unknown[]) => Promise<Result<unknown>>;

function registered(handlers: Partial<IpcHandlers> = {}, devServerUrl?: string) {
  const table = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, handler: Handler) => table.set(channel, handler),
    removeHandler: (channel: string) => table.delete(channel),
  };
  const answering = (name: string) =>
    vi.fn(async (request: unknown) => ({ ok: true, value: { name, request } }));
  const all = Object.fromEntries(
    Object.keys(ipcInvokes).map((name) => [name, handlers[name as keyof IpcHandlers] ?? answering(name)]),
  ) as unknown as IpcHandlers;
  const unregister = registerIpc(ipcMain as never, all, (url) => isTrustedSender(url, devServerUrl));
  const call = async (name: keyof typeof ipcInvokes, event: unknown, ...args: unknown[]) => {
    const handler = table.get(ipcInvokes[name].channel);
    if (!handler) throw new Error(`${name} is not registered`);
    return handler(event, ...args);
  };
  return { table, call, unregister, all };
}

/** A well-formed `uploads:put` payload, spoiled one field at a time below. */
const upload = {
  id: '0f8c2a4e-3b7d-4c1a-9e6f-2d5b8a7c9e10',
  filename: 'receipt.pdf',
  contentType: 'application/pdf',
  contentBase64: 'JVBERi0=',
};

/** A well-formed `team:save` payload: a macro that tags and takes the dossier. */
const macro = {
  kind: 'macro',
  id: '6a1f0c2e-9b7d-4e3a-8c5f-1d2b3a4c5e6f',
  fields: { name: 'Proof asked', letter: null, tags: ['proof'], followUp: null, finish: { kind: 'take' } },
};

const from = (url: string) => ({ senderFrame: { url, parent: null } });
const app = from('app://desk/index.html');

describe('registerIpc', () => {
  it('registers every channel of the contract, and unregisters them all', () => {
    const { table, unregister } = registered();
    expect([...table.keys()].sort()).toEqual(
      Object.values(ipcInvokes)
        .map((c) => c.channel)
        .sort(),
    );
    unregister();
    expect(table.size).toBe(0);
  });

  it('hands the parsed payload to the handler and its answer back', async () => {
    const { call } = registered();
    expect(await call('pull', app, { cursor: null, limit: 500 })).toEqual({
      ok: true,
      value: { name: 'pull', request: { cursor: null, limit: 500 } },
    });
    expect(await call('currentUser', app)).toEqual({
      ok: true,
      value: { name: 'currentUser', request: undefined },
    });
    expect(await call('upload', app, upload)).toEqual({
      ok: true,
      value: { name: 'upload', request: upload },
    });
    expect(await call('saveTeamItem', app, macro)).toEqual({
      ok: true,
      value: { name: 'saveTeamItem', request: macro },
    });
  });

  it.each([
    ['pull', [{ cursor: null, limit: 0 }]],
    ['pull', [{ cursor: 7, limit: 10 }]],
    ['signIn', [{ email: 'a@b.c' }]],
    ['signIn', ['a@b.c', 'password']],
    ['push', [{ clientId: 'c1', mutations: [] }]],
    ['push', [{ clientId: 'c1', mutations: [{ id: 'm1', name: '', args: {} }] }]],
    ['setOverdueCount', [-1]],
    ['setOverdueCount', [1.5]],
    ['notify', [{ kind: 'assigned', title: '', body: 'x' }]],
    ['journalRemove', [['../../etc/passwd']]],
    ['connect', [{ url: '' }]],
    ['currentUser', [{ extra: true }]],
    ['attachment', [{ dossierId: 'd-1' }]],
    ['attachment', [{ dossierId: 'd-1', attachmentId: '../../etc/passwd' }]],
    ['attachment', [{ dossierId: 'd-1', attachmentId: 'a-1', path: '/etc/passwd' }]],
    ['upload', [{ ...upload, id: '../sessions/current' }]],
    ['upload', [{ ...upload, id: upload.id.toUpperCase() }]],
    ['upload', [{ ...upload, filename: '../../etc/passwd' }]],
    ['upload', [{ ...upload, contentType: 'text/html' }]],
    ['upload', [{ ...upload, contentBase64: '<svg onload=alert(1)>' }]],
    ['upload', [{ ...upload, path: '/etc/passwd' }]],
    ['upload', [upload, upload]],
    ['saveTeamItem', [{ ...macro, kind: 'script' }]],
    ['saveTeamItem', [{ ...macro, id: 'not-a-uuid' }]],
    ['saveTeamItem', [{ ...macro, fields: { ...macro.fields, name: ' ' } }]],
    ['saveTeamItem', [{ ...macro, fields: { ...macro.fields, tags: [], finish: { kind: 'none' } } }]],
    ['saveTeamItem', [{ ...macro, fields: { ...macro.fields, finish: { kind: 'delete_all' } } }]],
    ['saveTeamItem', [{ ...macro, kind: 'view' }]],
    ['deleteTeamItem', [{ kind: 'macro', id: '../sessions/current' }]],
    ['deleteTeamItem', [{ kind: 'user', id: macro.id }]],
  ] as const)('refuses a malformed %s call without running the handler', async (name, args) => {
    const handler = vi.fn(async () => ({ ok: true as const, value: null }));
    const { call } = registered({ [name]: handler });
    expect(await call(name, app, ...args)).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringContaining(ipcInvokes[name].channel) },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['a foreign page', from('https://evil.example/')],
    ['another app:// host', from('app://evil/index.html')],
    ['a local file', from('file:///tmp/index.html')],
    ['a dev server the app was not started with', from('http://localhost:5173/')],
    ['a blank frame', from('about:blank')],
    ['a frame of the app embedded in another', { senderFrame: { url: 'app://desk/index.html', parent: {} } }],
    ['a destroyed frame', { senderFrame: null }],
    ['no frame at all', {}],
    [
      'a frame whose URL cannot be read',
      {
        get senderFrame() {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed');
        },
      },
    ],
  ])('refuses %s on every channel', async (_name, event) => {
    const { call, all } = registered();
    for (const name of Object.keys(ipcInvokes) as (keyof typeof ipcInvokes)[]) {
      expect(await call(name, event)).toEqual({
        ok: false,
        error: { code: 'forbidden', message: expect.any(String) },
      });
    }
    for (const handler of Object.values(all)) expect(handler).not.toHaveBeenCalled();
  });

  it('trusts the dev server only when the app was started with it', async () => {
    const { call } = registered({}, 'http://localhost:5173');
    expect(await call('currentUser', from('http://localhost:5173/'))).toMatchObject({ ok: true });
    expect(await call('currentUser', from('http://localhost:5174/'))).toMatchObject({ ok: false });
  });
});

describe('guarded', () => {
  it('turns a failing handler into an error value, never an exception across the bridge', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handler = guarded(
      () => {
        throw new Error('disk on fire');
      },
      () => true,
    );
    const result = await handler(app as never);
    expect(result).toEqual({ ok: false, error: { code: 'server_error', message: expect.any(String) } });
    expect(JSON.stringify(result)).not.toContain('disk on fire');
  });
});
