import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../src-shared/contract/sync';
import { mutationArgsSchemas, mutationNames } from '../../src-shared/contract/sync';
import { fuzzRuns, hostileValue, inputsFor } from '../fuzz/arbitrary';
import type { TestServer, World } from './harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from './harness';

/**
 * Every push mutation, with arguments drawn from its own schema (valid, mutated, hostile), in
 * batches mixing them, as an agent and as a supervisor. Each entry gets its own answer, always; an
 * entry its schema refuses is rejected as `invalid_request`; a rejected or duplicate entry changes
 * no dossier; and the batch is never failed as a whole.
 */

let server: TestServer;
let world: World;
const tokens: Record<'agent' | 'supervisor', string> = { agent: '', supervisor: '' };
const dossierIds: string[] = [];
const runs = fuzzRuns(25);

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  tokens.agent = await server.signIn(world.users.agent.email);
  tokens.supervisor = await server.signIn(world.users.supervisor.email);
  const alice = await server.signIn(world.users.alice.email);
  dossierIds.push(
    (await fileClaim(server, alice, world.transactions.alice1, { subject: 'delivery' })).id,
    (await fileClaim(server, alice, world.transactions.alice2)).id,
    (await fileClaim(server, alice, world.transactions.aliceBounced, { subject: 'delivery' })).id,
  );
}, 120_000);
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

/** What a dossier is, as far as an applied change would show: its version and its messages. */
async function dossierState(): Promise<Map<string, string>> {
  const rows = await server.ctx.db.query<{ id: string; state: string }>(
    `select d.id, d.version || ':' || (select count(*) from messages m where m.dossier_id = d.id) as state
     from dossiers d`,
  );
  return new Map(rows.map((r) => [r.id, r.state]));
}

const entry = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom(...mutationNames).chain((name) =>
      fc.record({
        id: fc.uuid().map((u) => `fz-${u}`),
        name: fc.constant(name as string),
        args: inputsFor(mutationArgsSchemas[name], {
          dossierId: dossierIds,
          assigneeId: Object.values(world.users).map((u) => u.id),
        }),
      }),
    ),
  },
  { weight: 1, arbitrary: hostileValue },
);

describe('push, fuzzed', () => {
  it('answers each entry alone, rejects what its schema refuses, and a rejection changes nothing', async () => {
    let entries = 0;
    let rejectedBySchema = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('agent', 'supervisor' as const),
        fc.array(entry, { minLength: 1, maxLength: 5 }),
        async (who, mutations) => {
          const before = await dossierState();
          const res = await server.call<PushResponse>('POST', '/sync/push', {
            token: tokens[who],
            body: { clientId: `fuzz-${who}`, mutations },
          });
          expect(res.status, JSON.stringify(mutations).slice(0, 300)).toBe(200);
          expect(res.body.results).toHaveLength(mutations.length);
          const after = await dossierState();
          for (const [i, m] of mutations.entries()) {
            entries++;
            const result = res.body.results[i];
            const envelope = (typeof m === 'object' && m !== null ? m : {}) as {
              name?: unknown;
              args?: unknown;
            };
            const schema =
              typeof envelope.name === 'string' && (mutationNames as string[]).includes(envelope.name)
                ? mutationArgsSchemas[envelope.name as (typeof mutationNames)[number]]
                : null;
            if (!schema || !schema.safeParse(envelope.args).success) {
              rejectedBySchema++;
              expect(result?.status, JSON.stringify(m).slice(0, 300)).toBe('rejected');
              expect(result?.error?.code).toBe('invalid_request');
            }
          }
          // A batch where nothing was applied leaves every dossier as it was.
          if (res.body.results.every((r) => r.status !== 'applied')) expect(after).toEqual(before);
        },
      ),
      { numRuns: runs },
    );
    // The properties saw both kinds of entry.
    expect(entries).toBeGreaterThan(runs);
    expect(rejectedBySchema).toBeGreaterThan(0);
  }, 600_000);

  it('answers a re-sent batch with the same answers, and applies nothing twice', async () => {
    const bob = await server.signIn(world.users.bob.email);
    const dossierId = (await fileClaim(server, bob, world.transactions.bob1)).id;
    const mutations = [
      { id: randomUUID(), name: 'dossier.note', args: { dossierId, body: 'Une note.' } },
      { id: randomUUID(), name: 'dossier.tag', args: { dossierId, add: ['x\ud800'] } },
      { id: randomUUID(), name: 'dossier.close', args: { dossierId, summary: 'Réglé.' } },
    ];
    const first = await server.call<PushResponse>('POST', '/sync/push', {
      token: tokens.agent,
      body: { clientId: 'resend', mutations },
    });
    const state = await dossierState();
    const second = await server.call<PushResponse>('POST', '/sync/push', {
      token: tokens.agent,
      body: { clientId: 'resend', mutations },
    });
    expect(first.body.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(second.body.results.map((r) => r.status)).toEqual(['duplicate', 'rejected', 'duplicate']);
    expect(await dossierState()).toEqual(state);
  });
});
