import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierWithMessages } from '../../src-shared/contract/api';
import type { PullResponse } from '../../src-shared/contract/sync';
import type { Dossier } from '../../src-shared/domain/model';
import type { TestServer, World } from './harness';
import { buildWorld, dropTestDatabases, startTestServer } from './harness';

/**
 * The authorisation matrix (docs/targets.md R6): every role × every endpoint × a dossier that is
 * theirs or someone else's. Nothing leaks, and a refused request changes nothing.
 */

type Who = 'anonymous' | 'owner' | 'otherCustomer' | 'merchant' | 'otherMerchant' | 'agent' | 'supervisor';
const everyone: Who[] = [
  'anonymous',
  'owner',
  'otherCustomer',
  'merchant',
  'otherMerchant',
  'agent',
  'supervisor',
];

let server: TestServer;
let world: World;
const tokens = {} as Record<Who, string | undefined>;
let dossier: Dossier;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  tokens.anonymous = undefined;
  tokens.owner = await server.signIn(world.users.alice.email);
  tokens.otherCustomer = await server.signIn(world.users.bob.email);
  tokens.merchant = await server.signIn(world.users.shop.email);
  tokens.otherMerchant = await server.signIn(world.users.silent.email);
  tokens.agent = await server.signIn(world.users.agent.email);
  tokens.supervisor = await server.signIn(world.users.supervisor.email);
  const res = await server.call<Dossier>('POST', '/dossiers', {
    token: tokens.owner,
    body: {
      transactionId: world.transactions.alice1,
      subject: 'delivery',
      reason: 'damaged_or_defective',
      merchantContact: 'proposal_unsatisfactory',
      description: 'Écran fissuré à la livraison.',
    },
  });
  dossier = res.body;
  await server.call('POST', `/dossiers/${dossier.id}/messages`, {
    token: tokens.agent,
    body: { body: 'Note interne : client fiable.', audience: 'internal' },
  });
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

async function version(): Promise<number> {
  const res = await server.call<Dossier>('GET', `/dossiers/${dossier.id}`, { token: tokens.supervisor });
  return res.body.version;
}

interface Endpoint {
  name: string;
  call(token: string | undefined): Promise<{ status: number; body: unknown }>;
  expected: Record<Who, number>;
  /** Whether the call is expected to change the dossier when it succeeds. */
  writes?: boolean;
}

const endpoints: Endpoint[] = [
  {
    name: 'GET /transactions',
    call: (token) => server.call('GET', '/transactions', { token }),
    expected: {
      anonymous: 401,
      owner: 200,
      otherCustomer: 200,
      merchant: 200,
      otherMerchant: 200,
      agent: 403,
      supervisor: 403,
    },
  },
  {
    name: "POST /dossiers on the owner's transaction",
    call: (token) =>
      server.call('POST', '/dossiers', {
        token,
        body: {
          transactionId: world.transactions.alice3,
          subject: 'payment',
          reason: 'other',
          merchantContact: 'not_contacted',
          description: 'Unknown charge.',
        },
      }),
    // The owner may file (201) — asserted separately below, as it creates a dossier.
    expected: {
      anonymous: 401,
      owner: 201,
      otherCustomer: 404,
      merchant: 403,
      otherMerchant: 403,
      agent: 403,
      supervisor: 403,
    },
  },
  {
    name: 'GET /dossiers/{id}',
    call: (token) => server.call('GET', `/dossiers/${dossier.id}`, { token }),
    expected: {
      anonymous: 401,
      owner: 200,
      otherCustomer: 404,
      merchant: 200,
      otherMerchant: 404,
      agent: 200,
      supervisor: 200,
    },
  },
  {
    name: 'GET /dossiers/{id}/events',
    call: (token) => server.call('GET', `/dossiers/${dossier.id}/events`, { token }),
    expected: {
      anonymous: 401,
      owner: 403,
      otherCustomer: 403,
      merchant: 403,
      otherMerchant: 403,
      agent: 200,
      supervisor: 200,
    },
  },
  {
    name: 'POST /dossiers/{id}/messages',
    call: (token) =>
      server.call('POST', `/dossiers/${dossier.id}/messages`, {
        token,
        body: { body: 'Bonjour', audience: 'both' },
      }),
    expected: {
      anonymous: 401,
      owner: 201,
      otherCustomer: 404,
      merchant: 201,
      otherMerchant: 404,
      agent: 201,
      supervisor: 201,
    },
    writes: true,
  },
  {
    name: 'POST /dossiers/{id}/escalate',
    call: (token) => server.call('POST', `/dossiers/${dossier.id}/escalate`, { token, body: {} }),
    expected: {
      anonymous: 401,
      owner: 200,
      otherCustomer: 404,
      merchant: 403,
      otherMerchant: 403,
      agent: 403,
      supervisor: 403,
    },
    writes: true,
  },
  {
    name: 'POST /sync/push',
    call: (token) =>
      server.call('POST', '/sync/push', {
        token,
        body: {
          clientId: 'matrix',
          mutations: [
            {
              id: `m-${Math.random().toString(36).slice(2)}`,
              name: 'dossier.note',
              args: { dossierId: dossier.id, body: 'note' },
            },
          ],
        },
      }),
    expected: {
      anonymous: 401,
      owner: 403,
      otherCustomer: 403,
      merchant: 403,
      otherMerchant: 403,
      agent: 200,
      supervisor: 200,
    },
    writes: true,
  },
  {
    name: 'PUT /presence',
    call: (token) =>
      server.call('PUT', '/presence', { token, body: { dossierId: dossier.id, activity: 'viewing' } }),
    expected: {
      anonymous: 401,
      owner: 403,
      otherCustomer: 403,
      merchant: 403,
      otherMerchant: 403,
      agent: 200,
      supervisor: 200,
    },
  },
  {
    name: 'GET /sync/pull',
    call: (token) => server.call('GET', '/sync/pull', { token }),
    expected: {
      anonymous: 401,
      owner: 200,
      otherCustomer: 200,
      merchant: 200,
      otherMerchant: 200,
      agent: 200,
      supervisor: 200,
    },
  },
  {
    name: 'GET /stats/overview',
    call: (token) =>
      server.call('GET', '/stats/overview?from=2026-01-05T00:00:00.000Z&to=2026-12-28T00:00:00.000Z', {
        token,
      }),
    expected: {
      anonymous: 401,
      owner: 403,
      otherCustomer: 403,
      merchant: 403,
      otherMerchant: 403,
      agent: 403,
      supervisor: 200,
    },
  },
  {
    name: 'PUT /users/{id}/absence',
    call: (token) =>
      server.call('PUT', `/users/${world.users.agent.id}/absence`, { token, body: { absent: false } }),
    expected: {
      anonymous: 401,
      owner: 403,
      otherCustomer: 403,
      merchant: 403,
      otherMerchant: 403,
      agent: 403,
      supervisor: 200,
    },
  },
  ...(['views', 'macros'] as const).flatMap((kind): Endpoint[] => {
    const [viewId, macroId] = [
      '00000000-0000-4000-8000-00000000000a',
      '00000000-0000-4000-8000-00000000000b',
    ];
    const staffOnly = { anonymous: 401, owner: 403, otherCustomer: 403, merchant: 403, otherMerchant: 403 };
    const body =
      kind === 'views'
        ? { name: 'Matrix', queue: 'mine', filter: {}, sort: { key: 'urgency', direction: 'asc' } }
        : { name: 'Matrix', letter: null, tags: ['matrix'], followUp: null, finish: { kind: 'take' } };
    return [
      {
        name: `GET /team/${kind}`,
        call: (token) => server.call('GET', `/team/${kind}`, { token }),
        expected: { ...staffOnly, agent: 200, supervisor: 200 },
      },
      {
        // The agent first: a macro it creates, a supervisor may then change.
        name: `PUT /team/${kind}/{id}`,
        call: (token) =>
          server.call('PUT', `/team/${kind}/${kind === 'views' ? viewId : macroId}`, { token, body }),
        expected: { ...staffOnly, agent: kind === 'views' ? 403 : 200, supervisor: 200 },
      },
    ];
  }),
];

describe('authorisation matrix', () => {
  for (const endpoint of endpoints) {
    for (const who of everyone) {
      const expected = endpoint.expected[who];
      if (endpoint.name.startsWith('POST /dossiers on') && who === 'owner') continue;
      it(`${endpoint.name} as ${who} → ${expected}`, async () => {
        const before = await version();
        const res = await endpoint.call(tokens[who]);
        expect(res.status).toBe(expected);
        if (expected >= 400) {
          expect(res.body).toMatchObject({
            error: { code: expect.any(String), message: expect.any(String) },
          });
          expect(await version()).toBe(before);
        } else if (endpoint.writes === undefined) {
          expect(await version()).toBe(before);
        }
      });
    }
  }

  it('lets the owner file on their own transaction', async () => {
    const res = await endpoints[1]?.call(tokens.owner);
    expect(res?.status).toBe(201);
  });
});

describe('no leaks', () => {
  it('never shows internal notes to the customer or the merchant, on any read path', async () => {
    for (const who of ['owner', 'merchant'] as const) {
      const one = await server.call<DossierWithMessages>('GET', `/dossiers/${dossier.id}`, {
        token: tokens[who],
      });
      expect(one.body.messages.some((m) => m.audience === 'internal')).toBe(false);
      expect(JSON.stringify(one.body)).not.toContain('client fiable');
      const feed = await server.call<PullResponse>('GET', '/sync/pull?limit=10000', { token: tokens[who] });
      expect(JSON.stringify(feed.body)).not.toContain('client fiable');
      expect(feed.body.changes.some((c) => c.entity === 'event' || c.entity === 'user')).toBe(false);
    }
  });

  it("lists only the caller's own dossiers to parties", async () => {
    const other = await server.call<{ items: Dossier[] }>('GET', '/dossiers', {
      token: tokens.otherCustomer,
    });
    expect(other.body.items).toEqual([]);
    const otherMerchant = await server.call<{ items: Dossier[] }>('GET', '/dossiers', {
      token: tokens.otherMerchant,
    });
    expect(otherMerchant.body.items).toEqual([]);
    const merchant = await server.call<{ items: Dossier[] }>('GET', '/dossiers', { token: tokens.merchant });
    expect(merchant.body.items.map((d) => d.id)).toContain(dossier.id);
  });

  it('hides Klik & Pay working data (tags, follow-ups) from parties', async () => {
    await server.call('POST', '/sync/push', {
      token: tokens.agent,
      body: {
        clientId: 'tags',
        mutations: [
          { id: 't1', name: 'dossier.tag', args: { dossierId: dossier.id, tags: ['fraude-suspectée'] } },
          {
            id: 't2',
            name: 'dossier.follow_up',
            args: { dossierId: dossier.id, until: '2027-01-01T09:00:00Z' },
          },
        ],
      },
    });
    const staff = await server.call<Dossier>('GET', `/dossiers/${dossier.id}`, { token: tokens.agent });
    expect(staff.body.tags).toEqual(['fraude-suspectée']);
    for (const who of ['owner', 'merchant'] as const) {
      const seen = await server.call<Dossier>('GET', `/dossiers/${dossier.id}`, { token: tokens[who] });
      expect(seen.body.tags).toEqual([]);
      expect(seen.body.followUps).toEqual({});
      // And in their sync feed, whose staff documents go out as stored.
      const feed = await server.call<PullResponse>('GET', '/sync/pull?limit=10000', { token: tokens[who] });
      const inFeed = feed.body.changes.find((c) => c.entity === 'dossier' && c.id === dossier.id);
      expect(inFeed?.data).toMatchObject({ tags: [], followUps: {} });
    }
    const staffFeed = await server.call<PullResponse>('GET', '/sync/pull?limit=10000', {
      token: tokens.agent,
    });
    const forStaff = staffFeed.body.changes.find((c) => c.entity === 'dossier' && c.id === dossier.id);
    expect(forStaff?.data).toMatchObject({ tags: ['fraude-suspectée'] });
  });
});

describe('the bearer scheme', () => {
  it('is case-insensitive and tolerates whitespace around the token (RFC 7235)', async () => {
    const token = tokens.agent ?? '';
    for (const authorization of [
      `bearer ${token}`,
      `BEARER ${token}`,
      `  Bearer   ${token}  `,
      `bEaReR\t${token}`,
    ]) {
      const res = await server.call('GET', '/sessions/current', { headers: { authorization } });
      expect(res.status, JSON.stringify(authorization)).toBe(200);
    }
  });

  it('still refuses other schemes and a scheme without a token', async () => {
    const token = tokens.agent ?? '';
    for (const authorization of [`Basic ${token}`, 'Bearer', `Bearer${token}`, `Bearer ${token} extra`]) {
      const res = await server.call('GET', '/sessions/current', { headers: { authorization } });
      expect(res.status, JSON.stringify(authorization)).toBe(401);
    }
  });
});

describe('authentication before validation', () => {
  const invalid: { name: string; method: string; path: () => string; body?: unknown; wrongRole: Who }[] = [
    {
      name: 'POST /dossiers',
      method: 'POST',
      path: () => '/dossiers',
      body: { nope: 1 },
      wrongRole: 'agent',
    },
    {
      name: 'POST /dossiers/{id}/escalate',
      method: 'POST',
      path: () => `/dossiers/${dossier.id}/escalate`,
      body: { nope: 1 },
      wrongRole: 'merchant',
    },
    {
      name: 'POST /dossiers/{id}/resolve',
      method: 'POST',
      path: () => '/dossiers/not a valid id!/resolve',
      wrongRole: 'agent',
    },
    {
      name: 'GET /dossiers/{id}/events',
      method: 'GET',
      path: () => '/dossiers/not a valid id!/events',
      wrongRole: 'owner',
    },
    { name: 'GET /transactions', method: 'GET', path: () => '/transactions?limit=abc', wrongRole: 'agent' },
    {
      name: 'POST /sync/push',
      method: 'POST',
      path: () => '/sync/push',
      body: { nope: 1 },
      wrongRole: 'owner',
    },
    { name: 'PUT /presence', method: 'PUT', path: () => '/presence', body: [], wrongRole: 'merchant' },
  ];
  for (const c of invalid) {
    it(`${c.name}: 401 for a stranger and 403 for the wrong role, before looking at the input`, async () => {
      for (const token of [undefined, 'x'.repeat(43)]) {
        const res = await server.call<{ error: { details?: unknown } }>(c.method, c.path(), {
          token,
          body: c.body,
        });
        expect(res.status).toBe(401);
        expect(res.body.error.details).toBeUndefined();
      }
      const res = await server.call<{ error: { details?: unknown } }>(c.method, c.path(), {
        token: tokens[c.wrongRole],
        body: c.body,
      });
      expect(res.status).toBe(403);
      expect(res.body.error.details).toBeUndefined();
    });
  }

  it('unsigned-in GET /dossiers with a bad query answers 401 too', async () => {
    const res = await server.call('GET', '/dossiers?limit=100000&status=nope');
    expect(res.status).toBe(401);
  });
});
