import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../src-shared/contract/sync';
import type { Dossier, User } from '../../src-shared/domain/model';
import type { TestServer } from './harness';
import { dropTestDatabases, startTestServer } from './harness';

/** An agent marked absent by a supervisor gets no new dossier, one at a time or in a batch. */

let server: TestServer;
let supervisor: string;
let agent: string;
let open: Dossier[];

beforeAll(async () => {
  server = await startTestServer({ seed: 'demo' });
  supervisor = await server.signIn('supervisor@klikpay.test', 'demo');
  agent = await server.signIn('agent@klikpay.test', 'demo');
  open = (
    await server.call<{ items: Dossier[] }>('GET', '/dossiers?status=awaiting_klikpay&limit=10', {
      token: supervisor,
    })
  ).body.items.filter((d) => d.assigneeId !== 'u-agent2');
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

const mark = (userId: string, absent: boolean, token = supervisor) =>
  server.call<User>('PUT', `/users/${userId}/absence`, { token, body: { absent } });

let n = 0;
async function assign(dossierIds: string[], assigneeId: string): Promise<PushResponse['results']> {
  const res = await server.call<PushResponse>('POST', '/sync/push', {
    token: supervisor,
    body: {
      clientId: 'absence-test',
      mutations: dossierIds.map((dossierId) => ({
        id: `absence-${++n}`,
        name: 'dossier.assign',
        args: { dossierId, assigneeId },
      })),
    },
  });
  expect(res.status).toBe(200);
  return res.body.results;
}

describe('absence', () => {
  it('is marked by supervisors only, on staff only', async () => {
    expect((await mark('u-agent2', true, agent)).status).toBe(403);
    expect((await mark('u-nobody', true)).status).toBe(404);
    expect((await mark('u-customer', true)).status).toBe(404);
    const res = await mark('u-agent2', true);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'u-agent2', absent: true });
  });

  it('refuses new dossiers to the absent, alone and in a batch, and says why', async () => {
    const [a, b, c] = open;
    if (!a || !b || !c) throw new Error('the demo has too few dossiers awaiting Klik & Pay');
    const [one] = await assign([a.id], 'u-agent2');
    expect(one).toMatchObject({
      status: 'rejected',
      error: { code: 'conflict', details: { reason: 'assignee_absent' } },
    });
    const batch = await assign([b.id, c.id], 'u-agent2');
    expect(batch.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(batch[0]).toMatchObject({ error: { details: { reason: 'assignee_absent' } } });
    const still = await server.call<Dossier>('GET', `/dossiers/${a.id}`, { token: supervisor });
    expect(still.body.assigneeId).not.toBe('u-agent2');
  });

  it('goes to every back office through the feed, and ends when the agent is back', async () => {
    const users = new Map<string, User>();
    for (let cursor: string | undefined; ;) {
      const q = new URLSearchParams({ limit: '1000', ...(cursor ? { cursor } : {}) });
      const page = (await server.call<PullResponse>('GET', `/sync/pull?${q.toString()}`, { token: agent }))
        .body;
      for (const c of page.changes) if (c.entity === 'user' && c.op === 'put') users.set(c.id, c.data);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(users.get('u-agent2')?.absent).toBe(true);
    expect(users.get('u-agent')?.absent).toBe(false);

    expect((await mark('u-agent2', false)).body.absent).toBe(false);
    const [a] = open;
    if (!a) throw new Error('no dossier');
    const [back] = await assign([a.id], 'u-agent2');
    expect(back?.status).toBe('applied');
  });
});
