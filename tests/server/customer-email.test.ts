import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeed } from '../../src-server/store/feed';
import type { DossierWithMessages } from '../../src-shared/contract/api';
import type { PullResponse, PushResponse, SyncChange } from '../../src-shared/contract/sync';
import { pullResponseSchema } from '../../src-shared/contract/sync';
import type { Dossier } from '../../src-shared/domain/model';
import { dossierSchema } from '../../src-shared/domain/model';
import type { TestServer, World } from './harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from './harness';
import { openStream } from './sse';

/**
 * The dossier's copy of its transaction carries the customer's e-mail address, taken at filing: staff
 * and the customer get it, a merchant never does — not in REST answers, not in its sync pull, not in
 * its stream (docs/api.md, Sessions and roles).
 */

let server: TestServer;
let world: World;
const tokens = {} as Record<keyof World['users'], string>;
/** Alice's address in the customers table: what the snapshot must carry. */
const address = 'alice@example.test';
let filed: Dossier;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  for (const [key, u] of Object.entries(world.users))
    tokens[key as keyof World['users']] = await server.signIn(u.email);
  filed = await fileClaim(server, tokens.alice, world.transactions.alice1);
  const taken = await push(tokens.agent, [
    { id: 'email-take', name: 'dossier.take_over', args: { dossierId: filed.id } },
  ]);
  expect(taken.body.results).toEqual([{ id: 'email-take', status: 'applied' }]);
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

/** The answer's text exactly as the server sent it, beside the checked call of `server.call`. */
async function rawText(path: string, token: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return res.text();
}

interface Pulled {
  changes: SyncChange[];
  texts: string[];
  cursor: string;
}

/** Every page from `cursor` on (none: from the start, a staff's snapshot first), as text too. */
async function pullAll(token: string, cursor?: string, limit = 2): Promise<Pulled> {
  const pulled: Pulled = { changes: [], texts: [], cursor: cursor ?? '' };
  for (;;) {
    const q = new URLSearchParams({
      limit: String(limit),
      ...(pulled.cursor ? { cursor: pulled.cursor } : {}),
    });
    const path = `/sync/pull?${q.toString()}`;
    const res = await server.call<PullResponse>('GET', path, { token });
    expect(res.status).toBe(200);
    expect(pullResponseSchema.parse(res.body)).toEqual(res.body);
    pulled.changes.push(...res.body.changes);
    // The same page read again as text (a pull changes nothing): what went over the wire.
    pulled.texts.push(await rawText(path, token));
    pulled.cursor = res.body.cursor;
    if (!res.body.hasMore) return pulled;
  }
}

const dossiersIn = (changes: SyncChange[]): Dossier[] =>
  changes.flatMap((c) => (c.entity === 'dossier' && c.op === 'put' ? [c.data] : []));

const push = (token: string, mutations: unknown[]) =>
  server.call<PushResponse>('POST', '/sync/push', { token, body: { clientId: 'desk-email', mutations } });

/** A staff change the merchant sees too: the dossier moves, and a message to both parties. */
async function replyToBoth(id: string, body: string): Promise<void> {
  const res = await push(tokens.agent, [
    { id, name: 'dossier.reply', args: { dossierId: filed.id, body, audience: 'both' } },
  ]);
  expect(res.body.results).toEqual([{ id, status: 'applied' }]);
}

describe("the customer's e-mail in the dossier's transaction", () => {
  it('is taken from the customers table at filing, and the customer gets it', async () => {
    expect(filed.transaction.customerEmail).toBe(address);
    const detail = await server.call<DossierWithMessages>('GET', `/dossiers/${filed.id}`, {
      token: tokens.alice,
    });
    expect(detail.body.transaction.customerEmail).toBe(address);
    const list = await server.call<{ items: Dossier[] }>('GET', '/dossiers', { token: tokens.alice });
    expect(list.body.items.find((d) => d.id === filed.id)?.transaction.customerEmail).toBe(address);
    const pulled = dossiersIn((await pullAll(tokens.alice)).changes);
    expect(pulled.map((d) => d.transaction.customerEmail)).toEqual([address]);
  });

  it('reaches staff in REST answers and in the sync pull, snapshot and later pages', async () => {
    const detail = await server.call<DossierWithMessages>('GET', `/dossiers/${filed.id}`, {
      token: tokens.agent,
    });
    expect(detail.body.transaction.customerEmail).toBe(address);
    const list = await server.call<{ items: Dossier[] }>('GET', '/dossiers', { token: tokens.supervisor });
    expect(list.body.items.find((d) => d.id === filed.id)?.transaction.customerEmail).toBe(address);

    const snapshot = await pullAll(tokens.agent);
    const first = dossiersIn(snapshot.changes);
    expect(first.map((d) => d.id)).toContain(filed.id);
    for (const d of first) expect(d.transaction.customerEmail).toBe(address);

    await replyToBoth('email-staff-1', 'Nous contactons le marchand.');
    const later = await pullAll(tokens.agent, snapshot.cursor);
    expect(later.cursor).toMatch(/^c1\./);
    const changed = dossiersIn(later.changes);
    expect(changed.map((d) => d.id)).toEqual([filed.id]);
    expect(changed[0]?.transaction.customerEmail).toBe(address);
    expect(later.texts.join('')).toContain(address);
  });

  it('never reaches the merchant: REST list, detail and answers, transactions, sync pages, stream', async () => {
    const token = tokens.shop;
    const stream = await openStream(server.url, token);
    await stream.until('poke', 1);
    const texts: string[] = [];

    const detail = await server.call<DossierWithMessages>('GET', `/dossiers/${filed.id}`, { token });
    expect(detail.status).toBe(200);
    expect(detail.body.transaction).not.toHaveProperty('customerEmail');
    expect(detail.body.transaction.customerName).toBe('Alice Martin');
    const list = await server.call<{ items: Dossier[] }>('GET', '/dossiers', { token });
    expect(list.body.items.map((d) => d.id)).toContain(filed.id);
    for (const d of list.body.items) expect(d.transaction).not.toHaveProperty('customerEmail');
    texts.push(
      await rawText(`/dossiers/${filed.id}`, token),
      await rawText('/dossiers', token),
      await rawText('/transactions', token),
    );

    const snapshot = await pullAll(token);
    expect(dossiersIn(snapshot.changes).map((d) => d.id)).toEqual([filed.id]);
    texts.push(...snapshot.texts);

    await replyToBoth('email-merchant-1', 'Pouvez-vous nous répondre ?');
    const answered = await server.call<DossierWithMessages>('POST', `/dossiers/${filed.id}/messages`, {
      token,
      body: { body: 'Colis renvoyé ce matin.' },
    });
    expect(answered.status).toBe(201);
    expect(answered.body.transaction).not.toHaveProperty('customerEmail');
    texts.push(JSON.stringify(answered.body));

    const later = await pullAll(token, snapshot.cursor);
    const changed = dossiersIn(later.changes);
    expect(changed.map((d) => d.id)).toEqual([filed.id]);
    for (const d of [...dossiersIn(snapshot.changes), ...changed])
      expect(d.transaction).not.toHaveProperty('customerEmail');
    texts.push(...later.texts);

    await stream.until('poke', 2);
    await stream.close();
    texts.push(JSON.stringify(stream.events));

    for (const text of texts) expect(text).not.toContain(address);
  });

  it("is removed from the merchant's feed by the database itself", async () => {
    const scope = { kind: 'merchant' as const, id: world.merchants.shop };
    const page = await readFeed(server.ctx.db, scope, 0n, 1_000);
    const dossiers = page.rows.filter((r) => r.entity === 'dossier');
    expect(dossiers.length).toBeGreaterThan(0);
    for (const r of dossiers) expect(r.data).not.toContain(address);
    // Staff documents go out as stored.
    const staff = await readFeed(server.ctx.db, { kind: 'staff' }, 0n, 1_000);
    expect(staff.rows.find((r) => r.entity === 'dossier')?.data).toContain(address);
  });

  it('stays optional: a dossier stored before it still parses and syncs', async () => {
    await server.ctx.db.query(
      `update dossiers set data = data #- '{transaction,customerEmail}' where id = $1`,
      [filed.id],
    );
    const detail = await server.call<DossierWithMessages>('GET', `/dossiers/${filed.id}`, {
      token: tokens.agent,
    });
    expect(detail.status).toBe(200);
    expect(detail.body.transaction).not.toHaveProperty('customerEmail');
    expect(() => dossierSchema.parse(detail.body)).not.toThrow();
    const merchant = await server.call<DossierWithMessages>('GET', `/dossiers/${filed.id}`, {
      token: tokens.shop,
    });
    expect(merchant.status).toBe(200);
    const pulled = await pullAll(tokens.shop);
    expect(dossiersIn(pulled.changes).map((d) => d.id)).toEqual([filed.id]);
  });
});
