import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpBridge } from '../../src-renderer/bridge/http';
import { LocalClient } from '../../src-renderer/sync/local-client';
import type { Bridge } from '../../src-shared/contract/bridge';
import type { Dossier } from '../../src-shared/domain/model';
import { defaultSettings } from '../../src-shared/domain/settings';
import type { TestServer, World } from '../server/harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from '../server/harness';
import { MemoryStorage } from './client';

/**
 * One change the server cannot take must never stop an agent's sync (issue 9, defect 4): the
 * engine goes on pulling everybody's changes, backs off on that change alone, says which one is
 * stuck and why, and lets the agent retry it or discard it (kept in the device's journal).
 */

let server: TestServer;
let world: World;
let alice: string;
let dossiers: Dossier[];

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  alice = await server.signIn(world.users.alice.email);
  dossiers = [
    await fileClaim(server, alice, world.transactions.alice1, { subject: 'payment' }),
    await fileClaim(server, alice, world.transactions.alice2, { subject: 'payment' }),
  ];
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

/**
 * A network whose gateway answers 502 to any push carrying `poison` (what a proxy in front of a
 * failing server does), counting what it refused so the test knows the fault fired.
 */
interface Gateway {
  poison: string | null;
  refused: number;
  pushes: number;
}

async function agentClient(gateway: Gateway, storage = new MemoryStorage()) {
  const bridge: Bridge = createHttpBridge({
    baseUrl: server.url,
    storage,
    fetch: async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.endsWith('/sync/push')) {
        gateway.pushes++;
        if (gateway.poison && typeof init?.body === 'string' && init.body.includes(gateway.poison)) {
          gateway.refused++;
          return new Response('<html>Bad gateway</html>', { status: 502 });
        }
      }
      return fetch(input, init);
    },
    appVersion: 'test',
    platform: 'node',
  });
  const signedIn = await bridge.signIn(world.users.agent.email, 'demo-password');
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  const client = new LocalClient({
    bridge,
    user: signedIn.value,
    settings: defaultSettings,
    databaseName: `stuck-${randomUUID()}`,
    now: () => server.ctx.clock.now(),
  });
  await client.open();
  return { client, bridge, storage };
}

const body = (dossierId: string, text: string) => ({ dossierId, body: text });

describe('a change the server cannot take', () => {
  it('is shown as stuck while the engine keeps pulling others’ changes, and goes up once it can', async () => {
    const gateway: Gateway = { poison: null, refused: 0, pushes: 0 };
    const { client } = await agentClient(gateway);
    expect((await client.engine.sync()).ok).toBe(true);
    const [one, two] = dossiers as [Dossier, Dossier];

    const poisoned = `Note that cannot pass ${randomUUID()}`;
    gateway.poison = poisoned;
    const stuck = await client.perform('dossier.note', body(one.id, poisoned));
    const behind = await client.perform('dossier.note', body(two.id, 'Note behind the stuck one'));
    expect(stuck.ok && behind.ok).toBe(true);
    if (!stuck.ok) return;

    // A customer writes meanwhile: the agent must receive it although their push fails.
    await server.call('POST', `/dossiers/${two.id}/messages`, {
      token: alice,
      body: { body: 'Des nouvelles ?' },
    });
    const outcome = await client.engine.sync();
    expect(outcome.ok).toBe(false);
    expect(gateway.refused).toBeGreaterThan(0);
    const status = client.engine.status;
    expect(status.stuck).toMatchObject({ id: stuck.mutationId, dossierId: one.id, attempts: 1 });
    expect(status.stuck?.error.code).toBe('server_error');
    expect(status.pending).toBe(2);
    const received = await client.db.messages
      .where('[dossierId+createdAt]')
      .between([two.id, ''], [two.id, '\uffff'])
      .toArray();
    expect(received.some((m) => m.body === 'Des nouvelles ?')).toBe(true);
    const entry = await client.db.outbox.where('id').equals(stuck.mutationId).first();
    expect(entry).toMatchObject({ attempts: 1, lastError: { code: 'server_error' } });

    // Backing off: the next round pulls but does not push the stuck change again.
    const pushesBefore = gateway.pushes;
    await server.call('POST', `/dossiers/${one.id}/messages`, {
      token: alice,
      body: { body: 'Toujours là.' },
    });
    await client.engine.sync();
    expect(gateway.pushes).toBe(pushesBefore);
    expect(await client.db.messages.filter((m) => m.body === 'Toujours là.').count()).toBe(1);

    // Once it can pass, a retry sends it and the one behind it, in order, once each.
    gateway.poison = null;
    client.engine.retryStuck();
    expect((await client.engine.sync()).ok).toBe(true);
    expect(client.engine.status.stuck).toBeNull();
    expect(client.engine.status.pending).toBe(0);
    const supervisor = await server.signIn(world.users.supervisor.email);
    for (const [d, text] of [
      [one, poisoned],
      [two, 'Note behind the stuck one'],
    ] as const) {
      const res = await server.call<{ messages: { body: string }[] }>('GET', `/dossiers/${d.id}`, {
        token: supervisor,
      });
      expect(res.body.messages.filter((m) => m.body === text)).toHaveLength(1);
    }
    client.close();
  });

  it('can be discarded: off the dossier, kept with its text and in the journal, and the changes behind it go up', async () => {
    const gateway: Gateway = { poison: null, refused: 0, pushes: 0 };
    const { client, bridge } = await agentClient(gateway);
    await client.engine.sync();
    const [one, two] = dossiers as [Dossier, Dossier];
    const poisoned = `Never to pass ${randomUUID()}`;
    gateway.poison = poisoned;
    const stuck = await client.perform('dossier.note', body(one.id, poisoned));
    const behind = `Behind ${randomUUID()}`;
    await client.perform('dossier.note', body(two.id, behind));
    await client.engine.sync();
    expect(gateway.refused).toBeGreaterThan(0);
    if (!stuck.ok) throw new Error('not performed');
    expect(client.engine.status.stuck?.id).toBe(stuck.mutationId);
    expect(await client.db.messages.filter((m) => m.body === poisoned).count()).toBe(1);

    expect(await client.discard(stuck.mutationId, 'Discarded by you.')).toBe(true);
    expect(client.engine.status.stuck).toBeNull();
    expect(await client.db.messages.filter((m) => m.body === poisoned).count()).toBe(0);
    const kept = await client.db.rejections.get(stuck.mutationId);
    expect(kept).toMatchObject({ code: 'discarded', dossierId: one.id, args: { body: poisoned } });
    const journal = await bridge.journal.read();
    expect(journal.ok && journal.value.find((e) => e.id === stuck.mutationId && e.discarded)).toBeTruthy();

    expect((await client.engine.sync()).ok).toBe(true);
    expect(client.engine.status.pending).toBe(0);
    const supervisor = await server.signIn(world.users.supervisor.email);
    const res = await server.call<{ messages: { body: string }[] }>('GET', `/dossiers/${two.id}`, {
      token: supervisor,
    });
    expect(res.body.messages.filter((m) => m.body === behind)).toHaveLength(1);
    const first = await server.call<{ messages: { body: string }[] }>('GET', `/dossiers/${one.id}`, {
      token: supervisor,
    });
    expect(first.body.messages.some((m) => m.body === poisoned)).toBe(false);

    // A rebuilt cache never sends a discarded change again.
    client.close();
    const again = new LocalClient({
      bridge,
      user: client.user,
      settings: defaultSettings,
      databaseName: `stuck-${randomUUID()}`,
    });
    await again.open();
    expect(await again.db.outbox.count()).toBe(0);
    again.close();
  });

  it('never happens for a batch too large for the API: batches are cut to fit', async () => {
    const gateway: Gateway = { poison: null, refused: 0, pushes: 0 };
    const { client } = await agentClient(gateway);
    await client.engine.sync();
    const [, two] = dossiers as [Dossier, Dossier];
    // 40 long notes in French: about 800 KB of JSON, three times the API's body limit.
    const texts = Array.from({ length: 40 }, (_, i) => `${i} ${'é'.repeat(9_990)}`);
    const results = await client.performMany(
      texts.map((text) => ({ name: 'dossier.note', args: body(two.id, text) })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await client.engine.sync()).ok).toBe(true);
    expect(client.engine.status.pending).toBe(0);
    expect(gateway.pushes).toBeGreaterThanOrEqual(4);
    client.close();
  });
});
