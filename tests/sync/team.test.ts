import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performMany } from '../../src-renderer/sync/actions';
import { runBulk } from '../../src-renderer/workspace/filters/bulk-run';
import { macroAction } from '../../src-renderer/workspace/macros/macro-action';
import type { Macro, TeamView } from '../../src-shared/domain/team';
import { defaultSettings } from '../../src-shared/domain/settings';
import { cacheView, createClient, serverView } from './client';
import type { DemoWorld } from './demo-world';
import { startDemoWorld, stopDemoWorld } from './demo-world';

/**
 * Issue 12, items 10 and 11: the team's shared views and macros go through the real API and reach
 * every back office by the sync feed — after a cursor and in a first sync — and a macro run on the
 * local copy lands on the server step by step.
 */

let world: DemoWorld;
let boss: Awaited<ReturnType<typeof createClient>>;

beforeAll(async () => {
  world = await startDemoWorld();
  boss = await createClient(world.server, 'supervisor@klikpay.test', 'demo', 500);
  await boss.engine.sync();
});
afterAll(() => stopDemoWorld(world));

const sort = { key: 'urgency', direction: 'asc' } as const;

describe('what the team shares', () => {
  let view: TeamView;
  let macro: Macro;

  it('a supervisor’s shared view and an agent’s macro reach the other’s copy by the feed', async () => {
    const saved = await boss.bridge.saveTeamItem({
      kind: 'view',
      id: randomUUID(),
      fields: { name: 'Late merchants', queue: 'merchant_overdue', filter: {}, sort },
    });
    if (!saved.ok || saved.value.kind !== 'view') throw new Error(JSON.stringify(saved));
    view = saved.value.item;
    // An agent may not share a view: the API says so, and nothing is stored.
    const refused = await world.client.bridge.saveTeamItem({
      kind: 'view',
      id: randomUUID(),
      fields: { name: 'Mine', queue: 'mine', filter: {}, sort },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const written = await world.client.bridge.saveTeamItem({
      kind: 'macro',
      id: randomUUID(),
      fields: {
        name: 'Proof asked',
        letter: { id: 'request_for_proof', audience: 'customer' },
        tags: ['proof-asked'],
        followUp: 'inAWeek',
        finish: { kind: 'take' },
      },
    });
    if (!written.ok || written.value.kind !== 'macro') throw new Error(JSON.stringify(written));
    macro = written.value.item;
    expect(macro.createdBy).toBe(world.client.user.id);

    await world.client.engine.sync();
    await boss.engine.sync();
    expect(await world.client.db.teamViews.toArray()).toEqual([view]);
    expect(await boss.db.macros.toArray()).toEqual([macro]);
  });

  it('a macro run on the local copy lands on the server, each step as the rules took it', async () => {
    const { client, server } = world;
    const target = (await client.db.dossiers.toArray()).find(
      (d) => d.status === 'awaiting_klikpay' && d.assigneeId === null,
    );
    if (!target) throw new Error('the demo has an unassigned dossier awaiting Klik & Pay');
    const report = await runBulk(
      {
        db: client.db,
        performMany: (requests) => performMany(client.actions, requests),
        releaseHeld: async () => undefined,
      },
      [target.id],
      macroAction(macro, {
        userId: client.user.id,
        settings: defaultSettings,
        now: () => server.ctx.clock.now(),
      }),
    );
    expect(report).toMatchObject({ succeeded: 1, refused: 0 });
    await client.engine.sync();
    const token = await server.signIn('agent@klikpay.test', 'demo');
    const { dossiers, messages } = await serverView(server, token);
    const after = dossiers.find((d) => d.id === target.id);
    expect(after).toMatchObject({ assigneeId: client.user.id, tags: ['proof-asked'] });
    expect(after?.followUps[client.user.id]).toBeDefined();
    const letter = messages.find(
      (m) => m.dossierId === target.id && m.author.id === client.user.id && m.audience === 'customer',
    );
    expect(letter?.body).toContain(target.reference);
    expect(await client.db.outbox.count()).toBe(0);
  });

  it('a first sync brings them (in pages of two: three items), and a deletion takes them away', async () => {
    const second = await boss.bridge.saveTeamItem({
      kind: 'view',
      id: randomUUID(),
      fields: { name: 'All open', queue: 'all', filter: {}, sort },
    });
    expect(second.ok).toBe(true);
    const fresh = await createClient(world.server, 'agent2@klikpay.test', 'demo', 2);
    await fresh.engine.sync();
    const token = await world.server.signIn('agent2@klikpay.test', 'demo');
    const truth = await serverView(world.server, token);
    const local = await cacheView(fresh.db);
    expect(local.teamViews).toEqual(truth.teamViews);
    expect(local.macros).toEqual(truth.macros);
    expect(local.teamViews.map((v) => v.name).sort()).toEqual(['All open', 'Late merchants']);

    // A supervisor deletes the agent's macro; the agent's copy loses it at the next pull.
    expect(await boss.bridge.deleteTeamItem({ kind: 'macro', id: macro.id })).toEqual({
      ok: true,
      value: null,
    });
    await world.client.engine.sync();
    expect(await world.client.db.macros.count()).toBe(0);
    await fresh.engine.sync();
    expect(await fresh.db.macros.count()).toBe(0);
  });
});
