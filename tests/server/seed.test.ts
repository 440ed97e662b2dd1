import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-server/db/database';
import type { Database } from '../../src-server/db/database';
import { migrate } from '../../src-server/db/migrate';
import { staffActors } from '../../src-server/seed/demo';
import { generateWorkload } from '../../src-server/seed/generate';
import { seedIfEmpty, workerThreshold } from '../../src-server/seed/seed';
import { ManualClock } from '../../src-server/services/clock';
import type { ServerContext } from '../../src-server/services/context';
import { randomId } from '../../src-server/services/context';
import { verifyPassword } from '../../src-server/services/passwords';
import { dossierSchema, messageSchema } from '../../src-shared/domain/model';
import type { Dossier } from '../../src-shared/domain/model';
import type { QueueId } from '../../src-shared/domain/queues';
import { inQueue, queueIds } from '../../src-shared/domain/queues';
import { defaultSettings } from '../../src-shared/domain/settings';
import { applyTimeRules } from '../../src-shared/domain/time-rules';
import { dropTestDatabases, freshDatabaseUrl } from './harness';

const now = Date.parse('2026-11-24T09:30:00Z');
const silent = { info: () => undefined };

async function seeded(seed: 'demo' | number): Promise<{ db: Database; ctx: ServerContext }> {
  const db = await openDatabase({ databaseUrl: await freshDatabaseUrl(), dataDir: 'memory://' });
  await migrate(db);
  const ctx: ServerContext = { db, clock: new ManualClock(now), settings: defaultSettings, newId: randomId };
  await seedIfEmpty(ctx, seed, silent);
  return { db, ctx };
}

const dossiersOf = async (db: Database) =>
  (await db.query<{ data: Dossier }>('select data from dossiers order by id')).map((r) => r.data);

/** Dossiers whose transaction copy lacks its customer's address from the customers table. */
const withoutCustomerEmail = (db: Database) =>
  db.query<{ id: string }>(
    `select d.id from dossiers d join customers c on c.id = d.customer_id
     where d.data #>> '{transaction,customerEmail}' is distinct from c.email`,
  );

describe('--seed demo', () => {
  let db: Database;
  let ctx: ServerContext;
  let dossiers: Dossier[];
  beforeAll(async () => {
    ({ db, ctx } = await seeded('demo'));
    dossiers = await dossiersOf(db);
  });
  afterAll(async () => {
    await db.close();
    await dropTestDatabases();
  });

  it('creates the demo accounts of the contract, password demo', async () => {
    const users = await db.query<{ email: string; role: string; hash: string }>(
      'select email, role, password_hash as hash from users order by email',
    );
    expect(users.map((u) => [u.email, u.role])).toEqual([
      ['agent2@klikpay.test', 'agent'],
      ['agent@klikpay.test', 'agent'],
      ['client@klikpay.test', 'customer'],
      ['merchant2@klikpay.test', 'merchant'],
      ['merchant@klikpay.test', 'merchant'],
      ['supervisor@klikpay.test', 'supervisor'],
    ]);
    expect(await verifyPassword('demo', users[0]?.hash ?? '')).toBe(true);
  });

  it('gives the demo customer transactions with and without dossiers, and the demo merchant dossiers', async () => {
    const rows = await db.query<{ id: string; open: boolean | null }>(
      `select t.id, (select bool_or(d.status <> 'closed') from dossiers d where d.transaction_id = t.id) as open
       from transactions t where t.customer_id = 'c-demo'`,
    );
    expect(rows.filter((r) => r.open === null).length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.open === true).length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.open === false).length).toBeGreaterThanOrEqual(1);
    const merchant = dossiers.filter((d) => d.transaction.merchantId === 'm-demo');
    expect(merchant.some((d) => d.status === 'awaiting_merchant')).toBe(true);
  });

  it('stores only valid, caught-up dossiers and messages', async () => {
    for (const d of dossiers) {
      expect(() => dossierSchema.parse(d)).not.toThrow();
      expect(applyTimeRules(d, now, defaultSettings, randomId).events).toEqual([]);
    }
    const messages = await db.query<{ data: unknown }>('select data from messages limit 500');
    for (const m of messages) expect(() => messageSchema.parse(m.data)).not.toThrow();
    expect(await withoutCustomerEmail(db)).toEqual([]);
  });

  it('fills every queue of the back office, for the demo agent, right now', () => {
    const viewer = { userId: 'u-agent' };
    const counts = Object.fromEntries(
      queueIds.map((q) => [q, dossiers.filter((d) => inQueue(q, d, now, viewer, defaultSettings)).length]),
    ) as Record<QueueId, number>;
    for (const q of queueIds) expect(counts[q], q).toBeGreaterThan(0);
    const reasons = new Set(dossiers.map((d) => d.closure?.reason).filter(Boolean));
    expect([...reasons].sort()).toEqual(['inactivity', 'resolved_by_client', 'resolved_by_klikpay']);
    expect(
      dossiers.some((d) => d.status === 'awaiting_klikpay' && d.dueAt !== null && Date.parse(d.dueAt) < now),
    ).toBe(true);
    expect(dossiers.some((d) => d.merchantStage === 'reminded')).toBe(true);
    expect(dossiers.some((d) => d.reopenedAt !== null && d.status !== 'closed')).toBe(true);
  });

  it('seeds only an empty database', async () => {
    expect(await seedIfEmpty(ctx, 'demo', silent)).toBe(false);
    expect((await dossiersOf(db)).length).toBe(dossiers.length);
  });
});

describe('--seed N', () => {
  it('is deterministic and shaped like the reference workload', async () => {
    const a = await seeded(300);
    const b = await seeded(300);
    try {
      const da = await dossiersOf(a.db);
      expect(da).toEqual(await dossiersOf(b.db));
      expect(da).toHaveLength(305);
      expect(await withoutCustomerEmail(a.db)).toEqual([]);
      const open = da.filter((d) => d.status !== 'closed').length / da.length;
      expect(open).toBeGreaterThan(0.12);
      expect(open).toBeLessThan(0.3);
      const [counts] = await a.db.query<{ messages: number; changes: number; entities: number }>(
        `select (select count(*)::int from messages) as messages, (select count(*)::int from changes) as changes,
           (select count(*)::int from dossiers) + (select count(*)::int from messages) + (select count(*)::int from audit_events)
           + (select count(*)::int from users where role in ('agent', 'supervisor')) + (select count(*)::int from merchants) as entities`,
      );
      expect(counts?.messages ?? 0).toBeGreaterThan(da.length * 4);
      expect(counts?.messages ?? 0).toBeLessThan(da.length * 8);
      expect(counts?.changes).toBe(counts?.entities);
      // Each dossier enters the change log before its messages.
      const misordered = await a.db.query(
        `select 1 from changes m join messages msg on msg.id = m.entity_id and m.entity = 'message'
         join changes d on d.entity = 'dossier' and d.entity_id = msg.dossier_id where d.seq > m.seq limit 1`,
      );
      expect(misordered).toEqual([]);
    } finally {
      await a.db.close();
      await b.db.close();
      await dropTestDatabases();
    }
  });
});

describe('a large seed', () => {
  it('is generated on a worker thread while it is written, with the same data as in-thread', async () => {
    const { db } = await seeded(workerThreshold);
    try {
      const [counts] = await db.query<{
        dossiers: number;
        open: number;
        messages: number;
        changes: number;
        entities: number;
      }>(
        `select (select count(*)::int from dossiers) as dossiers,
           (select count(*)::int from dossiers where status <> 'closed') as open,
           (select count(*)::int from messages) as messages,
           (select count(*)::int from changes) as changes,
           (select count(*)::int from dossiers) + (select count(*)::int from messages) + (select count(*)::int from audit_events)
           + (select count(*)::int from users where role in ('agent', 'supervisor')) + (select count(*)::int from merchants) as entities`,
      );
      expect(counts?.dossiers).toBe(workerThreshold + 5);
      expect(await withoutCustomerEmail(db)).toEqual([]);
      expect(counts?.changes).toBe(counts?.entities);
      expect((counts?.open ?? 0) / workerThreshold).toBeGreaterThan(0.12);
      // The secondary indexes dropped for the load are all back.
      const indexes = await db.query<{ name: string }>(
        "select indexname as name from pg_indexes where schemaname = 'public'",
      );
      expect(indexes.map((i) => i.name)).toEqual(
        expect.arrayContaining([
          'messages_dossier',
          'audit_events_dossier',
          'changes_customer',
          'dossiers_next_rule',
        ]),
      );
      // The worker plays the very histories the in-thread generator plays.
      const planned = generateWorkload({
        dossiers: workerThreshold,
        now,
        settings: defaultSettings,
        ...staffActors(),
      }).dossiers;
      const sample = planned.filter((_, i) => i % 997 === 0);
      for (const w of sample) {
        const [stored] = await db.query<{ data: Dossier }>('select data from dossiers where id = $1', [
          w.dossier.id,
        ]);
        expect(stored?.data).toEqual(w.dossier);
      }
    } finally {
      await db.close();
      await dropTestDatabases();
    }
  });
});
