import { randomUUID } from 'node:crypto';
import Dexie from 'dexie';
import type { DBCore, Middleware } from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpBridge } from '../../src-renderer/bridge/http';
import { CacheDatabase, cacheSchemas } from '../../src-renderer/cache/db';
import { reconcileJournal } from '../../src-renderer/cache/journal';
import { perform } from '../../src-renderer/sync/actions';
import { SyncEngine } from '../../src-renderer/sync/engine';
import { LocalClient } from '../../src-renderer/sync/local-client';
import type { Bridge } from '../../src-shared/contract/bridge';
import type { Dossier } from '../../src-shared/domain/model';
import { defaultSettings } from '../../src-shared/domain/settings';
import type { TestServer, World } from '../server/harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from '../server/harness';
import { MemoryStorage, cacheView, serverView } from './client';

/**
 * IndexedDB faults (docs/targets.md R3): the cache deleted underneath, unreadable on open, upgraded
 * by a newer window, out of quota. The app says what happened and recovers without losing a
 * pending action, which lands on the server exactly once.
 */

let server: TestServer;
let world: World;
let dossier: Dossier;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  const alice = await server.signIn(world.users.alice.email);
  dossier = await fileClaim(server, alice, world.transactions.alice1, {
    subject: 'delivery',
    reason: 'not_received',
    merchantContact: 'merchant_no_answer',
    description: 'Colis jamais arrivé.',
  });
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

/** The IndexedDB that fake-indexeddb installed, typed as much as these tests use it (no DOM types here). */
interface RequestLike {
  error?: unknown;
  onsuccess: (() => void) | null;
  onerror: ((event: unknown) => void) | null;
}
interface FactoryLike {
  open(name: string, version?: number): RequestLike;
  deleteDatabase(name: string): RequestLike;
  cmp(a: unknown, b: unknown): number;
  databases(): Promise<unknown>;
}
const idb = (globalThis as unknown as { indexedDB: FactoryLike }).indexedDB;

interface Net {
  online: boolean;
}

async function signedInBridge(email: string): Promise<{ bridge: Bridge; net: Net }> {
  const net: Net = { online: true };
  const bridge = createHttpBridge({
    baseUrl: server.url,
    storage: new MemoryStorage(),
    fetch: (input, init) => (net.online ? fetch(input, init) : Promise.reject(new TypeError('offline'))),
    appVersion: 'test',
    platform: 'node',
    connectivity: { isOnline: () => net.online, subscribe: () => () => undefined },
  });
  const signedIn = await bridge.signIn(email, 'demo-password');
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  return { bridge, net };
}

async function localClient(
  bridge: Bridge,
  extra: Partial<ConstructorParameters<typeof LocalClient>[0]> = {},
) {
  const current = await bridge.currentUser();
  if (!current.ok || !current.value) throw new Error('not signed in');
  return new LocalClient({
    bridge,
    user: current.value,
    settings: defaultSettings,
    databaseName: `recovery-${randomUUID()}`,
    pageSize: 20,
    ...extra,
  });
}

/** An open request that fails the way Chromium's does on a corrupted backing store. */
function failedOpen(): RequestLike {
  const request: RequestLike = {
    error: new DOMException('Internal error opening backing store', 'UnknownError'),
    onsuccess: null,
    onerror: null,
  };
  setTimeout(() => request.onerror?.({ target: request, preventDefault() {}, stopPropagation() {} }), 0);
  return request;
}

async function until(check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const noteCount = async (body: string) => {
  const view = await serverView(server, await server.signIn(world.users.agent.email));
  return view.messages.filter((m) => m.body === body).length;
};

describe('the cache deleted underneath', () => {
  it('is rebuilt from the server with the pending action put back, which lands once', async () => {
    const { bridge, net } = await signedInBridge(world.users.agent.email);
    const client = await localClient(bridge);
    await client.open();
    expect(await client.engine.sync()).toMatchObject({ ok: true });
    net.online = false;
    const body = `Avant suppression ${randomUUID()}`;
    expect((await client.perform('dossier.note', { dossierId: dossier.id, body })).ok).toBe(true);
    const before = client.generation;

    await new Promise<void>((resolve, reject) => {
      const request = idb.deleteDatabase(client.db.name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(new Error('delete failed'));
    });
    await until(() => client.generation > before && client.notice?.kind === 'rebuilt');
    expect(client.notice).toMatchObject({ kind: 'rebuilt', reason: 'deleted', restored: 1 });
    expect(await client.db.outbox.count()).toBe(1);

    net.online = true;
    expect(await client.engine.sync()).toMatchObject({ ok: true });
    expect(await client.db.outbox.count()).toBe(0);
    expect(await noteCount(body)).toBe(1);
    expect(await cacheView(client.db)).toEqual(
      await serverView(server, await server.signIn(world.users.agent.email)),
    );
    expect((await bridge.journal.read()).ok && (await bridge.journal.read())).toMatchObject({ value: [] });
    await client.destroy();
  });
});

describe('a cache that cannot be opened (UnknownError)', () => {
  it('is deleted and rebuilt; the journal brings back what was pending, under the same client id', async () => {
    const { bridge, net } = await signedInBridge(world.users.agent.email);
    const name = `recovery-${randomUUID()}`;
    const first = await localClient(bridge, { databaseName: name });
    await first.open();
    await first.engine.sync();
    net.online = false;
    const body = `Corrompu ${randomUUID()}`;
    await first.perform('dossier.note', { dossierId: dossier.id, body });
    // The push reached the server but its answer was lost: the retry must be answered `duplicate`.
    net.online = true;
    const clientId = (await first.db.meta.get('clientId'))?.value;
    const [entry] = await first.db.outbox.toArray();
    if (!entry || typeof clientId !== 'string') throw new Error('nothing pending');
    await server.call('POST', '/sync/push', {
      token: await server.signIn(world.users.agent.email),
      body: { clientId, mutations: [{ id: entry.id, name: entry.name, args: entry.args }] },
    });
    first.close();

    // Chromium's corrupted LevelDB: every open fails with UnknownError until the database is deleted.
    let corrupted = true;
    const failingFactory: FactoryLike = {
      open(dbName, version) {
        if (corrupted && dbName === name) return failedOpen();
        return version === undefined ? idb.open(dbName) : idb.open(dbName, version);
      },
      deleteDatabase(dbName) {
        if (dbName === name) corrupted = false;
        return idb.deleteDatabase(dbName);
      },
      cmp: (a, b) => idb.cmp(a, b),
      databases: () => idb.databases(),
    };
    const second = await localClient(bridge, { databaseName: name, indexedDB: failingFactory });
    await second.open();
    expect(second.notice).toMatchObject({ kind: 'rebuilt', reason: 'unreadable', restored: 1 });
    expect((await second.db.meta.get('clientId'))?.value).toBe(clientId);
    expect(await second.engine.sync()).toMatchObject({ ok: true });
    expect(await noteCount(body)).toBe(1);
    expect(await cacheView(second.db)).toEqual(
      await serverView(server, await server.signIn(world.users.agent.email)),
    );
    await second.destroy();
  });
});

describe('a newer app upgrading the cache from another window', () => {
  it('stops this window, says it is outdated, and keeps the pending action for the newer one', async () => {
    const { bridge, net } = await signedInBridge(world.users.agent.email);
    const client = await localClient(bridge);
    await client.open();
    await client.engine.sync();
    net.online = false;
    await client.perform('dossier.tag', { dossierId: dossier.id, tags: ['version'] });
    const name = client.db.name;
    const current = client.db.verno;
    const upgraded = new Dexie(name);
    // A newer app: every schema this one knows, and one more version.
    for (const { version, stores } of cacheSchemas) upgraded.version(version).stores(stores);
    upgraded.version(current + 1).stores({ newer: '&id' });
    await upgraded.open();
    await until(() => client.notice?.kind === 'outdated');
    expect(await upgraded.table('outbox').count()).toBe(1);
    expect((await bridge.journal.read()).ok).toBe(true);
    upgraded.close();
    client.stop();
    await Dexie.delete(name);
  });
});

describe('a full disk (QuotaExceededError)', () => {
  it('says so in words, keeps the pending action, and finishes once there is room again', async () => {
    const { bridge } = await signedInBridge(world.users.agent.email);
    let full = false;
    const quota: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'quota',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (req) =>
              full && tableName === 'messages'
                ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
                : table.mutate(req),
          };
        },
      }),
    };
    const db = new CacheDatabase(`quota-${randomUUID()}`);
    db.use(quota);
    const current = await bridge.currentUser();
    if (!current.ok || !current.value) throw new Error('not signed in');
    const engine = new SyncEngine({ db, bridge, settings: defaultSettings, newId: randomUUID, pageSize: 20 });
    await engine.sync();
    const body = `Disque plein ${randomUUID()}`;
    await perform(
      { db, user: current.value, settings: defaultSettings, now: Date.now, newId: randomUUID },
      'dossier.reply',
      { dossierId: dossier.id, body, audience: 'both' },
    );
    full = true;
    const outcome = await engine.sync();
    expect(outcome).toMatchObject({ ok: false, error: { code: 'storage_full' } });
    expect(engine.status.state).toBe('error');
    expect(engine.status.error?.message).toMatch(/disk space/);
    // The push went through before the pull failed: the action is on the server, once.
    expect(await noteCount(body)).toBe(1);
    full = false;
    expect(await engine.sync()).toMatchObject({ ok: true });
    expect(await db.outbox.count()).toBe(0);
    expect(await noteCount(body)).toBe(1);
    expect(await cacheView(db)).toEqual(
      await serverView(server, await server.signIn(world.users.agent.email)),
    );
    await db.delete();
  });
});

describe('reconciling the journal', () => {
  it('drops journalled actions older than a surviving outbox (they were answered)', async () => {
    const { bridge } = await signedInBridge(world.users.agent.email);
    const db = new CacheDatabase(`journal-${randomUUID()}`);
    const actor = { role: 'agent' as const, id: 'u1', name: 'Agent' };
    const entry = (id: string) => ({
      clientId: 'client-1',
      id,
      name: 'dossier.note' as const,
      args: { dossierId: dossier.id, body: id },
      actor,
      createdAt: '2026-11-25T10:00:00.000Z',
    });
    await bridge.journal.append([entry('old'), entry('kept')]);
    await db.outbox.add({ ...entry('kept'), dossierId: dossier.id, state: 'pending' });
    expect(await reconcileJournal(db, bridge.journal)).toEqual({ restored: 0, unreadable: 0 });
    const journal = await bridge.journal.read();
    expect(journal.ok && journal.value.map((e) => e.id)).toEqual(['kept']);
    await db.delete();
  });
});
