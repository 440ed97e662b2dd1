import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '../../src-shared/domain/model';
import { runDueTimeRules, startScheduler } from '../../src-server/services/scheduler';
import { ManualClock } from '../../src-server/services/clock';
import type { TestServer, World } from './harness';
import { buildWorld, dropTestDatabases, startTestServer } from './harness';

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

function clock(): ManualClock {
  const c = server.ctx.clock;
  if (!(c instanceof ManualClock)) throw new Error('the test server runs on the manual clock');
  return c;
}

describe('the scheduler', () => {
  it('works through every due dossier in batches, exactly once', async () => {
    const alice = await server.signIn(world.users.alice.email);
    const ids: string[] = [];
    for (const transactionId of [
      world.transactions.alice1,
      world.transactions.alice2,
      world.transactions.alice3,
    ]) {
      const res = await server.call<Dossier>('POST', '/dossiers', {
        token: alice,
        body: {
          transactionId,
          subject: 'delivery',
          reason: 'not_received',
          merchantContact: 'not_contacted',
          description: 'Rien.',
        },
      });
      ids.push(res.body.id);
    }
    clock().set(clock().now() + 8 * 86_400_000);
    expect(await runDueTimeRules(server.ctx, 2)).toBe(3);
    expect(await runDueTimeRules(server.ctx, 2)).toBe(0);
    const staff = await server.signIn(world.users.agent.email);
    for (const id of ids) {
      const d = await server.call<Dossier>('GET', `/dossiers/${id}`, { token: staff });
      expect(d.body.merchantStage).toBe('reminded');
    }
  });

  it('runs on its own and clears expired sessions', async () => {
    const token = await server.signIn(world.users.bob.email);
    clock().set(clock().now() + 13 * 3_600_000);
    const stop = startScheduler(server.ctx, 100, (e) => {
      throw e;
    });
    try {
      const start = Date.now();
      for (;;) {
        const [row] = await server.ctx.db.query<{ n: string }>('select count(*)::text as n from sessions');
        if (row?.n === '0') break;
        if (Date.now() - start > 30_000) throw new Error('expired sessions were never cleared');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await stop();
    }
    expect((await server.call('GET', '/sessions/current', { token })).status).toBe(401);
  });
});
