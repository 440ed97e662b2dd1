import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perform } from '../../src-renderer/sync/actions';
import type { Dossier } from '../../src-shared/domain/model';
import type { TestServer, World } from '../server/harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from '../server/harness';
import { ExclusiveLock, cacheView, closeWindow, openWindow, serverView, signInAgent } from './client';

/**
 * Two windows of one agent (docs/targets.md R1): two engines over two IndexedDB connections to the
 * same database, one lock between them (what Web Locks give in the browser). Each sees what the
 * other did at once, through the cache; their rounds never overlap; every action lands once.
 */

let server: TestServer;
let world: World;
const dossiers: Dossier[] = [];

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  const alice = await server.signIn(world.users.alice.email);
  const { alice1, alice2, alice3 } = world.transactions;
  for (const transactionId of [alice1, alice2, alice3]) {
    dossiers.push(
      await fileClaim(server, alice, transactionId, {
        subject: 'delivery',
        reason: 'not_received',
        merchantContact: 'merchant_no_answer',
        description: 'Jamais reçu.',
      }),
    );
  }
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

const idOf = (i: number) => dossiers[i]?.id ?? '';

describe('two windows of one agent', () => {
  it('see each other’s actions at once, sync one at a time, and land every action exactly once', async () => {
    const agent = await signInAgent(server.url, world.users.agent.email, 'demo-password');
    const lock = new ExclusiveLock();
    const options = {
      dbName: `two-windows-${crypto.randomUUID()}`,
      pageSize: 3,
      pushBatch: 1,
      exclusive: lock.run,
      now: () => server.ctx.clock.now(),
      bulk: true,
    };
    const left = openWindow(agent, options);
    const right = openWindow(agent, options);
    try {
      expect(await left.engine.sync()).toMatchObject({ ok: true });
      // The right window never synced: the left one's first sync is already in its cache.
      expect((await cacheView(right.db)).dossiers.map((d) => d.id).sort()).toEqual(
        [...dossiers.map((d) => d.id)].sort(),
      );

      const fromLeft = await perform(left.actions, 'dossier.note', {
        dossierId: idOf(0),
        body: 'Note de gauche.',
      });
      expect(fromLeft.ok).toBe(true);
      expect(
        (
          await right.db.messages
            .where('mutationId')
            .equals(fromLeft.ok ? fromLeft.mutationId : '')
            .toArray()
        ).map((m) => m.body),
      ).toEqual(['Note de gauche.']);
      const fromRight = await perform(right.actions, 'dossier.tag', { dossierId: idOf(1), tags: ['urgent'] });
      expect(fromRight.ok).toBe(true);
      expect((await left.db.dossiers.get(idOf(1)))?.tags).toEqual(['urgent']);

      // Both windows sync at once, while each performs another action: what goes on the wire shows
      // whether their engines took turns (one agent, one network).
      const { network } = agent;
      network.mostInFlight = 0;
      const sent = { ...network.sent };
      const outcomes = await Promise.all([
        left.engine.sync(),
        right.engine.sync(),
        perform(right.actions, 'dossier.reply', {
          dossierId: idOf(2),
          body: 'Réponse de droite.',
          audience: 'both',
        }),
        perform(left.actions, 'dossier.note', { dossierId: idOf(1), body: 'Seconde note de gauche.' }),
      ]);
      expect(outcomes.slice(0, 2)).toMatchObject([{ ok: true }, { ok: true }]);
      expect(await left.engine.sync()).toMatchObject({ ok: true });
      // Pages of 3 and pushes of 1: many requests from both windows, never two on the wire at once.
      expect(network.sent.push - sent.push).toBeGreaterThanOrEqual(3);
      expect(network.sent.pull - sent.pull).toBeGreaterThanOrEqual(3);
      expect(network.mostInFlight, 'sync requests on the wire at once').toBe(1);
      expect([left.engine.status.state, right.engine.status.state]).toEqual(['up_to_date', 'up_to_date']);

      expect(await right.db.outbox.count()).toBe(0);
      const view = await serverView(server, await server.signIn(world.users.agent.email));
      for (const body of ['Note de gauche.', 'Réponse de droite.', 'Seconde note de gauche.'])
        expect(view.messages.filter((m) => m.body === body)).toHaveLength(1);
      expect(view.dossiers.find((d) => d.id === idOf(1))?.tags).toEqual(['urgent']);
      expect(await cacheView(left.db)).toEqual(view);
      expect(await cacheView(right.db)).toEqual(view);
    } finally {
      closeWindow(left);
      closeWindow(right);
      await Dexie.delete(options.dbName);
    }
  });
});
