import { applyTimeRules } from '../../src-shared/domain/time-rules';
import { lockDueDossiers } from '../store/dossiers';
import { deleteExpiredSessions } from '../store/people';
import type { ServerContext } from './context';
import { writeWithNextRule } from './dossiers';
import { deleteStaleUploads } from './staged-files';

/**
 * Applies the time rules (merchant overdue, escalation, pre-close notice, auto-close) to every
 * dossier whose next rule is due. Each rule fires once: after it fires the dossier's next rule moves
 * on, so running this twice, or on two API instances at once (rows are locked and skipped), is safe.
 */
export async function runDueTimeRules(ctx: ServerContext, batch = 200): Promise<number> {
  let applied = 0;
  for (;;) {
    const now = ctx.clock.now();
    const count = await ctx.db.transaction(async (tx) => {
      const due = await lockDueDossiers(tx, new Date(now).toISOString(), batch);
      let n = 0;
      for (const dossier of due) {
        const decision = applyTimeRules(dossier, now, ctx.settings, ctx.newId);
        await writeWithNextRule(tx, ctx, decision);
        n += decision.events.length;
      }
      return { rows: due.length, events: n };
    });
    applied += count.events;
    if (count.rows < batch) return applied;
  }
}

/** One round of the periodic work: the time rules, then expired sessions and unused uploads cleared. */
export async function runScheduledWork(ctx: ServerContext): Promise<void> {
  await runDueTimeRules(ctx);
  await deleteExpiredSessions(ctx.db, new Date(ctx.clock.now()).toISOString());
  await deleteStaleUploads(ctx);
}

/** Runs `runScheduledWork` every `intervalMs` until stopped; one run at a time. */
export function startScheduler(
  ctx: ServerContext,
  intervalMs: number,
  onError: (e: unknown) => void,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => runScheduledWork(ctx)).catch(onError);
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
