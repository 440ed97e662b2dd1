import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '../../src-shared/domain/model';
import type { TestServer, World } from '../server/harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from '../server/harness';
import { ExclusiveLock, cacheView, serverView, signInAgent } from './client';
import { Desk } from './fault-model';

/**
 * R2 of docs/targets.md: a mutation the server will never accept is refused, shown on its dossier
 * in the server's words, and the actions queued behind it still drain — whether the desk's rules
 * could not know (an assignee who is a customer), someone else's change made it impossible (the
 * dossier closed meanwhile), or the entry was never one the app would write (forged).
 */

let server: TestServer;
let world: World;
const dossiers: Dossier[] = [];

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  const alice = await server.signIn(world.users.alice.email);
  const { alice1, alice2, alice3 } = world.transactions;
  for (const transactionId of [alice1, alice2, alice3])
    dossiers.push(await fileClaim(server, alice, transactionId));
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

const idOf = (i: number) => dossiers[i]?.id ?? '';

describe('a mutation the server will never accept', () => {
  it('is refused and shown on its dossier, and the queue behind it drains', async () => {
    const agent = await signInAgent(server.url, world.users.agent.email, 'demo-password');
    const dbName = `refused-${crypto.randomUUID()}`;
    const desk = new Desk(
      agent,
      new ExclusiveLock(),
      { dbName, pageSize: 4, pushBatch: 2, now: () => server.ctx.clock.now() },
      1,
      'refused',
    );
    const { db, engine } = desk.window(0);
    try {
      expect(await engine.sync()).toMatchObject({ ok: true });
      agent.network.online = false;
      await desk.forge(0, idOf(0), 'assign_customer');
      await desk.act(0, idOf(0), 'note');
      await desk.forge(0, idOf(1), 'reopen_as_agent');
      await desk.forge(0, idOf(1), 'malformed');
      await desk.act(0, idOf(1), 'note');
      await desk.act(0, idOf(2), 'reply');
      await desk.act(0, idOf(2), 'note');
      await desk.forge(0, idOf(2), 'ghost_dossier');
      await desk.act(0, idOf(2), 'tag');
      expect(desk.performed).toHaveLength(9);
      // Meanwhile a colleague closes the third dossier: the reply queued on it no longer fits.
      const agent2 = await server.signIn(world.users.agent2.email);
      const closed = await server.call('POST', '/sync/push', {
        token: agent2,
        body: {
          clientId: 'colleague',
          mutations: [
            { id: 'close-1', name: 'dossier.close', args: { dossierId: idOf(2), summary: 'Réglé.' } },
          ],
        },
      });
      expect(closed.status).toBe(200);

      agent.network.online = true;
      expect(await engine.sync()).toMatchObject({ ok: true });
      expect(await db.outbox.count()).toBe(0);
      const refused = (await db.rejections.toArray()).map((r) => ({
        dossierId: r.dossierId,
        name: r.name,
        code: r.code,
        message: r.message,
      }));
      const ghost = desk.performed[7]?.dossierId ?? '';
      expect(
        refused.sort((a, b) => a.name.localeCompare(b.name) || a.dossierId.localeCompare(b.dossierId)),
      ).toEqual(
        [
          {
            dossierId: idOf(0),
            name: 'dossier.assign',
            code: 'invalid_request',
            message: 'A dossier can only be assigned to a Klik & Pay agent or supervisor.',
          },
          {
            dossierId: ghost,
            name: 'dossier.note',
            code: 'not_found',
            message: expect.stringMatching(/does not exist/),
          },
          {
            dossierId: idOf(2),
            name: 'dossier.reply',
            code: 'conflict',
            message: expect.stringMatching(/closed/),
          },
          {
            dossierId: idOf(1),
            name: 'dossier.reply',
            code: 'invalid_request',
            message: expect.stringMatching(/audience/),
          },
          {
            dossierId: idOf(1),
            name: 'dossier.reopen',
            code: 'forbidden',
            message: expect.stringMatching(/agent cannot/),
          },
        ].sort((a, b) => a.name.localeCompare(b.name) || a.dossierId.localeCompare(b.dossierId)),
      );
      const view = await serverView(server, await server.signIn(world.users.agent.email));
      // The notes and the tag queued behind the refusals landed, once.
      for (const p of desk.performed.filter((x) => x.name === 'dossier.note' && !x.forged))
        expect(view.messages.filter((m) => m.body === p.body)).toHaveLength(1);
      expect(view.dossiers.find((d) => d.id === idOf(2))?.tags).toHaveLength(1);
      expect(view.dossiers.find((d) => d.id === idOf(0))?.assigneeId).toBeNull();
      expect(await cacheView(db)).toEqual(view);
    } finally {
      db.close();
      await Dexie.delete(dbName);
    }
  });
});
