import { useRef, useState } from 'react';
import type { Outcome } from '../../../src-shared/domain/vocabulary';
import type { QueueQuery } from '../../cache/queues';
import { useDesk } from '../../data/desk';
import { clockNow } from '../../clock';
import { queryIds } from '../../data/queues';
import { useT } from '../../i18n/hooks';
import { Dialog } from '../../ui/Dialog';
import { readUndoDelay } from '../../ui/undo-delay';
import { BulkCloseDialog } from './BulkCloseDialog';
import { AssignMenu, MacroMenu, TagMenu } from './BulkMenus';
import { useMacros } from '../../data/team';
import { macroAction } from '../macros/macro-action';
import type { BulkAction, BulkProgress, BulkReport, ReminderPlan } from './bulk-run';
import { planReminders, runBulk } from './bulk-run';
import { ReminderDialog } from './ReminderDialog';
import { BulkSummary } from './BulkSummary';
import { SpreadDialog } from './SpreadDialog';
import './filters.css';

/** What the agent selected: rows one by one, or every dossier matching the queue and its filter. */
export type BulkSelection = { kind: 'ids'; ids: readonly string[] } | { kind: 'all'; count: number };

export interface BulkBarProps {
  selection: BulkSelection;
  /** The queue and filter shown: "all that match" is resolved from it when the action runs. */
  query: QueueQuery;
  now: number;
  onClear: () => void;
  /** Tags to suggest when tagging. */
  knownTags?: readonly string[];
  /** The run is over (e.g. to toast the summary if the bar is about to go). */
  onDone?: (report: BulkReport) => void;
}

/** Above this many dossiers, any bulk action asks first. Closing always asks (its own dialog). */
export const confirmAbove = 50;

type Phase =
  | { kind: 'idle' }
  | { kind: 'confirm'; action: BulkAction; label: string }
  | { kind: 'planning' }
  | { kind: 'reminders'; plan: ReminderPlan }
  | { kind: 'close' }
  | { kind: 'spread'; dossiers: { id: string; assigneeId: string | null }[] }
  | { kind: 'running'; action: BulkAction; progress: BulkProgress | null };

/**
 * The actions on a selection: assign, tag, send reminders, close. Each dossier gets its own action
 * (its own intent in the outbox, refused or not on its own); the bar shows the progress, lets the
 * agent stop, and ends with what was done and why some were refused.
 */
export function BulkBar({ selection, query, now, onClear, knownTags = [], onDone }: BulkBarProps) {
  const t = useT();
  const desk = useDesk();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [report, setReport] = useState<BulkReport | null>(null);
  const [failed, setFailed] = useState(false);
  const stop = useRef(false);
  const macros = useMacros();
  const count = selection.kind === 'ids' ? selection.ids.length : selection.count;
  const running = phase.kind === 'running' || phase.kind === 'planning';

  const selectedIds = async () =>
    selection.kind === 'ids' ? selection.ids : await queryIds(desk, query, now);

  const run = async (action: BulkAction, plan?: ReminderPlan, only?: readonly string[]) => {
    stop.current = false;
    setReport(null);
    setFailed(false);
    setPhase({ kind: 'running', action, progress: null });
    try {
      const ids = only ?? (plan ? plan.eligible : await selectedIds());
      const done = await runBulk(desk, ids, action, {
        // Held for the agent's Undo delay after the run, then they go (ui/undo-delay.ts).
        holdMs: readUndoDelay() * 1_000,
        now: clockNow,
        shouldStop: () => stop.current,
        onProgress: (progress) => setPhase({ kind: 'running', action, progress }),
        sliceSize: sliceSizeFor(ids.length),
      });
      if (plan && plan.skippedCount > 0) done.skipped = plan.skipped;
      setReport(done);
      onDone?.(done);
    } catch {
      // The cache went away under the run (a rebuild): what was done is queued; the rest was not.
      setFailed(true);
    } finally {
      setPhase({ kind: 'idle' });
    }
  };

  const choose = (action: BulkAction, label: string) => {
    if (count > confirmAbove) setPhase({ kind: 'confirm', action, label });
    else void run(action);
  };

  /** Reminders always ask first: how many go, and who is left out and why. */
  const planAndConfirmReminders = async () => {
    setReport(null);
    setPhase({ kind: 'planning' });
    try {
      setPhase({ kind: 'reminders', plan: await planReminders(desk.db, await selectedIds(), now) });
    } catch {
      setFailed(true);
      setPhase({ kind: 'idle' });
    }
  };

  /** The selection with its assignees, for the spread's plan (read in slices, never the whole cache). */
  const openSpread = async () => {
    setReport(null);
    setPhase({ kind: 'planning' });
    try {
      const ids = [...new Set(await selectedIds())];
      const dossiers: { id: string; assigneeId: string | null }[] = [];
      for (let start = 0; start < ids.length; start += 500) {
        const found = await desk.db.dossiers.bulkGet(ids.slice(start, start + 500));
        for (const d of found)
          if (d && d.status !== 'closed') dossiers.push({ id: d.id, assigneeId: d.assigneeId });
      }
      setPhase({ kind: 'spread', dossiers });
    } catch {
      setFailed(true);
      setPhase({ kind: 'idle' });
    }
  };

  const progressText = (action: BulkAction, progress: BulkProgress | null): string =>
    progress === null
      ? t('bulk.preparing')
      : t(`bulk.progress.${action.kind}`, { done: progress.processed, total: progress.total });

  return (
    <section className="bulk-bar" aria-label={t('bulk.actions')}>
      <div className="bulk-bar__row">
        <p className="bulk-bar__count">{t('bulk.selected', { count })}</p>
        <AssignMenu disabled={running || count === 0} onChoose={choose} />
        {desk.user.role === 'supervisor' && (
          <button
            type="button"
            className="button button--small"
            disabled={running || count === 0}
            onClick={() => void openSpread()}
          >
            {t('spread.open')}
          </button>
        )}
        <TagMenu disabled={running || count === 0} onChoose={choose} knownTags={knownTags} />
        <button
          type="button"
          className="button button--small"
          disabled={running || count === 0}
          onClick={() => void planAndConfirmReminders()}
        >
          {t('bulk.remind')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={running || count === 0}
          onClick={() => setPhase({ kind: 'close' })}
        >
          {t('bulk.close')}
        </button>
        <MacroMenu
          disabled={running || count === 0}
          onChoose={choose}
          macros={macros}
          runFor={(macro) =>
            macroAction(macro, { userId: desk.user.id, settings: desk.settings, now: clockNow })
          }
        />
        <div className="bulk-bar__spacer" />
        <button type="button" className="button button--small" disabled={running} onClick={onClear}>
          {t('bulk.clear')}
        </button>
      </div>
      <div className="bulk-bar__status" role="status">
        {phase.kind === 'running' ? (
          <div className="bulk-progress">
            <span>{progressText(phase.action, phase.progress)}</span>
            <progress
              className="bulk-progress__bar"
              max={phase.progress?.total ?? 1}
              value={phase.progress?.processed ?? 0}
              aria-label={progressText(phase.action, phase.progress)}
            />
            <button type="button" className="button button--small" onClick={() => (stop.current = true)}>
              {t('bulk.stop')}
            </button>
          </div>
        ) : report ? (
          <BulkSummary
            report={report}
            onDismiss={() => setReport(null)}
            onUndo={async () => {
              const taken = await desk.undoMany(report.mutationIds);
              setReport({ ...report, undone: taken.length, undoUntil: null });
            }}
          />
        ) : failed ? (
          <p className="filters__problem">{t('bulk.failed')}</p>
        ) : null}
      </div>
      <Dialog
        open={phase.kind === 'confirm'}
        onClose={() => setPhase({ kind: 'idle' })}
        title={phase.kind === 'confirm' ? phase.label : ''}
        description={phase.kind === 'confirm' ? t('bulk.confirm', { action: phase.label, count }) : undefined}
      >
        <div className="filters-dialog__actions">
          <button type="button" className="button" onClick={() => setPhase({ kind: 'idle' })}>
            {t('filters.cancel')}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              if (phase.kind === 'confirm') void run(phase.action);
            }}
          >
            {t('bulk.continue')}
          </button>
        </div>
      </Dialog>
      <ReminderDialog
        plan={phase.kind === 'reminders' ? phase.plan : null}
        onCancel={() => setPhase({ kind: 'idle' })}
        onConfirm={(plan) => void run({ kind: 'remind' }, plan)}
      />
      <SpreadDialog
        dossiers={phase.kind === 'spread' ? phase.dossiers : null}
        onCancel={() => setPhase({ kind: 'idle' })}
        onConfirm={(targets) => {
          const ids = [...targets.keys()];
          void run({ kind: 'spread', targets }, undefined, ids);
        }}
      />
      <BulkCloseDialog
        open={phase.kind === 'close'}
        count={count}
        onClose={() => setPhase({ kind: 'idle' })}
        onConfirm={(summary: string, outcome: Outcome | undefined) =>
          void run(outcome ? { kind: 'close', summary, outcome } : { kind: 'close', summary })
        }
      />
    </section>
  );
}

/**
 * Dossiers per local transaction: 50 keeps a small run's progress moving; a large run takes
 * larger slices, since each slice costs a transaction, a journal write and a re-count of the queues.
 */
export const sliceSizeFor = (count: number): number => (count > 500 ? 250 : 50);
