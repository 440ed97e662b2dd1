import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpBridge } from '../../src-renderer/bridge/http';
import type { OutboxEntry } from '../../src-renderer/cache/db';
import { notHeld } from '../../src-renderer/sync/push';
import { runBulk } from '../../src-renderer/workspace/filters/bulk-run';
import { LocalClient } from '../../src-renderer/sync/local-client';
import type { Dossier } from '../../src-shared/domain/model';
import { defaultSettings } from '../../src-shared/domain/settings';
import type { TestServer, World } from '../server/harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from '../server/harness';
import { MemoryStorage } from './client';

/**
 * Issue 12, "collision before it happens": a reply or forward waits in the outbox for its Undo
 * (`holdUntil`); the push leaves it, and what was queued after it, until then; an Undo takes it back
 * from the outbox, the dossier and the journal, and the server never sees it.
 */

let server: TestServer;
let world: World;
let dossier: Dossier;
/** Untouched by the first test: still awaiting Klik & Pay. */
let other: Dossier;
let supervisor: string;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  const alice = await server.signIn(world.users.alice.email);
  dossier = await fileClaim(server, alice, world.transactions.alice1, { subject: 'payment' });
  other = await fileClaim(server, alice, world.transactions.alice2, { subject: 'payment' });
  supervisor = await server.signIn(world.users.supervisor.email);
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

async function agent() {
  const storage = new MemoryStorage();
  let pushes = 0;
  const bridge = createHttpBridge({
    baseUrl: server.url,
    storage,
    fetch: (input, init) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/sync/push')) pushes++;
      return fetch(input, init);
    },
    appVersion: 'test',
    platform: 'node',
  });
  const signedIn = await bridge.signIn(world.users.agent.email, 'demo-password');
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  const clock = { now: server.ctx.clock.now() };
  const client = new LocalClient({
    bridge,
    user: signedIn.value,
    settings: defaultSettings,
    databaseName: `undo-${randomUUID()}`,
    now: () => clock.now,
  });
  await client.open();
  expect((await client.engine.sync()).ok).toBe(true);
  return { client, bridge, clock, pushes: () => pushes };
}

const serverBodies = async (id = dossier.id) =>
  (
    await server.call<{ messages: { body: string }[] }>('GET', `/dossiers/${id}`, {
      token: supervisor,
    })
  ).body.messages.map((m) => m.body);

describe('a held send', () => {
  it('stays local until its Undo has passed, with what was queued after it, then goes up once', async () => {
    const { client, clock, pushes } = await agent();
    const text = `Held reply ${randomUUID()}`;
    const sent = await client.perform(
      'dossier.reply',
      { dossierId: dossier.id, body: text, audience: 'customer' },
      { holdMs: 5_000 },
    );
    const behind = await client.perform('dossier.note', { dossierId: dossier.id, body: `Behind ${text}` });
    expect(sent.ok && behind.ok).toBe(true);
    // Shown at once on the agent's own copy, marked as not yet sent.
    expect(await client.db.messages.filter((m) => m.body === text).count()).toBe(1);

    const before = pushes();
    expect((await client.engine.sync()).ok).toBe(true);
    expect(pushes()).toBe(before);
    expect(client.engine.status.pending).toBe(2);
    expect(await serverBodies()).not.toContain(text);

    clock.now += 5_001;
    // Its hold has passed: it may be on the wire already, so neither an Undo nor a new hold takes it.
    if (sent.ok) {
      expect(await client.undoSend(sent.mutationId)).toBeNull();
      await client.releaseHeld([sent.mutationId], 60_000);
      const entry = await client.db.outbox.where('id').equals(sent.mutationId).first();
      expect(Date.parse(entry?.holdUntil ?? '')).toBeLessThanOrEqual(clock.now);
    }
    expect((await client.engine.sync()).ok).toBe(true);
    expect(client.engine.status.pending).toBe(0);
    const bodies = await serverBodies();
    expect(bodies.filter((b) => b === text)).toHaveLength(1);
    // In the order they were queued.
    expect(bodies.indexOf(text)).toBeLessThan(bodies.indexOf(`Behind ${text}`));
    // Too late now: the Undo finds nothing to take back.
    if (sent.ok) expect(await client.undoSend(sent.mutationId)).toBeNull();
    client.close();
  });

  it('is taken back by its Undo: off the dossier, the outbox and the journal, never sent, no refusal kept', async () => {
    const { client, bridge } = await agent();
    const text = `Undone reply ${randomUUID()}`;
    const sent = await client.perform(
      'dossier.reply',
      { dossierId: other.id, body: text, audience: 'customer' },
      { holdMs: 5_000 },
    );
    if (!sent.ok) throw new Error('the reply was refused');
    const journal = await bridge.journal.read();
    expect(journal.ok && journal.value.some((e) => e.id === sent.mutationId)).toBe(true);
    const cached = await client.db.dossiers.get(other.id);
    expect(cached?.status).toBe('awaiting_customer');

    const entry = await client.undoSend(sent.mutationId);
    expect(entry).toMatchObject({ id: sent.mutationId, args: { body: text, audience: 'customer' } });
    expect(await client.db.messages.filter((m) => m.body === text).count()).toBe(0);
    expect(await client.db.outbox.count()).toBe(0);
    expect(await client.db.rejections.count()).toBe(0);
    // The dossier is back as the server has it.
    expect((await client.db.dossiers.get(other.id))?.status).toBe('awaiting_klikpay');
    const after = await bridge.journal.read();
    expect(after.ok && after.value.some((e) => e.id === sent.mutationId)).toBe(false);

    expect((await client.engine.sync()).ok).toBe(true);
    expect(await serverBodies(other.id)).not.toContain(text);
    // A second Undo, or one of a change that was never held, takes nothing.
    expect(await client.undoSend(sent.mutationId)).toBeNull();
    const note = await client.perform('dossier.note', { dossierId: other.id, body: 'Not held' });
    if (note.ok) expect(await client.undoSend(note.mutationId)).toBeNull();
    client.close();
  });
});

describe('a held bulk action', () => {
  it('is held while it runs and its Undo delay after, then goes; an Undo takes back what is still held', async () => {
    const { client, clock, pushes } = await agent();
    const tag = (t: string) => ({ kind: 'tag' as const, tag: t });
    const first = await runBulk(client, [dossier.id, other.id], tag('lot-a'), {
      holdMs: 5_000,
      now: () => clock.now,
    });
    expect(first).toMatchObject({ succeeded: 2, undoUntil: clock.now + 5_000 });
    expect(first.mutationIds).toHaveLength(2);
    const before = pushes();
    expect((await client.engine.sync()).ok).toBe(true);
    expect(pushes()).toBe(before);

    // Undone in the window: off the dossiers and the outbox, never sent.
    expect(await client.undoMany(first.mutationIds)).toHaveLength(2);
    expect((await client.db.dossiers.get(dossier.id))?.tags).not.toContain('lot-a');
    expect(await client.db.outbox.count()).toBe(0);

    // Another run, left alone: it goes once its delay has passed, and an Undo then takes nothing.
    const second = await runBulk(client, [dossier.id, other.id], tag('lot-b'), {
      holdMs: 5_000,
      now: () => clock.now,
    });
    clock.now += 5_001;
    expect((await client.engine.sync()).ok).toBe(true);
    expect(client.engine.status.pending).toBe(0);
    expect(await client.undoMany(second.mutationIds)).toEqual([]);
    for (const d of [dossier, other]) {
      const res = await server.call<Dossier>('GET', `/dossiers/${d.id}`, { token: supervisor });
      expect(res.body.tags).toContain('lot-b');
      expect(res.body.tags).not.toContain('lot-a');
    }
    client.close();
  });
});

describe('notHeld', () => {
  const entry = (seq: number, holdUntil?: string): OutboxEntry => ({
    seq,
    id: `m-${seq}`,
    name: 'dossier.note',
    args: { dossierId: 'd-1' },
    dossierId: 'd-1',
    actor: { role: 'agent', id: 'u-1', name: 'Agent' },
    createdAt: '2026-12-07T09:00:00.000Z',
    state: 'pending',
    ...(holdUntil ? { holdUntil } : {}),
  });
  const now = Date.parse('2026-12-07T09:00:03.000Z');

  it('lets through what is before the first held change, and nothing after it', () => {
    const list = [entry(1), entry(2, '2026-12-07T09:00:05.000Z'), entry(3)];
    expect(notHeld(list, now).map((e) => e.seq)).toEqual([1]);
    expect(notHeld(list, Date.parse('2026-12-07T09:00:05.001Z')).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(notHeld([entry(1, '2026-12-07T09:00:04.000Z')], now)).toEqual([]);
    expect(notHeld([entry(1), entry(2)], now)).toHaveLength(2);
  });
});
