import type { MutationResult, ReceivedPush } from '../../src-shared/contract/sync';
import { mutationEnvelopeSchema, parseMutation } from '../../src-shared/contract/sync';
import type { Command } from '../../src-shared/domain/commands';
import type { RefusalDetails } from '../../src-shared/domain/refusals';
import { refusalText } from '../../src-shared/domain/refusals';
import { assigneeRefusal } from '../../src-shared/domain/assignments';
import { quotable } from '../../src-shared/domain/text';
import { isStaff } from '../../src-shared/domain/vocabulary';
import type { Sql } from '../db/database';
import { ApiProblem } from '../http/problem';
import { assigneesById } from '../store/absence';
import { deferChanges } from '../store/changes';
import { appendEvent, findDossier } from '../store/dossiers';
import type { MutationKey } from '../store/mutations';
import { claimMutation, fingerprintOf, markRejected } from '../store/mutations';
import type { AccountRow } from '../store/people';
import type { ServerContext } from './context';
import { commandInTransaction } from './dossiers';
import { applyInBulk, canApplyInBulk, rejectionEvent } from './push-bulk';
import { canSeeDossier } from './visibility';

/**
 * Applying pushed mutations, in order, each with its id claimed in the transaction that applies it,
 * so a retry after a lost answer, a crash or a concurrent re-send finds the claim and answers
 * `duplicate` instead of applying twice. Every entry gets its own answer, always: a malformed one
 * and one that fails unexpectedly are rejected alone, and the batch goes on — one bad change must
 * never stop an agent's other changes (or their pulls) for good.
 *
 * A batch is first applied in one transaction (refusals are answers, not failures, so they stay in
 * it): one commit, one append to the change log (whose lock every writer waits on, held only for
 * that append and the commit) and one poke for up to `together` mutations instead of one each. If anything in
 * it throws, none of it happened, and the batch is applied again one mutation per transaction,
 * where the failing one is isolated, retried or answered `internal`. Within the transaction the
 * batch is applied in bulk (push-bulk.ts) when it can be, else one mutation after another.
 */
const together = 500;

/** Where an unexpected failure is told (the route's request logger). */
export interface PushLog {
  error(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface PushOptions {
  /** Batches applied in a few statements (push-bulk.ts); false: one mutation after another, as tests compare. */
  bulk: boolean;
}

type Envelope = { id: string; name: string; args: unknown };
type RecordedError = NonNullable<MutationResult['error']>;

export async function push(
  ctx: ServerContext,
  a: AccountRow,
  req: ReceivedPush,
  log: PushLog,
  options: PushOptions = { bulk: true },
): Promise<MutationResult[]> {
  if (!isStaff(a.role)) throw new ApiProblem('forbidden', 'Only Klik & Pay staff push mutations.');
  const results: MutationResult[] = [];
  const entries: Entry[] = [];
  req.mutations.forEach((entry, index) => {
    const envelope = mutationEnvelopeSchema.safeParse(entry);
    // Without a valid id there is nothing to key an answer on: refused each time it comes, never applied.
    if (!envelope.success) results[index] = malformedEntry(entry, envelope.error.issues);
    else
      entries.push({
        index,
        envelope: envelope.data,
        key: {
          mutationId: envelope.data.id,
          userId: a.id,
          clientId: req.clientId,
          fingerprint: fingerprintOf(envelope.data),
        },
      });
  });
  for (let i = 0; i < entries.length; i += together) {
    const chunk = entries.slice(i, i + together);
    const answers = await applyTogether(ctx, a, chunk, options, log);
    for (const [j, e] of chunk.entries())
      results[e.index] = answers?.[j] ?? (await pushEntry(ctx, a, e, log));
  }
  return results;
}

interface Entry {
  /** Its place in the request: answers go back in the order sent. */
  index: number;
  envelope: Envelope;
  key: MutationKey;
}

/** The whole chunk in one transaction, or null (nothing applied) when any of it throws. */
async function applyTogether(
  ctx: ServerContext,
  a: AccountRow,
  chunk: readonly Entry[],
  options: PushOptions,
  log: PushLog,
): Promise<MutationResult[] | null> {
  if (chunk.length < 2) return null;
  try {
    return await ctx.db.transaction(async (tx) => {
      const appendChanges = deferChanges(tx);
      const bulk = chunk.map((e) => ({ ...e, dossierId: dossierIdOf(e.envelope.args) }));
      let answers: MutationResult[];
      if (options.bulk && canApplyInBulk(bulk)) answers = await applyInBulk(tx, ctx, a, bulk);
      else {
        answers = [];
        for (const e of chunk) answers.push(await applyInTransaction(tx, ctx, a, e.key, e.envelope));
      }
      await appendChanges();
      return answers;
    });
  } catch (error) {
    // Two batches crossing on PostgreSQL, or one mutation failing: each is applied alone next.
    log.warn({ err: error, mutations: chunk.length }, 'a batch failed as a whole; applying it one by one');
    return null;
  }
}

async function pushEntry(ctx: ServerContext, a: AccountRow, e: Entry, log: PushLog): Promise<MutationResult> {
  const { key, envelope } = e;
  const clientId = key.clientId;
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.transaction((tx) => applyInTransaction(tx, ctx, a, key, envelope));
    } catch (error) {
      // Two transactions crossing (serialization failure, deadlock): the mutation is worth another try.
      if (isRetryable(error) && attempt < 3) continue;
      // The database itself is gone: fail the whole push; the client retries it and every mutation
      // committed so far answers `duplicate`.
      if (!(await databaseAnswers(ctx))) throw error;
      const incident = ctx.newId();
      log.error(
        {
          err: error,
          incident,
          mutationId: key.mutationId,
          clientId,
          userId: a.id,
          mutation: envelope.name,
        },
        'a pushed mutation failed; it is answered rejected (internal) and the batch goes on',
      );
      return rejectAsInternal(ctx, a, key, envelope, incident, log);
    }
  }
}

async function applyInTransaction(
  tx: Sql,
  ctx: ServerContext,
  a: AccountRow,
  key: MutationKey,
  envelope: Envelope,
): Promise<MutationResult> {
  const id = key.mutationId;
  // Claimed as applied to its dossier: a refusal below says otherwise, in the same transaction.
  const prior = await claimMutation(
    tx,
    key,
    new Date(ctx.clock.now()).toISOString(),
    dossierIdOf(envelope.args),
  );
  if (prior) {
    if (prior.fingerprint !== null && prior.fingerprint !== key.fingerprint) {
      return { id, status: 'rejected', error: refusalError('conflict', { reason: 'mutation_id_reused' }) };
    }
    return prior.status === 'applied' ? { id, status: 'duplicate' } : { id, ...withoutFingerprint(prior) };
  }
  const parsed = parseMutation(envelope);
  if (!parsed.ok) {
    const error = { code: 'invalid_request' as const, message: parsed.message, details: parsed.details };
    await markRejected(tx, id, error, null);
    return { id, status: 'rejected', error };
  }
  const { dossierId, ...args } = parsed.value.args;
  const command = { name: parsed.value.name, args } as Command;
  const origin = { mutationId: id, clientId: key.clientId };
  const outcome =
    (await checkAssignee(tx, command, a.id)) ??
    (await commandInTransaction(tx, ctx, a, dossierId, command, origin));
  if (!outcome.ok) {
    await markRejected(tx, id, outcome.error, dossierId);
    await recordRejection(tx, ctx, a, dossierId, parsed.value.name, outcome.error, origin);
    return { id, status: 'rejected', error: outcome.error };
  }
  return { id, status: 'applied' };
}

/**
 * Records an unexpected failure as the mutation's answer, in a transaction of its own (the failed
 * one was rolled back), so a re-send gets the same answer; and in the dossier's audit trail when it
 * can. If even that fails, the rejection is still answered: nothing was applied.
 */
async function rejectAsInternal(
  ctx: ServerContext,
  a: AccountRow,
  key: MutationKey,
  envelope: Envelope,
  incident: string,
  log: PushLog,
): Promise<MutationResult> {
  const error = refusalError('internal', { reason: 'internal', incident });
  const dossierId = dossierIdOf(envelope.args);
  const id = key.mutationId;
  let result: MutationResult;
  try {
    result = await ctx.db.transaction(async (tx): Promise<MutationResult> => {
      const prior = await claimMutation(tx, key, new Date(ctx.clock.now()).toISOString(), dossierId);
      // Answered meanwhile by a concurrent re-send of the same id: that answer stands.
      if (prior)
        return prior.status === 'applied'
          ? { id, status: 'duplicate' }
          : { id, ...withoutFingerprint(prior) };
      await markRejected(tx, id, error, dossierId);
      return { id, status: 'rejected', error };
    });
  } catch (again) {
    log.error({ err: again, incident, mutationId: id }, 'could not record the failed mutation');
    result = { id, status: 'rejected', error };
  }
  if (result.error === error && dossierId)
    await recordRejectionAlone(ctx, a, dossierId, envelope.name, error, key, log);
  return result;
}

async function recordRejectionAlone(
  ctx: ServerContext,
  a: AccountRow,
  dossierId: string,
  name: string,
  error: RecordedError,
  key: MutationKey,
  log: PushLog,
): Promise<void> {
  try {
    await ctx.db.transaction((tx) =>
      recordRejection(tx, ctx, a, dossierId, quotable(name, 64), error, {
        mutationId: key.mutationId,
        clientId: key.clientId,
      }),
    );
  } catch (again) {
    log.error(
      { err: again, mutationId: key.mutationId },
      'could not add the failed mutation to the audit trail',
    );
  }
}

function malformedEntry(
  entry: unknown,
  issues: readonly { path: PropertyKey[]; message: string }[],
): MutationResult {
  const rawId = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
  const details = issues.slice(0, 10).map((i) => ({
    path: quotable(i.path.map(String).join('.'), 100),
    message: quotable(i.message, 300),
  }));
  return {
    id: typeof rawId === 'string' ? quotable(rawId, 64) : '',
    status: 'rejected',
    error: {
      code: 'invalid_request',
      message: `This entry is not a mutation (${details.map((d) => `${d.path || 'entry'}: ${d.message}`).join('; ')}).`,
      details,
    },
  };
}

const refusalError = (code: RecordedError['code'], details: RefusalDetails): RecordedError => ({
  code,
  message: refusalText(details, ''),
  details,
});

const withoutFingerprint = ({
  status,
  error,
}: {
  status: MutationResult['status'];
  error?: RecordedError;
}) => (error ? { status, error } : { status });

function dossierIdOf(args: unknown): string | null {
  const id =
    typeof args === 'object' && args !== null ? (args as { dossierId?: unknown }).dossierId : undefined;
  return typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null;
}

function isRetryable(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === '40001' || code === '40P01';
}

async function databaseAnswers(ctx: ServerContext): Promise<boolean> {
  try {
    await ctx.db.query('select 1');
    return true;
  } catch {
    return false;
  }
}

/** An assignee must be a member of Klik & Pay's staff, and not one marked absent. */
async function checkAssignee(
  tx: Sql,
  command: Command,
  actorId: string,
): Promise<{ ok: false; error: RecordedError & { details: RefusalDetails } } | null> {
  if (command.name !== 'dossier.assign' || command.args.assigneeId === null) return null;
  const id = command.args.assigneeId;
  const refused = assigneeRefusal((await assigneesById(tx, [id])).get(id), id, actorId);
  if (!refused) return null;
  const { code, details } = refused;
  return { ok: false, error: { code, message: refusalText(details, ''), details } };
}

/** A refused intent is part of the dossier's story: it goes to the audit trail the author syncs. */
async function recordRejection(
  tx: Sql,
  ctx: ServerContext,
  a: AccountRow,
  dossierId: string,
  name: string,
  error: { code: string; message: string; details?: unknown },
  origin: Record<string, unknown>,
): Promise<void> {
  const dossier = await findDossier(tx, dossierId);
  if (!dossier || !canSeeDossier(a, dossier)) return;
  await appendEvent(tx, dossier, rejectionEvent(ctx, a, dossierId, name, error, origin));
}
