import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer, World } from '../harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from '../harness';
import { openStream } from '../sse';

/**
 * The LISTEN connection is the API's ear for commits (its own and other instances'). When
 * PostgreSQL ends it, commits made before it is back were never heard: once it listens again,
 * every client is poked to pull, so nobody keeps a stale queue until the next unrelated change.
 */

let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

describe('the LISTEN connection, ended by PostgreSQL', () => {
  it('comes back, and then pokes every client for what was committed while it was gone', async () => {
    const base = process.env.DATABASE_URL;
    if (!base) throw new Error('this suite runs on PostgreSQL only: set DATABASE_URL');
    const alice = await server.signIn(world.users.alice.email);
    const dossier = await fileClaim(server, alice, world.transactions.alice2);
    const stream = await openStream(server.url, await server.signIn(world.users.agent.email));
    await stream.until('poke', 1);

    const [current] = await server.ctx.db.query<{ db: string }>('select current_database() as db');
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      const ended = await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen %' and datname = $1`,
        [current?.db ?? ''],
      );
      // The fault fired: the API's listening connection was ended.
      expect(ended.rowCount).toBeGreaterThanOrEqual(1);
    } finally {
      await admin.end();
    }
    // A commit while the API cannot hear: its NOTIFY goes nowhere.
    const before = stream.count('poke');
    const res = await server.call('POST', `/dossiers/${dossier.id}/messages`, {
      token: alice,
      body: { body: 'Un message pendant la coupure.' },
    });
    expect(res.status).toBe(201);
    // Back within a second or two: a poke for everyone, so the agent pulls the message.
    await stream.until('poke', before + 1);
    await stream.close();
  });
});
