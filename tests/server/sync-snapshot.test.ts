import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src-server/services/auth';
import { recordChanges } from '../../src-server/store/changes';
import { insertTransaction } from '../../src-server/store/people';
import type { PullResponse, PushResponse, SyncChange } from '../../src-shared/contract/sync';
import { pullResponseSchema } from '../../src-shared/contract/sync';
import type { Dossier } from '../../src-shared/domain/model';
import type { TestServer, World } from './harness';
import { buildWorld, dropTestDatabases, startTestServer } from './harness';

/**
 * The staff's first sync is a snapshot first — users, merchants, the open dossiers, then the rest of
 * the log as it was when it began — and then the ordinary log (docs/sync.md, "The first sync"). What
 * must hold whatever is committed between its pages: no change skipped, a cursor never ahead of what
 * it covers, an end equal to the server's view; and `remaining` exact when nothing is committed.
 */

let server: TestServer;
let world: World;
const tokens = {} as Record<keyof World['users'], string>;
/** Transactions with no dossier yet, to file new claims on. */
const spare: { id: string; customer: 'alice' | 'bob' }[] = [];
let mutationCount = 0;

type Local = Map<string, unknown>;
const keyOf = (c: { entity: string; id: string }) => `${c.entity}:${c.id}`;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  for (const [who, u] of Object.entries(world.users))
    tokens[who as keyof World['users']] = await server.signIn(u.email);
  const { db } = server.ctx;
  // Merchants are synced to the back office (the seed puts them in the log; buildWorld does not).
  await recordChanges(
    db,
    Object.values(world.merchants).map((id) => ({
      entity: 'merchant' as const,
      id,
      visibleTo: 'staff' as const,
      customerId: null,
      merchantId: null,
    })),
  );
  for (let i = 0; i < 200; i++) {
    const customer = i % 2 === 0 ? 'alice' : 'bob';
    const id = `t-snap-${String(i).padStart(3, '0')}`;
    await insertTransaction(db, {
      id,
      amount: 1_000 + i,
      currency: 'EUR',
      occurredAt: '2026-06-25T10:00:00.000Z',
      orderReference: `ORD-${id}`,
      merchantId: i % 3 === 0 ? world.merchants.silent : world.merchants.shop,
      customerId: world.customers[customer],
    });
    spare.push({ id, customer });
  }
  // Sixteen dossiers, every third closed, some with a reply or a note: open and closed ones, their
  // messages and events interleaved in the log.
  for (let i = 0; i < 16; i++) {
    const d = await file();
    if (i % 4 === 1) await push(tokens.agent, 'dossier.note', { dossierId: d.id, body: `Note ${i}` });
    if (i % 4 === 2)
      await push(tokens.agent, 'dossier.reply', {
        dossierId: d.id,
        body: `Réponse ${i}`,
        audience: 'customer',
      });
    if (i % 3 === 0) await push(tokens.agent, 'dossier.close', { dossierId: d.id, summary: 'Settled.' });
  }
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

async function file(): Promise<Dossier> {
  const t = spare.shift();
  if (!t) throw new Error('no transaction left to file a claim on');
  const res = await server.call<Dossier>('POST', '/dossiers', {
    token: tokens[t.customer],
    body: {
      transactionId: t.id,
      subject: Number(t.id.slice(-2)) % 2 === 0 ? 'delivery' : 'payment',
      reason: 'not_received',
      merchantContact: 'merchant_no_answer',
      description: 'Never arrived.',
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function push(token: string, name: string, args: Record<string, unknown>): Promise<void> {
  mutationCount += 1;
  const res = await server.call<PushResponse>('POST', '/sync/push', {
    token,
    body: { clientId: 'snapshot-test', mutations: [{ id: `snap-${mutationCount}`, name, args }] },
  });
  expect(res.status).toBe(200);
}

async function pullPage(token: string, cursor: string | undefined, limit: number): Promise<PullResponse> {
  const q = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
  const res = await server.call<PullResponse>('GET', `/sync/pull?${q.toString()}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const page = res.body;
  // The body is written by hand (services/sync.ts `pullBody`): it must be the contract's shape.
  expect(pullResponseSchema.parse(page)).toEqual(page);
  expect(page.cursor.length).toBeLessThanOrEqual(200);
  expect(page.changes.length).toBeLessThanOrEqual(limit);
  if (page.hasMore) expect(page.remaining).toBeGreaterThan(0);
  else expect(page.remaining).toBe(0);
  return page;
}

/** A quiet pull to the end: its pages, and the cursor each one came with. */
async function pullAll(token: string, limit: number, cursor?: string): Promise<PullResponse[]> {
  const pages: PullResponse[] = [];
  let at = cursor;
  for (;;) {
    const page = await pullPage(token, at, limit);
    pages.push(page);
    at = page.cursor;
    if (!page.hasMore) return pages;
  }
}

function apply(local: Local, changes: readonly SyncChange[]): void {
  for (const c of changes) {
    if (c.op === 'delete') local.delete(keyOf(c));
    else local.set(keyOf(c), c.data);
  }
}

/** The server's current view for staff, straight from the entity tables (not through the feed). */
async function truth(): Promise<Local> {
  const { db } = server.ctx;
  const view: Local = new Map();
  const tables = [
    ['dossier', 'select id, data from dossiers'],
    ['message', 'select id, data from messages'],
    ['event', 'select id, data from audit_events'],
    [
      'user',
      `select id, jsonb_build_object('id', id, 'name', name, 'email', email, 'role', role, 'absent', absent) as data
       from users where role in ('agent', 'supervisor')`,
    ],
    [
      'merchant',
      `select id, jsonb_build_object('id', id, 'name', name, 'email', email, 'emailValid', email_valid,
                                     'language', language) as data
       from merchants`,
    ],
  ] as const;
  for (const [entity, sql] of tables)
    for (const r of await db.query<{ id: string; data: unknown }>(sql)) view.set(`${entity}:${r.id}`, r.data);
  return view;
}

const seqOf = (cursor: string): bigint => {
  expect(cursor).toMatch(/^c1\.[0-9a-z]{1,12}$/);
  let seq = 0n;
  for (const ch of cursor.slice(3)) seq = seq * 36n + BigInt(parseInt(ch, 36));
  return seq;
};

/** A log cursor covers every entity the log places at or before it: the client has it as it is now. */
async function expectCovered(local: Local, cursor: string): Promise<void> {
  const covered = await server.ctx.db.query<{ entity: string; entity_id: string }>(
    'select entity, entity_id from changes where seq <= $1::bigint',
    [seqOf(cursor).toString()],
  );
  const now = await truth();
  const behind = covered
    .map((r) => `${r.entity}:${r.entity_id}`)
    .filter((k) => !isDeepStrictEqual(local.get(k), now.get(k)));
  expect(behind, `the cursor ${cursor} is ahead of these`).toEqual([]);
}

/** Changes made by other people: new claims, replies, notes, closes, reopens, assignments, tags, staff. */
async function someoneChangesSomething(random: () => number): Promise<void> {
  const dossiers = await server.ctx.db.query<{ id: string; status: string }>(
    'select id, status from dossiers order by id',
  );
  const open = dossiers.filter((d) => d.status !== 'closed');
  const closed = dossiers.filter((d) => d.status === 'closed');
  const pick = <T>(xs: T[]): T | undefined => xs[Math.floor(random() * xs.length)];
  const roll = random();
  const target = pick(open);
  if (roll < 0.03) {
    mutationCount += 1;
    await createAccount(server.ctx, {
      email: `agent-${mutationCount}@test.klikpay`,
      name: `Agent ${mutationCount}`,
      role: 'agent',
      password: 'demo-password',
    });
  } else if (roll < 0.2 && spare.length > 0) await file();
  else if (roll < 0.35 && closed.length > 0) {
    const d = pick(closed);
    if (d) await push(tokens.supervisor, 'dossier.reopen', { dossierId: d.id, reason: 'New evidence' });
  } else if (!target) await file();
  else if (roll < 0.5) await push(tokens.agent, 'dossier.close', { dossierId: target.id, summary: 'Done.' });
  else if (roll < 0.6)
    await push(tokens.supervisor, 'dossier.assign', {
      dossierId: target.id,
      assigneeId: world.users.agent2.id,
    });
  else if (roll < 0.7) await push(tokens.agent, 'dossier.take_over', { dossierId: target.id });
  else if (roll < 0.8)
    await push(tokens.agent, 'dossier.tag', { dossierId: target.id, tags: [`t${mutationCount}`] });
  else if (roll < 0.9)
    await push(tokens.agent, 'dossier.reply', {
      dossierId: target.id,
      body: 'Nous regardons.',
      audience: 'both',
    });
  else await push(tokens.agent, 'dossier.note', { dossierId: pick(dossiers)?.id ?? target.id, body: 'Vu.' });
}

/** A small deterministic generator (mulberry32): a failing seed replays the same history. */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a staff first sync, when nothing changes meanwhile', () => {
  it('sends users, merchants and every open dossier first, then the rest of the log in commit order, each once', async () => {
    const pages = await pullAll(tokens.agent, 4);
    const changes = pages.flatMap((p) => p.changes);
    expect(pages[0]?.cursor).toMatch(/^s1\./);
    expect(pages.at(-1)?.cursor).toMatch(/^c1\./);
    const keys = changes.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    const now = await truth();
    expect(new Set(keys)).toEqual(new Set(now.keys()));

    const isOpenDossier = (c: SyncChange) =>
      c.entity === 'dossier' && c.op === 'put' && c.data.status !== 'closed';
    const phaseOf = (c: SyncChange) =>
      c.entity === 'user' ? 0 : c.entity === 'merchant' ? 1 : isOpenDossier(c) ? 2 : 3;
    const phases = changes.map(phaseOf);
    expect(phases).toEqual([...phases].sort((a, b) => a - b));
    const openNow = [...now].filter(
      ([k, d]) => k.startsWith('dossier:') && (d as Dossier).status !== 'closed',
    );
    expect(changes.filter(isOpenDossier)).toHaveLength(openNow.length);
    expect(openNow.length).toBeGreaterThan(5);
    const lastOpen = changes.findLastIndex(isOpenDossier);
    expect(lastOpen).toBeLessThan(changes.findIndex((c) => c.entity === 'message'));
    expect(lastOpen).toBeLessThan(changes.findIndex((c) => c.entity === 'event'));

    // The rest comes in commit order, and the last cursor is the end of the log.
    const seqs = new Map(
      (
        await server.ctx.db.query<{ entity: string; entity_id: string; seq: string }>(
          'select entity, entity_id, seq::text as seq from changes',
        )
      ).map((r) => [`${r.entity}:${r.entity_id}`, BigInt(r.seq)]),
    );
    const rest = changes.filter((c) => phaseOf(c) === 3).map((c) => seqs.get(keyOf(c)) ?? -1n);
    expect(rest).toEqual([...rest].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const max = [...seqs.values()].reduce((a, b) => (a > b ? a : b), 0n);
    expect(seqOf(pages.at(-1)?.cursor ?? '')).toBe(max);
  });

  it('says exactly how many changes remain, page after page', async () => {
    for (const limit of [1, 3, 7, 1000]) {
      const pages = await pullAll(tokens.agent2, limit);
      const sizes = pages.map((p) => p.changes.length);
      const total = sizes.reduce((a, b) => a + b, 0);
      expect((pages[0]?.changes.length ?? 0) + (pages[0]?.remaining ?? -1)).toBe(total);
      pages.forEach((p, i) => {
        expect(p.remaining, `page ${i} of ${pages.length} by ${limit}`).toBe(
          sizes.slice(i + 1).reduce((a, b) => a + b, 0),
        );
      });
    }
  });

  it('goes on from any cursor it gave, to the same end', async () => {
    const pages = await pullAll(tokens.agent, 3);
    const all = pages.flatMap((p) => p.changes.map(keyOf));
    expect(pages.filter((p) => p.cursor.startsWith('s1.')).length).toBeGreaterThan(10);
    let before = 0;
    for (const [i, page] of pages.entries()) {
      before += page.changes.length;
      const resumed = await pullAll(tokens.agent, 5 + (i % 3), page.cursor);
      expect(resumed.flatMap((p) => p.changes.map(keyOf))).toEqual(all.slice(before));
    }
  });
});

describe('a staff first sync while others work', () => {
  it.each([11, 23, 47])(
    'ends with exactly the server’s view, its log cursors never ahead (history %i)',
    async (seed) => {
      const random = generator(seed);
      const local: Local = new Map();
      let cursor: string | undefined;
      let snapshotPages = 0;
      for (let page = 0; ; page++) {
        // Small pages, now and then a large one (that may go from the snapshot into what changed since).
        const limit = random() < 0.15 ? 40 : 3 + Math.floor(random() * 5);
        const answer = await pullPage(tokens.supervisor, cursor, limit);
        apply(local, answer.changes);
        cursor = answer.cursor;
        if (cursor.startsWith('s1.')) snapshotPages += 1;
        // Nothing was committed since this page was read: a log cursor must be covered now.
        else await expectCovered(local, cursor);
        if (page < 30) {
          for (let n = 1 + Math.floor(random() * 2); n > 0; n--) await someoneChangesSomething(random);
        } else if (!answer.hasMore) break;
      }
      expect(snapshotPages).toBeGreaterThan(5);
      expect(local).toEqual(await truth());
      // A fresh first sync agrees.
      const fresh: Local = new Map();
      for (const p of await pullAll(tokens.agent2, 10_000)) apply(fresh, p.changes);
      expect(fresh).toEqual(local);
    },
  );

  it('resumed from a cursor kept mid-snapshot, after others worked, ends with the server’s view', async () => {
    const random = generator(5);
    const first = await pullAll(tokens.agent, 4);
    const snapshot = first.filter((p) => p.cursor.startsWith('s1.'));
    for (const stop of [1, Math.floor(snapshot.length / 2), snapshot.length - 1]) {
      const local: Local = new Map();
      let cursor: string | undefined;
      for (let i = 0; i < stop; i++) {
        const page = await pullPage(tokens.agent, cursor, 4);
        apply(local, page.changes);
        cursor = page.cursor;
      }
      expect(cursor).toMatch(/^s1\./);
      for (let n = 0; n < 6; n++) await someoneChangesSomething(random);
      for (const page of await pullAll(tokens.agent, 6, cursor)) apply(local, page.changes);
      expect(local).toEqual(await truth());
    }
  });

  it('sends a dossier again when it changes after the snapshot sent it: the latest state wins', async () => {
    const open = (await file()).id;
    const tagged = (await file()).id;
    const closed = (await file()).id;
    await push(tokens.agent, 'dossier.close', { dossierId: closed, summary: 'Settled.' });
    const local: Local = new Map();
    const sent: SyncChange[] = [];
    let cursor: string | undefined;
    // Until the snapshot has sent both open dossiers (and not yet the closed one: it comes after).
    const seen = (id: string) => sent.some((c) => c.entity === 'dossier' && c.id === id);
    while (!seen(open) || !seen(tagged)) {
      const page = await pullPage(tokens.agent2, cursor, 2);
      sent.push(...page.changes);
      apply(local, page.changes);
      cursor = page.cursor;
    }
    expect(cursor).toMatch(/^s1\./);
    expect(seen(closed)).toBe(false);
    await push(tokens.agent, 'dossier.close', { dossierId: open, summary: 'Closed meanwhile.' });
    await push(tokens.agent, 'dossier.tag', { dossierId: tagged, tags: ['meanwhile'] });
    await push(tokens.supervisor, 'dossier.reopen', { dossierId: closed, reason: 'Reopened meanwhile.' });
    // The rest page by page, or in one page that goes from the snapshot into the changes made since.
    for (const limit of [3, 1000]) {
      const rest = (await pullAll(tokens.agent2, limit, cursor)).flatMap((p) => p.changes);
      const all = [...sent, ...rest];
      const puts = (id: string) =>
        all.flatMap((c) => (c.entity === 'dossier' && c.id === id && c.op === 'put' ? [c.data] : []));
      expect(puts(open)).toHaveLength(2);
      expect(puts(open).at(-1)?.status).toBe('closed');
      expect(puts(tagged)).toHaveLength(2);
      expect(puts(tagged).at(-1)?.tags).toEqual(['meanwhile']);
      expect(puts(closed).at(-1)?.status).not.toBe('closed');
      const mine = new Map(local);
      apply(mine, rest);
      expect(mine).toEqual(await truth());
    }
  });
});

describe('deltas and parties', () => {
  it('counts what remains after an ordinary cursor, exactly', async () => {
    const pages = await pullAll(tokens.agent, 10_000);
    const cursor = pages.at(-1)?.cursor ?? '';
    const random = generator(99);
    for (let n = 0; n < 8; n++) await someoneChangesSomething(random);
    const delta = await pullAll(tokens.agent, 2, cursor);
    const sizes = delta.map((p) => p.changes.length);
    expect(delta.every((p) => p.cursor.startsWith('c1.'))).toBe(true);
    expect(sizes.length).toBeGreaterThan(2);
    delta.forEach((p, i) => {
      expect(p.remaining).toBe(sizes.slice(i + 1).reduce((a, b) => a + b, 0));
    });
  });

  it('gives customers and merchants their plain feed, never staff rows, and never a snapshot cursor', async () => {
    const internal = 'Note interne du test de snapshot';
    const [d] = await server.ctx.db.query<{ id: string }>(
      "select id from dossiers where customer_id = 'c-alice' and merchant_id = 'm-shop' and status <> 'closed' order by id limit 1",
    );
    if (!d) throw new Error('alice has no dossier with the shop');
    await push(tokens.agent, 'dossier.note', { dossierId: d.id, body: internal });
    const staffCursor = (await pullPage(tokens.agent, undefined, 2)).cursor;
    expect(staffCursor).toMatch(/^s1\./);
    for (const who of ['alice', 'shop'] as const) {
      const pages = await pullAll(tokens[who], 3);
      expect(pages.every((p) => p.cursor.startsWith('c1.'))).toBe(true);
      const changes = pages.flatMap((p) => p.changes);
      expect(changes.length).toBeGreaterThan(0);
      expect(changes.every((c) => c.entity === 'dossier' || c.entity === 'message')).toBe(true);
      expect(JSON.stringify(changes)).not.toContain(internal);
      const sizes = pages.map((p) => p.changes.length);
      expect((pages[0]?.remaining ?? -1) + (sizes[0] ?? 0)).toBe(sizes.reduce((a, b) => a + b, 0));
      for (const c of changes) {
        if (c.entity === 'message' && c.op === 'put')
          expect(['both', who === 'alice' ? 'customer' : 'merchant']).toContain(c.data.audience);
        if (c.entity === 'dossier' && c.op === 'put') {
          expect(c.data.tags).toEqual([]);
          if (who === 'alice') expect(c.data.transaction.customerId).toBe(world.customers.alice);
          else expect(c.data.transaction.merchantId).toBe(world.merchants.shop);
        }
      }
      const refused = await server.call('GET', `/sync/pull?cursor=${encodeURIComponent(staffCursor)}`, {
        token: tokens[who],
      });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: { code: 'invalid_request' } });
    }
  });

  it('refuses a snapshot cursor the server did not give', async () => {
    const good = (await pullPage(tokens.agent, undefined, 1)).cursor;
    const [, phase, key, upTo, total, sent] = good.split('.');
    expect(phase).toBe('u');
    const forged = [
      `s1.x.${key}.${upTo}.${total}.${sent}`,
      `s1.u.${key}.${upTo}.${total}`,
      `s1.u.${key}.${upTo}.${total}.${sent}.0`,
      `s1.u.bad!id.${upTo}.${total}.${sent}`,
      `s1.o.${'x'.repeat(65)}.${upTo}.${total}.${sent}`,
      `s1.u.${key}.zzzzzzzzzzzzz.${total}.${sent}`,
      `s1.u.${key}.-1.${total}.${sent}`,
      `s1.u.${key}.${upTo}.zzzzzzzzzzz.${sent}`,
      `s1.u.${key}.${upTo}.${total}.`,
      `s1.l.zzzzzzzzzzzz.${upTo}.${total}.${sent}`,
      `s1.l.A1.${upTo}.${total}.${sent}`,
      `s2.u.${key}.${upTo}.${total}.${sent}`,
      'c1.',
    ];
    for (const cursor of forged) {
      const res = await server.call('GET', `/sync/pull?cursor=${encodeURIComponent(cursor)}`, {
        token: tokens.agent,
      });
      expect(res.status, cursor).toBe(400);
      expect(res.body, cursor).toMatchObject({ error: { code: 'invalid_request' } });
    }
    for (const cursor of [good, `s1.o..${upTo}.${total}.0`, `s1.l..${upTo}.${total}.${total}`]) {
      const res = await server.call('GET', `/sync/pull?cursor=${encodeURIComponent(cursor)}`, {
        token: tokens.agent,
      });
      expect(res.status, cursor).toBe(200);
    }
  });
});

describe('the size of the log (what a snapshot’s total is read from)', () => {
  // Last in this file: it deletes from the log.
  it('is kept by the database through inserts, moves, deletes and truncation', async () => {
    const { db } = server.ctx;
    const sizes = async () =>
      (
        await db.query<{ kept: string; counted: string }>(
          `select (select entries from change_log_size)::text as kept, (select count(*) from changes)::text as counted`,
        )
      )[0];
    const before = await sizes();
    expect(before?.kept).toBe(before?.counted);
    expect(Number(before?.kept)).toBeGreaterThan(100);
    await db.query(
      "delete from changes where seq in (select seq from changes where entity = 'event' limit 3)",
    );
    const afterDelete = await sizes();
    expect(afterDelete?.kept).toBe(afterDelete?.counted);
    expect(Number(afterDelete?.kept)).toBe(Number(before?.kept) - 3);
    await db.exec('truncate changes');
    expect(await sizes()).toEqual({ kept: '0', counted: '0' });
  });
});
