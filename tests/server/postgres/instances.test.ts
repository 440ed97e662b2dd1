import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '../../../src-shared/domain/model';
import type { TestServer, World } from '../harness';
import { buildWorld, dropTestDatabases, freshDatabaseUrl, startTestServer } from '../harness';

/** Two API instances on one PostgreSQL: the change feed and the pokes cross instances. */

let a: TestServer;
let b: TestServer;
let world: World;

beforeAll(async () => {
  const databaseUrl = await freshDatabaseUrl();
  if (!databaseUrl) throw new Error('this suite runs on PostgreSQL only: set DATABASE_URL');
  a = await startTestServer({ databaseUrl });
  b = await startTestServer({ databaseUrl });
  world = await buildWorld(a);
});
afterAll(async () => {
  await a.close();
  await b.close();
  await dropTestDatabases();
});

/** Opens the SSE stream and resolves with the events received until `until` holds. */
async function listen(server: TestServer, token: string) {
  const controller = new AbortController();
  const res = await fetch(`${server.url}/api/v1/sync/stream`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  if (!res.body) throw new Error('the stream has no body');
  const reader: ReadableStreamDefaultReader<Uint8Array> = res.body.getReader();
  const decoder = new TextDecoder();
  const events: string[] = [];
  let buffer = '';
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          if (name) events.push(name);
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    async waitFor(count: number, timeoutMs = 30_000) {
      const start = Date.now();
      while (events.filter((e) => e === 'poke').length < count) {
        if (Date.now() - start > timeoutMs)
          throw new Error(`only ${events.length} events after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}

describe('two API instances on one PostgreSQL', () => {
  it('pokes clients of both instances when either commits, and serves any cursor from either', async () => {
    const agentOnA = await a.signIn(world.users.agent.email);
    const agentOnB = await b.signIn(world.users.agent2.email);
    const alice = await b.signIn(world.users.alice.email);
    const streamA = await listen(a, agentOnA);
    const streamB = await listen(b, agentOnB);
    await streamA.waitFor(1);
    await streamB.waitFor(1);

    const filed = await b.call<Dossier>('POST', '/dossiers', {
      token: alice,
      body: {
        transactionId: world.transactions.alice1,
        subject: 'payment',
        reason: 'other',
        merchantContact: 'not_contacted',
        description: 'Charged twice.',
      },
    });
    expect(filed.status).toBe(201);
    await streamA.waitFor(2);
    await streamB.waitFor(2);

    const page = await a.call<{ cursor: string }>('GET', '/sync/pull?limit=1', { token: agentOnA });
    const rest = await b.call<{ changes: { id: string }[] }>('GET', `/sync/pull?cursor=${page.body.cursor}`, {
      token: agentOnB,
    });
    expect(rest.status).toBe(200);
    expect(rest.body.changes.map((c) => c.id)).toContain(filed.body.id);

    await streamA.close();
    await streamB.close();
  });

  it('shares the presence of an agent with the agents of the other instance', async () => {
    const tokenA = await a.signIn(world.users.agent.email);
    const tokenB = await b.signIn(world.users.agent2.email);
    const stream = await listen(b, tokenB);
    const list = await a.call<{ items: Dossier[] }>('GET', '/dossiers', { token: tokenA });
    const id = list.body.items[0]?.id;
    expect(id).toBeDefined();
    const res = await a.call('PUT', '/presence', {
      token: tokenA,
      body: { dossierId: id, activity: 'viewing' },
    });
    expect(res.status).toBe(200);
    const start = Date.now();
    while (!stream.events.includes('presence')) {
      if (Date.now() - start > 30_000) throw new Error('no presence event crossed instances');
      await new Promise((r) => setTimeout(r, 20));
    }
    await stream.close();
  });
});
