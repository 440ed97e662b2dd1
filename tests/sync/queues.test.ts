import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueCount, queuePage } from '../../src-renderer/cache/queues';
import type { Dossier } from '../../src-shared/domain/model';
import { compareInQueue, inQueue, queueIds, urgentAt } from '../../src-shared/domain/queues';
import { defaultSettings } from '../../src-shared/domain/settings';
import type { TestServer } from '../server/harness';
import { dropTestDatabases, startTestServer } from '../server/harness';
import { createClient, serverView } from './client';

/** The cache's queues against the shared predicates, on the demo workload (every queue filled). */

let server: TestServer;
let client: Awaited<ReturnType<typeof createClient>>;
let all: Dossier[];
const now = Date.parse('2026-11-24T09:30:00Z');
const viewer = { userId: 'u-agent' };

beforeAll(async () => {
  server = await startTestServer({ seed: 'demo', clockStart: '2026-11-24T09:30:00Z' });
  client = await createClient(server, 'agent@klikpay.test', 'demo');
  await client.engine.sync();
  all = (await serverView(server, await server.signIn('agent@klikpay.test', 'demo'))).dossiers;
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

describe('queues over the cache', () => {
  for (const q of queueIds) {
    it(`${q}: the same members, count and order as the shared rules`, async () => {
      const expected = all.filter((d) => inQueue(q, d, now, viewer, defaultSettings)).sort(compareInQueue(q));
      expect(expected.length, `${q} should not be empty in the demo data`).toBeGreaterThan(0);
      expect(await queueCount(client.db, q, now, viewer, defaultSettings)).toBe(expected.length);
      const first = await queuePage(client.db, q, now, viewer, defaultSettings, { offset: 0, limit: 20 });
      const rest = await queuePage(client.db, q, now, viewer, defaultSettings, { offset: 20, limit: 10_000 });
      const got = [...first, ...rest];
      expect(new Set(got.map((d) => d.id))).toEqual(new Set(expected.map((d) => d.id)));
      expect(got).toHaveLength(expected.length);
      // Same order of urgency (ties may fall either way).
      const key = (d: Dossier) =>
        q === 'recently_closed' ? -Date.parse(d.closure?.at ?? '') : (urgentAt(d) ?? Infinity);
      expect(got.map(key)).toEqual(expected.map(key));
    });
  }
});
