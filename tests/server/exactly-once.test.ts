import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierWithMessages } from '../../src-shared/contract/api';
import type { PullResponse, PushResponse } from '../../src-shared/contract/sync';
import type { Dossier } from '../../src-shared/domain/model';
import type { TestServer, World } from './harness';
import { buildWorld, dropTestDatabases, startTestServer } from './harness';

/** Push exactly once under retries and races; pull never skipping a change under concurrent writes. */

let server: TestServer;
let world: World;
let agent: string;
let agent2: string;
const dossiers: Dossier[] = [];

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  agent = await server.signIn(world.users.agent.email);
  agent2 = await server.signIn(world.users.agent2.email);
  const alice = await server.signIn(world.users.alice.email);
  for (const transactionId of [
    world.transactions.alice1,
    world.transactions.alice2,
    world.transactions.alice3,
  ]) {
    const res = await server.call<Dossier>('POST', '/dossiers', {
      token: alice,
      body: {
        transactionId,
        subject: 'payment',
        reason: 'refund_problem',
        merchantContact: 'merchant_no_answer',
        description: 'Refund never came.',
      },
    });
    dossiers.push(res.body);
  }
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

const push = (token: string, clientId: string, mutations: unknown[]) =>
  server.call<PushResponse>('POST', '/sync/push', { token, body: { clientId, mutations } });

describe('exactly once', () => {
  it('applies a batch sent five times at once exactly once', async () => {
    const d = dossiers[0];
    if (!d) throw new Error('no dossier');
    const batch = Array.from({ length: 4 }, (_, i) => ({
      id: `race-${i}`,
      name: 'dossier.note',
      args: { dossierId: d.id, body: `Race note ${i}` },
    }));
    const answers = await Promise.all(Array.from({ length: 5 }, () => push(agent, 'racer', batch)));
    for (let i = 0; i < batch.length; i++) {
      const statuses = answers.map((a) => a.body.results[i]?.status);
      expect(statuses.filter((s) => s === 'applied')).toHaveLength(1);
      expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(4);
    }
    const seen = await server.call<DossierWithMessages>('GET', `/dossiers/${d.id}`, { token: agent });
    for (let i = 0; i < batch.length; i++)
      expect(seen.body.messages.filter((m) => m.body === `Race note ${i}`)).toHaveLength(1);
  });

  it('knows a mutation id whoever sends it again, and never takes another change for it', async () => {
    const d = dossiers[1];
    if (!d) throw new Error('no dossier');
    const one = { id: 'same-id', name: 'dossier.note', args: { dossierId: d.id, body: 'From desk A' } };
    const two = { id: 'same-id', name: 'dossier.note', args: { dossierId: d.id, body: 'From desk B' } };
    expect((await push(agent, 'desk-a', [one])).body.results[0]?.status).toBe('applied');
    expect((await push(agent, 'desk-b', [one])).body.results[0]?.status).toBe('duplicate');
    expect((await push(agent2, 'desk-a', [one])).body.results[0]?.status).toBe('duplicate');
    const other = (await push(agent2, 'desk-b', [two])).body.results[0];
    expect(other?.status).toBe('rejected');
    expect(other?.error?.details).toEqual({ reason: 'mutation_id_reused' });
  });

  it('applies a batch in order: a later mutation sees the earlier ones', async () => {
    const d = dossiers[2];
    if (!d) throw new Error('no dossier');
    const res = await push(agent, 'ordered', [
      {
        id: 'o1',
        name: 'dossier.close',
        args: { dossierId: d.id, summary: 'Refund made on 2 July.', outcome: 'refunded' },
      },
      { id: 'o2', name: 'dossier.reply', args: { dossierId: d.id, body: 'Too late', audience: 'customer' } },
    ]);
    expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'rejected']);
    expect(res.body.results[1]?.error?.message).toMatch(/closed/);
  });
});

describe('pull under concurrent writes', () => {
  it('never skips a committed change: a reader following its cursor ends with everything', async () => {
    const writers = dossiers.slice(0, 2).map(async (d, w) => {
      for (let batch = 0; batch < 8; batch++) {
        const mutations = Array.from({ length: 5 }, (_, i) => ({
          id: `w${w}-${batch}-${i}`,
          name: 'dossier.note',
          args: { dossierId: d.id, body: `w${w} b${batch} n${i}` },
        }));
        const res = await push(w === 0 ? agent : agent2, `writer-${w}`, mutations);
        expect(res.body.results.every((r) => r.status === 'applied')).toBe(true);
      }
    });
    const seen = new Map<string, number>();
    let cursor = '';
    const progress = { writing: true };
    const reader = (async () => {
      // Keep pulling small pages while the writers commit; stop at the first empty page that began
      // after they were all done.
      for (;;) {
        const writersWereDone = !progress.writing;
        const q = new URLSearchParams({ limit: '7', ...(cursor ? { cursor } : {}) });
        const res = await server.call<PullResponse>('GET', `/sync/pull?${q.toString()}`, { token: agent });
        for (const c of res.body.changes)
          seen.set(`${c.entity}:${c.id}`, (seen.get(`${c.entity}:${c.id}`) ?? 0) + 1);
        cursor = res.body.cursor;
        if (writersWereDone && !res.body.hasMore) break;
      }
    })();
    await Promise.all(writers);
    progress.writing = false;
    await reader;
    const everything = await server.call<PullResponse>('GET', '/sync/pull?limit=10000', { token: agent });
    const missing = everything.body.changes.map((c) => `${c.entity}:${c.id}`).filter((k) => !seen.has(k));
    expect(missing).toEqual([]);
    for (let w = 0; w < 2; w++) {
      const d = dossiers[w];
      if (!d) throw new Error('no dossier');
      const thread = await server.call<DossierWithMessages>('GET', `/dossiers/${d.id}`, { token: agent });
      expect(thread.body.messages.filter((m) => m.body.startsWith(`w${w} `))).toHaveLength(40);
    }
  });
});
