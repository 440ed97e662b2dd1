import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaKeys } from '../../src-renderer/cache/db';
import { buildFactsSlice, factsComplete } from '../../src-renderer/cache/facts';
import { FactsMirror } from '../../src-renderer/cache/facts-mirror';
import type { StatsOverview } from '../../src-shared/domain/stats';
import { statsOverview } from '../../src-shared/domain/stats';
import { defaultSettings } from '../../src-shared/domain/settings';
import type { TestServer } from '../server/harness';
import { dropTestDatabases, startTestServer } from '../server/harness';
import { createClient } from './client';

/**
 * The supervisor dashboard's facts in the cache: taken from the whole cache after a first sync, kept
 * by later pulls, followed in memory by the mirror, and giving the server's own figures.
 */

let server: TestServer;
const period = { from: '2026-01-05T00:00:00.000Z', to: '2026-12-28T00:00:00.000Z' };

beforeAll(async () => {
  server = await startTestServer({ seed: 80 });
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

async function serverFigures(token: string): Promise<StatsOverview> {
  const q = new URLSearchParams(period);
  const res = await server.call<StatsOverview>('GET', `/stats/overview?${q.toString()}`, { token });
  expect(res.status).toBe(200);
  return res.body;
}

describe("the dashboard's facts in the cache", () => {
  it('are taken after a first sync, kept by later pulls, and give the server’s figures', async () => {
    const mirror = new FactsMirror();
    let slices = 0;
    const client = await createClient(server, 'supervisor@klikpay.test', 'demo', 150, {
      facts: {
        onWritten: (written) => {
          slices++;
          mirror.apply(written);
        },
      },
    });
    expect((await client.engine.sync()).ok).toBe(true);
    // The first sync marked nothing and wrote no fact: a walk of the whole cache is due.
    expect((await client.db.meta.get(metaKeys.factsBuiltUpTo))?.value).toBe('');
    expect(await client.db.facts.count()).toBe(0);
    expect(await client.db.factsDirty.count()).toBe(0);
    expect(await factsComplete(client.db)).toBe(false);

    // One slice (a reload may come after it), then the rest.
    expect((await buildFactsSlice(client.db, 7))?.facts).toHaveLength(7);
    await mirror.load(client.db);
    expect(mirror.size).toBe(7);
    await client.engine.factsReady();
    expect(slices).toBeGreaterThanOrEqual(1);
    expect(await factsComplete(client.db)).toBe(true);
    const dossiers = await client.db.dossiers.count();
    expect(await client.db.facts.count()).toBe(dossiers);
    expect(mirror.size).toBe(dossiers);

    const supervisor = await server.signIn('supervisor@klikpay.test', 'demo');
    const now = server.ctx.clock.now();
    const figures = () => statsOverview(mirror.values() ?? [], period, now, defaultSettings);
    expect(figures()).toEqual(await serverFigures(supervisor));

    // A colleague closes a dossier and assigns another: the next pull marks both, the build takes
    // them again, and the mirror follows without reading the cache again.
    const open = (await client.db.dossiers.toArray()).filter(
      (d) => d.status === 'awaiting_klikpay' && d.assigneeId !== 'u-agent2',
    );
    const [a, b] = open;
    if (!a || !b) throw new Error('the seed has no dossier awaiting Klik & Pay');
    const push = await server.call('POST', '/sync/push', {
      token: supervisor,
      body: {
        clientId: 'colleague',
        mutations: [
          {
            id: 'facts-1',
            name: 'dossier.close',
            args: { dossierId: a.id, outcome: 'refunded', summary: 'Done.' },
          },
          { id: 'facts-2', name: 'dossier.assign', args: { dossierId: b.id, assigneeId: 'u-agent2' } },
        ],
      },
    });
    expect(push.status).toBe(200);
    const before = figures();
    expect((await client.engine.sync()).ok).toBe(true);
    expect((await client.db.factsDirty.toArray()).map((d) => d.id).sort()).toEqual([a.id, b.id].sort());
    await client.engine.factsReady();
    expect(await client.db.factsDirty.count()).toBe(0);
    expect((await client.db.facts.get(a.id))?.status).toBe('closed');
    expect(mirror.values() && [...(mirror.values() ?? [])].find((f) => f.id === b.id)?.assigneeId).toBe(
      'u-agent2',
    );
    const after = figures();
    expect(after.open).toBe(before.open - 1);
    expect(after).toEqual(await serverFigures(supervisor));
  });

  it('are not kept for an agent (no dashboard): pages mark nothing', async () => {
    const client = await createClient(server, 'agent@klikpay.test', 'demo', 150);
    expect((await client.engine.sync()).ok).toBe(true);
    expect(await client.db.meta.get(metaKeys.factsBuiltUpTo)).toBeUndefined();
    const supervisor = await server.signIn('supervisor@klikpay.test', 'demo');
    const open = (await client.db.dossiers.toArray()).find((d) => d.status !== 'closed');
    if (!open) throw new Error('no open dossier');
    await server.call('POST', '/sync/push', {
      token: supervisor,
      body: {
        clientId: 'colleague-2',
        mutations: [
          { id: 'facts-3', name: 'dossier.assign', args: { dossierId: open.id, assigneeId: 'u-agent2' } },
        ],
      },
    });
    expect((await client.engine.sync()).ok).toBe(true);
    expect(await client.db.factsDirty.count()).toBe(0);
    await client.engine.factsReady();
    expect(await client.db.facts.count()).toBe(0);
  });
});
