import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Sql, SqlParam } from './database';

interface PgliteQueryable {
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
  exec(script: string): Promise<unknown>;
}

const wrap = (q: PgliteQueryable): Sql => ({
  async query<Row extends object>(text: string, params: readonly SqlParam[] = []) {
    const result = await q.query<Row>(text, [...params]);
    return result.rows;
  },
  async exec(script: string) {
    await q.exec(script);
  },
});

/** The embedded default: PostgreSQL compiled to WebAssembly, in this process, stored in `dataDir` (or `memory://`). */
export async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir && !dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir ?? undefined);
  const sql = wrap(pg);
  return {
    kind: 'pglite',
    ...sql,
    // PGlite has one connection: its transaction() holds it exclusively, so writes are serialised.
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async listen(channel, onPayload) {
      const unsubscribe = await pg.listen(channel, onPayload);
      return unsubscribe;
    },
    close: () => pg.close(),
  };
}
