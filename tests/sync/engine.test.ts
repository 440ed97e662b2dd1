import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perform, performMany } from '../../src-renderer/sync/actions';
import type { Dossier } from '../../src-shared/domain/model';
import type { TestServer, World } from '../server/harness';
import { buildWorld, dropTestDatabases, startTestServer } from '../server/harness';
import type { CacheDatabase } from '../../src-renderer/cache/db';
import type { SyncProgress } from '../../src-renderer/sync/engine';
import { ExclusiveLock, cacheView, createClient, serverView } from './client';

let server: TestServer;
let world: World;
let alice: string;
const dossiers: Dossier[] = [];

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  alice = await server.signIn(world.users.alice.email);
  for (const [transactionId, subject] of [
    [world.transactions.alice1, 'delivery'],
    [world.transactions.alice2, 'payment'],
    [world.transactions.alice3, 'delivery'],
  ] as const) {
    const res = await server.call<Dossier>('POST', '/dossiers', {
      token: alice,
      body: {
        transactionId,
        subject,
        reason: 'not_received',
        merchantContact: 'merchant_no_answer',
        description: 'Jamais reçu.',
      },
    });
    dossiers.push(res.body);
  }
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

/** Every row of the server's entities the cache holds. */
const cachedCount = async (db: CacheDatabase): Promise<number> =>
  (
    await Promise.all([db.dossiers, db.messages, db.events, db.users, db.merchants].map((t) => t.count()))
  ).reduce((a, b) => a + b, 0);

const dossier = (i: number): Dossier => {
  const d = dossiers[i];
  if (!d) throw new Error(`no dossier ${i}`);
  return d;
};

describe('the sync engine against the real API', () => {
  it('brings a first sync exactly in step with the server, page by page, with progress', async () => {
    // What the engine reports after each page it wrote, and what the cache holds at that moment.
    const pages: { progress: SyncProgress; cached: number }[] = [];
    const client = await createClient(server, world.users.agent.email, 'demo-password', 7, {
      onProgress: async (progress) => {
        pages.push({ progress, cached: await cachedCount(client.db) });
      },
    });
    const outcome = await client.engine.sync();
    expect(outcome).toMatchObject({ ok: true });
    const view = await serverView(server, await server.signIn(world.users.agent.email));
    expect(await cacheView(client.db)).toEqual(view);
    expect(await client.db.users.count()).toBeGreaterThan(0);
    // Page by page (7 changes each): every report counts what is already written, and the server's
    // count of what remains, down to nothing on the last page.
    const total = outcome.ok ? outcome.pulled : 0;
    expect(pages.length).toBe(Math.ceil(total / 7));
    expect(pages.map((p) => p.progress.changes)).toEqual(pages.map((_, i) => Math.min(total, (i + 1) * 7)));
    expect(pages.map((p) => p.progress.changes + (p.progress.remaining ?? Number.NaN))).toEqual(
      pages.map(() => total),
    );
    expect(pages.every((p) => p.progress.firstSync)).toBe(true);
    expect(pages.at(-1)?.progress.remaining).toBe(0);
    // Each page was in the cache when it was reported (a first sync only adds or replaces rows).
    for (let i = 1; i < pages.length; i++)
      expect(pages[i]?.cached ?? 0).toBeGreaterThanOrEqual(pages[i - 1]?.cached ?? 0);
    expect(pages.at(-1)?.cached).toBe(await cachedCount(client.db));
  });

  it('applies an action at once offline, and lands it exactly once when back online', async () => {
    const client = await createClient(server, world.users.agent.email);
    await client.engine.sync();
    client.network.online = false;
    const done = await perform(client.actions, 'dossier.reply', {
      dossierId: dossier(1).id,
      body: 'Nous vérifions avec votre banque.',
      audience: 'customer',
    });
    expect(done.ok).toBe(true);
    expect((await client.db.dossiers.get(dossier(1).id))?.status).toBe('awaiting_customer');
    expect(await client.db.outbox.count()).toBe(1);
    expect(await client.engine.sync()).toMatchObject({ ok: false, error: { code: 'offline' } });
    client.network.online = true;
    expect(await client.engine.sync()).toMatchObject({ ok: true });
    expect(await client.db.outbox.count()).toBe(0);
    const view = await serverView(server, await server.signIn(world.users.agent.email));
    expect(view.messages.filter((m) => m.body === 'Nous vérifions avec votre banque.')).toHaveLength(1);
    expect(await cacheView(client.db)).toEqual(view);
  });

  it('answers a sync asked during a failed round with a round of its own (back online meanwhile)', async () => {
    // The round is held at its end until the test lets it go: the second call surely comes during it.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let rounds = 0;
    const client = await createClient(server, world.users.agent.email, 'demo-password', 7, {
      exclusive: async (_name, fn) => {
        const outcome = await fn();
        if (++rounds === 1) await gate;
        return outcome;
      },
    });
    client.network.online = false;
    const first = client.engine.sync();
    await expect.poll(() => client.engine.status.state, { timeout: 30_000 }).toBe('offline');
    client.network.online = true;
    const second = client.engine.sync();
    release();
    expect(await second).toMatchObject({ ok: true });
    expect(await first).toMatchObject({ ok: true });
    expect(rounds).toBe(2);
  });

  it('retries an action whose answer was lost after the server committed it, without applying it twice', async () => {
    const client = await createClient(server, world.users.agent.email);
    await client.engine.sync();
    await perform(client.actions, 'dossier.note', { dossierId: dossier(0).id, body: 'Note unique.' });
    client.network.dropNextPushAnswer = true;
    expect(await client.engine.sync()).toMatchObject({ ok: false, error: { code: 'offline' } });
    expect(await client.engine.sync()).toMatchObject({ ok: true });
    const view = await serverView(server, await server.signIn(world.users.agent.email));
    expect(view.messages.filter((m) => m.body === 'Note unique.')).toHaveLength(1);
    expect(await cacheView(client.db)).toEqual(view);
  });

  it('shows a refused action on the dossier and returns to the server’s truth', async () => {
    const client = await createClient(server, world.users.agent.email);
    await client.engine.sync();
    client.network.online = false;
    const taken = await perform(client.actions, 'dossier.take_over', { dossierId: dossier(2).id });
    expect(taken.ok).toBe(true);
    expect((await client.db.dossiers.get(dossier(2).id))?.assigneeId).toBe(world.users.agent.id);
    // Meanwhile a colleague takes it over: it is theirs, and only a supervisor can reassign it.
    const colleague = await server.signIn(world.users.agent2.email);
    const theirs = await server.call<{ results: { status: string }[] }>('POST', '/sync/push', {
      token: colleague,
      body: {
        clientId: 'colleague-desk',
        mutations: [{ id: randomUUID(), name: 'dossier.take_over', args: { dossierId: dossier(2).id } }],
      },
    });
    expect(theirs.body.results[0]?.status).toBe('applied');
    client.network.online = true;
    expect(await client.engine.sync()).toMatchObject({ ok: true });
    const rejections = await client.db.rejections.where('dossierId').equals(dossier(2).id).toArray();
    expect(rejections).toHaveLength(1);
    expect(rejections[0]?.message).toMatch(/assigned to another agent/);
    // Kept with the reason's word, for the dossier to say it in the agent's language.
    expect(rejections[0]?.details).toEqual({ reason: 'assigned_to_another' });
    expect(await client.db.outbox.count()).toBe(0);
    const view = await serverView(server, await server.signIn(world.users.agent.email));
    expect(view.dossiers.find((d) => d.id === dossier(2).id)?.assigneeId).toBe(world.users.agent2.id);
    expect(await cacheView(client.db)).toEqual(view);
  });

  it('keeps both tags when two agents tag one dossier offline: a tag is sent as the change it is', async () => {
    const one = await createClient(server, world.users.agent.email);
    const two = await createClient(server, world.users.supervisor.email);
    await one.engine.sync();
    await two.engine.sync();
    const id = dossier(1).id;
    const before = (await one.db.dossiers.get(id))?.tags ?? [];
    one.network.online = false;
    two.network.online = false;
    expect((await perform(one.actions, 'dossier.tag', { dossierId: id, add: ['chargeback'] })).ok).toBe(true);
    expect((await perform(two.actions, 'dossier.tag', { dossierId: id, add: ['vip'] })).ok).toBe(true);
    one.network.online = true;
    two.network.online = true;
    expect(await one.engine.sync()).toMatchObject({ ok: true });
    expect(await two.engine.sync()).toMatchObject({ ok: true });
    expect(await one.engine.sync()).toMatchObject({ ok: true });
    const expected = [...new Set([...before, 'chargeback', 'vip'])].sort();
    const onServer = await server.call<Dossier>('GET', `/dossiers/${id}`, {
      token: await server.signIn(world.users.agent.email),
    });
    expect(onServer.body.tags).toEqual(expected);
    expect((await one.db.dossiers.get(id))?.tags).toEqual(expected);
    expect((await two.db.dossiers.get(id))?.tags).toEqual(expected);
    // And one removes a tag while the other adds one: each change survives the other.
    one.network.online = false;
    expect((await perform(one.actions, 'dossier.tag', { dossierId: id, remove: ['vip'] })).ok).toBe(true);
    expect((await perform(two.actions, 'dossier.tag', { dossierId: id, add: ['litige'] })).ok).toBe(true);
    expect(await two.engine.sync()).toMatchObject({ ok: true });
    one.network.online = true;
    expect(await one.engine.sync()).toMatchObject({ ok: true });
    expect((await one.db.dossiers.get(id))?.tags).toEqual(
      [...new Set([...before, 'chargeback', 'litige'])].sort(),
    );
  });

  it('performs a bulk slice in one transaction: each action over the ones before, one journal write', async () => {
    const client = await createClient(server, world.users.supervisor.email);
    await client.engine.sync();
    client.network.online = false;
    const appended: string[][] = [];
    const journal = {
      append: async (entries: { id: string }[]) => {
        appended.push(entries.map((e) => e.id));
        return { ok: true as const, value: null };
      },
      remove: async () => ({ ok: true as const, value: null }),
      read: async () => ({ ok: true as const, value: [] }),
    };
    const results = await performMany({ ...client.actions, journal }, [
      { name: 'dossier.close', args: { dossierId: dossier(2).id, summary: 'Remboursé par le marchand.' } },
      { name: 'dossier.reply', args: { dossierId: dossier(2).id, body: 'Trop tard.', audience: 'customer' } },
      { name: 'dossier.note', args: { dossierId: dossier(1).id, body: 'Vu en lot.' } },
      { name: 'dossier.note', args: { dossierId: dossier(1).id, body: '' } },
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'ok',
      'conflict',
      'ok',
      'invalid_request',
    ]);
    const refused = results[1];
    expect(refused && !refused.ok && 'details' in refused.error ? refused.error.details : null).toEqual({
      reason: 'dossier_closed',
    });
    expect(await client.db.outbox.count()).toBe(2);
    expect(appended).toHaveLength(1);
    expect(appended[0]).toEqual((await client.db.outbox.toArray()).map((e) => e.id));
    client.network.online = true;
    expect(await client.engine.sync()).toMatchObject({ ok: true });
    expect(await cacheView(client.db)).toEqual(
      await serverView(server, await server.signIn(world.users.supervisor.email)),
    );
  });

  it('keeps a pending action on top of what others changed meanwhile', async () => {
    const client = await createClient(server, world.users.agent2.email);
    await client.engine.sync();
    client.network.online = false;
    await perform(client.actions, 'dossier.tag', { dossierId: dossier(0).id, tags: ['transporteur'] });
    await server.call('POST', `/dossiers/${dossier(0).id}/messages`, {
      token: alice,
      body: { body: 'Toujours rien.' },
    });
    // Pull first (as after a poke) while the tag is still pending: both show.
    client.network.online = true;
    expect(await client.engine.pull()).toMatchObject({ ok: true });
    const seen = await client.db.dossiers.get(dossier(0).id);
    expect(seen?.tags).toEqual(['transporteur']);
    expect((await client.db.messages.toArray()).some((m) => m.body === 'Toujours rien.')).toBe(true);
    expect(await client.engine.sync()).toMatchObject({ ok: true });
    expect(await cacheView(client.db)).toEqual(
      await serverView(server, await server.signIn(world.users.agent2.email)),
    );
  });

  it('refuses locally, before the outbox, what the rules refuse', async () => {
    const client = await createClient(server, world.users.agent.email);
    await client.engine.sync();
    const blank = await perform(client.actions, 'dossier.close', { dossierId: dossier(0).id, summary: '  ' });
    expect(blank).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const reopen = await perform(client.actions, 'dossier.reopen', { dossierId: dossier(0).id, reason: 'x' });
    expect(reopen).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await client.db.outbox.count()).toBe(0);
  });
});

describe('two windows of one agent', () => {
  it('sync one at a time under a shared lock, both ending in step', async () => {
    const first = await createClient(server, world.users.supervisor.email);
    // A second window: another engine over the same cache, and the same network (one agent).
    const { SyncEngine } = await import('../../src-renderer/sync/engine');
    const { defaultSettings } = await import('../../src-shared/domain/settings');
    const lock = new ExclusiveLock();
    const windowA = new SyncEngine({
      db: first.db,
      bridge: first.bridge,
      settings: defaultSettings,
      newId: () => crypto.randomUUID(),
      exclusive: lock.run,
    });
    const windowB = new SyncEngine({
      db: first.db,
      bridge: first.bridge,
      settings: defaultSettings,
      newId: () => crypto.randomUUID(),
      exclusive: lock.run,
    });
    await windowA.sync();
    expect(
      (await perform(first.actions, 'dossier.note', { dossierId: dossier(1).id, body: 'Deux fenêtres.' })).ok,
    ).toBe(true);
    const { network } = first;
    network.mostInFlight = 0;
    const sent = network.sent.push + network.sent.pull;
    const outcomes = await Promise.all([windowA.sync(), windowB.sync(), windowA.sync()]);
    expect(outcomes).toMatchObject([{ ok: true }, { ok: true }, { ok: true }]);
    // Both windows' engines went to the server (each at least one pull), never two requests at once.
    expect(network.sent.push + network.sent.pull - sent).toBeGreaterThanOrEqual(3);
    expect(network.mostInFlight, 'sync requests on the wire at once').toBe(1);
    expect([windowA.status.state, windowB.status.state]).toEqual(['up_to_date', 'up_to_date']);
    const view = await serverView(server, await server.signIn(world.users.supervisor.email));
    expect(view.messages.filter((m) => m.body === 'Deux fenêtres.')).toHaveLength(1);
    expect(await cacheView(first.db)).toEqual(view);
  });
});
