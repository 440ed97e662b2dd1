import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { signIn } from '../../src-server/services/auth';
import {
  absenceRequestSchema,
  dossierListQuerySchema,
  escalateRequestSchema,
  fileClaimRequestSchema,
  postMessageRequestSchema,
  sessionRequestSchema,
  testClockRequestSchema,
  transactionListQuerySchema,
  uploadRequestSchema,
} from '../../src-shared/contract/api';
import { apiErrorSchema } from '../../src-shared/contract/errors';
import { presenceRequestSchema, pullQuerySchema, pushRequestSchema } from '../../src-shared/contract/sync';
import { idSchema } from '../../src-shared/domain/model';
import { statsQuerySchema } from '../../src-shared/domain/stats';
import { macroFieldsSchema, teamViewFieldsSchema } from '../../src-shared/domain/team';
import { fuzzRuns, hostileText, inputsFor, mutated, shaped } from '../fuzz/arbitrary';
import type { TestServer, World } from './harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from './harness';

/**
 * Every operation of the API, from its OpenAPI document, fuzzed with inputs drawn from the
 * contract's own schemas — valid, mutated and hostile — as every role and anonymously. Whatever
 * arrives: never a 5xx, always the error shape on a refusal (and, through the harness, an answer the
 * document describes), nothing stored on a refusal, and the server healthy at the end.
 * `npm run fuzz` runs the same properties much longer (KLIKPAY_FUZZ_RUNS).
 */

let server: TestServer;
let world: World;
const tokens: Record<string, string | undefined> = {};
const dossierIds: string[] = [];
const runs = fuzzRuns(6);

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  for (const key of ['agent', 'supervisor', 'alice', 'shop'] as const)
    tokens[key] = await server.signIn(world.users[key].email);
  tokens.anonymous = undefined;
  tokens.stranger = 'x'.repeat(43);
  const alice = tokens.alice ?? '';
  dossierIds.push(
    (await fileClaim(server, alice, world.transactions.alice1, { subject: 'delivery' })).id,
    (await fileClaim(server, alice, world.transactions.alice2)).id,
    (await fileClaim(server, await server.signIn(world.users.bob.email), world.transactions.bob1)).id,
  );
  // A shared view and an agent's macro, for the team plans to find (and clash with).
  const [viewId = '', macroId = ''] = teamItemIds;
  const view = { name: 'Fuzz view', queue: 'mine', filter: {}, sort: { key: 'urgency', direction: 'asc' } };
  const macro = {
    name: 'Fuzz macro',
    letter: null,
    tags: ['fuzz'],
    followUp: null,
    finish: { kind: 'none' },
  };
  for (const [path, token, body] of [
    [`/team/views/${viewId}`, tokens.supervisor, view],
    [`/team/macros/${macroId}`, tokens.agent, macro],
  ] as const)
    expect((await server.call('PUT', path, { token, body })).status).toBe(200);
}, 120_000);
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

const callers = ['anonymous', 'stranger', 'agent', 'supervisor', 'alice', 'shop'] as const;

/** What the store holds, counted: a refused request must leave every figure as it was. */
async function storeDigest(): Promise<string> {
  const [row] = await server.ctx.db.query<Record<string, string>>(
    `select (select count(*) from dossiers)::text d, (select coalesce(sum(version), 0) from dossiers)::text v,
            (select count(*) from messages)::text m, (select count(*) from audit_events)::text e,
            (select count(*) from attachments)::text a, (select coalesce(max(seq), 0) from changes)::text s,
            (select count(*) from applied_mutations)::text am, (select count(*) from transactions)::text t,
            (select count(*) from users)::text u, (select count(*) from staged_files)::text sf,
            (select count(*) from team_items)::text ti`,
  );
  return JSON.stringify(row);
}

const hints = (): Record<string, readonly unknown[]> => ({
  dossierId: dossierIds,
  transactionId: Object.values(world.transactions),
  assigneeId: Object.values(world.users).map((u) => u.id),
  email: Object.values(world.users).map((u) => u.email),
  password: ['demo-password'],
});

/** A path parameter: a real id, a well-formed unknown one, or something hostile (percent-encoded). */
const pathId = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...dossierIds),
    shaped(idSchema).map(String),
    hostileText.map((s) => percentEncoded(s.slice(0, 300))),
    // Bytes that are not UTF-8 at all: a surrogate's encoding, a lone continuation, an overlong slash.
    fc.constantFrom('%ED%A0%80', '%FF', '%C0%AF', '%E2%82', '%00', '..%2F..%2F'),
  );

/** Every byte of the UTF-8 encoding percent-encoded (a lone surrogate becomes U+FFFD, as in any URL). */
const percentEncoded = (text: string): string =>
  Array.from(new TextEncoder().encode(text), (b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join(
    '',
  );

/** A query string from a schema's shape, mutated half of the time. */
const queryFrom = (schema: z.ZodType): fc.Arbitrary<string> =>
  fc.oneof(shaped(schema), mutated(shaped(schema))).map((value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return `?q=${percentEncoded(String(value))}`;
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(value)) params.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    return `?${params.toString()}`;
  });

/** A team item's id: one already used (by a view, or a macro), a fresh UUID, or anything. */
const teamItemIds = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
const teamItemId = (): fc.Arbitrary<string> => fc.oneof(fc.constantFrom(...teamItemIds), fc.uuid(), pathId());

interface Plan {
  /** The path after /api/v1, with its parameters drawn. */
  path: () => fc.Arbitrary<string>;
  body?: () => fc.Arbitrary<unknown>;
}

const none = () => fc.constant('');
/** One plan per operationId of the document: an operation without a plan fails the suite. */
const plans: Record<string, Plan> = {
  getHealth: { path: () => fc.constant('/health') },
  getRules: { path: () => fc.constant('/rules') },
  getOpenApiDocument: { path: () => fc.constant('/openapi.json') },
  // Only what is not a valid instant: a valid one moves the server's clock under the other tests.
  setTestClock: {
    path: () => fc.constant('/test/clock'),
    body: () => mutated(shaped(testClockRequestSchema)),
  },
  signIn: { path: () => fc.constant('/sessions'), body: () => inputsFor(sessionRequestSchema, hints()) },
  getCurrentSession: { path: () => fc.constant('/sessions/current') },
  listTransactions: { path: () => queryFrom(transactionListQuerySchema).map((q) => `/transactions${q}`) },
  fileClaim: { path: () => fc.constant('/dossiers'), body: () => inputsFor(fileClaimRequestSchema, hints()) },
  listDossiers: { path: () => queryFrom(dossierListQuerySchema).map((q) => `/dossiers${q}`) },
  getDossier: { path: () => pathId().map((id) => `/dossiers/${id}`) },
  listDossierEvents: { path: () => pathId().map((id) => `/dossiers/${id}/events`) },
  postMessage: {
    path: () => pathId().map((id) => `/dossiers/${id}/messages`),
    body: () => inputsFor(postMessageRequestSchema, hints()),
  },
  downloadAttachment: {
    path: () => fc.tuple(pathId(), pathId()).map(([id, file]) => `/dossiers/${id}/attachments/${file}`),
  },
  resolveDossier: { path: () => pathId().map((id) => `/dossiers/${id}/resolve`) },
  escalateDossier: {
    path: () => pathId().map((id) => `/dossiers/${id}/escalate`),
    body: () => fc.oneof(fc.constant(undefined), inputsFor(escalateRequestSchema, hints())),
  },
  pullChanges: {
    path: () =>
      fc
        .oneof(
          queryFrom(pullQuerySchema),
          hostileText.map((c) => `?cursor=${percentEncoded(c)}`),
        )
        .map((q) => `/sync/pull${q}`),
  },
  pushMutations: { path: () => fc.constant('/sync/push'), body: () => inputsFor(pushRequestSchema, hints()) },
  putPresence: {
    path: () => fc.constant('/presence'),
    body: () => inputsFor(presenceRequestSchema, hints()),
  },
  getStatsOverview: { path: () => queryFrom(statsQuerySchema).map((q) => `/stats/overview${q}`) },
  putUpload: {
    path: () => fc.oneof(fc.uuid(), pathId()).map((id) => `/uploads/${id}`),
    body: () => inputsFor(uploadRequestSchema, hints()),
  },
  setAbsence: {
    path: () =>
      fc
        .oneof(fc.constantFrom(...Object.values(world.users).map((u) => u.id)), pathId())
        .map((id) => `/users/${id}/absence`),
    body: () => inputsFor(absenceRequestSchema, hints()),
  },
  listTeamViews: { path: () => fc.constant('/team/views') },
  putTeamView: {
    path: () => teamItemId().map((id) => `/team/views/${id}`),
    body: () => inputsFor(teamViewFieldsSchema, hints()),
  },
  deleteTeamView: { path: () => teamItemId().map((id) => `/team/views/${id}`) },
  listMacros: { path: () => fc.constant('/team/macros') },
  putMacro: {
    path: () => teamItemId().map((id) => `/team/macros/${id}`),
    body: () => inputsFor(macroFieldsSchema, hints()),
  },
  deleteMacro: { path: () => teamItemId().map((id) => `/team/macros/${id}`) },
  // Checked apart: the stream stays open (and signing out would end the fuzzers' own sessions).
  openSyncStream: { path: none },
  signOut: { path: none },
};

interface Operation {
  method: string;
  path: string;
  operationId: string;
}

async function operations(): Promise<Operation[]> {
  const res = await server.call<{ paths: Record<string, Record<string, { operationId: string }>> }>(
    'GET',
    '/openapi.json',
  );
  return Object.entries(res.body.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      operationId: op.operationId,
    })),
  );
}

async function expectRefusedCleanly(
  what: string,
  res: { status: number; body: unknown },
  before: string,
): Promise<void> {
  expect(res.status, what).toBeLessThan(500);
  if (res.status < 400) return;
  expect(apiErrorSchema.safeParse(res.body).success, `${what}: the error shape`).toBe(true);
  expect(await storeDigest(), `${what}: a refusal stored something`).toBe(before);
}

describe('every operation, every caller, valid, mutated and hostile input', () => {
  it('has a fuzz plan for every operation of the document', async () => {
    const missing = (await operations())
      .filter((op) => !(op.operationId in plans))
      .map((op) => op.operationId);
    expect(missing).toEqual([]);
  });

  it('never answers 5xx, always the error shape, and stores nothing on a refusal', async () => {
    const ops = (await operations()).filter((op) => !['openSyncStream', 'signOut'].includes(op.operationId));
    let calls = 0;
    for (const op of ops) {
      const plan = plans[op.operationId];
      if (!plan) throw new Error(`no plan for ${op.operationId}`);
      const input = fc.record({
        caller: fc.constantFrom(...callers),
        path: plan.path(),
        body: plan.body ? plan.body() : fc.constant(undefined),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ caller, path, body }) => {
          const before = await storeDigest();
          const res = await server.call(op.method, path, { token: tokens[caller], body });
          calls++;
          const what = `${op.operationId} as ${caller}: ${op.method} ${path.slice(0, 160)} ${body === undefined ? '(no body)' : JSON.stringify(body).slice(0, 160)}`;
          await expectRefusedCleanly(what, res, before);
        }),
        { numRuns: runs * callers.length },
      );
    }
    // The suite really called every operation it fuzzes.
    expect(calls).toBe(ops.length * runs * callers.length);
  }, 600_000);

  it('signs out only a session that exists, and the stream is only for a signed-in caller', async () => {
    for (const token of [undefined, 'x'.repeat(43), 'not a token at all']) {
      const before = await storeDigest();
      await expectRefusedCleanly(
        'signOut',
        await server.call('DELETE', '/sessions/current', { token }),
        before,
      );
      const stream = await fetch(`${server.url}/api/v1/sync/stream`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      expect(stream.status).toBe(401);
      expect(apiErrorSchema.safeParse(await stream.json()).success).toBe(true);
    }
    const throwaway = await signIn(server.ctx, world.users.agent2.email, 'demo-password');
    expect((await server.call('DELETE', '/sessions/current', { token: throwaway.token })).status).toBe(204);
    expect((await server.call('GET', '/sessions/current', { token: throwaway.token })).status).toBe(401);
  });

  it('is alive and healthy after all of it', async () => {
    expect((await server.call('GET', '/health')).status).toBe(200);
    expect(await server.signIn(world.users.supervisor.email)).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const listed = await server.call<{ items: unknown[] }>('GET', '/dossiers', { token: tokens.agent });
    expect(listed.status).toBe(200);
  });
});
