import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordChanges } from '../../src-server/store/changes';
import type { ApiError } from '../../src-shared/contract/errors';
import type { PullResponse, SyncChange } from '../../src-shared/contract/sync';
import { pullResponseSchema } from '../../src-shared/contract/sync';
import type { Macro, TeamView } from '../../src-shared/domain/team';
import { teamItemLimits } from '../../src-shared/domain/team';
import type { TestServer, World } from './harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from './harness';
import { openStream } from './sse';

/**
 * The team's shared views and macros (`/team/views`, `/team/macros`): who may save and delete
 * them, what is refused and why, and how they reach every back office — and no party — through
 * the sync feed (docs/api.md, Team; docs/sync.md).
 */

let server: TestServer;
let world: World;
const tokens = {} as Record<keyof World['users'], string>;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  for (const [who, u] of Object.entries(world.users))
    tokens[who as keyof World['users']] = await server.signIn(u.email);
  // Merchants in the log (as the seed puts them), and open dossiers: the snapshot's other phases.
  await recordChanges(
    server.ctx.db,
    Object.values(world.merchants).map((id) => ({
      entity: 'merchant' as const,
      id,
      visibleTo: 'staff' as const,
      customerId: null,
      merchantId: null,
    })),
  );
  await fileClaim(server, tokens.alice, world.transactions.alice1);
  await fileClaim(server, tokens.bob, world.transactions.bob1);
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

type Kind = 'views' | 'macros';
const view = (name: string, over: object = {}) => ({
  name,
  queue: 'awaiting_klikpay',
  filter: { subjects: ['delivery'] },
  sort: { key: 'urgency', direction: 'asc' },
  ...over,
});
const macro = (name: string, over: object = {}) => ({
  name,
  letter: { id: 'good_practices_reminder', audience: 'merchant' },
  tags: ['relance'],
  followUp: 'inAWeek',
  finish: { kind: 'take' },
  ...over,
});
const put = <T = TeamView & Macro>(kind: Kind, id: string, body: unknown, token?: string) =>
  server.call<T>('PUT', `/team/${kind}/${id}`, { token, body });
const remove = (kind: Kind, id: string, token?: string) =>
  server.call<ApiError | null>('DELETE', `/team/${kind}/${id}`, { token });
const refusal = (res: { body: unknown }) => (res.body as ApiError).error;

let now = Date.parse('2026-07-13T08:00:00.000Z');
/** Moves the server's clock a few minutes on (sessions last 12 hours: they stay valid). */
async function later(minutes = 5): Promise<string> {
  now += minutes * 60_000;
  const at = new Date(now).toISOString();
  expect((await server.call('POST', '/test/clock', { body: { now: at } })).status).toBe(200);
  return at;
}

async function lastSeq(): Promise<string> {
  const [row] = await server.ctx.db.query<{ seq: string }>(
    'select coalesce(max(seq), 0)::text as seq from changes',
  );
  return row?.seq ?? '';
}

async function pullAll(token: string, limit = 1000, cursor?: string): Promise<PullResponse[]> {
  const pages: PullResponse[] = [];
  for (let at = cursor; ;) {
    const q = new URLSearchParams({ limit: String(limit), ...(at ? { cursor: at } : {}) });
    const res = await server.call<PullResponse>('GET', `/sync/pull?${q.toString()}`, { token });
    expect(res.status).toBe(200);
    expect(pullResponseSchema.parse(res.body)).toEqual(res.body);
    pages.push(res.body);
    at = res.body.cursor;
    if (!res.body.hasMore) return pages;
  }
}
const isTeam = (c: SyncChange) => c.entity === 'team_view' || c.entity === 'macro';

describe('who may save, read and delete', () => {
  it('lets supervisors alone save and delete shared views, and staff alone read them', async () => {
    const id = randomUUID();
    for (const who of ['agent', 'alice', 'shop'] as const) {
      const res = await put('views', id, view('Livraisons'), tokens[who]);
      expect(res.status, who).toBe(403);
      expect(refusal(res).code).toBe('forbidden');
    }
    expect((await put('views', id, view('Livraisons'))).status).toBe(401);
    const saved = await put('views', id, view('Livraisons'), tokens.supervisor);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      id,
      ...view('Livraisons'),
      createdBy: world.users.supervisor.id,
      updatedAt: new Date(now).toISOString(),
    });
    const listed = await server.call<{ views: TeamView[] }>('GET', '/team/views', { token: tokens.agent });
    expect(listed.body.views).toContainEqual(saved.body);
    for (const who of ['alice', 'shop'] as const) {
      expect((await server.call('GET', '/team/views', { token: tokens[who] })).status).toBe(403);
      expect((await server.call('GET', '/team/macros', { token: tokens[who] })).status).toBe(403);
    }
    expect((await remove('views', id, tokens.agent)).status).toBe(403);
    expect((await remove('views', id, tokens.supervisor)).status).toBe(204);
  });

  it('lets any staff create a macro; only its author or a supervisor change it, and the author stays', async () => {
    const id = randomUUID();
    const created = await put('macros', id, macro('Relance'), tokens.agent);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ id, createdBy: world.users.agent.id });
    expect((await put('macros', randomUUID(), macro('Partie'), tokens.shop)).status).toBe(403);
    const other = await put('macros', id, macro('Relance', { tags: ['x'] }), tokens.agent2);
    expect(other.status).toBe(403);
    expect(refusal(other).message).toMatch(/author .* or a supervisor/);
    expect((await remove('macros', id, tokens.agent2)).status).toBe(403);

    const at = await later();
    const edited = await put('macros', id, macro('Relance', { tags: ['urgent'] }), tokens.supervisor);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ createdBy: world.users.agent.id, updatedAt: at, tags: ['urgent'] });
    expect((await put('macros', id, macro('Relance'), tokens.agent)).body.createdBy).toBe(
      world.users.agent.id,
    );
    const listed = await server.call<{ macros: Macro[] }>('GET', '/team/macros', { token: tokens.agent2 });
    expect(listed.body.macros.find((m) => m.id === id)?.tags).toEqual(['relance']);
    expect((await remove('macros', id, tokens.agent)).status).toBe(204);
  });
});

describe('what is refused', () => {
  it('answers 400 in the shared schemas’ words, and stores nothing', async () => {
    const before = await lastSeq();
    const doesNothing = { letter: null, tags: [], followUp: null, finish: { kind: 'none' } };
    const toCustomer = { letter: { id: 'good_practices_reminder', audience: 'customer' } };
    const cases: [Kind, unknown, string, string | RegExp][] = [
      ['macros', macro('Rien', doesNothing), 'body', 'a macro does at least one thing'],
      ['macros', macro('Lettre', toCustomer), 'body.letter.audience', 'this letter goes to the merchant'],
      [
        'macros',
        macro('Clôture', { finish: { kind: 'close', summary: 'Réglé.' } }),
        'body.followUp',
        'a follow-up ends when the dossier closes',
      ],
      ['views', view('   '), 'body.name', /./],
      ['views', view('Trop', { owner: 'me' }), 'body', /owner/],
      // NUL, which PostgreSQL refuses in text (it answered 500): the shared schemas' written text.
      ['macros', macro('\u0000'), 'body.name', /^must not contain control characters/],
      ['views', view('Vue\u0007'), 'body.name', /control characters/],
      // An id in capitals: only the lowercase form is one.
      ['views', view('Majuscules'), 'params.id', 'a lowercase UUID'],
      // Dossiers are given to staff: not to a customer, a merchant, or no one the server knows.
      ...['u-alice', 'u-shop', 'u-nobody'].map((assigneeId): [Kind, unknown, string, string] => [
        'macros',
        macro(`Donner à ${assigneeId}`, { finish: { kind: 'assign', assigneeId } }),
        'body.finish.assigneeId',
        'not a member of the staff',
      ]),
    ];
    for (const [kind, body, path, message] of cases) {
      const id = path === 'params.id' ? randomUUID().toUpperCase() : randomUUID();
      const res = await put(kind, id, body, tokens.supervisor);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(refusal(res).code).toBe('invalid_request');
      expect(refusal(res).details).toContainEqual({ path, message: expect.stringMatching(message) });
    }
    expect(await lastSeq()).toBe(before);
  });

  it('takes a macro that gives dossiers to an agent, a supervisor or no one', async () => {
    for (const assigneeId of [world.users.agent2.id, world.users.supervisor.id, null]) {
      const body = macro(`Donner à ${assigneeId ?? 'personne'}`, { finish: { kind: 'assign', assigneeId } });
      const res = await put('macros', randomUUID(), body, tokens.agent);
      expect(res.status, String(assigneeId)).toBe(200);
      expect((await remove('macros', res.body.id, tokens.agent)).status).toBe(204);
    }
  });

  it('keeps names unique per kind, case, accents and spaces aside', async () => {
    const id = randomUUID();
    expect((await put('views', id, view('Litiges urgents'), tokens.supervisor)).status).toBe(200);
    for (const name of ['  LITIGES   urgents ', 'Litigés Urgents']) {
      const res = await put('views', randomUUID(), view(name), tokens.supervisor);
      expect(res.status, name).toBe(409);
      expect(refusal(res)).toMatchObject({
        code: 'conflict',
        message: expect.stringContaining('"Litiges urgents"'),
      });
    }
    // A macro may bear a view's name; a view may be renamed as it reads the same.
    expect((await put('macros', randomUUID(), macro('Litiges urgents'), tokens.agent)).status).toBe(200);
    expect((await put('macros', randomUUID(), macro('LITIGES URGENTS'), tokens.agent2)).status).toBe(409);
    const renamed = await put('views', id, view('litiges URGENTS'), tokens.supervisor);
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('litiges URGENTS');
  });

  it('lets an id name one kind only', async () => {
    const viewId = randomUUID();
    const macroId = randomUUID();
    expect((await put('views', viewId, view('Par montant'), tokens.supervisor)).status).toBe(200);
    expect((await put('macros', macroId, macro('Par montant'), tokens.supervisor)).status).toBe(200);
    expect(refusal(await put('macros', viewId, macro('Autre'), tokens.supervisor)).code).toBe('conflict');
    expect(refusal(await put('views', macroId, view('Autre'), tokens.supervisor)).code).toBe('conflict');
    expect((await remove('macros', viewId, tokens.supervisor)).status).toBe(404);
    expect((await remove('views', macroId, tokens.supervisor)).status).toBe(404);
    expect((await remove('views', randomUUID(), tokens.supervisor)).status).toBe(404);
    expect((await remove('macros', randomUUID(), tokens.agent)).status).toBe(404);
  });
});

describe('saving again, listing, deleting', () => {
  it('answers the same fields again with the item as stored, writing nothing', async () => {
    const id = randomUUID();
    const first = await put('macros', id, macro('Idempotente', { tags: ['Relance '] }), tokens.agent);
    expect(first.body.tags).toEqual(['relance']);
    const seq = await lastSeq();
    await later();
    for (const tags of [['relance'], ['Relance ']]) {
      const again = await put('macros', id, macro('Idempotente', { tags }), tokens.agent);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
    }
    expect(await lastSeq()).toBe(seq);
  });

  it('lists by name as people read it; deletes once (204), then 404', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const [i, name] of ['beta', 'Échéances', 'Alpha'].entries())
      expect((await put('views', ids[i] ?? '', view(name), tokens.supervisor)).status).toBe(200);
    const listed = await server.call<{ views: TeamView[] }>('GET', '/team/views', { token: tokens.agent });
    const names = listed.body.views.map((v) => v.name);
    expect(names.filter((n) => ['beta', 'Échéances', 'Alpha'].includes(n))).toEqual([
      'Alpha',
      'beta',
      'Échéances',
    ]);
    expect((await remove('views', ids[0] ?? '', tokens.supervisor)).status).toBe(204);
    expect((await remove('views', ids[0] ?? '', tokens.supervisor)).status).toBe(404);
    const after = await server.call<{ views: TeamView[] }>('GET', '/team/views', { token: tokens.agent });
    expect(after.body.views.map((v) => v.id)).not.toContain(ids[0]);
  });
});

describe('in the sync feed', () => {
  it('reaches staff after their cursor (a deletion as a delete change), and pokes staff only', async () => {
    const gone = randomUUID();
    expect((await put('macros', gone, macro('À supprimer'), tokens.agent)).status).toBe(200);
    const cursor = (await pullAll(tokens.agent)).at(-1)?.cursor;
    const partyCursors = await Promise.all(
      (['alice', 'shop'] as const).map(async (who) => (await pullAll(tokens[who])).at(-1)?.cursor),
    );
    const staffStream = await openStream(server.url, tokens.agent2);
    const aliceStream = await openStream(server.url, tokens.alice);
    await staffStream.until('poke', 1);
    await aliceStream.until('poke', 1);

    const m = await put('macros', randomUUID(), macro('Nouvelle'), tokens.agent2);
    const v = await put('views', randomUUID(), view('Nouvelle'), tokens.supervisor);
    expect((await remove('macros', gone, tokens.supervisor)).status).toBe(204);
    await staffStream.until('poke', 4);
    const changes = (await pullAll(tokens.agent, 1000, cursor)).flatMap((p) => p.changes);
    expect(changes).toEqual([
      { entity: 'macro', id: m.body.id, op: 'put', data: m.body },
      { entity: 'team_view', id: v.body.id, op: 'put', data: v.body },
      { entity: 'macro', id: gone, op: 'delete', data: null },
    ]);
    expect(aliceStream.count('poke')).toBe(1);
    await Promise.all([staffStream.close(), aliceStream.close()]);

    for (const [i, who] of (['alice', 'shop'] as const).entries()) {
      expect((await pullAll(tokens[who], 1000, partyCursors[i])).flatMap((p) => p.changes)).toEqual([]);
      expect((await pullAll(tokens[who])).flatMap((p) => p.changes).some(isTeam)).toBe(false);
    }
  });

  it('comes in a staff first sync between merchants and open dossiers, page after page', async () => {
    const views = (await server.call<{ views: TeamView[] }>('GET', '/team/views', { token: tokens.agent }))
      .body.views;
    const macros = (await server.call<{ macros: Macro[] }>('GET', '/team/macros', { token: tokens.agent }))
      .body.macros;
    const items = [...views, ...macros];
    expect(items.length).toBeGreaterThan(8);
    for (const limit of [1, 3, 7, 10_000]) {
      const pages = await pullAll(tokens.supervisor, limit);
      const changes = pages.flatMap((p) => p.changes);
      // Exact, page after page: a deleted item's row in the log is sent once too (as its deletion).
      let left = changes.length;
      for (const page of pages) expect(page.remaining).toBe((left -= page.changes.length));
      if (limit < items.length) expect(pages.some((p) => p.cursor.startsWith('s1.t.'))).toBe(true);
      const team = changes.flatMap((c, i) => (isTeam(c) && c.op === 'put' ? [i] : []));
      expect(team).toHaveLength(items.length);
      const lastPerson = changes.findLastIndex((c) => c.entity === 'user' || c.entity === 'merchant');
      const firstDossier = changes.findIndex((c) => c.entity === 'dossier');
      expect(Math.min(...team)).toBeGreaterThan(lastPerson);
      expect(Math.max(...team)).toBeLessThan(firstDossier);
      const local = new Map<string, unknown>();
      for (const c of changes.filter(isTeam)) {
        if (c.op === 'put') local.set(c.id, c.data);
        else local.delete(c.id);
      }
      expect(local).toEqual(new Map(items.map((item) => [item.id, item])));
    }
  });
});

describe('the limit', () => {
  it(`keeps at most ${teamItemLimits.items} items of a kind`, async () => {
    const held = (await server.call<{ macros: Macro[] }>('GET', '/team/macros', { token: tokens.agent })).body
      .macros;
    for (let i = held.length; i < teamItemLimits.items; i++)
      expect((await put('macros', randomUUID(), macro(`Macro ${i}`), tokens.agent)).status).toBe(200);
    const over = await put('macros', randomUUID(), macro('Une de trop'), tokens.agent);
    expect(over.status).toBe(409);
    expect(refusal(over).message).toContain(String(teamItemLimits.items));
    // Changing one still works, and so does adding a view.
    expect((await put('macros', held[0]?.id ?? '', macro('Changée'), tokens.supervisor)).status).toBe(200);
    expect((await put('views', randomUUID(), view('Encore une vue'), tokens.supervisor)).status).toBe(200);
    expect((await remove('macros', held[0]?.id ?? '', tokens.supervisor)).status).toBe(204);
    expect((await put('macros', randomUUID(), macro('Une de trop'), tokens.agent)).status).toBe(200);
  });
});
