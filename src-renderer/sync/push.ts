import type { RefusalDetails } from '../../src-shared/domain/refusals';
import { refusalDetailsSchema } from '../../src-shared/domain/refusals';
import type { Bridge, BridgeError } from '../../src-shared/contract/bridge';
import type { MutationResult } from '../../src-shared/contract/sync';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { CacheDatabase, OutboxEntry } from '../cache/db';
import { clientIdOf } from '../cache/db';
import { uploadFilesOf } from '../cache/outbox-files';
import { isHeld } from './actions';
import { withdrawEntry, withdrawTables } from './withdraw';

/**
 * Pushing the outbox: pending actions in order, in batches, each under its stable mutation id, so a
 * batch whose answer was lost is simply pushed again and the server answers `duplicate`. A batch the
 * server cannot take as a whole is pushed again one change at a time, to find the one it cannot
 * take: that change is "stuck" — marked with its attempts and the error, shown to the agent, who
 * retries it or discards it — and the changes behind it wait, in order.
 */

export interface PushContext {
  db: CacheDatabase;
  bridge: Bridge;
  settings: DisputeSettings;
  newId: () => string;
  batchSize: number;
  now: () => number;
  /** Called with the actions the server answered (applied, duplicate or rejected). */
  onAnswered?: (ids: string[], rejected: number) => void;
}

export type PushOutcome =
  { ok: true; value: number } | { ok: false; error: BridgeError; stuck: OutboxEntry | null };

/** Below the API's body limit (256 KiB), with room for the envelope. */
export const maxBatchBytes = 192 * 1024;

/** Failures that say something about the changes sent, not about the network or the session. */
const changeFaults: ReadonlySet<BridgeError['code']> = new Set(['server_error', 'invalid_request']);

export async function pushOutbox(ctx: PushContext): Promise<PushOutcome> {
  const { db, bridge } = ctx;
  let count = 0;
  let oneByOne = false;
  for (;;) {
    const size = oneByOne ? 1 : ctx.batchSize;
    let batch = takeBatch(await nextPending(db, ctx.now(), size), size);
    const head = batch[0];
    if (!head) return { ok: true, value: count };
    // The files of a reply or forward go first: the change that lists them is pushed once they are there.
    const uploaded = await uploadFilesOf(db, bridge, batch, ctx.now);
    if (!uploaded.ok) {
      if (uploaded.at > 0) batch = batch.slice(0, uploaded.at);
      else if (!changeFaults.has(uploaded.error.code))
        return { ok: false, error: uploaded.error, stuck: null };
      else return { ok: false, error: uploaded.error, stuck: await noteFailure(ctx, head, uploaded.error) };
    }
    const answer = await bridge.push({
      clientId: await clientIdOf(db, ctx.newId),
      mutations: batch.map((e) => ({ id: e.id, name: e.name, args: e.args })),
    });
    if (!answer.ok) {
      if (!changeFaults.has(answer.error.code)) return { ok: false, error: answer.error, stuck: null };
      if (batch.length > 1) {
        oneByOne = true;
        continue;
      }
      return { ok: false, error: answer.error, stuck: await noteFailure(ctx, head, answer.error) };
    }
    const answered = await settleAnswers(ctx, batch, answer.value.results);
    ctx.onAnswered?.(answered.ids, answered.rejected);
    // An answer that covers none of the batch would loop forever: the head is stuck.
    if (answered.ids.length === 0) {
      const error: BridgeError = {
        code: 'server_error',
        message: 'The server answered none of the changes.',
      };
      if (batch.length > 1 && !oneByOne) {
        oneByOne = true;
        continue;
      }
      return { ok: false, error, stuck: await noteFailure(ctx, head, error) };
    }
    count += answered.ids.length;
  }
}

/**
 * The first `size` pending changes that may go now, in order (the `state` index holds them by
 * `seq`): read no further than that, nor past the first one held — a bulk run of thousands, held
 * for its Undo, was read whole at every push attempt while it ran.
 */
async function nextPending(db: CacheDatabase, now: number, size: number): Promise<OutboxEntry[]> {
  const first = await db.outbox
    .where('state')
    .equals('pending')
    .until((e) => isHeld(e, now))
    .limit(size)
    .toArray();
  return notHeld(first, now);
}

/**
 * The pending changes that may go now, in order: up to the first one still held for its Undo. The
 * ones behind it wait too — a close queued after a held reply must not reach the server first.
 */
export function notHeld(pending: readonly OutboxEntry[], now: number): OutboxEntry[] {
  const held = pending.findIndex((e) => isHeld(e, now));
  return held === -1 ? [...pending] : pending.slice(0, held);
}

/** The next changes in order: at most `size`, and at most `maxBatchBytes` of JSON (at least one). */
export function takeBatch(pending: readonly OutboxEntry[], size: number): OutboxEntry[] {
  const batch: OutboxEntry[] = [];
  let bytes = 0;
  const encoder = new TextEncoder();
  for (const entry of pending) {
    if (batch.length >= size) break;
    const entryBytes = encoder.encode(
      JSON.stringify({ id: entry.id, name: entry.name, args: entry.args }),
    ).length;
    if (batch.length > 0 && bytes + entryBytes > maxBatchBytes) break;
    batch.push(entry);
    bytes += entryBytes;
  }
  return batch;
}

async function settleAnswers(
  ctx: PushContext,
  batch: readonly OutboxEntry[],
  results: readonly MutationResult[],
): Promise<{ ids: string[]; rejected: number }> {
  const { db } = ctx;
  const byId = new Map(results.map((r) => [r.id, r]));
  const ids: string[] = [];
  let rejected = 0;
  await db.transaction('rw', withdrawTables(db), async () => {
    for (const entry of batch) {
      const result = byId.get(entry.id);
      if (!result || entry.seq === undefined) continue;
      ids.push(entry.id);
      if (result.status === 'rejected') {
        rejected++;
        await withdrawEntry(db, ctx.settings, ctx.newId, entry, {
          code: result.error?.code ?? 'conflict',
          message: result.error?.message ?? 'The server refused this change.',
          ...refusalDetailsOf(result.error?.details),
          at: new Date(ctx.now()).toISOString(),
        });
      } else {
        await db.outbox.update(entry.seq, { state: 'acknowledged' });
      }
    }
  });
  return { ids, rejected };
}

/** Marks the change the server could not take: one more attempt, and why. */
async function noteFailure(ctx: PushContext, entry: OutboxEntry, error: BridgeError): Promise<OutboxEntry> {
  const marked: OutboxEntry = {
    ...entry,
    attempts: (entry.attempts ?? 0) + 1,
    lastError: { code: error.code, message: error.message, at: new Date(ctx.now()).toISOString() },
  };
  if (entry.seq !== undefined) {
    await ctx.db.outbox.update(entry.seq, { attempts: marked.attempts, lastError: marked.lastError });
  }
  return marked;
}

/** Details kept only when they are a reason we know: the cache holds what the shared schema says. */
function refusalDetailsOf(details: unknown): { details?: RefusalDetails } {
  const parsed = refusalDetailsSchema.safeParse(details);
  return parsed.success ? { details: parsed.data } : {};
}
