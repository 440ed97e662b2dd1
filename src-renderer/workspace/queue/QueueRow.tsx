import { memo, useId } from 'react';
import type { Dossier } from '../../../src-shared/domain/model';
import { useFormat, useT } from '../../i18n/hooks';
import { Countdown } from '../../ui/Countdown';
import { StatusBadge, statusText } from '../../ui/StatusBadge';

export interface QueueRowProps {
  dossier: Dossier;
  /** Its place in the list, given back when the row takes the focus. */
  index: number;
  now: number;
  assigneeName: string | null;
  active: boolean;
  selected: boolean;
  /** Roving focus: the row the keyboard cursor is on takes the tab stop. */
  focusable: boolean;
  /** The agent has a draft on this dossier (`useDraftIds`). */
  draft: boolean;
  onOpen: (dossier: Dossier) => void;
  onToggle: (id: string) => void;
  onFocusRow: (index: number) => void;
}

/**
 * One dossier in a queue: what an agent scans to choose the next one. Its accessible name says
 * the essentials in that order (reference, customer, status, deadline); the rest of the row
 * (amount, subject, assignee, draft) is its description.
 */
export const QueueRow = memo(function QueueRow({
  dossier: d,
  index,
  now,
  assigneeName,
  active,
  selected,
  focusable,
  draft,
  onOpen,
  onToggle,
  onFocusRow,
}: QueueRowProps) {
  const t = useT();
  const format = useFormat();
  const id = useId();
  // The deadline of whoever has the move; an open dossier without one shows its auto-close.
  const deadline = d.status === 'closed' ? null : (d.dueAt ?? d.autoCloseAt);
  const dated = d.closure?.at ?? d.updatedAt;
  const named = {
    reference: d.reference,
    customer: d.transaction.customerName,
    status: statusText(t, d.status, d.merchantStage),
  };
  const name = deadline
    ? t('list.rowName', { ...named, deadline: format.countdown(deadline, now) })
    : t('list.rowNameDated', { ...named, date: format.date(dated) });
  const described = ['amount', 'subject', 'assignee', ...(draft ? ['draft'] : [])].map(
    (part) => `${id}-${part}`,
  );
  return (
    <div
      className={`queue-row${active ? ' queue-row--active' : ''}${selected ? ' queue-row--selected' : ''}`}
    >
      <input
        type="checkbox"
        className="queue-row__check"
        checked={selected}
        onChange={() => onToggle(d.id)}
        aria-label={t('bulk.selectRow', { reference: d.reference })}
        tabIndex={-1}
      />
      <button
        type="button"
        className="queue-row__open"
        data-dossier-id={d.id}
        tabIndex={focusable ? 0 : -1}
        aria-current={active ? 'true' : undefined}
        aria-label={name}
        aria-describedby={described.join(' ')}
        onClick={() => onOpen(d)}
        onFocus={() => onFocusRow(index)}
      >
        <span className="queue-row__ref">{d.reference}</span>
        <span className="queue-row__customer">{d.transaction.customerName}</span>
        <span id={`${id}-amount`} className="queue-row__amount">
          {format.amount(d.transaction.amount, d.transaction.currency)}
        </span>
        <span className="queue-row__deadline">
          {deadline ? <Countdown dueAt={deadline} now={now} /> : format.date(dated)}
        </span>
        <span className="queue-row__status">
          <StatusBadge status={d.status} merchantStage={d.merchantStage} compact />
          {draft ? (
            <span
              id={`${id}-draft`}
              className="badge queue-row__draft"
              role="img"
              aria-label={t('draft.markerLabel')}
            >
              {t('draft.marker')}
            </span>
          ) : null}
        </span>
        <span id={`${id}-subject`} className="queue-row__subject">
          {t(`subject.${d.subject}`)} · {t(`reason.${d.reason}`)} · {d.transaction.merchantName}
        </span>
        <span id={`${id}-assignee`} className="queue-row__assignee">
          {assigneeName ?? t('dossier.unassigned')}
        </span>
      </button>
    </div>
  );
});
