import { useEffect, useState } from 'react';
import { clockNow } from '../../clock';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/hooks';
import { refusalReasonText } from '../../ui/refusal';
import type { BulkReport, RefusalGroup } from './bulk-run';

/** "Done: 1,180 closed, 20 refused" — what a bulk action did, in one line. */
export function summaryLine(t: Translate, report: BulkReport): string {
  const parts = [t(`bulk.count.${report.kind}`, { count: report.succeeded })];
  if (report.unchanged > 0) {
    const count = report.unchanged;
    parts.push(
      report.kind === 'assign' || report.kind === 'spread'
        ? t('bulk.count.unchanged.assign', { count })
        : report.kind === 'tag'
          ? t('bulk.count.unchanged.tag', { count })
          : t('bulk.count.unchanged', { count }),
    );
  }
  const skipped = Object.values(report.skipped ?? {}).reduce((sum, n) => sum + n, 0);
  if (skipped > 0) parts.push(t('bulk.count.skipped', { count: skipped }));
  if (report.refused > 0) parts.push(t('bulk.count.refused', { count: report.refused }));
  if (report.notDone > 0) parts.push(t('bulk.count.notDone', { count: report.notDone }));
  const list = parts.join(', ');
  const line =
    report.stopped === null
      ? t('bulk.summary.done', { parts: list })
      : t('bulk.summary.stopped', { parts: list });
  if (report.undone === undefined) return line;
  const late = report.mutationIds.length - report.undone;
  return [
    t('bulk.undone', { count: report.undone }),
    ...(late > 0 ? [t('bulk.undoneLate', { count: late })] : []),
  ].join(' ');
}

/** The reason of a group in the agent's language when it is ours; the rules' own words otherwise. */
export function reasonText(t: Translate, group: RefusalGroup): string {
  switch (group.code) {
    case 'not_found':
      return t('bulk.refusal.notFound');
    case 'storage_full':
      return t('error.storage_full');
    case 'storage_failed':
      return t('error.storage_failed');
    default:
      return refusalReasonText(t, { message: group.reason, details: group.details });
  }
}

const referencesShown = 100;

export interface BulkSummaryProps {
  report: BulkReport;
  onDismiss: () => void;
  /** Takes back the run's changes still held (offered until `report.undoUntil`). */
  onUndo?: () => Promise<void>;
}

/** Whether the run's changes are still held for the Undo: true until `undoUntil`, then false. */
function useHeld(undoUntil: number | null): boolean {
  const [passed, setPassed] = useState<number | null>(null);
  useEffect(() => {
    if (undoUntil === null) return;
    const timer = setTimeout(() => setPassed(undoUntil), Math.max(0, undoUntil - clockNow()));
    return () => clearTimeout(timer);
  }, [undoUntil]);
  return undoUntil !== null && passed !== undoUntil;
}

/** The end of a bulk action: the counts, then each refusal reason with the dossiers it concerns. */
export function BulkSummary({ report, onDismiss, onUndo }: BulkSummaryProps) {
  const t = useT();
  const held = useHeld(report.undoUntil);
  const [undoing, setUndoing] = useState(false);
  return (
    <div className={report.refused > 0 ? 'bulk-summary bulk-summary--refusals' : 'bulk-summary'}>
      <div className="bulk-summary__head">
        <p className="bulk-summary__line">{summaryLine(t, report)}</p>
        {held && onUndo ? (
          <button
            type="button"
            className="button button--small"
            disabled={undoing}
            onClick={() => {
              setUndoing(true);
              void onUndo().finally(() => setUndoing(false));
            }}
          >
            {t('bulk.undo')}
          </button>
        ) : null}
        <button type="button" className="button button--small" onClick={onDismiss}>
          {t('bulk.dismiss')}
        </button>
      </div>
      {report.groups.length > 0 ? (
        <ul className="bulk-summary__groups" aria-label={t('bulk.refusals')}>
          {report.groups.map((group) => {
            const shown = group.references.slice(0, referencesShown);
            const more = group.references.length - shown.length;
            return (
              <li key={`${group.code}:${group.reason}`} className="bulk-summary__group">
                <p>
                  <span className="bulk-summary__count">
                    {t('bulk.count.refused', { count: group.references.length })}
                  </span>{' '}
                  <span className="bulk-summary__reason">{reasonText(t, group)}</span>
                </p>
                <details className="bulk-summary__details">
                  <summary>{t('bulk.showDossiers', { count: group.references.length })}</summary>
                  <p className="bulk-summary__references">
                    {shown.join(', ')}
                    {more > 0 ? ` ${t('bulk.andMore', { count: more })}` : ''}
                  </p>
                </details>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
