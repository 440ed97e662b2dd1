import pg from 'pg';
import type { Database, DatabaseOptions, Sql, SqlParam } from './database';

// Keep timestamps and bigints as strings: the API speaks ISO instants and opaque cursors.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

const wrap = (client: pg.Pool | pg.PoolClient): Sql => ({
  async query<Row extends object>(text: string, params: readonly SqlParam[] = []) {
    const result = await client.query<Row>(text, [...params]);
    return result.rows;
  },
  async exec(script: string) {
    await client.query(script);
  },
});

/** PostgreSQL through a pool; LISTEN on one dedicated connection, re-established if it drops. */
export async function openPostgres(
  connectionString: string,
  events: Pick<DatabaseOptions, 'onConnectionLost' | 'onListenLost' | 'onListenResumed'> = {},
): Promise<Database> {
  const onConnectionLost = events.onConnectionLost ?? (() => undefined);
  const pool = new pg.Pool({ connectionString, max: 10 });
  // A connection the server ends (restart, failover, an administrator) must never crash the API:
  // a query running on it rejects on its own, and the pool opens a fresh connection for the next.
  const connections = new Set<pg.Client>();
  pool.on('connect', (client) => {
    connections.add(client);
    // The pool reports an idle connection's end (below); this covers one already being closed.
    client.on('error', () => undefined);
    client.once('end', () => connections.delete(client));
  });
  pool.on('error', onConnectionLost);
  await pool.query('select 1');
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listenClient: pg.Client | null = null;
  let closed = false;

  async function connectListener(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString });
    await client.connect();
    client.on('notification', (msg) => {
      for (const fn of listeners.get(msg.channel) ?? []) fn(msg.payload ?? '');
    });
    client.on('error', (error) => {
      if (listenClient !== client) return;
      listenClient = null;
      if (closed) return;
      events.onListenLost?.(error);
      setTimeout(() => void reconnect(), 1_000);
    });
    for (const channel of listeners.keys()) await client.query(`listen ${ident(channel)}`);
    return client;
  }
  async function reconnect(): Promise<void> {
    try {
      listenClient = await connectListener();
      events.onListenResumed?.();
    } catch (error) {
      if (closed) return;
      events.onListenLost?.(error instanceof Error ? error : new Error(String(error)));
      setTimeout(() => void reconnect(), 1_000);
    }
  }

  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      listenClient ??= await connectListener();
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await listenClient.query(`listen ${ident(channel)}`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async close() {
      closed = true;
      await listenClient?.end().catch(() => undefined);
      // `pool.end()` resolves once every connection is asked to end, not when it has: wait for the
      // sockets too, so nothing of this database outlives `close()`.
      const closing = [...connections].map((c) => new Promise((done) => c.once('end', done)));
      await pool.end();
      await Promise.all(closing);
    },
  };
}

function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid channel name ${name}`);
  return name;
}
