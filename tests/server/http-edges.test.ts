import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '../../src-shared/domain/model';
import type { TestServer, World } from './harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from './harness';

/** The edges of HTTP itself: what arrives on the wire, however it is framed, gets a contract answer. */

let server: TestServer;
let world: World;
let customer: string;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  customer = await server.signIn(world.users.alice.email);
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

/** A POST exactly as a plain client sends it with nothing to say: no body, no content-type. */
const bare = (path: string, token: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...headers },
  });

describe('optional bodies', () => {
  it('escalates with no body and no content-type, as the contract shows the call', async () => {
    const dossier = await fileClaim(server, customer, world.transactions.alice1, { subject: 'delivery' });
    const res = await bare(`/dossiers/${dossier.id}/escalate`, customer);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as Dossier).escalatedAt).not.toBeNull();
  });

  it('takes an empty JSON body as no body (resolve, escalate)', async () => {
    const dossier = await fileClaim(server, customer, world.transactions.alice2, { subject: 'delivery' });
    const json = { 'content-type': 'application/json' };
    const escalated = await bare(`/dossiers/${dossier.id}/escalate`, customer, json);
    expect(escalated.status, await escalated.clone().text()).toBe(200);
    const resolved = await bare(`/dossiers/${dossier.id}/resolve`, customer, json);
    expect(resolved.status, await resolved.clone().text()).toBe(200);
    expect(((await resolved.json()) as Dossier).status).toBe('closed');
  });

  it('still refuses a missing body where one is required, in the error shape', async () => {
    const res = await bare('/dossiers', customer, { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'invalid_request', details: [{ path: 'body' }] },
    });
  });
});
