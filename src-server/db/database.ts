/**
 * The small seam between the API and its database: the same SQL runs on PGlite (embedded, one
 * process) and PostgreSQL (any number of API instances).
 */
// Arrays may hold nulls: both drivers send them as SQL NULL elements.
export type SqlParam = string | number | boolean | null | Date | (string | null)[] | number[];

export interface Sql {
  query<Row extends object>(text: string, params?: readonly SqlParam[]): Promise<Row[]>;
  /** Runs a script of several statements (no parameters), e.g. a migration. */
  exec(script: string): Promise<void>;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Calls `onPayload` for every NOTIFY on `channel`, from this or any other connection. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; without it, PGlite in `dataDir` (or in memory when null). */
  databaseUrl?: string | undefined;
  dataDir?: string | null | undefined;
  /** Told when PostgreSQL ends a connection (restart, failover); the pool replaces it. */
  onConnectionLost?: ((error: Error) => void) | undefined;
  /**
   * The LISTEN connection: told when it is lost (notifications stop until it is back) and when it
   * listens again — commits made in between were never heard, so whoever relies on them must catch up.
   */
  onListenLost?: ((error: Error) => void) | undefined;
  onListenResumed?: (() => void) | undefined;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres');
    return openPostgres(options.databaseUrl, options);
  }
  const { openPglite } = await import('./pglite');
  return openPglite(options.dataDir ?? null);
}
