import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perform } from '../../src-renderer/sync/actions';
import { mutationArgsSchemas, mutationNames } from '../../src-shared/contract/sync';
import { fuzzRuns, inputsFor } from '../fuzz/arbitrary';
import type { TestServer, World } from '../server/harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from '../server/harness';
import { createClient } from './client';

/**
 * The client core against the real API, fuzzed: whatever the back office accepts locally (its
 * actions check arguments with the shared schemas and decide with the shared rules), the server
 * never refuses for its form. A change the server refuses must be for the state of the dossier
 * (closed meanwhile…), never `invalid_request` for something the desk let through.
 */

let server: TestServer;
let world: World;
const dossierIds: string[] = [];
const runs = fuzzRuns(40);

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  const alice = await server.signIn(world.users.alice.email);
  dossierIds.push(
    (await fileClaim(server, alice, world.transactions.alice1, { subject: 'delivery' })).id,
    (await fileClaim(server, alice, world.transactions.alice2)).id,
    (await fileClaim(server, alice, world.transactions.alice3, { subject: 'delivery' })).id,
  );
}, 120_000);
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

describe('what the desk accepts, the server takes', () => {
  it('never answers invalid_request to a change the client core accepted', async () => {
    const desk = await createClient(server, world.users.supervisor.email);
    expect((await desk.engine.sync()).ok).toBe(true);
    const users = Object.values(world.users).map((u) => u.id);
    let accepted = 0;
    let refusedLocally = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...mutationNames).chain((name) =>
          fc.record({
            name: fc.constant(name),
            args: inputsFor(mutationArgsSchemas[name], { dossierId: dossierIds, assigneeId: users }),
          }),
        ),
        async ({ name, args }) => {
          const result = await perform(desk.actions, name, args);
          if (!result.ok) {
            refusedLocally++;
            return;
          }
          accepted++;
          await desk.engine.sync();
          const refused = await desk.db.rejections.get(result.mutationId);
          if (refused) {
            expect(
              refused.code,
              `${name} ${JSON.stringify(args).slice(0, 300)}: ${refused.message}`,
            ).not.toBe('invalid_request');
          }
          expect(await desk.db.outbox.where('state').equals('pending').count()).toBe(0);
        },
      ),
      { numRuns: runs },
    );
    // Both sides of the property were exercised.
    expect(accepted).toBeGreaterThan(0);
    expect(refusedLocally).toBeGreaterThan(0);
  }, 600_000);
});
