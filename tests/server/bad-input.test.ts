import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '../../src-shared/domain/model';
import type { TestServer, World } from './harness';
import { buildWorld, dropTestDatabases, startTestServer } from './harness';

/**
 * Bad input (docs/targets.md R5): schema-aware fuzzing of every endpoint. Whatever arrives, the API
 * answers a 4xx in the one error shape — never a 500 — and a refused request stores nothing.
 */

let server: TestServer;
let world: World;
let agent: string;
let customer: string;
let dossier: Dossier;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  agent = await server.signIn(world.users.agent.email);
  customer = await server.signIn(world.users.alice.email);
  dossier = (
    await server.call<Dossier>('POST', '/dossiers', {
      token: customer,
      body: {
        transactionId: world.transactions.alice1,
        subject: 'delivery',
        reason: 'not_received',
        merchantContact: 'not_contacted',
        description: 'Rien reçu.',
      },
    })
  ).body;
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    "'; drop table dossiers; --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '\u0000',
    '\u202e\u0301',
    '💥'.repeat(1000),
    '{"$ne":null}',
    '%00%2e%2e%2f',
    'a'.repeat(20_000),
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 4 }),
);

/** A valid body with one field replaced, removed, or an extra field added. */
function mutate(valid: Record<string, unknown>) {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc
      .record({ key: fc.constantFrom(...keys), value: hostile })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
    fc
      .constantFrom(...keys)
      .map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))),
    fc
      .record({ key: fc.string({ minLength: 1, maxLength: 12 }), value: hostile })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.jsonValue(),
  );
}

async function version(): Promise<number> {
  return (await server.call<Dossier>('GET', `/dossiers/${dossier.id}`, { token: agent })).body.version;
}

const targets = () => [
  { method: 'POST', path: '/sessions', token: undefined, valid: { email: 'x@y.test', password: 'secret' } },
  {
    method: 'POST',
    path: '/dossiers',
    token: customer,
    valid: {
      transactionId: world.transactions.alice2,
      subject: 'payment',
      reason: 'other',
      merchantContact: 'not_contacted',
      description: 'x',
    },
  },
  {
    method: 'POST',
    path: `/dossiers/${dossier.id}/messages`,
    token: agent,
    valid: { body: 'Hello', audience: 'customer' },
  },
  {
    method: 'POST',
    path: `/dossiers/${dossier.id}/escalate`,
    token: customer,
    valid: { body: 'Please help' },
  },
  { method: 'PUT', path: '/presence', token: agent, valid: { dossierId: dossier.id, activity: 'viewing' } },
  {
    method: 'POST',
    path: '/sync/push',
    token: agent,
    valid: {
      clientId: 'fuzz',
      mutations: [{ id: 'fuzz-1', name: 'dossier.note', args: { dossierId: dossier.id, body: 'x' } }],
    },
  },
  { method: 'POST', path: '/test/clock', token: undefined, valid: { now: '2026-07-13T09:00:00Z' } },
];

describe('schema-aware fuzzing', () => {
  it('never answers 500 and always answers the error shape on refusal', async () => {
    for (const target of targets()) {
      await fc.assert(
        fc.asyncProperty(mutate(target.valid), async (body) => {
          const res = await server.call(target.method, target.path, { token: target.token, body });
          expect(
            res.status,
            `${target.method} ${target.path} ${JSON.stringify(body).slice(0, 200)}`,
          ).toBeLessThan(500);
          if (res.status >= 400)
            expect(res.body).toMatchObject({
              error: { code: expect.any(String), message: expect.any(String) },
            });
        }),
        { numRuns: 60 },
      );
    }
  }, 120_000);

  it('never applies a malformed push mutation, and rejects each one alone', async () => {
    const before = await version();
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            id: fc
              .string({ minLength: 1, maxLength: 10 })
              .map((s) => `f${s.replace(/[^A-Za-z0-9_-]/g, '_')}`),
            name: fc.constantFrom('dossier.reply', 'dossier.close', 'dossier.assign', 'dossier.tag', 'nope'),
            args: fc.record({
              dossierId: fc.constant(dossier.id),
              body: hostile,
              summary: hostile,
              tags: hostile,
              assigneeId: hostile,
              audience: hostile,
            }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        async (mutations) => {
          const res = await server.call<{ results: { status: string }[] }>('POST', '/sync/push', {
            token: agent,
            body: { clientId: 'fuzz-push', mutations },
          });
          expect(res.status).toBeLessThan(500);
          if (res.status === 200) expect(res.body.results.every((r) => r.status !== 'applied')).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
    expect(await version()).toBe(before);
  }, 120_000);

  it('answers malformed JSON, wrong content types and odd query strings cleanly', async () => {
    const cases: [string, string, RequestInit][] = [
      ['POST', '/sessions', { body: '{"email":', headers: { 'content-type': 'application/json' } }],
      [
        'POST',
        '/sessions',
        { body: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      ],
      ['GET', '/sync/pull?limit=-1', { headers: { authorization: `Bearer ${agent}` } }],
      ['GET', '/sync/pull?limit=abc&cursor=%00', { headers: { authorization: `Bearer ${agent}` } }],
      ['GET', '/dossiers?status=open', { headers: { authorization: `Bearer ${agent}` } }],
      ['GET', `/dossiers/${'x'.repeat(300)}`, { headers: { authorization: `Bearer ${agent}` } }],
      ['GET', '/dossiers/..%2F..%2Fetc', { headers: { authorization: `Bearer ${agent}` } }],
      ['GET', '/dossiers', { headers: { authorization: 'Bearer <script>' } }],
    ];
    for (const [method, path, init] of cases) {
      const res = await fetch(`${server.url}/api/v1${path}`, { method, ...init });
      expect(res.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
      expect(await res.json(), `${method} ${path}`).toMatchObject({ error: { code: expect.any(String) } });
    }
  });
});
