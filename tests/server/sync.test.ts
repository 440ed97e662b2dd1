import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse, SyncChange } from '../../src-shared/contract/sync';
import { pullResponseSchema } from '../../src-shared/contract/sync';
import type { Dossier } from '../../src-shared/domain/model';
import type { TestServer, World } from './harness';
import { buildWorld, dropTestDatabases, startTestServer } from './harness';

let server: TestServer;
let world: World;
const tokens = {} as Record<keyof World['users'], string>;
let delivery: Dossier;
let payment: Dossier;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  for (const [key, u] of Object.entries(world.users))
    tokens[key as keyof World['users']] = await server.signIn(u.email);
  const file = async (transactionId: string, subject: string) =>
    (
      await server.call<Dossier>('POST', '/dossiers', {
        token: tokens.alice,
        body: {
          transactionId,
          subject,
          reason: 'not_received',
          merchantContact: 'merchant_no_answer',
          description: 'Never arrived.',
        },
      })
    ).body;
  delivery = await file(world.transactions.alice1, 'delivery');
  payment = await file(world.transactions.alice2, 'payment');
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

async function pullAll(
  token: string,
  cursor?: string,
  limit = 3,
): Promise<{ changes: SyncChange[]; cursor: string }> {
  const changes: SyncChange[] = [];
  let at = cursor;
  for (;;) {
    const q = new URLSearchParams({ limit: String(limit), ...(at ? { cursor: at } : {}) });
    const res = await server.call<PullResponse>('GET', `/sync/pull?${q.toString()}`, { token });
    expect(res.status).toBe(200);
    // The body is written by hand (services/sync.ts `pullBody`): it must be the contract's shape.
    expect(pullResponseSchema.parse(res.body)).toEqual(res.body);
    changes.push(...res.body.changes);
    at = res.body.cursor;
    if (!res.body.hasMore) return { changes, cursor: at };
  }
}

const push = (token: string, mutations: unknown[], clientId = 'desk-1') =>
  server.call<PushResponse>('POST', '/sync/push', { token, body: { clientId, mutations } });

describe('pull', () => {
  it('gives staff every entity, once each, in pages', async () => {
    const { changes } = await pullAll(tokens.agent);
    const keys = changes.map((c) => `${c.entity}:${c.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(
      changes
        .filter((c) => c.entity === 'dossier')
        .map((c) => c.id)
        .sort(),
    ).toEqual([delivery.id, payment.id].sort());
    expect(changes.some((c) => c.entity === 'user')).toBe(true);
    expect(changes.some((c) => c.entity === 'event')).toBe(true);
  });

  it('scopes a customer to their own dossiers and never shows audit events or merchant-only letters', async () => {
    const bob = await pullAll(tokens.bob);
    expect(bob.changes).toEqual([]);
    const alice = await pullAll(tokens.alice);
    expect(alice.changes.every((c) => c.entity === 'dossier' || c.entity === 'message')).toBe(true);
    for (const c of alice.changes) {
      if (c.entity === 'message' && c.op === 'put') expect(['customer', 'both']).toContain(c.data.audience);
    }
  });

  it('rejects a cursor the server did not give', async () => {
    for (const cursor of ['12;drop', 'c1.zzzzzzzzzzzzz', 'c1.-1', 'c2.10']) {
      const res = await server.call('GET', `/sync/pull?cursor=${encodeURIComponent(cursor)}`, {
        token: tokens.agent,
      });
      expect(res.status).toBe(400);
    }
    const largest = await server.call('GET', '/sync/pull?cursor=c1.zzzzzzzzzzzz', { token: tokens.agent });
    expect(largest.status).toBe(200);
  });
});

describe('push', () => {
  it('applies mutations in order and answers duplicate for a retried id', async () => {
    const mutations = [
      { id: 'mut-1', name: 'dossier.take_over', args: { dossierId: payment.id } },
      {
        id: 'mut-2',
        name: 'dossier.reply',
        args: { dossierId: payment.id, body: 'Nous vérifions avec votre banque.', audience: 'customer' },
      },
    ];
    const first = await push(tokens.agent, mutations);
    expect(first.status).toBe(200);
    expect(first.body.results).toEqual([
      { id: 'mut-1', status: 'applied' },
      { id: 'mut-2', status: 'applied' },
    ]);
    const retry = await push(tokens.agent, mutations);
    expect(retry.body.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    const seen = await server.call<Dossier & { messages: { body: string }[] }>(
      'GET',
      `/dossiers/${payment.id}`,
      { token: tokens.agent },
    );
    expect(seen.body.status).toBe('awaiting_customer');
    expect(seen.body.assigneeId).toBe(world.users.agent.id);
    expect(seen.body.messages.filter((m) => m.body === 'Nous vérifions avec votre banque.')).toHaveLength(1);
    // The audit trail says which pushed intent made each change.
    const events = await server.call<{ items: { type: string; data: { origin?: unknown } }[] }>(
      'GET',
      `/dossiers/${payment.id}/events`,
      { token: tokens.supervisor },
    );
    expect(events.body.items.find((e) => e.type === 'dossier.take_over')?.data.origin).toEqual({
      mutationId: 'mut-1',
      clientId: 'desk-1',
    });
  });

  it('rejects malformed and unknown mutations one by one, not the batch', async () => {
    const res = await push(tokens.agent, [
      { id: 'bad-1', name: 'dossier.explode', args: { dossierId: delivery.id } },
      { id: 'bad-2', name: 'dossier.close', args: { dossierId: delivery.id, summary: '   ' } },
      {
        id: 'ok-3',
        name: 'dossier.tag',
        args: { dossierId: delivery.id, tags: ['Colis', 'colis', 'urgent'] },
      },
    ]);
    expect(res.body.results.map((r) => [r.id, r.status])).toEqual([
      ['bad-1', 'rejected'],
      ['bad-2', 'rejected'],
      ['ok-3', 'applied'],
    ]);
    expect(res.body.results[1]?.error?.message).toMatch(/summary/);
    const seen = await server.call<Dossier>('GET', `/dossiers/${delivery.id}`, { token: tokens.agent });
    expect(seen.body.tags).toEqual(['colis', 'urgent']);
    expect(seen.body.status).toBe('awaiting_merchant');
  });

  it('rejects what no longer fits the dossier with a readable reason, and records it in the audit trail', async () => {
    const res = await push(tokens.agent, [
      { id: 'remind-1', name: 'dossier.remind_merchant', args: { dossierId: payment.id } },
    ]);
    // The reason in words for people, and as a word of the shared vocabulary for clients to translate.
    const refusal = {
      status: 'rejected',
      error: { code: 'conflict', details: { reason: 'not_awaiting_merchant' } },
    };
    expect(res.body.results[0]).toMatchObject(refusal);
    expect(res.body.results[0]?.error?.message).toMatch(/not awaiting the merchant/);
    const retry = await push(tokens.agent, [
      { id: 'remind-1', name: 'dossier.remind_merchant', args: { dossierId: payment.id } },
    ]);
    expect(retry.body.results[0]).toMatchObject(refusal);
    const events = await server.call<{ items: { type: string; data: Record<string, unknown> }[] }>(
      'GET',
      `/dossiers/${payment.id}/events`,
      {
        token: tokens.supervisor,
      },
    );
    const rejected = events.body.items.filter((e) => e.type === 'mutation.rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.data).toMatchObject({
      mutation: 'dossier.remind_merchant',
      details: { reason: 'not_awaiting_merchant' },
      origin: { mutationId: 'remind-1', clientId: 'desk-1' },
    });
  });

  it('keeps reopening to supervisors and reassigning to supervisors', async () => {
    const close = await push(tokens.agent, [
      {
        id: 'close-1',
        name: 'dossier.close',
        args: { dossierId: payment.id, summary: 'Charge confirmed by the bank.', outcome: 'claim_unfounded' },
      },
    ]);
    expect(close.body.results[0]?.status).toBe('applied');
    const agentReopen = await push(tokens.agent2, [
      { id: 'reopen-1', name: 'dossier.reopen', args: { dossierId: payment.id, reason: 'New evidence' } },
    ]);
    expect(agentReopen.body.results[0]).toMatchObject({
      status: 'rejected',
      error: {
        code: 'forbidden',
        details: { reason: 'role_cannot', role: 'agent', command: 'dossier.reopen' },
      },
    });
    const reassign = await push(tokens.agent2, [
      {
        id: 'assign-1',
        name: 'dossier.assign',
        args: { dossierId: payment.id, assigneeId: world.users.agent2.id },
      },
    ]);
    expect(reassign.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'forbidden', details: { reason: 'assigned_to_another' } },
    });
    const reopen = await push(tokens.supervisor, [
      { id: 'reopen-2', name: 'dossier.reopen', args: { dossierId: payment.id, reason: 'New evidence' } },
    ]);
    expect(reopen.body.results[0]?.status).toBe('applied');
    const toCustomer = await push(tokens.supervisor, [
      {
        id: 'assign-2',
        name: 'dossier.assign',
        args: { dossierId: payment.id, assigneeId: world.users.alice.id },
      },
    ]);
    expect(toCustomer.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid_request', details: { reason: 'assignee_not_staff' } },
    });
  });

  it('is closed to customers and merchants', async () => {
    expect(
      (
        await push(tokens.alice, [
          { id: 'x', name: 'dossier.note', args: { dossierId: delivery.id, body: 'hi' } },
        ])
      ).status,
    ).toBe(403);
  });

  it('brings a client that stores the cursor exactly up to date', async () => {
    const before = await pullAll(tokens.agent2);
    await push(tokens.agent, [
      {
        id: 'note-9',
        name: 'dossier.note',
        args: { dossierId: delivery.id, body: 'Suivi demandé au transporteur.' },
      },
    ]);
    const after = await pullAll(tokens.agent2, before.cursor);
    expect(after.changes.map((c) => c.entity).sort()).toEqual(['dossier', 'event', 'message']);
    const again = await pullAll(tokens.agent2, after.cursor);
    expect(again.changes).toEqual([]);
  });
});

/** Moves the server's clock; sessions expire with it (12 h), so everyone signs in again. */
async function setClock(now: string | null): Promise<number> {
  const res = await server.call<{ applied: number }>('POST', '/test/clock', { body: { now } });
  expect(res.status).toBe(200);
  for (const [key, u] of Object.entries(world.users))
    tokens[key as keyof World['users']] = await server.signIn(u.email);
  return res.body.applied;
}

describe('time rules through the manual clock', () => {
  it('at the merchant’s deadline sends the reminder and the rights information, and escalates after the reminder deadline', async () => {
    const dueAt = (await server.call<Dossier>('GET', `/dossiers/${delivery.id}`, { token: tokens.agent }))
      .body.dueAt;
    expect(dueAt).not.toBeNull();
    expect(await setClock(dueAt)).toBeGreaterThan(0);
    let seen = (await server.call<Dossier>('GET', `/dossiers/${delivery.id}`, { token: tokens.agent })).body;
    expect(seen).toMatchObject({ merchantStage: 'reminded', remindedAt: dueAt, customerInformedAt: dueAt });
    const reminderDue = seen.dueAt;
    expect(await setClock(dueAt)).toBe(0);
    // An agent's second reminder repeats the letter, not the 5 days.
    const second = await push(tokens.agent, [
      { id: 'remind-2', name: 'dossier.remind_merchant', args: { dossierId: delivery.id } },
    ]);
    expect(second.body.results[0]?.status).toBe('applied');
    seen = (await server.call<Dossier>('GET', `/dossiers/${delivery.id}`, { token: tokens.agent })).body;
    expect(seen).toMatchObject({ merchantStage: 'reminded', dueAt: reminderDue });
    await setClock(seen.dueAt);
    seen = (await server.call<Dossier>('GET', `/dossiers/${delivery.id}`, { token: tokens.agent })).body;
    expect(seen.status).toBe('awaiting_klikpay');
    expect(seen.escalatedAt).not.toBeNull();
    const messages = (
      await server.call<{ messages: { kind: string; audience: string; author: { role: string } }[] }>(
        'GET',
        `/dossiers/${delivery.id}`,
        { token: tokens.alice },
      )
    ).body.messages;
    expect(messages.filter((m) => m.kind === 'notice').length).toBeGreaterThanOrEqual(2);
    expect(messages.some((m) => m.kind === 'rights_information' && m.author.role === 'system')).toBe(true);
  });

  it('refuses a clock request that is not an instant', async () => {
    const res = await server.call('POST', '/test/clock', { body: { now: 'tomorrow' } });
    expect(res.status).toBe(400);
  });

  it('auto-closes after 120 days without communication', async () => {
    const seen = (await server.call<Dossier>('GET', `/dossiers/${delivery.id}`, { token: tokens.agent }))
      .body;
    expect(seen.autoCloseAt).not.toBeNull();
    await setClock(seen.autoCloseAt);
    const closed = (await server.call<Dossier>('GET', `/dossiers/${delivery.id}`, { token: tokens.agent }))
      .body;
    expect(closed.status).toBe('closed');
    expect(closed.closure?.reason).toBe('inactivity');
  });
});
