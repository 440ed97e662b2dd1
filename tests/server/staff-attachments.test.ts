import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierWithMessages } from '../../src-shared/contract/api';
import type { PushResponse } from '../../src-shared/contract/sync';
import type { Attachment, Dossier } from '../../src-shared/domain/model';
import type { TestServer, World } from './harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from './harness';

/**
 * Staff attach files to a reply or a forward: the file first (`PUT /uploads/{id}`), then the
 * mutation that lists it, which binds it to its message in the transaction that applies it.
 */

let server: TestServer;
let world: World;
const tokens = {} as Record<keyof World['users'], string>;
let dossier: Dossier;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  for (const [key, u] of Object.entries(world.users))
    tokens[key as keyof World['users']] = await server.signIn(u.email);
  dossier = await fileClaim(server, tokens.alice, world.transactions.alice1, { subject: 'delivery' });
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

const pngBytes = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const png = (extra = ''): string => Buffer.concat([pngBytes, Buffer.from(extra)]).toString('base64');
const upload = (filename: string, contentBase64 = png(filename)) => ({
  filename,
  contentType: 'image/png',
  contentBase64,
});

async function stage(token: string, filename: string, id = randomUUID()): Promise<Attachment> {
  const res = await server.call<Attachment>('PUT', `/uploads/${id}`, { token, body: upload(filename) });
  expect(res.status).toBe(201);
  return res.body;
}

const push = (token: string, mutations: unknown[], clientId = 'desk-1') =>
  server.call<PushResponse>('POST', '/sync/push', { token, body: { clientId, mutations } });
const reply = (id: string, attachments: Attachment[], audience = 'customer') => ({
  id,
  name: 'dossier.reply',
  args: { dossierId: dossier.id, body: 'Voici le justificatif.', audience, attachments },
});
const forward = (id: string, attachments: Attachment[]) => ({
  id,
  name: 'dossier.forward_to_merchant',
  args: { dossierId: dossier.id, body: 'Merci de répondre au client.', attachments },
});

const count = async (table: 'staged_files' | 'attachments', id: string): Promise<number> => {
  const where = table === 'staged_files' ? 'id::text = $1' : 'id = $1';
  const [row] = await server.ctx.db.query<{ n: number }>(
    `select count(*)::int as n from ${table} where ${where}`,
    [id],
  );
  return row?.n ?? 0;
};

async function download(token: string, attachmentId: string): Promise<{ status: number; bytes: string }> {
  const res = await fetch(`${server.url}/api/v1/dossiers/${dossier.id}/attachments/${attachmentId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()).toString('base64') };
}

describe('PUT /uploads/{id}', () => {
  it('is for staff: 401 without a session, 403 for customers and merchants, storing nothing', async () => {
    const id = randomUUID();
    expect((await server.call('PUT', `/uploads/${id}`, { body: upload('a.png') })).status).toBe(401);
    for (const token of [tokens.alice, tokens.shop]) {
      const res = await server.call('PUT', `/uploads/${id}`, { token, body: upload('a.png') });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({
        error: { code: 'forbidden', message: expect.stringMatching(/role/) },
      });
    }
    expect(await count('staged_files', id)).toBe(0);
  });

  it('stores a file once (201), answers the same again (200), and 409 for another file or account', async () => {
    const id = randomUUID();
    const first = await server.call('PUT', `/uploads/${id}`, { token: tokens.agent, body: upload('p.png') });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id,
      filename: 'p.png',
      contentType: 'image/png',
      size: pngBytes.length + 'p.png'.length,
    });
    const again = await server.call('PUT', `/uploads/${id}`, { token: tokens.agent, body: upload('p.png') });
    expect(again).toMatchObject({ status: 200, body: first.body });
    const other = await server.call('PUT', `/uploads/${id}`, {
      token: tokens.agent,
      body: upload('p.png', png('other')),
    });
    expect(other).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    const stranger = await server.call('PUT', `/uploads/${id}`, {
      token: tokens.supervisor,
      body: upload('p.png'),
    });
    expect(stranger.status).toBe(409);
    expect(await count('staged_files', id)).toBe(1);
  });

  it('checks type, signature, size and id as party uploads are checked, storing nothing', async () => {
    const id = randomUUID();
    const put = (body: unknown, at: string = id) =>
      server.call('PUT', `/uploads/${at}`, { token: tokens.agent, body });
    const fake = await put({ filename: 'x.pdf', contentType: 'application/pdf', contentBase64: png() });
    expect(fake).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    expect((await put({ filename: 'x.html', contentType: 'text/html', contentBase64: 'PGI+' })).status).toBe(
      400,
    );
    expect((await put(upload('a/b.png'))).status).toBe(400);
    const tooBig = Buffer.alloc(4 * 1024 * 1024 + 1, 0x61).toString('base64');
    const big = await put({ filename: 'big.txt', contentType: 'text/plain', contentBase64: tooBig });
    expect(big).toMatchObject({ status: 413, body: { error: { code: 'too_large' } } });
    expect((await put(upload('a.png'), 'not-a-uuid')).status).toBe(400);
    expect((await put(upload('a.png'), id.toUpperCase())).status).toBe(400);
    expect(await count('staged_files', id)).toBe(0);
  });
});

describe('a reply or forward listing staged files', () => {
  it('binds the file to the new message; the audience decides who may download it', async () => {
    const toCustomer = await stage(tokens.agent, 'receipt.png');
    const toMerchant = await stage(tokens.agent, 'tracking.png');
    const res = await push(tokens.agent, [reply('att-r1', [toCustomer])]);
    expect(res.body.results).toEqual([{ id: 'att-r1', status: 'applied' }]);
    // Alone in its push (one mutation per transaction), then in a batch (applied in bulk).
    const batch = await push(tokens.agent, [
      forward('att-f1', [toMerchant]),
      { id: 'att-n1', name: 'dossier.note', args: { dossierId: dossier.id, body: 'Sent both.' } },
    ]);
    expect(batch.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    for (const file of [toCustomer, toMerchant]) {
      expect(await count('staged_files', file.id)).toBe(0);
      expect(await count('attachments', file.id)).toBe(1);
    }
    const seen = await server.call<DossierWithMessages>('GET', `/dossiers/${dossier.id}`, {
      token: tokens.agent,
    });
    const listed = seen.body.messages.filter((m) => m.attachments.length > 0 && m.author.role === 'agent');
    expect(listed.map((m) => [m.audience, m.attachments])).toEqual([
      ['customer', [toCustomer]],
      ['merchant', [toMerchant]],
    ]);
    const expected: [string, Attachment, number][] = [
      [tokens.alice, toCustomer, 200],
      [tokens.shop, toCustomer, 404],
      [tokens.agent, toCustomer, 200],
      [tokens.alice, toMerchant, 404],
      [tokens.shop, toMerchant, 200],
      [tokens.supervisor, toMerchant, 200],
      [tokens.bob, toCustomer, 404],
    ];
    for (const [token, file, status] of expected) {
      const got = await download(token, file.id);
      expect(got.status, file.filename).toBe(status);
      if (status === 200) expect(got.bytes).toBe(png(file.filename));
    }
  });

  it('refuses a file not staged, staged by someone else, or listed otherwise; the batch goes on', async () => {
    const mine = await stage(tokens.agent, 'mine.png');
    const theirs = await stage(tokens.agent2, 'theirs.png');
    const renamed = await stage(tokens.agent, 'renamed.png');
    const missing: Attachment = { id: randomUUID(), filename: 'x.png', contentType: 'image/png', size: 20 };
    const res = await push(tokens.agent, [
      reply('att-miss', [mine, missing]),
      reply('att-theirs', [theirs]),
      forward('att-renamed', [{ ...renamed, filename: 'other.png' }]),
      forward('att-resized', [{ ...renamed, size: renamed.size + 1 }]),
      reply('att-ok', [mine]),
      reply('att-again', [mine]),
    ]);
    const refusal = (file: Attachment) => ({
      status: 'rejected',
      error: {
        code: 'conflict',
        message: expect.stringContaining(file.id),
        details: { reason: 'attachment_not_uploaded', attachmentId: file.id },
      },
    });
    expect(res.body.results).toMatchObject([
      refusal(missing),
      refusal(theirs),
      refusal(renamed),
      refusal(renamed),
      { id: 'att-ok', status: 'applied' },
      // Bound by the mutation before it: a file goes with one message.
      refusal(mine),
    ]);
    expect(await count('staged_files', theirs.id)).toBe(1);
    expect(await count('staged_files', renamed.id)).toBe(1);
    expect(await count('attachments', renamed.id)).toBe(0);
    const events = await server.call<{
      items: { type: string; data: { origin?: { mutationId?: string } } }[];
    }>('GET', `/dossiers/${dossier.id}/events`, { token: tokens.agent });
    const rejected = events.body.items.filter((e) => e.type === 'mutation.rejected');
    expect(rejected.map((e) => e.data.origin?.mutationId)).toEqual(
      expect.arrayContaining(['att-miss', 'att-theirs', 'att-renamed', 'att-resized', 'att-again']),
    );
  });

  it('answers a replayed mutation duplicate, though its staged file is gone', async () => {
    const file = await stage(tokens.supervisor, 'replay.png');
    const mutation = reply('att-replay', [file], 'both');
    expect((await push(tokens.supervisor, [mutation])).body.results[0]?.status).toBe('applied');
    expect(await count('staged_files', file.id)).toBe(0);
    expect((await push(tokens.supervisor, [mutation])).body.results).toEqual([
      { id: 'att-replay', status: 'duplicate' },
    ]);
    const batch = await push(tokens.supervisor, [mutation, forward('att-replay-2', [file])], 'desk-2');
    expect(batch.body.results.map((r) => r.status)).toEqual(['duplicate', 'rejected']);
    // Sending the upload again after it was bound is harmless too.
    const again = await server.call('PUT', `/uploads/${file.id}`, {
      token: tokens.supervisor,
      body: upload('replay.png'),
    });
    expect(again).toMatchObject({ status: 200, body: file });
    expect(await count('staged_files', file.id)).toBe(0);
  });

  it('binds a file once when two mutations race for it', async () => {
    const file = await stage(tokens.agent, 'race.png');
    const answers = await Promise.all([
      push(tokens.agent, [reply('att-race-1', [file])], 'racer-1'),
      push(tokens.agent, [reply('att-race-2', [file])], 'racer-2'),
    ]);
    const statuses = answers.map((a) => a.body.results[0]?.status).sort();
    expect(statuses).toEqual(['applied', 'rejected']);
    expect(await count('attachments', file.id)).toBe(1);
  });

  it('refuses a file listed twice in one message', async () => {
    const file = await stage(tokens.agent, 'twice.png');
    const res = await push(tokens.agent, [reply('att-twice', [file, file])]);
    expect(res.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid_request', details: { reason: 'duplicate_attachment', attachmentId: file.id } },
    });
    expect(await count('staged_files', file.id)).toBe(1);
  });
});

describe('POST /dossiers/{id}/messages by staff', () => {
  it('takes files inline for the parties, and refuses them on an internal note', async () => {
    const post = (audience: string) =>
      server.call<DossierWithMessages>('POST', `/dossiers/${dossier.id}/messages`, {
        token: tokens.agent,
        body: { body: 'Pièce jointe.', audience, attachments: [upload('inline.png')] },
      });
    const note = await post('internal');
    expect(note).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    const res = await post('customer');
    expect(res.status).toBe(201);
    const file = res.body.messages.flatMap((m) => m.attachments).find((a) => a.filename === 'inline.png');
    expect(file).toMatchObject({ filename: 'inline.png', contentType: 'image/png' });
    expect(await download(tokens.alice, file?.id ?? '')).toEqual({ status: 200, bytes: png('inline.png') });
    expect((await download(tokens.shop, file?.id ?? '')).status).toBe(404);
  });
});
