import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '../../src-shared/domain/model';
import { mergeNotices } from '../../src-server/store/changes';
import type { TestServer, World } from './harness';
import { buildWorld, dropTestDatabases, startTestServer } from './harness';
import { openStream } from './sse';

/** The SSE stream: a poke for what concerns the caller, nothing for what does not, presence for staff. */

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

const open = (token: string) => openStream(server.url, token);

describe('a transaction’s notices, merged', () => {
  it('concern everyone any of them concerned, and each fits in a NOTIFY payload', () => {
    const long = (prefix: string, i: number) => `${prefix}${String(i).padStart(63, '0')}`;
    const notices = Array.from({ length: 130 }, (_, i) => ({
      customerIds: [long('c', i)],
      merchantIds: [long('m', i % 70)],
      staffOnly: false,
    }));
    const merged = mergeNotices([...notices, { customerIds: [], merchantIds: [], staffOnly: true }]);
    expect(merged).toHaveLength(3);
    expect(new Set(merged.flatMap((n) => n.customerIds)).size).toBe(130);
    expect(new Set(merged.flatMap((n) => n.merchantIds)).size).toBe(70);
    expect(merged.every((n) => !n.staffOnly)).toBe(true);
    for (const n of merged) expect(Buffer.byteLength(JSON.stringify(n))).toBeLessThan(8_000);
    expect(mergeNotices([{ customerIds: [], merchantIds: [], staffOnly: true }])).toEqual([
      { customerIds: [], merchantIds: [], staffOnly: true },
    ]);
    expect(mergeNotices([])).toEqual([]);
  });
});

describe('sync stream', () => {
  it('pokes staff and the parties concerned, and not other parties', async () => {
    const agent = await open(await server.signIn(world.users.agent.email));
    const bob = await open(await server.signIn(world.users.bob.email));
    const shop = await open(await server.signIn(world.users.shop.email));
    const alice = await server.signIn(world.users.alice.email);
    for (const s of [agent, bob, shop]) await s.until('poke', 1);

    const filed = await server.call<Dossier>('POST', '/dossiers', {
      token: alice,
      body: {
        transactionId: world.transactions.alice1,
        subject: 'delivery',
        reason: 'not_received',
        merchantContact: 'not_contacted',
        description: 'Where is it?',
      },
    });
    expect(filed.status).toBe(201);
    await agent.until('poke', 2);
    await shop.until('poke', 2);

    // An internal note reaches staff; the merchant is poked only because the dossier's version moved,
    // and its pull carries no note. Bob, who has nothing to do with it, hears nothing.
    const agentToken = await server.signIn(world.users.agent2.email);
    await server.call('POST', `/dossiers/${filed.body.id}/messages`, {
      token: agentToken,
      body: { body: 'internal only', audience: 'internal' },
    });
    await agent.until('poke', 3);
    const merchantFeed = await server.call('GET', '/sync/pull', {
      token: await server.signIn(world.users.shop.email),
    });
    expect(JSON.stringify(merchantFeed.body)).not.toContain('internal only');
    expect(bob.count('poke')).toBe(1);

    for (const s of [agent, bob, shop]) await s.close();
  });

  it('pokes once for a pushed batch, however many mutations it applies', async () => {
    const agent = await open(await server.signIn(world.users.agent.email));
    await agent.until('poke', 1);
    const agentToken = await server.signIn(world.users.agent2.email);
    const filed = await server.call<Dossier>('POST', '/dossiers', {
      token: await server.signIn(world.users.alice.email),
      body: {
        transactionId: world.transactions.alice2,
        subject: 'delivery',
        reason: 'not_received',
        merchantContact: 'not_contacted',
        description: 'Never came.',
      },
    });
    expect(filed.status).toBe(201);
    await agent.until('poke', 2);
    const notes = Array.from({ length: 8 }, (_, i) => ({
      id: crypto.randomUUID(),
      name: 'dossier.note',
      args: { dossierId: filed.body.id, body: `note ${i}` },
    }));
    const pushed = await server.call<{ results: { status: string }[] }>('POST', '/sync/push', {
      token: agentToken,
      body: { clientId: 'stream-batch', mutations: notes },
    });
    expect(pushed.body.results.map((r) => r.status)).toEqual(notes.map(() => 'applied'));
    await agent.until('poke', 3);
    // One more commit: its poke is the fourth only if the batch poked once (the stream keeps order).
    await server.call('POST', `/dossiers/${filed.body.id}/messages`, {
      token: agentToken,
      body: { body: 'after the batch', audience: 'internal' },
    });
    await agent.until('poke', 4);
    expect(agent.count('poke')).toBe(4);
    await agent.close();
  });

  it('relays presence to other agents, never to parties, and never to the agent themself', async () => {
    const agentToken = await server.signIn(world.users.agent.email);
    const other = await open(await server.signIn(world.users.agent2.email));
    const self = await open(agentToken);
    const party = await open(await server.signIn(world.users.shop.email));
    const list = await server.call<{ items: Dossier[] }>('GET', '/dossiers', { token: agentToken });
    const id = list.body.items[0]?.id ?? '';
    const res = await server.call<{ until: string }>('PUT', '/presence', {
      token: agentToken,
      body: { dossierId: id, activity: 'writing' },
    });
    expect(res.status).toBe(200);
    await other.until('presence', 1);
    expect(other.events.find((e) => e.name === 'presence')?.data).toMatchObject({
      userId: world.users.agent.id,
      dossierId: id,
      activity: 'writing',
      until: res.body.until,
    });
    expect(self.count('presence')).toBe(0);
    expect(party.count('presence')).toBe(0);
    for (const s of [other, self, party]) await s.close();
  });

  it('tells an agent arriving on a dossier who is already there, not who has left', async () => {
    const agentToken = await server.signIn(world.users.agent.email);
    const list = await server.call<{ items: Dossier[] }>('GET', '/dossiers', { token: agentToken });
    const first = list.body.items[0];
    const second = (
      await server.call<Dossier>('POST', '/dossiers', {
        token: await server.signIn(world.users.alice.email),
        body: {
          transactionId: world.transactions.alice3,
          subject: 'payment',
          reason: 'other',
          merchantContact: 'not_contacted',
          description: 'Un deuxième dossier.',
        },
      })
    ).body;
    if (!first) throw new Error('a dossier is needed');
    await server.call('PUT', '/presence', {
      token: agentToken,
      body: { dossierId: first.id, activity: 'viewing' },
    });
    const arriving = await server.call<{ until: string; others: { userId: string; activity: string }[] }>(
      'PUT',
      '/presence',
      {
        token: await server.signIn(world.users.agent2.email),
        body: { dossierId: first.id, activity: 'viewing' },
      },
    );
    expect(arriving.body.others).toMatchObject([{ userId: world.users.agent.id, activity: 'viewing' }]);
    // The first agent moves on: on the first dossier, only the one who stayed.
    await server.call('PUT', '/presence', {
      token: agentToken,
      body: { dossierId: second.id, activity: 'viewing' },
    });
    const supervisor = await server.call<{ others: { userId: string }[] }>('PUT', '/presence', {
      token: await server.signIn(world.users.supervisor.email),
      body: { dossierId: first.id, activity: 'viewing' },
    });
    expect(supervisor.body.others.map((o) => o.userId)).toEqual([world.users.agent2.id]);
  });
});
