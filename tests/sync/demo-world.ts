import type { Dossier } from '../../src-shared/domain/model';
import type { TestServer } from '../server/harness';
import { dropTestDatabases, startTestServer } from '../server/harness';
import { createClient, serverView } from './client';

/**
 * The demo workload on the real API at a fixed instant, synced once by an agent's client: what
 * the queue, dashboard and profile suites check the local copy against (`all`, the server's own).
 */

export const demoClock = '2026-11-24T09:30:00Z';

export interface DemoWorld {
  server: TestServer;
  client: Awaited<ReturnType<typeof createClient>>;
  all: Dossier[];
}

export async function startDemoWorld(): Promise<DemoWorld> {
  const server = await startTestServer({ seed: 'demo', clockStart: demoClock });
  const client = await createClient(server, 'agent@klikpay.test', 'demo', 500);
  await client.engine.sync();
  const all = (await serverView(server, await server.signIn('agent@klikpay.test', 'demo'))).dossiers;
  return { server, client, all };
}

export async function stopDemoWorld(world: { server: TestServer }): Promise<void> {
  await world.server.close();
  await dropTestDatabases();
}
