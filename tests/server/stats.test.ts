import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RulesResponse } from '../../src-shared/contract/api';
import type { PullResponse } from '../../src-shared/contract/sync';
import type { AuditEvent, Dossier } from '../../src-shared/domain/model';
import type { StatsOverview } from '../../src-shared/domain/stats';
import { statsOverview, statsOverviewSchema } from '../../src-shared/domain/stats';
import { dossierFacts } from '../../src-shared/domain/stats-facts';
import type { TestServer } from './harness';
import { dropTestDatabases, startTestServer } from './harness';

/**
 * GET /stats/overview: supervisors only, and the same figures the desktop computes from what it
 * pulled (the same pure functions over the same documents), before and after changes.
 */

const from = '2026-01-05T00:00:00.000Z';
const to = '2026-12-28T00:00:00.000Z';

for (const seed of ['demo', 300] as const) {
  describe(`the overview on the ${String(seed)} data`, () => {
    let server: TestServer;
    let supervisor: string;
    let agent: string;

    beforeAll(async () => {
      server = await startTestServer({ seed });
      supervisor = await server.signIn('supervisor@klikpay.test', 'demo');
      agent = await server.signIn('agent@klikpay.test', 'demo');
    });
    afterAll(async () => {
      await server.close();
      await dropTestDatabases();
    });

    async function fromServer(query: string): Promise<StatsOverview> {
      const res = await server.call<StatsOverview>('GET', `/stats/overview?${query}`, { token: supervisor });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return statsOverviewSchema.parse(res.body);
    }

    /** What a desktop computes: everything pulled, then the figures at the server's clock. */
    async function asTheDesktop(agentId?: string): Promise<StatsOverview> {
      const dossiers = new Map<string, Dossier>();
      const events = new Map<string, AuditEvent>();
      for (let cursor: string | undefined; ;) {
        const q = new URLSearchParams({ limit: '1000', ...(cursor ? { cursor } : {}) });
        const page = (await server.call<PullResponse>('GET', `/sync/pull?${q.toString()}`, { token: agent }))
          .body;
        for (const c of page.changes) {
          if (c.op !== 'put') continue;
          if (c.entity === 'dossier') dossiers.set(c.id, c.data);
          if (c.entity === 'event') events.set(c.id, c.data);
        }
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      const trails = new Map<string, AuditEvent[]>();
      for (const e of events.values()) trails.set(e.dossierId, [...(trails.get(e.dossierId) ?? []), e]);
      const rules = (await server.call<RulesResponse>('GET', '/rules', { token: agent })).body;
      const facts = [...dossiers.values()].map((d) => dossierFacts(d, trails.get(d.id) ?? []));
      return statsOverview(
        facts,
        { from, to, ...(agentId ? { agent: agentId } : {}) },
        Date.parse(rules.now),
        rules.settings,
      );
    }

    it('answers supervisors only, and refuses a period that ends before it starts', async () => {
      const q = `from=${from}&to=${to}`;
      expect((await server.call('GET', `/stats/overview?${q}`)).status).toBe(401);
      expect((await server.call('GET', `/stats/overview?${q}`, { token: agent })).status).toBe(403);
      const customer = await server.signIn('customer@klikpay.test', 'demo').catch(() => null);
      if (customer)
        expect((await server.call('GET', `/stats/overview?${q}`, { token: customer })).status).toBe(403);
      const backwards = await server.call('GET', `/stats/overview?from=${to}&to=${from}`, {
        token: supervisor,
      });
      expect(backwards.status).toBe(400);
    });

    it('gives the figures the desktop computes from the same data, for the team and for one agent', async () => {
      const team = await fromServer(`from=${from}&to=${to}`);
      expect(team.open).toBeGreaterThan(0);
      expect(team).toEqual(await asTheDesktop());
      const one = await fromServer(`from=${from}&to=${to}&agent=u-agent`);
      expect(one).toEqual(await asTheDesktop('u-agent'));
      expect(one.open).toBeLessThan(team.open);
    });

    it('follows changes: the facts of a changed dossier are taken again', async () => {
      const before = await fromServer(`from=${from}&to=${to}`);
      const page = (
        await server.call<{ items: Dossier[] }>('GET', '/dossiers?status=awaiting_klikpay&limit=2', {
          token: agent,
        })
      ).body;
      const [a, b] = page.items;
      expect(a && b).toBeTruthy();
      if (!a || !b) return;
      const res = await server.call('POST', '/sync/push', {
        token: supervisor,
        body: {
          clientId: 'stats-test',
          mutations: [
            {
              id: `stats-${String(seed)}-1`,
              name: 'dossier.assign',
              args: { dossierId: a.id, assigneeId: 'u-agent2' },
            },
            {
              id: `stats-${String(seed)}-2`,
              name: 'dossier.close',
              args: { dossierId: b.id, outcome: 'refunded', summary: 'Refunded by the merchant.' },
            },
          ],
        },
      });
      expect(res.status).toBe(200);
      const after = await fromServer(`from=${from}&to=${to}`);
      expect(after.open).toBe(before.open - 1);
      expect(after.closures.byOutcome.refunded).toBe(before.closures.byOutcome.refunded + 1);
      expect(after).toEqual(await asTheDesktop());
    });
  });
}
