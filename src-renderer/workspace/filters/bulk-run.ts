import { isMerchantOverdue } from '../../../src-shared/domain/queues';
import type { RefusalDetails, RefusalReason } from '../../../src-shared/domain/refusals';
import type { Outcome } from '../../../src-shared/domain/vocabulary';
import type { CacheDatabase, CachedDossier } from '../../cache/db';
import { holdBackgroundReads } from '../../data/coalesced';
import type { ActionRequest, ActionResult } from '../../sync/actions';

/**
 * A bulk action is the same action performed on each dossier: each is its own intent in the outbox,
 * checked by the same rules as a click on one dossier, so one refusal never blocks the others. It
 * runs in slices, each one local transaction (the queues re-count once per slice, not per dossier),
 * with a yield to the event loop between slices so the screen stays responsive.
 */

export type BulkAction =
  | { kind: 'assign'; assigneeId: string | null }
  | { kind: 'tag'; tag: string }
  | { kind: 'remind' }
  | { kind: 'close'; summary: string; outcome?: Outcome }
  /** A supervisor's reassignment: who gets each dossier, planned before the run (`spreadAssignments`). */
  | { kind: 'spread'; targets: ReadonlyMap<string, string> }
  /** A team macro: several actions on each dossier (workspace/macros/macro-run.ts). */
  | { kind: 'macro'; name: string; requestsFor: (id: string, dossier: CachedDossier) => ActionRequest[] };
export type BulkKind = BulkAction['kind'];

/** Dossiers refused for the same reason, together. */
export interface RefusalGroup {
  code: string;
  /** The rules' reason as a word of the shared vocabulary, when they gave one (the group's key). */
  details?: RefusalDetails | undefined;
  /** The reason in the rules' words, with each dossier's own reference left out ("Dossier … is already closed."). */
  reason: string;
  references: string[];
}

export interface BulkReport {
  kind: BulkKind;
  total: number;
  /** Changed, and queued for the server. */
  succeeded: number;
  /** Already as asked (already assigned to them, already tagged): nothing to send. */
  unchanged: number;
  refused: number;
  /** Not attempted: the agent stopped the run, or the local storage failed. */
  notDone: number;
  groups: RefusalGroup[];
  stopped: 'agent' | 'storage' | null;
  /** Left out before the run, by reason (reminders: only to merchants past their deadline). */
  skipped?: Partial<Record<SkipReason, number>>;
  /** The changes queued (their mutation ids): what an Undo takes back while they are held. */
  mutationIds: string[];
  /** Until when (ms) they are held for the agent's Undo; null when they went at once. */
  undoUntil: number | null;
  /** After an Undo: how many were taken back before they went. */
  undone?: number;
}

/** Why a dossier of the selection gets no reminder. */
export type SkipReason =
  Extract<RefusalReason, 'merchant_not_late' | 'not_awaiting_merchant' | 'dossier_closed'> | 'not_found';

/** Who a bulk reminder will go to, and who is left out and why: asked before anything is sent. */
export interface ReminderPlan {
  eligible: string[];
  /** Of the eligible, those already reminded of this missed deadline: the letter again, same deadline. */
  alreadyReminded: number;
  skipped: Partial<Record<SkipReason, number>>;
  skippedCount: number;
}

/** Reads the selection in slices (never the whole cache at once) and sorts it for a bulk reminder. */
export async function planReminders(
  db: CacheDatabase,
  ids: readonly string[],
  now: number,
): Promise<ReminderPlan> {
  const plan: ReminderPlan = { eligible: [], alreadyReminded: 0, skipped: {}, skippedCount: 0 };
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += 500) {
    const slice = unique.slice(start, start + 500);
    const dossiers = await db.dossiers.bulkGet(slice);
    for (const [i, d] of dossiers.entries()) {
      const skip: SkipReason | null = !d
        ? 'not_found'
        : d.status === 'closed'
          ? 'dossier_closed'
          : d.status !== 'awaiting_merchant'
            ? 'not_awaiting_merchant'
            : !isMerchantOverdue(d, now)
              ? 'merchant_not_late'
              : null;
      if (skip === null) {
        plan.eligible.push(slice[i] ?? '');
        if (d?.merchantStage === 'reminded') plan.alreadyReminded++;
      } else {
        plan.skipped[skip] = (plan.skipped[skip] ?? 0) + 1;
        plan.skippedCount++;
      }
    }
  }
  return plan;
}

export interface BulkProgress {
  processed: number;
  total: number;
}

export interface BulkTarget {
  db: CacheDatabase;
  /** A slice of actions in one local transaction (`Desk.performMany`): results in order. */
  performMany: (requests: readonly ActionRequest[]) => Promise<ActionResult[]>;
  /** Ends the run's hold: the changes go up `holdMs` from now (`Desk.releaseHeld`). */
  releaseHeld: (mutationIds: readonly string[], holdMs: number) => Promise<void>;
}

export interface BulkRunOptions {
  /** Told at the start, after each slice and at the end (not at every dossier: the screen need not repaint). */
  onProgress?: (progress: BulkProgress) => void;
  /** Asked before each slice: true stops the run there. */
  shouldStop?: () => boolean;
  /**
   * How many dossiers in a slice: one local transaction (the queues' live queries re-run once per
   * slice, not per dossier), then a yield to the event loop.
   */
  sliceSize?: number;
  /**
   * The agent's Undo delay (ui/undo-delay.ts): the run's changes are held while it runs, then for
   * this long after its end, so all of them can be undone together. 0: they go as they are queued.
   */
  holdMs?: number;
  /** The clock the hold is counted on (the server-corrected one in the app). */
  now?: () => number;
}

/**
 * Held while the run lasts, whatever its length: a run of 1,000 dossiers takes seconds, and none of
 * it may go before its end starts the agent's Undo delay. Should the app stop mid-run, they go later.
 */
export const bulkRunHoldMs = 10 * 60_000;

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

type Step =
  | { kind: 'done' }
  | { kind: 'unchanged' }
  | { kind: 'refused'; code: string; message: string; details?: RefusalDetails | undefined };

const outcome = (result: ActionResult | undefined): Step =>
  !result
    ? { kind: 'refused', code: 'storage_failed', message: 'The action was not applied.' }
    : result.ok
      ? { kind: 'done' }
      : {
          kind: 'refused',
          code: result.error.code,
          message: result.error.message,
          details: 'details' in result.error ? result.error.details : undefined,
        };

/** The action on one dossier, or null when the dossier is already as asked (nothing to send). */
function requestOf(
  id: string,
  dossier: CachedDossier | undefined,
  action: Exclude<BulkAction, { kind: 'macro' }>,
): ActionRequest | null {
  switch (action.kind) {
    case 'assign':
      if (dossier && dossier.assigneeId === action.assigneeId) return null;
      return { name: 'dossier.assign', args: { dossierId: id, assigneeId: action.assigneeId } };
    case 'tag':
      // Sent as the change it is (add this tag), never as a whole list that would undo a tag
      // someone else gave the dossier meanwhile.
      if (dossier?.tags.includes(action.tag)) return null;
      return { name: 'dossier.tag', args: { dossierId: id, add: [action.tag] } };
    case 'remind':
      return { name: 'dossier.remind_merchant', args: { dossierId: id } };
    case 'spread': {
      const to = action.targets.get(id);
      if (to === undefined || dossier?.assigneeId === to) return null;
      return { name: 'dossier.assign', args: { dossierId: id, assigneeId: to } };
    }
    case 'close':
      return {
        name: 'dossier.close',
        args: {
          dossierId: id,
          summary: action.summary,
          ...(action.outcome ? { outcome: action.outcome } : {}),
        },
      };
  }
}

/** A macro's actions (none: already as asked), or a refusal for a dossier the cache does not hold. */
function requestsFor(
  id: string,
  dossier: CachedDossier | undefined,
  action: BulkAction,
): ActionRequest[] | Step {
  if (action.kind !== 'macro') {
    const request = requestOf(id, dossier, action);
    return request === null ? [] : [request];
  }
  if (!dossier)
    return { kind: 'refused', code: 'not_found', message: `Dossier ${id} is not on this computer.` };
  return action.requestsFor(id, dossier);
}

/** A dossier's steps as one outcome: done when each was, else its first refusal. */
function outcomeOf(results: readonly (ActionResult | undefined)[]): Step {
  if (results.length === 0) return { kind: 'unchanged' };
  for (const r of results) {
    const step = outcome(r);
    if (step.kind === 'refused') return step;
  }
  return { kind: 'done' };
}

/** One slice: the dossiers read at once, the actions performed in one local transaction. */
async function runSlice(
  target: BulkTarget,
  ids: readonly string[],
  action: BulkAction,
  held: boolean,
  queued: string[],
): Promise<Step[]> {
  const dossiers = await target.db.dossiers.bulkGet([...ids]);
  const planned = ids.map((id, i) => requestsFor(id, dossiers[i], action));
  const requests = planned.flatMap((p) => (Array.isArray(p) ? p : []));
  const results = await target.performMany(
    held ? requests.map((r) => ({ ...r, holdMs: bulkRunHoldMs })) : requests,
  );
  for (const r of results) if (r.ok) queued.push(r.mutationId);
  let next = 0;
  return planned.map((p) => {
    if (!Array.isArray(p)) return p;
    const mine = results.slice(next, next + p.length);
    next += p.length;
    return outcomeOf(mine);
  });
}

/** Nothing more can be written locally: the rest would fail the same way. */
const storageCodes = new Set(['storage_full', 'storage_failed']);

export async function runBulk(
  target: BulkTarget,
  ids: readonly string[],
  action: BulkAction,
  { onProgress, shouldStop, sliceSize = 50, holdMs = 0, now = Date.now }: BulkRunOptions = {},
): Promise<BulkReport> {
  const unique = [...new Set(ids)];
  const report: BulkReport = {
    kind: action.kind,
    total: unique.length,
    succeeded: 0,
    unchanged: 0,
    refused: 0,
    notDone: 0,
    groups: [],
    stopped: null,
    mutationIds: [],
    undoUntil: null,
  };
  const groups = new Map<string, RefusalGroup>();
  let processed = 0;
  onProgress?.({ processed, total: unique.length });
  const release = holdBackgroundReads();
  try {
    slices: for (let start = 0; start < unique.length; start += sliceSize) {
      if (shouldStop?.()) {
        report.stopped = 'agent';
        report.notDone = unique.length - start;
        break;
      }
      const slice = unique.slice(start, start + sliceSize);
      const steps = await runSlice(target, slice, action, holdMs > 0, report.mutationIds);
      for (const [j, result] of steps.entries()) {
        processed = start + j + 1;
        if (result.kind === 'done') report.succeeded++;
        else if (result.kind === 'unchanged') report.unchanged++;
        else {
          report.refused++;
          const id = slice[j] ?? '';
          const reference = (await target.db.dossiers.get(id))?.reference ?? id;
          const reason = result.message.split(reference).join('…');
          const { details } = result;
          const key = details
            ? `${details.reason}\u0000${details.role ?? ''}\u0000${details.command ?? ''}`
            : `${result.code}\u0000${reason}`;
          const group = groups.get(key) ?? { code: result.code, details, reason, references: [] };
          group.references.push(reference);
          groups.set(key, group);
          if (storageCodes.has(result.code)) {
            // The whole slice failed with the storage: the rest of it, and of the run, was not done.
            report.stopped = 'storage';
            report.notDone = unique.length - processed;
            break slices;
          }
        }
      }
      if (processed < unique.length) {
        onProgress?.({ processed, total: unique.length });
        await yieldToEventLoop();
      }
    }
    onProgress?.({ processed, total: unique.length });
  } finally {
    // The hold ends with the run, even one cut short: what was queued goes after the Undo delay.
    try {
      if (holdMs > 0 && report.mutationIds.length > 0) {
        await target.releaseHeld(report.mutationIds, holdMs);
        report.undoUntil = now() + holdMs;
      }
    } finally {
      release();
    }
  }
  // The largest group first: the reason that matters most for the agent's next step.
  report.groups = [...groups.values()].sort((a, b) => b.references.length - a.references.length);
  return report;
}
