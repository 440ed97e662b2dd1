import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryContext } from '../../src-renderer/cache/queues';
import { countQuery, idsQuery, pageQuery } from '../../src-renderer/cache/queues';
import type { DossierFilter, DossierSort } from '../../src-shared/domain/filters';
import { compareBy, matchesFilter, sortKeys } from '../../src-shared/domain/filters';
import type { Dossier } from '../../src-shared/domain/model';
import { inQueue, queueIds, urgentAt } from '../../src-shared/domain/queues';
import { defaultSettings } from '../../src-shared/domain/settings';
import { reasonSchema, subjectSchema } from '../../src-shared/domain/vocabulary';
import type { TestServer } from '../server/harness';
import { dropTestDatabases, startTestServer } from '../server/harness';
import { createClient, serverView } from './client';

/**
 * Filters and sorts over the cache, against the shared predicates on the demo workload: whatever
 * the queue, filter and order, the planner's count, pages and ids equal the rules applied to every
 * dossier — by index walk and by in-memory sort alike.
 */

let server: TestServer;
let client: Awaited<ReturnType<typeof createClient>>;
let all: Dossier[];
const now = Date.parse('2026-11-24T09:30:00Z');
const viewer = { userId: 'u-agent' };

beforeAll(async () => {
  server = await startTestServer({ seed: 'demo', clockStart: '2026-11-24T09:30:00Z' });
  client = await createClient(server, 'agent@klikpay.test', 'demo', 500);
  await client.engine.sync();
  all = (await serverView(server, await server.signIn('agent@klikpay.test', 'demo'))).dossiers;
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

const sortValue = (s: DossierSort, d: Dossier): number | string =>
  s.key === 'urgency'
    ? (urgentAt(d) ?? Number.MAX_SAFE_INTEGER)
    : s.key === 'amount'
      ? d.transaction.amount
      : d[s.key];

describe('filtered and sorted queues over the cache', () => {
  it('count, pages and ids equal the shared rules for any queue, filter and order', async () => {
    const merchants = [...new Set(all.map((d) => d.transaction.merchantId))];
    const tags = [...new Set(all.flatMap((d) => d.tags))];
    const filter: fc.Arbitrary<DossierFilter> = fc.record(
      {
        subjects: fc.subarray([...subjectSchema.options]),
        reasons: fc.subarray([...reasonSchema.options]),
        merchantIds: fc.subarray(merchants, { maxLength: 3 }),
        amountMin: fc.integer({ min: 0, max: 20_000 }),
        amountMax: fc.integer({ min: 5_000, max: 200_000 }),
        tags: fc.subarray(tags, { maxLength: 1 }),
        assignee: fc.constantFrom('me', 'none', 'u-agent2'),
      },
      { requiredKeys: [] },
    );
    const sort: fc.Arbitrary<DossierSort> = fc.record({
      key: fc.constantFrom(...sortKeys),
      direction: fc.constantFrom('asc' as const, 'desc' as const),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...queueIds),
        filter,
        sort,
        fc.constantFrom(0, 10_000),
        async (queue, f, s, sortInMemoryUpTo) => {
          const ctx: QueryContext = { now, viewer, settings: defaultSettings, sortInMemoryUpTo };
          const expected = all
            .filter((d) => inQueue(queue, d, now, viewer, defaultSettings) && matchesFilter(d, f, viewer))
            .sort(compareBy(s, queue));
          const query = { queue, filter: f, sort: s };
          expect(await countQuery(client.db, query, ctx)).toBe(expected.length);
          const first = await pageQuery(client.db, query, ctx, { offset: 0, limit: 7 });
          const rest = await pageQuery(client.db, query, ctx, { offset: 7, limit: 10_000 });
          const got = [...first, ...rest];
          expect(got.map((d) => d.id).sort()).toEqual(expected.map((d) => d.id).sort());
          // In order: ties may fall either way between an index walk and a sort in memory.
          for (let i = 1; i < got.length; i++) {
            const [a, b] = [got[i - 1], got[i]];
            if (!a || !b) continue;
            const [va, vb] = [sortValue(s, a), sortValue(s, b)];
            if (queue === 'recently_closed' && s.key === 'urgency') continue;
            expect(
              s.direction === 'asc' ? va <= vb : va >= vb,
              `${queue} ${s.key} ${s.direction} at ${i}`,
            ).toBe(true);
          }
          expect((await idsQuery(client.db, query, ctx)).sort()).toEqual(expected.map((d) => d.id).sort());
        },
      ),
      { numRuns: 120 },
    );
  }, 120_000);
});
