import { assigneeRefusal } from '../../src-shared/domain/assignments';
import type { MutationResult } from '../../src-shared/contract/sync';
import { parseMutation } from '../../src-shared/contract/sync';
import type { Command } from '../../src-shared/domain/commands';
import type { AuditEvent, Dossier, Message } from '../../src-shared/domain/model';
import type { RefusalDetails } from '../../src-shared/domain/refusals';
import { refusalText } from '../../src-shared/domain/refusals';
import { nextTimeRule } from '../../src-shared/domain/time-rules';
import { assigneesById } from '../store/absence';
import type { Sql } from '../db/database';
import type { ChangeRow } from '../store/changes';
import { changeRowsOf, lockDossiers, writeBatch } from '../store/dossiers';
import type { MutationKey } from '../store/mutations';
import { claimMutations, markRejectedMany } from '../store/mutations';
import type { AccountRow } from '../store/people';
import type { Binding } from '../store/staged-files';
import { bindStagedFiles, lockStagedFiles } from '../store/staged-files';
import type { ServerContext } from './context';
import { decideOn } from './dossiers';
import { bindingOf, listedFiles, unstagedRefusal } from './staged-files';
import { canSeeDossier } from './visibility';

/**
 * A batch of pushed mutations applied in a handful of statements instead of five or six each: every
 * id claimed in one insert, every dossier read and locked in one select (in id order), the rules
 * run in memory in the order sent — each mutation meeting the dossier as the ones before it left
 * it — and what they decided written in one statement per table. The answers, the rows and the
 * audit trail are exactly those of applying the mutations one after another (a test compares the
 * two on random batches); PGlite plans each statement anew, so this is where push's time went.
 *
 * Batches this cannot apply in memory answer null and go the one-by-one way: a mutation id twice in
 * one batch, and reopening (its one-open-dossier-per-transaction check reads other dossiers, which
 * earlier mutations of the batch may have changed but not written yet).
 */

export interface BulkEntry {
  envelope: { id: string; name: string; args: unknown };
  key: MutationKey;
  /** The dossier its arguments name, if they name a well-formed one. */
  dossierId: string | null;
}

type RecordedError = NonNullable<MutationResult['error']>;

export function canApplyInBulk(entries: readonly BulkEntry[]): boolean {
  const ids = new Set(entries.map((e) => e.key.mutationId));
  return (
    entries.length >= 2 &&
    ids.size === entries.length &&
    entries.every((e) => e.envelope.name !== 'dossier.reopen')
  );
}

export async function applyInBulk(
  tx: Sql,
  ctx: ServerContext,
  a: AccountRow,
  entries: readonly BulkEntry[],
): Promise<MutationResult[]> {
  const claimedAt = new Date(ctx.clock.now()).toISOString();
  const priors = await claimMutations(
    tx,
    entries.map((e) => ({ key: e.key, dossierId: e.dossierId })),
    claimedAt,
  );
  const parsed = entries.map((e) => (priors.get(e.key.mutationId) ? null : parseMutation(e.envelope)));
  const dossierIds = parsed.flatMap((p) => (p?.ok ? [p.value.args.dossierId] : []));
  const assigneeIds = parsed.flatMap((p) =>
    p?.ok && p.value.name === 'dossier.assign' && p.value.args.assigneeId !== null
      ? [p.value.args.assigneeId]
      : [],
  );
  // Locked before anything is decided, as one mutation at a time would have locked each.
  const dossiers = await lockDossiers(tx, dossierIds);
  const assignees = await assigneesById(tx, assigneeIds);
  // The files listed, staged by the author; each applied mutation takes its own out of the map.
  const staged = await lockStagedFiles(
    tx,
    a.id,
    parsed.flatMap((p) => (p?.ok ? listedFiles(p.value).map((f) => f.id) : [])),
  );
  const bindings: Binding[] = [];

  const written = new Map<string, Dossier>();
  const messages: { dossierId: string; message: Message }[] = [];
  const events: { dossierId: string; event: AuditEvent }[] = [];
  const changes: ChangeRow[] = [];
  const rejected: { mutationId: string; error: RecordedError; dossierId: string | null }[] = [];
  const answers: MutationResult[] = [];

  const reject = (id: string, error: RecordedError, dossierId: string | null): MutationResult => {
    rejected.push({ mutationId: id, error, dossierId });
    return { id, status: 'rejected', error };
  };

  for (const [i, e] of entries.entries()) {
    const id = e.key.mutationId;
    const prior = priors.get(id);
    const p = parsed[i];
    if (prior) {
      answers.push(
        prior.fingerprint !== null && prior.fingerprint !== e.key.fingerprint
          ? {
              id,
              status: 'rejected',
              error: {
                code: 'conflict',
                message: refusalText({ reason: 'mutation_id_reused' }, ''),
                details: { reason: 'mutation_id_reused' },
              },
            }
          : prior.status === 'applied'
            ? { id, status: 'duplicate' }
            : { id, status: prior.status, ...(prior.error ? { error: prior.error } : {}) },
      );
      continue;
    }
    if (!p) throw new Error('a new mutation was not parsed');
    if (!p.ok) {
      answers.push(reject(id, { code: 'invalid_request', message: p.message, details: p.details }, null));
      continue;
    }
    const { dossierId, ...args } = p.value.args;
    const command = { name: p.value.name, args } as Command;
    const origin = { mutationId: id, clientId: e.key.clientId };
    const current = dossiers.get(dossierId);
    let error: RecordedError;
    const refused =
      command.name === 'dossier.assign' && command.args.assigneeId !== null
        ? assigneeRefusal(assignees.get(command.args.assigneeId), command.args.assigneeId, a.id)
        : null;
    if (refused) {
      error = { code: refused.code, message: refusalText(refused.details, ''), details: refused.details };
    } else if (!current || !canSeeDossier(a, current)) {
      const details: RefusalDetails = { reason: 'dossier_not_found' };
      error = { code: 'not_found', message: refusalText(details, ''), details };
    } else {
      const decided = await decideOn(ctx, a, current, command, origin);
      const listed = listedFiles(command);
      const unstaged = decided.ok ? unstagedRefusal(listed, staged) : null;
      if (!decided.ok) error = decided.error;
      else if (unstaged) error = unstaged;
      else {
        const decision = decided.value;
        if (listed.length > 0) {
          for (const f of listed) staged.delete(f.id);
          bindings.push(bindingOf(decision, listed));
        }
        if (decision.events.length > 0) {
          dossiers.set(dossierId, decision.dossier);
          written.set(dossierId, decision.dossier);
          for (const message of decision.messages) messages.push({ dossierId, message });
          for (const event of decision.events) events.push({ dossierId, event });
          changes.push(...changeRowsOf(decision));
        }
        answers.push({ id, status: 'applied' });
        continue;
      }
    }
    answers.push(reject(id, error, dossierId));
    // A refused intent is part of the dossier's story, as in push.ts's recordRejection.
    if (current && canSeeDossier(a, current)) {
      const event = rejectionEvent(ctx, a, dossierId, p.value.name, error, origin);
      events.push({ dossierId, event });
      changes.push({
        entity: 'event',
        id: event.id,
        visibleTo: 'staff',
        customerId: current.transaction.customerId,
        merchantId: current.transaction.merchantId,
      });
    }
  }

  await markRejectedMany(tx, rejected);
  await writeBatch(tx, {
    dossiers: [...written.values()].map((dossier) => ({
      dossier,
      nextRuleAt: nextTimeRule(dossier, ctx.settings)?.at ?? null,
    })),
    messages,
    events,
    changes,
  });
  await bindStagedFiles(tx, bindings);
  return answers;
}

/** A refused intent, as the audit event that tells it on its dossier (what, why, from where). */
export function rejectionEvent(
  ctx: ServerContext,
  a: AccountRow,
  dossierId: string,
  mutation: string,
  error: { code: string; message: string; details?: unknown },
  origin: Record<string, unknown>,
): AuditEvent {
  return {
    id: ctx.newId(),
    dossierId,
    type: 'mutation.rejected',
    actor: { role: a.role, id: a.id },
    at: new Date(ctx.clock.now()).toISOString(),
    changes: {},
    data: {
      mutation,
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
      origin,
    },
  };
}
