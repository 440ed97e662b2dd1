import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-server/db/database';
import { dropTestDatabases, freshDatabaseUrl } from '../harness';

/** PostgreSQL restarts, fails over, or an administrator ends a session: the API must live on. */

afterAll(async () => {
  await dropTestDatabases();
});

describe('a connection PostgreSQL ends', () => {
  it('is reported, replaced, and never crashes the process; close() waits for every socket', async () => {
    const databaseUrl = await freshDatabaseUrl();
    if (!databaseUrl) throw new Error('this suite runs on PostgreSQL only: set DATABASE_URL');
    const lost: Error[] = [];
    const db = await openDatabase({ databaseUrl, onConnectionLost: (e) => lost.push(e) });
    const name = new URL(databaseUrl).pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      // Several idle connections in the pool, then all of them ended from the server side.
      await Promise.all([1, 2, 3].map(() => db.query('select pg_sleep(0.05)')));
      const [{ ended }] = (
        await admin.query<{ ended: string }>(
          'select count(*)::text as ended from (select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()) t',
          [name],
        )
      ).rows as [{ ended: string }];
      expect(Number(ended)).toBeGreaterThanOrEqual(1);
      await expect.poll(() => lost.length, { timeout: 30_000 }).toBe(Number(ended));
      expect(lost[0]?.message).toMatch(/terminating connection/);
      // Once the pool has heard of it, the next query runs on a fresh connection (a query that was
      // running on the ended one failed, as it must; the client's retry is idempotent).
      expect(await db.query<{ one: number }>('select 1 as one')).toEqual([{ one: 1 }]);

      await db.close();
      const [{ left }] = (
        await admin.query<{ left: string }>(
          'select count(*)::text as left from pg_stat_activity where datname = $1',
          [name],
        )
      ).rows as [{ left: string }];
      expect(left).toBe('0');
    } finally {
      await admin.end();
    }
  });
});
