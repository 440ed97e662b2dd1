import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../src-renderer/app/session';
import { createHttpBridge } from '../../src-renderer/bridge/http';
import type { Dossier } from '../../src-shared/domain/model';
import type { TestServer, World } from '../server/harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from '../server/harness';
import { MemoryStorage, serverView } from './client';

/** Signing in and out of the back office: staff only, kept across restarts, nothing pending dropped. */

let server: TestServer;
let world: World;
let dossier: Dossier;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  dossier = await fileClaim(server, await server.signIn(world.users.alice.email), world.transactions.alice2);
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

function device() {
  const net = { online: true };
  const storage = new MemoryStorage();
  const bridge = createHttpBridge({
    baseUrl: server.url,
    storage,
    fetch: (input, init) => (net.online ? fetch(input, init) : Promise.reject(new TypeError('offline'))),
    appVersion: 'test',
    platform: 'node',
    connectivity: { isOnline: () => net.online, subscribe: () => () => undefined },
  });
  // The rules are awaited this long (online they come at once; offline the request fails at once).
  return { net, storage, bridge, session: () => new Session({ bridge, storage, rulesTimeoutMs: 30_000 }) };
}

describe('the session', () => {
  it('starts signed out, refuses parties, and signs staff in to a syncing client', async () => {
    const d = device();
    const session = d.session();
    await session.restore();
    expect(session.get()).toEqual({ kind: 'signed_out', error: null });
    expect(await session.signIn(world.users.alice.email, 'demo-password')).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/Klik & Pay staff/) },
    });
    expect(await session.signIn(world.users.agent.email, 'wrong')).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(await session.signIn(world.users.agent.email, 'demo-password')).toEqual({ ok: true });
    const state = session.get();
    if (state.kind !== 'signed_in') throw new Error(`not signed in: ${state.kind}`);
    await state.client.engine.sync();
    expect(await state.client.db.dossiers.get(dossier.id)).toBeDefined();
    state.client.close();
  });

  it('comes back signed in after a restart, offline, with the rules it last received', async () => {
    const d = device();
    const first = d.session();
    await first.signIn(world.users.agent.email, 'demo-password');
    const before = first.get();
    if (before.kind !== 'signed_in') throw new Error('not signed in');
    before.client.close();
    d.net.online = false;
    const restarted = d.session();
    await restarted.restore();
    const after = restarted.get();
    if (after.kind !== 'signed_in') throw new Error(`not signed in after restart: ${after.kind}`);
    expect(after.client.user.email).toBe(world.users.agent.email);
    // The server's clock is the test's manual one (July 2026): offline, actions still take its time.
    const done = await after.client.perform('dossier.note', { dossierId: dossier.id, body: 'Hors ligne.' });
    if (!done.ok) throw new Error(done.error.message);
    const local = await after.client.db.messages.where('mutationId').equals(done.mutationId).first();
    expect(local?.createdAt.slice(0, 10)).toBe('2026-07-13');
    after.client.close();
  });

  it('asks before signing out with changes pending, and keeps them for the next sign-in', async () => {
    const d = device();
    const session = d.session();
    await session.signIn(world.users.agent2.email, 'demo-password');
    const state = session.get();
    if (state.kind !== 'signed_in') throw new Error('not signed in');
    await state.client.engine.sync();
    d.net.online = false;
    const body = `Gardé pour plus tard ${crypto.randomUUID()}`;
    expect((await state.client.perform('dossier.note', { dossierId: dossier.id, body })).ok).toBe(true);
    expect(await session.signOut()).toEqual({ ok: false, pending: 1 });
    expect(session.get().kind).toBe('signed_in');
    expect(await session.signOut({ force: true })).toEqual({ ok: true });
    expect(session.get().kind).toBe('signed_out');

    d.net.online = true;
    expect(await session.signIn(world.users.agent2.email, 'demo-password')).toEqual({ ok: true });
    const again = session.get();
    if (again.kind !== 'signed_in') throw new Error('not signed in again');
    expect(await again.client.pendingCount()).toBe(1);
    expect(await again.client.engine.sync()).toMatchObject({ ok: true });
    const view = await serverView(server, await server.signIn(world.users.agent2.email));
    expect(view.messages.filter((m) => m.body === body)).toHaveLength(1);
    again.client.close();
  });

  it('removes this computer’s copy on request, never while a change is pending', async () => {
    const d = device();
    const session = d.session();
    await session.signIn(world.users.supervisor.email, 'demo-password');
    const state = session.get();
    if (state.kind !== 'signed_in') throw new Error('not signed in');
    await state.client.engine.sync();
    const name = state.client.db.name;
    const userId = state.client.user.id;
    d.net.online = false;
    const body = `Pas encore envoyé ${crypto.randomUUID()}`;
    expect((await state.client.perform('dossier.note', { dossierId: dossier.id, body })).ok).toBe(true);
    // Pending: refused even when forced, and nothing is touched.
    expect(await session.signOut({ removeLocalCopy: true, force: true })).toEqual({ ok: false, pending: 1 });
    expect(session.get().kind).toBe('signed_in');
    expect(d.storage.getItem(`klikpay.journal.${userId}`)).toContain(body);

    d.net.online = true;
    expect(await state.client.engine.sync()).toMatchObject({ ok: true });
    expect(d.storage.getItem(`klikpay.rules.${userId}`)).not.toBeNull();
    expect(await session.signOut({ removeLocalCopy: true })).toEqual({ ok: true });
    expect(session.get().kind).toBe('signed_out');
    expect((await Dexie.getDatabaseNames()).includes(name)).toBe(false);
    expect(d.storage.getItem(`klikpay.journal.${userId}`)).toBeNull();
    expect(d.storage.getItem(`klikpay.rules.${userId}`)).toBeNull();
    // The note reached the server exactly once before the copy went.
    const view = await serverView(server, await server.signIn(world.users.supervisor.email));
    expect(view.messages.filter((m) => m.body === body)).toHaveLength(1);
  });
});
