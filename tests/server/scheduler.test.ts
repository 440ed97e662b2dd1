import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '../../src-shared/domain/model';
import { runDueTimeRules, runScheduledWork, startScheduler } from '../../src-server/services/scheduler';
import { insertStagedFile } from '../../src-server/store/staged-files';
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

  it('runs on its own and clears expired sessions and unused uploads', async () => {
    const token = await server.signIn(world.users.bob.email);
    const old = new Date(clock().now() - 8 * 86_400_000).toISOString();
    await insertStagedFile(server.ctx.db, world.users.agent.id, stagedFile('old.txt'), old);
    clock().set(clock().now() + 13 * 3_600_000);
    const stop = startScheduler(server.ctx, 100, (e) => {
      throw e;
    });
    try {
      const start = Date.now();
      for (;;) {
        const [row] = await server.ctx.db.query<{ n: string }>(
          'select ((select count(*) from sessions) + (select count(*) from staged_files))::text as n',
        );
        if (row?.n === '0') break;
        if (Date.now() - start > 30_000)
          throw new Error('expired sessions or old uploads were never cleared');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await stop();
    }
    expect((await server.call('GET', '/sessions/current', { token })).status).toBe(401);
  });

  it('deletes an upload never bound once it is 7 days old, and no sooner', async () => {
    // Signed in afresh each time: a session lasts 12 hours of the server's clock.
    const put = async (filename: string) => {
      const id = randomUUID();
      const res = await server.call('PUT', `/uploads/${id}`, {
        token: await server.signIn(world.users.agent.email),
        body: {
          filename,
          contentType: 'text/plain',
          contentBase64: Buffer.from(filename).toString('base64'),
        },
      });
      expect(res.status).toBe(201);
      return id;
    };
    const staged = async () =>
      (
        await server.ctx.db.query<{ id: string }>(
          'select id::text as id from staged_files order by created_at',
        )
      ).map((r) => r.id);
    const first = await put('first.txt');
    clock().set(clock().now() + 2 * 86_400_000);
    const second = await put('second.txt');
    clock().set(clock().now() + 5 * 86_400_000 - 60_000);
    await runScheduledWork(server.ctx);
    expect(await staged()).toEqual([first, second]);
    clock().set(clock().now() + 120_000);
    await runScheduledWork(server.ctx);
    expect(await staged()).toEqual([second]);
    clock().set(clock().now() + 2 * 86_400_000);
    await runScheduledWork(server.ctx);
    expect(await staged()).toEqual([]);
  });
});

function stagedFile(filename: string) {
  const content = Buffer.from(filename);
  return {
    id: randomUUID(),
    filename,
    contentType: 'text/plain',
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  };
}
