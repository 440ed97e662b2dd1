import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FactsMirror } from '../../src-renderer/cache/facts-mirror';
import type { QueryContext, QueueQuery } from '../../src-renderer/cache/queues';
import { countQuery, FactsUnavailable, idsQuery, pageQuery } from '../../src-renderer/cache/queues';
import type { DossierFilter } from '../../src-shared/domain/filters';
import { dossierFilterSchema } from '../../src-shared/domain/filters';
import type { Dossier } from '../../src-shared/domain/model';
import { defaultSettings } from '../../src-shared/domain/settings';
import { episodesCounted, slaVerdicts, slaWeekSpan } from '../../src-shared/domain/sla-weeks';
import type { StatsOverview } from '../../src-shared/domain/stats';
import { episodePartySchema } from '../../src-shared/domain/stats-facts';
import type { TestServer } from '../server/harness';
import { dropTestDatabases, startTestServer } from '../server/harness';
import { oracleMatches } from '../unit/filter-oracle';
import { createClient, serverView } from './client';
import { documentsReadThrough, watchReads } from './reads';

/**
 * The deadlines met by week opened as queues over a supervisor's cache, on the demo workload: the
 * candidates come from the dashboard's facts in memory, the dossiers are read by id only, and the
 * queue holds the dossiers behind exactly the deadlines the API's figure counts. An agent's copy,
 * which keeps no facts, says it cannot answer rather than show an empty queue.
 */

const DAY = 86_400_000;
let server: TestServer;
let supervisor: Awaited<ReturnType<typeof createClient>>;
let all: Dossier[];
const facts = new FactsMirror();
const viewer = { userId: 'u-supervisor' };

beforeAll(async () => {
  server = await startTestServer({ seed: 'demo', clockStart: '2026-11-24T09:30:00Z' });
  supervisor = await createClient(server, 'supervisor@klikpay.test', 'demo', 500, {
    facts: { onWritten: (written) => facts.apply(written) },
  });
  expect((await supervisor.engine.sync()).ok).toBe(true);
  await supervisor.engine.factsReady();
  all = (await serverView(server, await server.signIn('supervisor@klikpay.test', 'demo'))).dossiers;
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

async function overview(days: number, agent?: string): Promise<StatsOverview> {
  const token = await server.signIn('supervisor@klikpay.test', 'demo');
  const now = server.ctx.clock.now();
  const period = { from: new Date(now - days * DAY).toISOString(), to: new Date(now).toISOString() };
  const params = new URLSearchParams({ ...period, ...(agent ? { agent } : {}) });
  const res = await server.call<StatsOverview>('GET', `/stats/overview?${params.toString()}`, { token });
  expect(res.status).toBe(200);
  return res.body;
}

describe('the deadlines met by week, opened as queues over the cache', () => {
  it('hold the dossiers behind exactly the deadlines each figure of the API counts, team and agent', async () => {
    let counted = 0;
    for (const agent of [undefined, 'u-agent']) {
      const o = await overview(364, agent);
      const now = Date.parse(o.now);
      const ctx: QueryContext = { now, viewer, settings: defaultSettings, facts };
      const seen = { viewer, now, settings: defaultSettings, factsOf: (id: string) => facts.get(id) };
      for (const w of o.slaByWeek) {
        for (const party of episodePartySchema.options) {
          for (const verdict of slaVerdicts) {
            const figure = w.byParty[party][verdict];
            const deadlineWeek = { party, verdict, ...slaWeekSpan(w, o) };
            const filter: DossierFilter = { ...(agent ? { assignee: agent } : {}), deadlineWeek };
            const what = `${w.week} ${party} ${verdict} ${String(agent)}`;
            expect(dossierFilterSchema.safeParse(filter).success, what).toBe(true);
            const query: QueueQuery = { queue: 'all', filter };
            const ids = await idsQuery(supervisor.db, query, ctx);
            const cell = {
              party,
              verdict,
              from: Date.parse(deadlineWeek.from),
              to: Date.parse(deadlineWeek.to),
            };
            const deadlines = ids.reduce(
              (n, id) => n + episodesCounted(facts.get(id) ?? { episodes: [] }, cell, now),
              0,
            );
            expect(deadlines, what).toBe(figure);
            expect(await countQuery(supervisor.db, query, ctx), what).toBe(ids.length);
            const expected = all.filter((d) => oracleMatches(d, filter, seen)).map((d) => d.id);
            expect([...ids].sort(), what).toEqual(expected.sort());
            counted += figure;
          }
        }
      }
    }
    expect(counted, 'the demo fills the figures').toBeGreaterThan(100);
  }, 60_000);

  it('read the dossiers by id only, in any order, never along another index', async () => {
    const o = await overview(364);
    const now = Date.parse(o.now);
    const w = o.slaByWeek.find((x) => x.byParty.klikpay.missed + x.byParty.merchant.missed > 1);
    if (!w) throw new Error('the demo has no week with missed deadlines');
    const party = w.byParty.klikpay.missed > 1 ? 'klikpay' : 'merchant';
    const filter: DossierFilter = { deadlineWeek: { party, verdict: 'missed', ...slaWeekSpan(w, o) } };
    const seen = { viewer, now, settings: defaultSettings, factsOf: (id: string) => facts.get(id) };
    const expected = all.filter((d) => oracleMatches(d, filter, seen)).map((d) => d.id);
    expect(expected.length).toBeGreaterThan(0);
    for (const queue of ['all', 'unassigned', 'mine'] as const) {
      for (const sort of [undefined, { key: 'amount', direction: 'desc' } as const]) {
        const { db, reads } = watchReads(supervisor.db.name);
        // Nothing sorted in memory "up to" 0: a filter on a figure still never walks an index.
        const ctx: QueryContext = { now, viewer, settings: defaultSettings, facts, sortInMemoryUpTo: 0 };
        const query: QueueQuery = { queue, filter, ...(sort ? { sort } : {}) };
        const page = await pageQuery(db, query, ctx, { offset: 0, limit: 10_000 });
        if (queue === 'all') expect(page.map((d) => d.id).sort()).toEqual([...expected].sort());
        expect(page.length).toBe(await countQuery(db, query, ctx));
        expect(documentsReadThrough(reads), `${queue} ${JSON.stringify(sort)}`).toEqual(['primary key']);
        db.close();
      }
    }
  });

  it('say on a copy that keeps no facts (an agent’s) that they cannot be answered there', async () => {
    const agent = await createClient(server, 'agent@klikpay.test', 'demo', 500);
    expect((await agent.engine.sync()).ok).toBe(true);
    const now = server.ctx.clock.now();
    const week = {
      party: 'klikpay',
      verdict: 'missed',
      from: new Date(now - 7 * DAY).toISOString(),
      to: new Date(now).toISOString(),
    } as const;
    const query: QueueQuery = { queue: 'all', filter: { deadlineWeek: week } };
    const ctx: QueryContext = { now, viewer: { userId: 'u-agent' }, settings: defaultSettings, facts: null };
    await expect(countQuery(agent.db, query, ctx)).rejects.toBeInstanceOf(FactsUnavailable);
    await expect(pageQuery(agent.db, query, ctx, { offset: 0, limit: 50 })).rejects.toBeInstanceOf(
      FactsUnavailable,
    );
    await expect(idsQuery(agent.db, query, ctx)).rejects.toBeInstanceOf(FactsUnavailable);
  });
});
