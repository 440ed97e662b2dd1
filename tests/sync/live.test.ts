import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src-renderer/sync/engine';
import type { SyncStatus } from '../../src-renderer/sync/engine';
import type { Dossier } from '../../src-shared/domain/model';
import type { TestServer, World } from '../server/harness';
import { buildWorld, dropTestDatabases, startTestServer } from '../server/harness';
import { createClient } from './client';

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

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - start;
}

describe('a started engine', () => {
  it('pulls a change made elsewhere by itself, woken by the poke', async () => {
    const client = await createClient(server, world.users.agent.email);
    const statuses: SyncStatus['state'][] = [];
    client.engine.onStatus((s) => statuses.push(s.state));
    client.engine.start(60_000);
    await waitFor(async () => client.engine.status.state === 'up_to_date', 30_000);
    const alice = await server.signIn(world.users.alice.email);
    const filed = await server.call<Dossier>('POST', '/dossiers', {
      token: alice,
      body: {
        transactionId: world.transactions.alice1,
        subject: 'payment',
        reason: 'other',
        merchantContact: 'not_contacted',
        description: 'Double débit.',
      },
    });
    await waitFor(async () => (await client.db.dossiers.get(filed.body.id)) !== undefined, 30_000);
    expect(statuses).toContain('syncing');
    client.engine.stop();
  });

  it('says it is offline, counts what is pending, and catches up when nudged back online', async () => {
    const client = await createClient(server, world.users.agent.email);
    await client.engine.sync();
    client.network.online = false;
    client.engine.start(60_000);
    await waitFor(async () => client.engine.status.state === 'offline', 30_000);
    const { perform } = await import('../../src-renderer/sync/actions');
    const [first] = await client.db.dossiers.toArray();
    if (!first) throw new Error('nothing cached');
    await perform(client.actions, 'dossier.note', { dossierId: first.id, body: 'Hors ligne.' });
    client.engine.nudge();
    await waitFor(
      async () => client.engine.status.state === 'offline' && client.engine.status.pending === 1,
      30_000,
    );
    expect(client.engine.status.error?.code).toBe('offline');
    client.network.online = true;
    client.engine.nudge();
    await waitFor(
      async () => client.engine.status.state === 'up_to_date' && client.engine.status.pending === 0,
      30_000,
    );
    expect(client.engine.status.lastSyncAt).not.toBeNull();
    client.engine.stop();
  });
});

describe('backoff', () => {
  it('grows exponentially to a minute, with jitter between half and all of it', () => {
    expect(backoffDelay(1, () => 0)).toBe(500);
    expect(backoffDelay(1, () => 1)).toBe(1_000);
    expect(backoffDelay(4, () => 1)).toBe(8_000);
    expect(backoffDelay(30, () => 1)).toBe(60_000);
    expect(backoffDelay(30, () => 0)).toBe(30_000);
  });
});
