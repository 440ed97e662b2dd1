import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../src-renderer/sync/engine';
import { perform } from '../../src-renderer/sync/actions';
import { insertTransaction } from '../../src-server/store/people';
import type { Dossier } from '../../src-shared/domain/model';
import { defaultSettings } from '../../src-shared/domain/settings';
import type { TestServer, World } from '../server/harness';
import { buildWorld, dropTestDatabases, startTestServer } from '../server/harness';
import { cacheView, createClient, serverView } from './client';

/**
 * Randomised faults (spec/targets.md R1): offline stretches, answers lost after the server
 * committed, reloads, other people changing the same dossiers. Whatever happens, every action lands
 * at most once, the outbox drains, and the cache ends equal to the server's view.
 */

let server: TestServer;
let world: World;
let tokens: { alice: string; shop: string; agent2: string };
let runs = 0;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  tokens = {
    alice: await server.signIn(world.users.alice.email),
    shop: await server.signIn(world.users.shop.email),
    agent2: await server.signIn(world.users.agent2.email),
  };
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

async function freshDossiers(n: number): Promise<Dossier[]> {
  const out: Dossier[] = [];
  for (let i = 0; i < n; i++) {
    const id = `t-fault-${runs}-${i}`;
    await insertTransaction(server.ctx.db, {
      id,
      amount: 1000 + i,
      currency: 'EUR',
      occurredAt: '2026-07-01T10:00:00.000Z',
      orderReference: `F-${runs}-${i}`,
      merchantId: world.merchants.shop,
      customerId: world.customers.alice,
    });
    const res = await server.call<Dossier>('POST', '/dossiers', {
      token: tokens.alice,
      body: {
        transactionId: id,
        subject: i % 2 ? 'payment' : 'delivery',
        reason: 'other',
        merchantContact: 'not_contacted',
        description: 'Fault test.',
      },
    });
    out.push(res.body);
  }
  return out;
}

type Step =
  | {
      kind: 'act';
      dossier: number;
      action: 'note' | 'reply' | 'tag' | 'take_over' | 'remind' | 'close' | 'forward';
    }
  | { kind: 'others'; dossier: number; who: 'customer' | 'merchant' | 'agent2-close' }
  | { kind: 'sync'; online: boolean; dropPushAnswer: boolean }
  | { kind: 'pull' }
  | { kind: 'reload' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      dossier: fc.nat(2),
      action: fc.constantFrom('note', 'reply', 'tag', 'take_over', 'remind', 'close', 'forward'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('others' as const),
      dossier: fc.nat(2),
      who: fc.constantFrom('customer', 'merchant', 'agent2-close'),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      online: fc.boolean(),
      dropPushAnswer: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'pull' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reload' as const }) },
);

describe('sync under randomised faults', () => {
  it('lands every action at most once and ends exactly in step with the server', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        runs++;
        const dossiers = await freshDossiers(3);
        // Pages of 50: small enough to cut every sync into several pages, large enough for hundreds of runs.
        const client = await createClient(server, world.users.agent.email, 'demo-password', 50);
        let engine = client.engine;
        await engine.sync();
        let written = 0;
        const bodies: string[] = [];
        for (const s of steps) {
          if (s.kind === 'act') {
            const d = dossiers[s.dossier];
            if (!d) continue;
            const body = `run ${runs} text ${++written}`;
            const args = {
              note: ['dossier.note', { dossierId: d.id, body }],
              reply: ['dossier.reply', { dossierId: d.id, body, audience: 'both' }],
              tag: ['dossier.tag', { dossierId: d.id, tags: [`t${written}`] }],
              take_over: ['dossier.take_over', { dossierId: d.id }],
              remind: ['dossier.remind_merchant', { dossierId: d.id, body }],
              close: ['dossier.close', { dossierId: d.id, summary: body }],
              forward: ['dossier.forward_to_merchant', { dossierId: d.id, body }],
            } as const;
            const [name, a] = args[s.action];
            const done = await perform(client.actions, name, a);
            if (done.ok && 'body' in a) bodies.push(body);
          } else if (s.kind === 'others') {
            const d = dossiers[s.dossier];
            if (!d) continue;
            if (s.who === 'customer')
              await server.call('POST', `/dossiers/${d.id}/messages`, {
                token: tokens.alice,
                body: { body: 'Le client relance.' },
              });
            else if (s.who === 'merchant')
              await server.call('POST', `/dossiers/${d.id}/messages`, {
                token: tokens.shop,
                body: { body: 'Le marchand répond.' },
              });
            else
              await server.call('POST', '/sync/push', {
                token: tokens.agent2,
                body: {
                  clientId: `other-${runs}`,
                  mutations: [
                    {
                      id: `c-${runs}-${s.dossier}`,
                      name: 'dossier.close',
                      args: { dossierId: d.id, summary: 'Closed by a colleague.' },
                    },
                  ],
                },
              });
          } else if (s.kind === 'sync') {
            client.network.online = s.online;
            client.network.dropNextPushAnswer = s.dropPushAnswer;
            await engine.sync();
          } else if (s.kind === 'pull') {
            client.network.online = true;
            await engine.pull();
          } else {
            // A reload: a new engine over the same cache (everything the engine knows is stored).
            engine = new SyncEngine({
              db: client.db,
              bridge: client.bridge,
              settings: defaultSettings,
              newId: () => crypto.randomUUID(),
              pageSize: 5,
            });
          }
        }
        client.network.online = true;
        client.network.dropNextPushAnswer = false;
        for (let i = 0; i < 3 && (await client.db.outbox.count()) > 0; i++) await engine.sync();
        await engine.sync();
        expect(await client.db.outbox.count()).toBe(0);
        const view = await serverView(server, await server.signIn(world.users.agent.email));
        expect(await cacheView(client.db)).toEqual(view);
        for (const body of bodies) {
          expect(view.messages.filter((m) => m.body === body).length).toBeLessThanOrEqual(1);
        }
        await client.db.delete();
      }),
      { numRuns: Number(process.env.KLIKPAY_FAULT_RUNS ?? 60) },
    );
  }, 600_000);
});
