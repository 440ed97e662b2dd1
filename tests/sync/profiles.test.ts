import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoWorld } from './demo-world';
import { demoClock, startDemoWorld, stopDemoWorld } from './demo-world';
import { listParty, merchantRecord, readParty } from '../../src-renderer/cache/profiles';
import { searchDossiers } from '../../src-renderer/cache/search';
import { buildSearchIndex } from '../../src-renderer/cache/search-build';
import type { Dossier } from '../../src-shared/domain/model';
import { isMerchantOverdue } from '../../src-shared/domain/queues';
import type { StatsOverview } from '../../src-shared/domain/stats';
import type { TestServer } from '../server/harness';

/**
 * Issue 12, item 8: a party's profile from the local copy — their dossiers, and a merchant's answer
 * record counted as the supervisor's dashboard counts it (checked against the API's own figures).
 */

let server: TestServer;
let client: DemoWorld['client'];
let all: Dossier[];
const now = Date.parse(demoClock);

beforeAll(async () => {
  ({ server, client, all } = await startDemoWorld());
});
afterAll(() => stopDemoWorld({ server }));

describe('the customer’s e-mail', () => {
  it('finds their dossiers in search, whole or by a part of the address', async () => {
    await buildSearchIndex(client.db, () => false);
    const d = all.find((x) => x.transaction.customerEmail !== undefined);
    const email = d?.transaction.customerEmail;
    if (!d || !email) throw new Error('the demo dossiers carry the customer’s e-mail');
    const theirs = all.filter((x) => x.transaction.customerEmail === email).map((x) => x.id);
    const found = (await searchDossiers(client.db, email, 500)).map((x) => x.id);
    expect(found.sort()).toEqual([...theirs].sort());
    const local = email.split('@')[0] ?? '';
    expect((await searchDossiers(client.db, local, 500)).map((x) => x.id)).toEqual(
      expect.arrayContaining(theirs),
    );
  });
});

describe('a party’s profile', () => {
  it('lists every dossier of the customer or merchant, open most urgent first, closed latest first', async () => {
    const parties = [
      ...new Set(all.map((d) => `customer:${d.transaction.customerId}`)),
      ...new Set(all.map((d) => `merchant:${d.transaction.merchantId}`)),
    ].slice(0, 40);
    for (const key of parties) {
      const [kind, id] = key.split(':') as ['customer' | 'merchant', string];
      const theirs = all.filter((d) =>
        kind === 'customer' ? d.transaction.customerId === id : d.transaction.merchantId === id,
      );
      const got = listParty(await readParty(client.db, { kind, id }), 10_000);
      expect(got.openCount + got.closedCount, key).toBe(theirs.length);
      expect(got.open.every((d) => d.status !== 'closed')).toBe(true);
      expect(got.closed.every((d) => d.status === 'closed')).toBe(true);
      expect([...got.open, ...got.closed].map((d) => d.id).sort()).toEqual(theirs.map((d) => d.id).sort());
      const closedAt = got.closed.map((d) => Date.parse(d.closure?.at ?? ''));
      expect(closedAt).toEqual([...closedAt].sort((a, b) => b - a));
    }
    const big = listParty(
      await readParty(client.db, { kind: 'merchant', id: all[0]?.transaction.merchantId ?? '' }),
      2,
    );
    expect(big.open.length).toBeLessThanOrEqual(2);
  });

  it('gives a merchant’s answers, average time and reminders as the dashboard counts them', async () => {
    const token = await server.signIn('supervisor@klikpay.test', 'demo');
    // A period holding the whole demo history: the dashboard's figures are then each merchant's all.
    const params = new URLSearchParams({ from: '2020-01-01T00:00:00.000Z', to: new Date(now).toISOString() });
    const res = await server.call<StatsOverview>('GET', `/stats/overview?${params.toString()}`, { token });
    expect(res.status).toBe(200);
    expect(res.body.merchants.length).toBeGreaterThan(0);
    let answered = 0;
    for (const row of res.body.merchants) {
      const record = await merchantRecord(
        client.db,
        await readParty(client.db, { kind: 'merchant', id: row.merchantId }),
        now,
        100_000,
      );
      expect(record.answers, row.merchantName).toBe(row.answers.count);
      if (row.answers.averageMs === null) expect(record.averageMs).toBeNull();
      else expect(record.averageMs).toBeCloseTo(row.answers.averageMs, 0);
      expect(record.reminders, row.merchantName).toBe(row.remindersInPeriod);
      const overdue = all.filter(
        (d) => d.transaction.merchantId === row.merchantId && isMerchantOverdue(d, now),
      );
      expect(record.overdueNow).toBe(overdue.length);
      answered += record.answers;
    }
    // The demo has merchants who answered: the figures are not all zero.
    expect(answered).toBeGreaterThan(0);
  });
});
