import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpBridge } from '../../src-renderer/bridge/http';
import { clockNow, setClockSkew } from '../../src-renderer/clock';
import {
  dashboardNowStep,
  dashboardOpensOn,
  dashboardQuery,
  figuresNowStep,
} from '../../src-renderer/data/dashboard-query';
import { LocalClient } from '../../src-renderer/sync/local-client';
import { metaKeys } from '../../src-renderer/cache/db';
import { buildFactsSlice, factsComplete } from '../../src-renderer/cache/facts';
import { FactsMirror } from '../../src-renderer/cache/facts-mirror';
import type { FactsRead } from '../../src-renderer/cache/facts-snapshot';
import {
  readAllFacts,
  refreshFactsSnapshot,
  writeFactsSnapshot,
} from '../../src-renderer/cache/facts-snapshot';
import type { CacheDatabase } from '../../src-renderer/cache/db';
import type { StatsOverview } from '../../src-shared/domain/stats';
import { statsOverview } from '../../src-shared/domain/stats';
import { defaultSettings } from '../../src-shared/domain/settings';
import type { TestServer } from '../server/harness';
import { dropTestDatabases, startTestServer } from '../server/harness';
import { createClient, MemoryStorage } from './client';

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
    // The walk ended with the snapshot: a reload reads it, and nothing after it.
    const reloaded = await readAllFacts(client.db);
    expect(reloaded).toMatchObject({ from: 'snapshot', journal: 0 });
    expect(await client.db.factsBlocks.count()).toBeGreaterThan(0);
    await expectSameFacts(client.db, reloaded);

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
    // A reload reads the snapshot and the two taken again since; a fresh mirror gives the same figures.
    const again = await readAllFacts(client.db);
    expect(again).toMatchObject({ from: 'snapshot', journal: 2 });
    await expectSameFacts(client.db, again);
    const fresh = new FactsMirror();
    await fresh.load(client.db);
    expect(statsOverview(fresh.values() ?? [], period, now, defaultSettings)).toEqual(after);
    // Under the limit the snapshot stays; over it, it is written again and the journal is empty.
    expect(await refreshFactsSnapshot(client.db)).toBe(false);
    expect(await refreshFactsSnapshot(client.db, 1)).toBe(true);
    expect(await readAllFacts(client.db)).toMatchObject({ from: 'snapshot', journal: 0 });
  });

  it('are read as a supervisor’s desk opens, with the figures the dashboard opens on computed ahead', async () => {
    const bridge = createHttpBridge({
      baseUrl: server.url,
      storage: new MemoryStorage(),
      fetch: (input, init) => fetch(input, init),
      appVersion: 'test',
      platform: 'node',
      connectivity: { isOnline: () => true, subscribe: () => () => undefined },
    });
    const signedIn = await bridge.signIn('supervisor@klikpay.test', 'demo');
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const current = await bridge.currentUser();
    if (!current.ok || !current.value) throw new Error('not signed in');
    const user = current.value;
    const databaseName = `facts-ahead-${randomUUID()}`;
    const desk = () =>
      new LocalClient({ bridge, user, settings: defaultSettings, databaseName, pageSize: 50 });
    const first = desk();
    await first.open();
    expect((await first.engine.sync()).ok).toBe(true);
    await first.engine.factsReady();
    first.close();

    // The clock a second past a minute: the figures taken ahead are for the minute the test reads.
    const minute = Math.ceil(Date.now() / figuresNowStep) * figuresNowStep;
    setClockSkew(minute + 1_000 - Date.now());
    const second = desk();
    try {
      await second.open();
      // Nobody asked (no dashboard): the desk read the facts on its own.
      await until(() => second.facts.size > 0);
      expect(second.facts.size).toBe(await second.db.dossiers.count());
      const stepped = (step: number) => Math.floor(clockNow() / step) * step;
      const query = dashboardQuery(stepped(dashboardNowStep), dashboardOpensOn, '');
      await until(() => second.facts.isComputed(query, stepped(figuresNowStep), defaultSettings));
      const ahead = second.facts.overview(query, stepped(figuresNowStep), defaultSettings);
      expect(ahead).toEqual(
        statsOverview(second.facts.values() ?? [], query, stepped(figuresNowStep), defaultSettings),
      );
    } finally {
      setClockSkew(0);
      await second.destroy();
    }
  });

  it('keep the figures of one version, and never keep a read begun before a reset', async () => {
    const client = await createClient(server, 'supervisor@klikpay.test', 'demo', 150, {
      facts: { onWritten: () => undefined },
    });
    expect((await client.engine.sync()).ok).toBe(true);
    await client.engine.factsReady();
    const mirror = new FactsMirror();
    const now = server.ctx.clock.now();
    expect(mirror.overview(period, now, defaultSettings)).toBeNull();
    await mirror.load(client.db);
    const once = mirror.overview(period, now, defaultSettings);
    expect(mirror.overview(period, now, defaultSettings)).toBe(once);
    expect(mirror.isComputed({ ...period, agent: 'u-agent' }, now, defaultSettings)).toBe(false);
    // A slice written: the figures are computed again, over it.
    const some = [...(mirror.values() ?? [])].find((f) => f.status !== 'closed');
    if (!some) throw new Error('no open dossier');
    mirror.apply({ facts: [], removed: [some.id] });
    expect(mirror.isComputed(period, now, defaultSettings)).toBe(false);
    expect(mirror.overview(period, now, defaultSettings)?.open).toBe((once?.open ?? 0) - 1);

    // Reset while a read runs (the cache rebuilt): that read is of the old cache, and is dropped.
    const fresh = new FactsMirror();
    const reading = fresh.load(client.db);
    fresh.reset();
    await reading;
    expect(fresh.values()).toBeNull();
    await fresh.load(client.db);
    expect(fresh.size).toBe(await client.db.facts.count());
  });

  it('drop the snapshot when a fact is removed, and never keep one begun before a removal', async () => {
    const client = await createClient(server, 'supervisor@klikpay.test', 'demo', 150, {
      facts: { onWritten: () => undefined },
    });
    expect((await client.engine.sync()).ok).toBe(true);
    await client.engine.factsReady();
    const db = client.db;
    expect(await readAllFacts(db)).toMatchObject({ from: 'snapshot' });
    // A dossier gone from the cache (as a pull's delete leaves it): its facts go at the next slice.
    const gone = (await db.dossiers.toCollection().first())?.id ?? '';
    await db.dossiers.delete(gone);
    await db.factsDirty.put({ id: gone, stamp: 'test' });
    expect((await buildFactsSlice(db))?.removed).toEqual([gone]);
    const read = await readAllFacts(db);
    expect(read.from).toBe('records');
    expect(read.byId.has(gone)).toBe(false);
    await expectSameFacts(db, read);
    // The builder writes it anew when it has nothing left to take.
    await client.engine.factsReady();
    const rewritten = await readAllFacts(db);
    expect(rewritten.from).toBe('snapshot');
    expect(rewritten.byId.has(gone)).toBe(false);

    // In blocks of 7 (the seed's 80 in twelve, the last one short), and of exactly its count.
    const count = await db.facts.count();
    for (const size of [7, count]) {
      expect(await writeFactsSnapshot(db, { size })).toBe(true);
      expect(await db.factsBlocks.count()).toBe(Math.ceil(count / size));
      await expectSameFacts(db, await readAllFacts(db));
    }

    // A snapshot of another layout is written again when the builder has nothing left to take.
    expect(await refreshFactsSnapshot(db)).toBe(false);
    await db.meta.put({ key: metaKeys.factsSnapshotCodec, value: 0 });
    expect(await refreshFactsSnapshot(db)).toBe(true);
    expect(await refreshFactsSnapshot(db)).toBe(false);
    // A removal stamped while a snapshot was being read: that snapshot is not kept.
    const written = await writeFactsSnapshot(db, {
      alsoInCommit: async () => {
        const stamp = await db.meta.get(metaKeys.factsWritten);
        await db.meta.put({ key: metaKeys.factsRemovedAt, value: Number(stamp?.value) + 1 });
        return true;
      },
    });
    expect(written).toBe(false);
    // A damaged block is not read: the facts are read one by one.
    await db.meta.put({ key: metaKeys.factsSnapshotAt, value: 0 });
    await db.factsBlocks.put({ ...((await db.factsBlocks.get(0)) ?? fail()), codec: 99 });
    const damaged = await readAllFacts(db);
    expect(damaged.from).toBe('records');
    await expectSameFacts(db, damaged);
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

function fail(): never {
  throw new Error('no block');
}

/** What a read gave is every fact the cache holds, as stored (without the write's stamp). */
async function expectSameFacts(db: CacheDatabase, read: FactsRead): Promise<void> {
  const records = await db.facts.toArray();
  expect(read.byId.size).toBe(records.length);
  for (const { w: _w, ...f } of records) expect(read.byId.get(f.id)).toEqual(f);
}

async function until(check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
