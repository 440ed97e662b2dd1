import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncChange } from '../../src-shared/contract/sync';
import type { AuditEvent, Dossier } from '../../src-shared/domain/model';
import { assignmentsTo } from '../../src-renderer/sync/notices';
import type { TestServer, World } from '../server/harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from '../server/harness';
import { closeWindow, createClient } from './client';

/** "Assigned to you": found in what the server sends, never in the first sync, never for one's own doing. */

const event = (over: Partial<AuditEvent>): SyncChange => ({
  entity: 'event',
  op: 'put',
  id: over.id ?? 'e1',
  data: {
    id: 'e1',
    dossierId: 'd1',
    type: 'dossier.assign',
    actor: { role: 'supervisor', id: 'u-sup' },
    at: '2026-11-24T09:30:00.000Z',
    changes: { assigneeId: { before: null, after: 'u-me' } },
    data: {},
    ...over,
  },
});

describe('assignmentsTo', () => {
  it('finds dossiers assigned to me by someone else', () => {
    expect(assignmentsTo('u-me', [event({})])).toEqual([{ dossierId: 'd1', by: 'u-sup' }]);
  });
  it.each([
    ['my own take-over', event({ actor: { role: 'agent', id: 'u-me' } })],
    ['an assignment to someone else', event({ changes: { assigneeId: { before: null, after: 'u-other' } } })],
    [
      'a change that kept me as the assignee',
      event({ changes: { assigneeId: { before: 'u-me', after: 'u-me' } } }),
    ],
    ['an event without an assignment', event({ changes: { status: { before: 'a', after: 'b' } } })],
  ])('ignores %s', (_name, change) => {
    expect(assignmentsTo('u-me', [change])).toEqual([]);
  });
});

describe('through the engine, against the real API', () => {
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

  it('tells the agent of a supervisor assigning them a dossier, not of what the first sync brought', async () => {
    const assigned = async (dossier: Dossier, to: string) => {
      const token = await server.signIn(world.users.supervisor.email);
      const res = await server.call('POST', '/sync/push', {
        token,
        body: {
          clientId: `sup-${dossier.id}`,
          mutations: [
            {
              id: `m-${dossier.id}`,
              name: 'dossier.assign',
              args: { dossierId: dossier.id, assigneeId: to },
            },
          ],
        },
      });
      expect(res.status).toBe(200);
    };
    const alice = await server.signIn(world.users.alice.email);
    const before = await fileClaim(server, alice, world.transactions.alice1);
    await assigned(before, world.users.agent.id);

    const heard: string[] = [];
    const client = await createClient(server, world.users.agent.email, 'demo-password', 7, {
      onChanges: (changes, firstSync) => {
        if (!firstSync) heard.push(...assignmentsTo(world.users.agent.id, changes).map((n) => n.dossierId));
      },
    });
    try {
      expect(await client.engine.sync()).toMatchObject({ ok: true });
      expect(heard).toEqual([]);
      const later = await fileClaim(server, alice, world.transactions.alice2);
      await assigned(later, world.users.agent.id);
      expect(await client.engine.sync()).toMatchObject({ ok: true });
      expect(heard).toEqual([later.id]);
    } finally {
      closeWindow(client);
    }
  });
});
