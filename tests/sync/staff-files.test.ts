import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFile } from '../../src-renderer/cache/files';
import type { ChosenFile } from '../../src-renderer/cache/outbox-files';
import { attachmentOf } from '../../src-renderer/cache/outbox-files';
import { discardPending, perform, performMany } from '../../src-renderer/sync/actions';
import type { Dossier, Message } from '../../src-shared/domain/model';
import type { TestServer, World } from '../server/harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from '../server/harness';
import { closeWindow, createClient } from './client';

/**
 * Issue 12, item 1: an agent's reply carries files. Offline, each waits in the cache with its
 * change (and opens from there); back online it is uploaded first, then the change that lists it is
 * pushed, the server binds it to the message, and the customer reads it byte for byte.
 */

const png = readFileSync('resources/icon.png');
const chosen = (bytes: Uint8Array, filename = 'preuve.png'): ChosenFile => ({
  attachmentId: randomUUID(),
  filename,
  contentType: 'image/png',
  size: bytes.byteLength,
  bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
});

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

const messagesSeenBy = async (token: string, dossier: Dossier) =>
  (await server.call<{ messages: Message[] }>('GET', `/dossiers/${dossier.id}`, { token })).body.messages;

describe('files on a reply, through the outbox', () => {
  it('wait offline with their change, open from the cache, then land on the server once', async () => {
    const alice = await server.signIn(world.users.alice.email);
    const dossier = await fileClaim(server, alice, world.transactions.alice1);
    const client = await createClient(server, world.users.agent.email);
    try {
      expect(await client.engine.sync()).toMatchObject({ ok: true });
      client.network.online = false;
      const file = chosen(png);
      const args = {
        dossierId: dossier.id,
        body: 'Voici la preuve du remboursement.',
        audience: 'customer',
        attachments: [attachmentOf(file)],
      };
      // Listing a file without giving it is refused: nothing is kept that could never be sent.
      expect(await perform(client.actions, 'dossier.reply', args)).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
      const [queued] = await performMany(client.actions, [{ name: 'dossier.reply', args, files: [file] }]);
      expect(queued?.ok).toBe(true);
      expect(await client.db.outboxFiles.count()).toBe(1);

      // Offline: the sync fails, the file waits, and the agent opens it from the cache.
      expect(await client.engine.sync()).toMatchObject({ ok: false });
      const waiting = await openFile(client.db, () => Promise.reject(new Error('no network')), {
        dossierId: dossier.id,
        attachmentId: file.attachmentId,
      });
      expect(waiting).toMatchObject({ ok: true, value: { contentType: 'image/png', fromCache: true } });

      client.network.online = true;
      expect(await client.engine.sync()).toMatchObject({ ok: true });
      // Pushed and pulled back: its change has left the outbox, and the file with it.
      expect(await client.db.outbox.count()).toBe(0);
      expect(await client.db.outboxFiles.count()).toBe(0);
      // The customer reads the reply and its file, byte for byte; the merchant sees neither.
      const sent = (await messagesSeenBy(alice, dossier)).find((m) => m.body.startsWith('Voici la preuve'));
      expect(sent?.attachments).toEqual([attachmentOf(file)]);
      const res = await fetch(
        `${server.url}/api/v1/dossiers/${dossier.id}/attachments/${file.attachmentId}`,
        {
          headers: { authorization: `Bearer ${alice}` },
        },
      );
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
      const shop = await server.signIn(world.users.shop.email);
      const merchantSees = await messagesSeenBy(shop, dossier);
      expect(merchantSees.some((m) => m.body.startsWith('Voici la preuve'))).toBe(false);
      // Still opens offline: a copy went to the file cache when it was uploaded.
      client.network.online = false;
      const kept = await openFile(client.db, () => Promise.reject(new Error('no network')), {
        dossierId: dossier.id,
        attachmentId: file.attachmentId,
      });
      expect(kept).toMatchObject({ ok: true, value: { fromCache: true } });
      client.network.online = true;
    } finally {
      closeWindow(client);
    }
  });

  it('refuses files that are not the ones the change lists, keeping nothing', async () => {
    const alice = await server.signIn(world.users.alice.email);
    const dossier = await fileClaim(server, alice, world.transactions.alice2);
    const client = await createClient(server, world.users.agent.email);
    try {
      expect(await client.engine.sync()).toMatchObject({ ok: true });
      const file = chosen(png);
      const args = { dossierId: dossier.id, body: 'Preuve', audience: 'customer' };
      const [unlisted, wrongSize] = await performMany(client.actions, [
        { name: 'dossier.reply', args, files: [file] },
        {
          name: 'dossier.reply',
          args: { ...args, attachments: [{ ...attachmentOf(file), size: file.size + 1 }] },
          files: [file],
        },
      ]);
      expect(unlisted).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      expect(wrongSize).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      expect(await client.db.outbox.count()).toBe(0);
      expect(await client.db.outboxFiles.count()).toBe(0);
    } finally {
      closeWindow(client);
    }
  });

  it('holds a change whose file the server refuses as stuck; discarded, its file goes too', async () => {
    const alice = await server.signIn(world.users.alice.email);
    const dossier = await fileClaim(server, alice, world.transactions.alice3);
    const client = await createClient(server, world.users.agent.email);
    try {
      expect(await client.engine.sync()).toMatchObject({ ok: true });
      // Not a PNG, whatever it says: the server's signature check refuses the upload.
      const fake = chosen(new TextEncoder().encode('not a picture'), 'faux.png');
      const [queued] = await performMany(client.actions, [
        {
          name: 'dossier.reply',
          args: {
            dossierId: dossier.id,
            body: 'Voir pièce jointe',
            audience: 'customer',
            attachments: [attachmentOf(fake)],
          },
          files: [fake],
        },
      ]);
      expect(queued?.ok).toBe(true);
      const outcome = await client.engine.sync();
      expect(outcome).toMatchObject({ ok: false });
      const [stuck] = await client.db.outbox.toArray();
      expect(stuck?.attempts).toBe(1);
      expect(stuck?.lastError?.code).toBe('invalid_request');
      // The server never got the change.
      expect((await messagesSeenBy(alice, dossier)).some((m) => m.body === 'Voir pièce jointe')).toBe(false);
      if (stuck)
        await discardPending(
          client.db,
          client.actions.settings,
          randomUUID,
          stuck.id,
          'refused',
          new Date().toISOString(),
        );
      expect(await client.db.outbox.count()).toBe(0);
      expect(await client.db.outboxFiles.count()).toBe(0);
    } finally {
      closeWindow(client);
    }
  });
});
