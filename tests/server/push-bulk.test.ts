import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-server/services/clock';
import { push } from '../../src-server/services/push';
import type { AccountRow } from '../../src-server/store/people';
import { findAccount } from '../../src-server/store/people';
import { insertStagedFile } from '../../src-server/store/staged-files';
import type { Dossier } from '../../src-shared/domain/model';
import type { TestServer, World } from './harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from './harness';

/**
 * Push applies a batch in bulk (src-server/services/push-bulk.ts): a few statements for the whole
 * batch instead of five or six per mutation. It must be the same thing as applying the mutations
 * one after another. Two servers start from the same world, with ids counted rather than random,
 * get the same random batches — one applied in bulk, the other one by one — and must end with the
 * same answers and the same rows in every table a push writes.
 */

interface Side {
  server: TestServer;
  world: World;
  dossiers: Dossier[];
  agent: AccountRow;
  supervisor: AccountRow;
}

const sides: Side[] = [];
/** What push logged: a batch that fell back to one by one would compare nothing about bulk. */
const logged: string[] = [];
const log = {
  error: (_: unknown, message: string) => void logged.push(message),
  warn: (_: unknown, message: string) => void logged.push(message),
};

async function side(): Promise<Side> {
  let n = 0;
  const server = await startTestServer({ schedulerIntervalMs: 3_600_000 });
  // Counted ids: both servers name what they create alike, so their rows can be compared.
  server.ctx.newId = () => `id-${String(++n).padStart(6, '0')}`;
  const world = await buildWorld(server);
  const alice = await server.signIn(world.users.alice.email);
  const bob = await server.signIn(world.users.bob.email);
  const dossiers = [
    await fileClaim(server, alice, world.transactions.alice1),
    await fileClaim(server, alice, world.transactions.alice2, {
      subject: 'delivery',
      merchantContact: 'merchant_no_answer',
    }),
    await fileClaim(server, bob, world.transactions.bob1, {
      subject: 'delivery',
      merchantContact: 'merchant_no_answer',
    }),
    await fileClaim(server, alice, world.transactions.aliceBounced),
  ];
  const agent = await findAccount(server.ctx.db, world.users.agent.id);
  const supervisor = await findAccount(server.ctx.db, world.users.supervisor.id);
  if (!agent || !supervisor) throw new Error('no staff');
  return { server, world, dossiers, agent, supervisor };
}

beforeAll(async () => {
  sides.push(await side(), await side());
}, 120_000);
afterAll(async () => {
  for (const s of sides) await s.server.close();
  await dropTestDatabases();
});

/** What a push writes, as rows comparable across the two servers. */
async function state(s: Side): Promise<unknown> {
  const q = (sql: string) => s.server.ctx.db.query(sql);
  return {
    dossiers: await q(
      'select id, status, assignee_id, next_rule_at, updated_at, version, data from dossiers order by id',
    ),
    messages: await q('select id, dossier_id, audience, created_at, data from messages order by position'),
    events: await q('select id, dossier_id, type, at, data from audit_events order by position'),
    mutations: await q(
      'select mutation_id, user_id, client_id, fingerprint, status, error, dossier_id, applied_at from applied_mutations order by mutation_id',
    ),
    changes: await q(
      'select seq, entity, entity_id, visible_to, customer_id, merchant_id from changes order by seq',
    ),
    attachments: await q(
      'select id, dossier_id, message_id, filename, content_type, size, sha256, created_at from attachments order by id',
    ),
    staged: await q('select id, account_id, filename, size, created_at from staged_files order by id'),
  };
}

/** The files a batch may list: three staged by its author before it is pushed, a fourth never. */
const fileId = (batch: number, n: number) =>
  `00000000-0000-4000-8000-${String(batch * 10 + n).padStart(12, '0')}`;
const fileOf = (batch: number, n: number) => {
  const content = Buffer.from(`file ${batch}-${n}`);
  return {
    id: fileId(batch, n),
    filename: `f${n}.txt`,
    contentType: 'text/plain',
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  };
};
const metaOf = (batch: number, n: number) => {
  const { id, filename, contentType, size } = fileOf(batch, n);
  return { id, filename, contentType, size };
};

type Generated = { name: string; args: Record<string, unknown>; files?: number[] };

/** One mutation of a random batch, over the four dossiers (or one that does not exist). */
const mutation = (dossierIds: readonly string[], staffIds: readonly string[]) =>
  fc
    .record({
      target: fc.nat({ max: dossierIds.length }),
      kind: fc.constantFrom(
        'reply',
        'note',
        'remind',
        'inform',
        'forward',
        'take',
        'assign',
        'assign-party',
        'tag',
        'follow',
        'close',
        'bad-args',
        'unknown',
        'reply-files',
        'forward-files',
      ),
      files: fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 2 }),
      text: fc.constantFrom('Bonjour', 'Nous revenons vers vous.', 'Merci'),
      staff: fc.nat({ max: staffIds.length - 1 }),
      hours: fc.integer({ min: -48, max: 400 }),
    })
    .map(({ target, kind, text, staff, hours, files }): Generated => {
      const dossierId = dossierIds[target] ?? 'no-such-dossier';
      const at = new Date(Date.parse('2026-07-13T08:00:00.000Z') + hours * 3_600_000).toISOString();
      switch (kind) {
        case 'reply':
          return { name: 'dossier.reply', args: { dossierId, body: text, audience: 'customer' } };
        case 'note':
          return { name: 'dossier.note', args: { dossierId, body: text } };
        case 'remind':
          return { name: 'dossier.remind_merchant', args: { dossierId } };
        case 'inform':
          return { name: 'dossier.inform_customer', args: { dossierId } };
        case 'forward':
          return { name: 'dossier.forward_to_merchant', args: { dossierId, body: text } };
        case 'take':
          return { name: 'dossier.take_over', args: { dossierId } };
        case 'assign':
          return { name: 'dossier.assign', args: { dossierId, assigneeId: staffIds[staff] ?? null } };
        case 'assign-party':
          return { name: 'dossier.assign', args: { dossierId, assigneeId: 'c-alice' } };
        case 'tag':
          return { name: 'dossier.tag', args: { dossierId, add: [text.toLowerCase().slice(0, 5)] } };
        case 'follow':
          return { name: 'dossier.follow_up', args: { dossierId, until: at } };
        case 'close':
          return { name: 'dossier.close', args: { dossierId, summary: text } };
        case 'bad-args':
          return { name: 'dossier.note', args: { dossierId, body: 42 } };
        // Files listed by number: the batch names them (fileOf), the same twice now and then.
        case 'reply-files':
          return { name: 'dossier.reply', args: { dossierId, body: text, audience: 'both' }, files };
        case 'forward-files':
          return { name: 'dossier.forward_to_merchant', args: { dossierId, body: text }, files };
        default:
          return { name: 'dossier.vanish', args: { dossierId } };
      }
    });

describe('push in bulk', () => {
  it('answers and writes exactly what applying the mutations one by one does', async () => {
    const [bulk, oneByOne] = sides;
    if (!bulk || !oneByOne) throw new Error('no servers');
    const dossierIds = bulk.dossiers.map((d) => d.id);
    expect(oneByOne.dossiers.map((d) => d.id)).toEqual(dossierIds);
    const staffIds = [bulk.world.users.agent.id, bulk.world.users.agent2.id, bulk.world.users.supervisor.id];
    let batchNo = 0;
    let bulkRan = 0;
    let sent: { id: string; name: string; args: unknown }[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation(dossierIds, staffIds), { minLength: 2, maxLength: 40 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 30 * 24 }),
        async (mutations, resendSome, advanceHours) => {
          batchNo++;
          const batch: { id: string; name: string; args: unknown }[] = mutations.map(
            ({ files, ...m }, i) => ({
              id: `m-${batchNo}-${i}`,
              name: m.name,
              args: files ? { ...m.args, attachments: files.map((n) => metaOf(batchNo, n)) } : m.args,
            }),
          );
          // A client re-sending what it sent before (a lost answer) mixes old ids into a new batch.
          if (resendSome && sent.length > 0) batch.push(...sent.slice(0, 3));
          sent = batch;
          const answers = [];
          for (const [i, s] of [bulk, oneByOne].entries()) {
            const clock = s.server.ctx.clock;
            if (!(clock instanceof ManualClock)) throw new Error('the test servers run on the manual clock');
            clock.set(clock.now() + advanceHours * 60_000);
            const who = batchNo % 3 === 0 ? s.supervisor : s.agent;
            const stagedAt = new Date(clock.now()).toISOString();
            for (const n of [0, 1, 2])
              await insertStagedFile(s.server.ctx.db, who.id, fileOf(batchNo, n), stagedAt);
            answers.push(
              await push(s.server.ctx, who, { clientId: 'desk-1', mutations: batch }, log, { bulk: i === 0 }),
            );
          }
          expect(answers[0]).toEqual(answers[1]);
          expect(await state(bulk)).toEqual(await state(oneByOne));
          expect(logged).toEqual([]);
          bulkRan++;
        },
      ),
      {
        numRuns: 60,
        interruptAfterTimeLimit: 240_000,
        // Random batches close the four dossiers within a batch or two, after which every file is
        // refused with its mutation: the first batch binds files to open dossiers for certain.
        examples: [
          [
            [
              {
                name: 'dossier.reply',
                args: { dossierId: dossierIds[0], body: 'Bonjour', audience: 'both' },
                files: [0, 1],
              },
              {
                name: 'dossier.forward_to_merchant',
                args: { dossierId: dossierIds[1], body: 'Merci' },
                files: [2],
              },
              {
                name: 'dossier.reply',
                args: { dossierId: dossierIds[2], body: 'Merci', audience: 'customer' },
                files: [3],
              },
            ],
            false,
            0,
          ],
        ],
      },
    );
    // The property must have compared real batches, not been cut short before any.
    expect(bulkRan).toBeGreaterThan(10);
    const [bound] = await bulk.server.ctx.db.query<{ n: number }>(
      'select count(*)::int as n from attachments',
    );
    expect(bound?.n, 'no staged file was ever bound').toBeGreaterThan(0);
  }, 300_000);
});
