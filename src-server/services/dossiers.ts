import type { FileClaimRequest } from '../../src-shared/contract/api';
import { localDate } from '../../src-shared/domain/calendar';
import type { Command } from '../../src-shared/domain/commands';
import { decide, fileClaim } from '../../src-shared/domain/lifecycle';
import type { Dossier } from '../../src-shared/domain/model';
import type { RefusalDetails } from '../../src-shared/domain/refusals';
import { refusalText } from '../../src-shared/domain/refusals';
import { applyTimeRules, nextTimeRule } from '../../src-shared/domain/time-rules';
import type { Decision, Refusal } from '../../src-shared/domain/transitions';
import type { Sql } from '../db/database';
import { ApiProblem, notFound } from '../http/problem';
import type { StoredAttachment } from '../store/attachments';
import { insertAttachments } from '../store/attachments';
import { lockDossier, lockTransactionOpenDossier, nextDossierNumber, writeDecision } from '../store/dossiers';
import type { AccountRow } from '../store/people';
import { findCustomer, findMerchant, findTransaction } from '../store/people';
import { bindStagedFiles, lockStagedFiles } from '../store/staged-files';
import { prepareUploads } from './attachments';
import type { ServerContext } from './context';
import { bindingOf, listedFiles, unstagedRefusal } from './staged-files';
import { actorOf, canSeeDossier } from './visibility';

/** Applying the lifecycle as the authority: every change to a dossier goes through here. */

export async function writeWithNextRule(tx: Sql, ctx: ServerContext, decision: Decision): Promise<void> {
  const next = nextTimeRule(decision.dossier, ctx.settings);
  await writeDecision(tx, { ...decision, nextRuleAt: next?.at ?? null });
}

export async function fileClaimFor(
  ctx: ServerContext,
  account: AccountRow,
  req: FileClaimRequest,
): Promise<Dossier> {
  if (account.role !== 'customer') throw new ApiProblem('forbidden', 'Only a customer can file a claim.');
  const uploads = prepareUploads(req.attachments, ctx.newId);
  try {
    return await ctx.db.transaction(async (tx) => {
      await lockTransactionOpenDossier(tx, req.transactionId);
      const t = await findTransaction(tx, req.transactionId);
      if (!t || t.customerId !== account.customerId) throw notFound('This transaction');
      if (t.openDossierId !== null) {
        throw new ApiProblem('conflict', 'This transaction already has an open dossier.', {
          reason: 'transaction_has_open_dossier',
          dossierId: t.openDossierId,
        });
      }
      const [merchant, customer] = await Promise.all([
        findMerchant(tx, t.merchantId),
        findCustomer(tx, t.customerId),
      ]);
      if (!merchant || !customer) throw new Error(`transaction ${t.id} has no merchant or customer`);
      const now = ctx.clock.now();
      const number = await nextDossierNumber(tx);
      const year = localDate(now, ctx.settings.calendar.timeZone).slice(0, 4);
      const { openDossierId: _ignored, ...transaction } = t;
      const decided = fileClaim(
        {
          id: ctx.newId(),
          reference: `KP-${year}-${String(number).padStart(6, '0')}`,
          transaction,
          subject: req.subject,
          reason: req.reason,
          merchantContact: req.merchantContact,
          description: req.description,
          desiredOutcome: req.desiredOutcome ?? null,
          language: req.language ?? customer.language,
          merchantEmailValid: merchant.emailValid,
          attachments: uploads.meta,
        },
        { now, settings: ctx.settings, actor: actorOf(account), newId: ctx.newId },
      );
      if (!decided.ok) throw new ApiProblem(decided.error.code, decided.error.message, decided.error.details);
      await writeWithNextRule(tx, ctx, decided.value);
      await storeFiles(tx, decided.value, uploads.files);
      return decided.value.dossier;
    });
  } catch (error) {
    // Two filings racing on one transaction: the partial unique index lets only one through.
    if (isUniqueViolation(error))
      throw new ApiProblem('conflict', 'This transaction already has an open dossier.', {
        reason: 'transaction_has_open_dossier',
      });
    throw error;
  }
}

export type CommandOutcome =
  | { ok: true; dossier: Dossier; changed: boolean; decision: Decision }
  | {
      ok: false;
      error: { code: Refusal['code'] | 'not_found'; message: string; details?: RefusalDetails };
    };

/**
 * Runs a command on a dossier inside the caller's transaction: catches up the time rules first, so the
 * command meets the dossier as it is now, then writes both — or writes nothing when refused. The
 * files its message lists are stored (sent inline) or moved from the author's staged uploads with
 * it; a listed file not staged refuses it (`attachment_not_uploaded`).
 */
export async function commandInTransaction(
  tx: Sql,
  ctx: ServerContext,
  account: AccountRow,
  dossierId: string,
  command: Command,
  /** Where the intent came from (a pushed mutation's id and client), kept in its audit event. */
  origin?: Record<string, unknown>,
  /** Files sent with the command (HTTP); the others it lists must be staged by its author. */
  inline: readonly StoredAttachment[] = [],
): Promise<CommandOutcome> {
  const current = await lockDossier(tx, dossierId);
  if (!current || !canSeeDossier(account, current)) {
    const details: RefusalDetails = { reason: 'dossier_not_found' };
    return { ok: false, error: { code: 'not_found', message: refusalText(details, ''), details } };
  }
  const decided = await decideOn(ctx, account, current, command, origin, (caughtUp) =>
    command.name === 'dossier.reopen' && caughtUp.status === 'closed'
      ? lockTransactionOpenDossier(tx, caughtUp.transaction.id)
      : Promise.resolve(undefined),
  );
  if (!decided.ok) return { ok: false, error: decided.error };
  const decision = decided.value;
  const sent = new Set(inline.map((f) => f.id));
  const staged = listedFiles(command).filter((a) => !sent.has(a.id));
  if (staged.length > 0) {
    const available = await lockStagedFiles(
      tx,
      account.id,
      staged.map((a) => a.id),
    );
    const refused = unstagedRefusal(staged, available);
    if (refused) return { ok: false, error: refused };
  }
  const changed = decision.events.length > 0;
  if (changed) await writeWithNextRule(tx, ctx, decision);
  await storeFiles(tx, decision, inline);
  if (staged.length > 0) await bindStagedFiles(tx, [bindingOf(decision, staged)]);
  return { ok: true, dossier: decision.dossier, changed, decision };
}

/**
 * A command decided on a dossier as it is now: the time rules caught up first, then the rules
 * themselves; the intent's origin (a pushed mutation) kept in its audit events. Pure: the caller
 * writes the decision (or the refusal). Push in bulk decides with it too (push-bulk.ts).
 */
export async function decideOn(
  ctx: ServerContext,
  account: AccountRow,
  current: Dossier,
  command: Command,
  origin?: Record<string, unknown>,
  /** Reopening: the open dossier on the same transaction, if any, read under its lock. */
  openOnTransactionOf?: (caughtUp: Dossier) => Promise<string | null | undefined>,
): Promise<{ ok: true; value: Decision } | { ok: false; error: Refusal }> {
  const now = ctx.clock.now();
  const caughtUp = applyTimeRules(current, now, ctx.settings, ctx.newId);
  const openOnTransaction = await openOnTransactionOf?.(caughtUp.dossier);
  const decided = decide(caughtUp.dossier, command, {
    now,
    settings: ctx.settings,
    actor: actorOf(account),
    newId: ctx.newId,
    ...(openOnTransaction !== undefined ? { openOnTransaction } : {}),
  });
  if (!decided.ok) return decided;
  return {
    ok: true,
    value: {
      dossier: decided.value.dossier,
      messages: [...caughtUp.messages, ...decided.value.messages],
      events: [
        ...caughtUp.events,
        ...decided.value.events.map((e) => (origin ? { ...e, data: { ...e.data, origin } } : e)),
      ],
    },
  };
}

/**
 * The HTTP path: one command, one transaction; a refusal answers its error and changes nothing.
 * Attached files are stored with the message that lists them, in the same transaction.
 */
export async function runCommand(
  ctx: ServerContext,
  account: AccountRow,
  dossierId: string,
  command: Command,
  files: readonly StoredAttachment[] = [],
): Promise<Dossier> {
  const outcome = await ctx.db.transaction((tx) =>
    commandInTransaction(tx, ctx, account, dossierId, command, undefined, files),
  );
  if (!outcome.ok) throw new ApiProblem(outcome.error.code, outcome.error.message, outcome.error.details);
  return outcome.dossier;
}

async function storeFiles(tx: Sql, decision: Decision, files: readonly StoredAttachment[]): Promise<void> {
  const first = files[0];
  if (!first) return;
  const message = decision.messages.find((m) => m.attachments.some((a) => a.id === first.id));
  if (!message) throw new Error('the attached files belong to no message of the decision');
  await insertAttachments(tx, decision.dossier.id, message.id, files, message.createdAt);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
