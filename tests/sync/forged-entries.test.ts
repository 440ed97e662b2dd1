import { randomUUID } from 'node:crypto';
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromCached } from '../../src-renderer/cache/db';
import type { MutationName } from '../../src-shared/contract/sync';
import type { Dossier } from '../../src-shared/domain/model';
import type { TestServer, World } from '../server/harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from '../server/harness';
import { ExclusiveLock, serverView, signInAgent } from './client';
import { Desk } from './fault-model';

/**
 * R2, a regression found by the fault suite's forged entries: an outbox entry the shared rules
 * cannot even run — an unknown mutation name (written by another version of the app), or arguments
 * that do not parse (a date that is not one) — queued behind an action the server refuses, on the
 * same dossier, used to wedge the outbox for good: on the refusal the push rebased the dossier,
 * `replay` ran the bad entry through `decide`, which threw (TypeError, RangeError); the transaction
 * holding the answers aborted, the round reported a storage fault, and every retry did the same.
 * Now `applyEntry` refuses such an entry instead of throwing: it is refused by the server, shown,
 * and what is queued behind it lands.
 */

let server: TestServer;
let world: World;
let dossier: Dossier;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  dossier = await fileClaim(server, await server.signIn(world.users.alice.email), world.transactions.alice1);
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

describe.each([
  { what: 'an unknown mutation name', name: 'dossier.archive', args: {} },
  { what: 'arguments that do not parse', name: 'dossier.follow_up', args: { until: 'not a date' } },
])('an outbox entry with $what, behind an action the server refuses', ({ name, args }) => {
  it('is refused, shown, and the note queued behind it still lands', async () => {
    const agent = await signInAgent(server.url, world.users.agent.email, 'demo-password');
    const dbName = `wedge-${randomUUID()}`;
    const desk = new Desk(
      agent,
      new ExclusiveLock(),
      { dbName, now: () => server.ctx.clock.now() },
      1,
      `wedge ${name}`,
    );
    const { db, engine } = desk.window(0);
    try {
      expect(await engine.sync()).toMatchObject({ ok: true });
      // 1. an entry the server refuses that an older desk would write (the assignee is a customer);
      await desk.forge(0, dossier.id, 'assign_customer');
      // 2. the entry no version of these rules can run, written straight into the outbox;
      const forged = randomUUID();
      await db.transaction('rw', [db.dossiers, db.base, db.outbox], async () => {
        const cached = await db.dossiers.get(dossier.id);
        if (cached && !(await db.base.get(dossier.id))) await db.base.put(fromCached(cached));
        await db.outbox.add({
          id: forged,
          name: name as MutationName,
          args: { dossierId: dossier.id, ...args },
          dossierId: dossier.id,
          actor: { role: 'agent', id: agent.user.id, name: agent.user.name },
          createdAt: new Date(server.ctx.clock.now()).toISOString(),
          state: 'pending',
        });
      });
      // 3. an ordinary note behind them.
      await desk.act(0, dossier.id, 'note');

      const outcome = await engine.sync();
      expect(outcome.ok ? 'ok' : outcome.error).toBe('ok');
      expect(await engine.sync()).toMatchObject({ ok: true });
      expect(await db.outbox.count()).toBe(0);
      const refused = await db.rejections.where('dossierId').equals(dossier.id).toArray();
      expect(refused.map((r) => r.id).sort()).toEqual([desk.performed[0]?.id, forged].sort());
      const view = await serverView(server, await server.signIn(world.users.agent.email));
      expect(view.messages.filter((m) => m.body === desk.performed[1]?.body)).toHaveLength(1);
    } finally {
      db.close();
      await Dexie.delete(dbName);
    }
  });
});
