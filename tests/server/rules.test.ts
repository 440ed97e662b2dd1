import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RulesResponse } from '../../src-shared/contract/api';
import { defaultSettings } from '../../src-shared/domain/settings';
import type { TestServer, World } from './harness';
import { buildWorld, dropTestDatabases, startTestServer } from './harness';

/** GET /rules: what the back office needs to apply the same rules offline. */

let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await startTestServer(
    { clockStart: '2026-03-02T08:00:00Z' },
    { ...defaultSettings, merchantAnswerDays: 10 },
  );
  world = await buildWorld(server);
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

describe('GET /rules', () => {
  it("answers the server's settings and clock to a signed-in user", async () => {
    const token = await server.signIn(world.users.agent.email);
    const res = await server.call<RulesResponse>('GET', '/rules', { token });
    expect(res.status).toBe(200);
    expect(res.body.settings.merchantAnswerDays).toBe(10);
    expect(res.body.settings.calendar.timeZone).toBe('Europe/Paris');
    expect(res.body.now).toBe('2026-03-02T08:00:00.000Z');
  });

  it('is refused without a session', async () => {
    const res = await server.call('GET', '/rules');
    expect(res.status).toBe(401);
  });
});
