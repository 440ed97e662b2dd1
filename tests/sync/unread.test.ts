import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CacheDatabase } from '../../src-renderer/cache/db';
import { countQuery, idsQuery, pageQuery } from '../../src-renderer/cache/queues';
import type { QueryContext } from '../../src-renderer/cache/queues';
import {
  lastMessages,
  markNewReplies,
  markRead,
  markUnread,
  previewLength,
  unreadDossierIds,
} from '../../src-renderer/cache/reads';
import type { Message } from '../../src-shared/domain/model';
import { defaultSettings } from '../../src-shared/domain/settings';
import { ManualClock } from '../../src-server/services/clock';
import type { TestServer, World } from '../server/harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from '../server/harness';
import { filing } from '../unit/fixtures';
import { closeWindow, createClient } from './client';

/**
 * "New replies": a dossier is unread while a party wrote since the agent last opened it. Marked by
 * the pull (never by a first sync, never for staff messages), cleared by opening, bounded to open
 * dossiers; the queues filter on it; the rows preview each dossier's last message.
 */

const message = (over: Partial<Message> & Pick<Message, 'id' | 'dossierId' | 'createdAt'>): Message => ({
  author: { role: 'customer', id: 'c1', name: 'Alice Martin' },
  audience: 'both',
  kind: 'message',
  body: 'Bonjour',
  attachments: [],
  ...over,
});

const fresh = async () => {
  const db = new CacheDatabase(`unread-${crypto.randomUUID()}`);
  await db.open();
  return db;
};

describe('marks', () => {
  it('marks a dossier a party wrote in, keeps the first unread instant, and skips what was read', async () => {
    const db = await fresh();
    await db.transaction('rw', db.reads, async () => {
      await markNewReplies(
        db,
        [
          message({ id: 'm1', dossierId: 'd1', createdAt: '2026-07-13T09:00:00.000Z' }),
          message({ id: 'm2', dossierId: 'd1', createdAt: '2026-07-13T10:00:00.000Z' }),
          message({
            id: 'm3',
            dossierId: 'd2',
            createdAt: '2026-07-13T10:00:00.000Z',
            author: { role: 'agent', id: 'a1', name: 'Camille' },
          }),
          message({
            id: 'm4',
            dossierId: 'd3',
            createdAt: '2026-07-13T10:00:00.000Z',
            author: { role: 'merchant', id: 'shop', name: 'La Boutique' },
          }),
        ],
        [],
      );
    });
    expect((await unreadDossierIds(db)).sort()).toEqual(['d1', 'd3']);
    expect((await db.reads.get('d1'))?.newSince).toBe('2026-07-13T09:00:00.000Z');

    // Opened: read up to its latest message; a message no later than that marks nothing again.
    await markRead(db, 'd1', '2026-07-13T10:00:00.000Z');
    expect(await unreadDossierIds(db)).toEqual(['d3']);
    await markNewReplies(
      db,
      [message({ id: 'm2', dossierId: 'd1', createdAt: '2026-07-13T10:00:00.000+00:00' })],
      [],
    );
    expect(await unreadDossierIds(db)).toEqual(['d3']);
    await markNewReplies(
      db,
      [message({ id: 'm5', dossierId: 'd1', createdAt: '2026-07-13T11:00:00.000Z' })],
      [],
    );
    expect((await unreadDossierIds(db)).sort()).toEqual(['d1', 'd3']);

    // A dossier that closed waits on no one: its mark goes, what was read stays.
    await markNewReplies(db, [], [{ ...filing().dossier, id: 'd1', status: 'closed' }]);
    expect(await unreadDossierIds(db)).toEqual(['d3']);
    expect(await db.reads.get('d1')).toEqual({ dossierId: 'd1', readUpTo: '2026-07-13T10:00:00.000Z' });

    // "Mark as unread" puts it back; opening again clears it; an older instant never moves readUpTo back.
    await markUnread(db, 'd1', '2026-07-13T10:00:00.000Z');
    expect((await unreadDossierIds(db)).sort()).toEqual(['d1', 'd3']);
    await markRead(db, 'd1', '2026-07-13T08:00:00.000Z');
    expect(await db.reads.get('d1')).toEqual({ dossierId: 'd1', readUpTo: '2026-07-13T10:00:00.000Z' });
    db.close();
  });

  it('writes nothing when opening a read dossier, so opening wakes no queue', async () => {
    const db = await fresh();
    await markRead(db, 'd1', '2026-07-13T10:00:00.000Z');
    let writes = 0;
    db.reads.hook('creating', () => {
      writes++;
    });
    db.reads.hook('updating', () => {
      writes++;
    });
    await markRead(db, 'd1', '2026-07-13T10:00:00.000Z');
    await markRead(db, 'd1', '2026-07-13T09:00:00.000Z');
    await markRead(db, 'd1', null);
    expect(writes).toBe(0);
    db.close();
  });

  it('previews the last message of each dossier, on one line, with its author', async () => {
    const db = await fresh();
    const long = `Ligne un\n\n  ligne   deux ${'x'.repeat(300)}`;
    await db.messages.bulkPut([
      message({ id: 'm1', dossierId: 'd1', createdAt: '2026-07-13T09:00:00.000Z', body: 'first' }),
      message({ id: 'm2', dossierId: 'd1', createdAt: '2026-07-13T11:00:00.000Z', body: long }),
      message({
        id: 'm3',
        dossierId: 'd2',
        createdAt: '2026-07-13T10:00:00.000Z',
        body: '',
        audience: 'internal',
        author: { role: 'agent', id: 'a1', name: 'Camille' },
        attachments: [{ id: 'f1', filename: 'reçu.pdf', contentType: 'application/pdf', size: 10 }],
      }),
    ]);
    const previews = await lastMessages(db, ['d1', 'd2', 'd-none', 'd1']);
    expect([...previews.keys()].sort()).toEqual(['d1', 'd2']);
    const d1 = previews.get('d1');
    expect(d1?.text.startsWith('Ligne un ligne deux xxx')).toBe(true);
    expect(d1?.text).toHaveLength(previewLength + 1);
    expect(d1?.text.endsWith('…')).toBe(true);
    expect(d1?.authorName).toBe('Alice Martin');
    expect(previews.get('d2')).toMatchObject({ audience: 'internal', authorId: 'a1', files: 1, text: '' });
    db.close();
  });
});

describe('through the engine, against the real API', () => {
  let server: TestServer;
  let world: World;
  let clock: ManualClock;
  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    if (!(server.ctx.clock instanceof ManualClock)) throw new Error('this suite needs the manual clock');
    clock = server.ctx.clock;
  });
  afterAll(async () => {
    await server.close();
    await dropTestDatabases();
  });

  const tick = () => clock.set(clock.now() + 60_000);

  it('marks what a party wrote after the first sync, filters the queue on it, and clears it when opened', async () => {
    const alice = await server.signIn(world.users.alice.email);
    const first = await fileClaim(server, alice, world.transactions.alice1);
    const second = await fileClaim(server, alice, world.transactions.alice2);
    const client = await createClient(server, world.users.agent.email);
    const ctx = (): QueryContext => ({
      now: clock.now(),
      viewer: { userId: world.users.agent.id },
      settings: defaultSettings,
    });
    const newReplies = { queue: 'all' as const, filter: { unread: true as const } };
    try {
      expect(await client.engine.sync()).toMatchObject({ ok: true });
      // The first sync brings the desk as it is: the claims' own messages are not "new".
      expect(await unreadDossierIds(client.db)).toEqual([]);
      expect(await countQuery(client.db, newReplies, ctx())).toBe(0);

      tick();
      const wrote = await server.call('POST', `/dossiers/${first.id}/messages`, {
        token: alice,
        body: { body: 'Avez-vous du nouveau ?' },
      });
      expect(wrote.status).toBe(201);
      // A colleague's reply on the other dossier is staff talking: not a new reply.
      const colleague = await server.signIn(world.users.agent2.email);
      const pushed = await server.call('POST', '/sync/push', {
        token: colleague,
        body: {
          clientId: 'colleague',
          mutations: [
            {
              id: 'reply-second',
              name: 'dossier.reply',
              args: { dossierId: second.id, body: 'Nous regardons.', audience: 'customer' },
            },
          ],
        },
      });
      expect(pushed.status).toBe(200);
      expect(await client.engine.sync()).toMatchObject({ ok: true });

      expect(await unreadDossierIds(client.db)).toEqual([first.id]);
      expect(await countQuery(client.db, newReplies, ctx())).toBe(1);
      expect(
        (await pageQuery(client.db, newReplies, ctx(), { offset: 0, limit: 10 })).map((d) => d.id),
      ).toEqual([first.id]);
      expect(await idsQuery(client.db, newReplies, ctx())).toEqual([first.id]);
      // With the queue's own filter too: Mine holds neither (nothing is assigned to the agent).
      expect(await countQuery(client.db, { ...newReplies, queue: 'mine' }, ctx())).toBe(0);
      const previews = await lastMessages(client.db, [first.id, second.id]);
      expect(previews.get(first.id)).toMatchObject({
        authorRole: 'customer',
        text: 'Avez-vous du nouveau ?',
      });
      expect(previews.get(second.id)).toMatchObject({ authorRole: 'agent', text: 'Nous regardons.' });

      // Opened (its latest message before the agent): read.
      await markRead(client.db, first.id, previews.get(first.id)?.createdAt ?? null);
      expect(await countQuery(client.db, newReplies, ctx())).toBe(0);

      // The customer writes again, then resolves the other claim: one new reply, the closed one not.
      tick();
      await server.call('POST', `/dossiers/${first.id}/messages`, { token: alice, body: { body: 'Merci.' } });
      await server.call('POST', `/dossiers/${second.id}/messages`, {
        token: alice,
        body: { body: 'Réglé.' },
      });
      tick();
      expect((await server.call('POST', `/dossiers/${second.id}/resolve`, { token: alice })).status).toBe(
        200,
      );
      expect(await client.engine.sync()).toMatchObject({ ok: true });
      expect(await unreadDossierIds(client.db)).toEqual([first.id]);
    } finally {
      closeWindow(client);
    }
  });
});
