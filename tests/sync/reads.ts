import type { DBCoreIndex } from 'dexie';
import { CacheDatabase } from '../../src-renderer/cache/db';

/** What the cache's planner reads, watched from another connection to the same database. */

/** What the planner asked of the dossiers table: which index, and whether it read documents. */
export interface Read {
  op: 'query' | 'openCursor' | 'count';
  index: string;
  values: boolean;
}

/** Where a read of documents stopped: the upper bound of its key range. */
export interface Bound {
  index: string;
  upper: unknown;
}

/** Another connection to a cache that records every read of the dossiers table. */
export function watchReads(name: string): { db: CacheDatabase; reads: Read[]; bounds: Bound[] } {
  const db = new CacheDatabase(name);
  const reads: Read[] = [];
  const bounds: Bound[] = [];
  const indexName = (index: DBCoreIndex) => index.name ?? 'primary key';
  db.use({
    stack: 'dbcore',
    name: 'record-reads',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        if (tableName !== 'dossiers') return table;
        return {
          ...table,
          query: (req) => {
            reads.push({ op: 'query', index: indexName(req.query.index), values: req.values ?? false });
            return table.query(req);
          },
          openCursor: (req) => {
            reads.push({ op: 'openCursor', index: indexName(req.query.index), values: req.values ?? false });
            if (req.values) bounds.push({ index: indexName(req.query.index), upper: req.query.range.upper });
            return table.openCursor(req);
          },
          count: (req) => {
            reads.push({ op: 'count', index: indexName(req.query.index), values: false });
            return table.count(req);
          },
        };
      },
    }),
  });
  return { db, reads, bounds };
}

/** The indexes through which documents were read. */
export const documentsReadThrough = (reads: Read[]) => [
  ...new Set(reads.filter((r) => r.op !== 'count' && r.values).map((r) => r.index)),
];
