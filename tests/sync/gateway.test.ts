import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IpcEventPayloads, JournalEntry } from '../../src-shared/contract/bridge';
import { createConnectivity } from '../../src-main/connectivity';
import type { Gateway, ServerSettings } from '../../src-main/gateway';
import { createGateway } from '../../src-main/gateway';
import { createJournalFiles } from '../../src-main/journal-file';
import { openSessionStore } from '../../src-main/session-store';
import { normalizeServerUrl } from '../../src-main/settings';
import type { TestServer, World } from '../server/harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from '../server/harness';

/** The desktop's gateway in the main process, against the real API: what every IPC channel does. */

let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

const keychain = {
  isAsyncEncryptionAvailable: () => Promise.resolve(true),
  encryptStringAsync: (plain: string) =>
    Promise.resolve(Buffer.from(Buffer.from(plain).map((b) => b ^ 0x5a))),
  decryptStringAsync: (sealed: Buffer) =>
    Promise.resolve({ result: Buffer.from(sealed.map((b) => b ^ 0x5a)).toString(), shouldReEncrypt: false }),
};

const open: { gateway: Gateway; dir: string }[] = [];
afterEach(async () => {
  for (const { gateway, dir } of open.splice(0)) {
    gateway.stop();
    await rm(dir, { recursive: true, force: true });
  }
});

async function device(options: { url?: string | null; locked?: boolean } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'klikpay-gateway-'));
  const net = { online: true, requests: 0 };
  const events: { name: keyof IpcEventPayloads; payload: unknown }[] = [];
  let current = {
    url: options.url === undefined ? server.url : options.url,
    locked: options.locked ?? false,
  };
  const settings: ServerSettings = {
    current: () => current,
    normalize: normalizeServerUrl,
    save: async (url) => {
      current = { url, locked: false };
    },
  };
  const connectivity = createConnectivity({ isOnline: () => net.online, pollMs: 60_000 });
  const gateway = createGateway({
    appInfo: { name: 'Klik & Pay Dispute Desk', version: 'test', platform: 'node' },
    fetch: (input, init) => {
      net.requests++;
      return net.online
        ? fetch(input, init)
        : Promise.reject(new TypeError('net::ERR_INTERNET_DISCONNECTED'));
    },
    session: await openSessionStore(join(dir, 'session.json'), keychain),
    journal: createJournalFiles(join(dir, 'journal')),
    settings,
    connectivity,
    notify: () => undefined,
    badge: () => undefined,
    emit: (name, payload) => events.push({ name, payload }),
  });
  open.push({ gateway, dir });
  return { gateway, handlers: gateway.handlers, dir, net, events, settings: () => current };
}

const entry = (id: string, actorId: string): JournalEntry => ({
  clientId: 'c-gateway',
  id,
  name: 'dossier.note',
  args: { dossierId: 'd-1', body: 'note' },
  actor: { role: 'agent', id: actorId, name: 'Agent' },
  createdAt: '2026-11-24T09:30:00.000Z',
});

describe('the gateway', () => {
  it('signs in, keeps the token to itself (sealed on disk), and calls the API with it', async () => {
    const { handlers, dir } = await device();
    expect(await handlers.currentUser(undefined)).toEqual({ ok: true, value: null });
    expect(await handlers.rules(undefined)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const signedIn = await handlers.signIn({ email: world.users.agent.email, password: 'demo-password' });
    expect(signedIn).toMatchObject({ ok: true, value: { id: world.users.agent.id, role: 'agent' } });
    // The answer to the renderer is the user alone: no token crosses the bridge.
    expect(JSON.stringify(signedIn)).not.toMatch(/token/i);
    const token = await server.signIn(world.users.agent.email);
    expect(await readFile(join(dir, 'session.json'), 'utf8')).not.toContain(token.slice(0, 12));
    expect(await handlers.rules(undefined)).toMatchObject({
      ok: true,
      value: { settings: expect.any(Object) },
    });
    const page = await handlers.pull({ cursor: null, limit: 100 });
    expect(page).toMatchObject({ ok: true, value: { changes: expect.any(Array) } });
  });

  it('refuses a wrong password with the API error, and stays signed out', async () => {
    const { handlers } = await device();
    expect(await handlers.signIn({ email: world.users.agent.email, password: 'wrong' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(await handlers.currentUser(undefined)).toEqual({ ok: true, value: null });
  });

  it('pushes, and turns the live stream into pokes when a party writes', async () => {
    const { handlers, events } = await device();
    await handlers.signIn({ email: world.users.agent.email, password: 'demo-password' });
    // The stream's opening poke: whatever happened while it was closed gets pulled.
    await expect
      .poll(() => events.filter((e) => e.name === 'poke').length, { timeout: 30_000 })
      .toBeGreaterThan(0);
    const before = events.filter((e) => e.name === 'poke').length;
    const dossier = await fileClaim(
      server,
      await server.signIn(world.users.bob.email),
      world.transactions.bob1,
    );
    await expect
      .poll(() => events.filter((e) => e.name === 'poke').length, { timeout: 30_000 })
      .toBeGreaterThan(before);
    const pushed = await handlers.push({
      clientId: 'c-gateway',
      mutations: [{ id: 'm-gw-1', name: 'dossier.note', args: { dossierId: dossier.id, body: 'Vu.' } }],
    });
    expect(pushed).toEqual({ ok: true, value: { results: [{ id: 'm-gw-1', status: 'applied' }] } });
    expect(await handlers.setPresence({ dossierId: dossier.id, activity: 'viewing' })).toMatchObject({
      ok: true,
    });
  });

  it('offline: answers offline at once, and tells the renderer the network is gone', async () => {
    const { handlers, net, events } = await device();
    await handlers.signIn({ email: world.users.agent.email, password: 'demo-password' });
    net.online = false;
    expect(await handlers.pull({ cursor: null, limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'offline' },
    });
    expect(events.filter((e) => e.name === 'connectivity').map((e) => e.payload)).toContain(false);
    net.online = true;
    expect(await handlers.pull({ cursor: null, limit: 10 })).toMatchObject({ ok: true });
    expect(events.filter((e) => e.name === 'connectivity').at(-1)?.payload).toBe(true);
  });

  it("keeps each agent's journal, refuses another agent's changes, and answers empty when signed out", async () => {
    const { handlers } = await device();
    expect(await handlers.journalRead(undefined)).toEqual({ ok: true, value: [] });
    expect(await handlers.journalAppend([entry('m1', world.users.agent.id)])).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    await handlers.signIn({ email: world.users.agent.email, password: 'demo-password' });
    expect(await handlers.journalAppend([entry('m1', world.users.agent.id)])).toEqual({
      ok: true,
      value: null,
    });
    expect(await handlers.journalAppend([entry('m2', world.users.agent2.id)])).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await handlers.journalRead(undefined)).toEqual({
      ok: true,
      value: [entry('m1', world.users.agent.id)],
    });
    // Signing out keeps the journal on disk (changes not yet sent are never dropped).
    await handlers.signOut(undefined);
    expect(await handlers.journalRead(undefined)).toEqual({ ok: true, value: [] });
    await handlers.signIn({ email: world.users.agent.email, password: 'demo-password' });
    expect(await handlers.journalRead(undefined)).toEqual({
      ok: true,
      value: [entry('m1', world.users.agent.id)],
    });
  });

  it('signs out on the device even when the server cannot be reached', async () => {
    const { handlers, net } = await device();
    await handlers.signIn({ email: world.users.agent.email, password: 'demo-password' });
    net.online = false;
    expect(await handlers.signOut(undefined)).toEqual({ ok: true, value: null });
    expect(await handlers.currentUser(undefined)).toEqual({ ok: true, value: null });
  });

  describe('Connect to server', () => {
    it('checks that the dispute API answers there before keeping the address', async () => {
      const { handlers, settings } = await device({ url: null });
      expect(await handlers.server(undefined)).toEqual({ ok: true, value: { url: null, locked: false } });
      expect(await handlers.signIn({ email: 'a@b.c', password: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'offline' },
      });
      expect(await handlers.connect({ url: 'ftp://disputes.example' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
      // Nothing listens there.
      expect(await handlers.connect({ url: 'http://127.0.0.1:9/' })).toMatchObject({
        ok: false,
        error: { code: 'offline' },
      });
      // Something answers, but not our API.
      expect(await handlers.connect({ url: `${server.url}/docs` })).toMatchObject({ ok: false });
      expect(settings().url).toBeNull();
      expect(await handlers.connect({ url: `${server.url}/api/v1/` })).toEqual({
        ok: true,
        value: { url: server.url, locked: false },
      });
      expect(
        await handlers.signIn({ email: world.users.agent.email, password: 'demo-password' }),
      ).toMatchObject({ ok: true });
    });

    it('a managed install keeps its server', async () => {
      const { handlers } = await device({ locked: true });
      expect(await handlers.connect({ url: 'https://elsewhere.example' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    });

    it('another server means signing in there', async () => {
      const { handlers } = await device({ url: 'http://127.0.0.1:9' });
      await handlers.connect({ url: server.url });
      await handlers.signIn({ email: world.users.agent.email, password: 'demo-password' });
      const other = await startTestServer();
      try {
        expect(await handlers.connect({ url: other.url })).toMatchObject({ ok: true });
        expect(await handlers.currentUser(undefined)).toEqual({ ok: true, value: null });
      } finally {
        await other.close();
      }
    });
  });
});
