import { memo, useId } from 'react';
import type { Dossier } from '../../../src-shared/domain/model';
import type { MessagePreview } from '../../cache/reads';
import { isFollowUpDue } from '../../../src-shared/domain/queues';
import type { Formatters } from '../../i18n/hooks';
import { useFormat, useT } from '../../i18n/hooks';
import type { Translate } from '../../i18n/translate';
import { Countdown } from '../../ui/Countdown';
import { StatusBadge, statusText } from '../../ui/StatusBadge';
import type { RowTime } from './row-time';
import { rowTime } from './row-time';

export interface QueueRowProps {
  dossier: Dossier;
  /** Its place in the list, given back when the row takes the focus. */
  index: number;
  now: number;
  /** The agent looking: their own follow-up, come due, is said on the row. */
  viewerId: string;
  assigneeName: string | null;
  active: boolean;
  selected: boolean;
  /** Roving focus: the row the keyboard cursor is on takes the tab stop. */
  focusable: boolean;
  /** The agent has a draft on this dossier (`useDraftIds`). */
  draft: boolean;
  /** A party wrote since the agent last opened it (`useUnreadIds`). */
  unread: boolean;
  /** Its last message, once read (`useLastMessages`); a row without it keeps its place empty. */
  preview: MessagePreview | undefined;
  onOpen: (dossier: Dossier) => void;
  onToggle: (id: string) => void;
  onFocusRow: (index: number) => void;
}

/** The time column in words, for the row's accessible name: "merchant's deadline in 2 d". */
function timeWords(t: Translate, format: Formatters, time: RowTime, now: number): string {
  switch (time.kind) {
    case 'none':
      return t('dossier.noDeadline');
    case 'closed':
      return t('list.rowTime.closed', { date: format.date(time.at) });
    default:
      return t(`list.rowTime.${time.kind}`, { countdown: format.countdown(time.at, now) });
  }
}

/** The time column's tooltip: whose deadline it is, and the exact instant. */
function timeTitle(t: Translate, format: Formatters, time: RowTime): string | undefined {
  switch (time.kind) {
    case 'none':
      return undefined;
    case 'closed':
      return t('list.timeTitle.closed', { date: format.date(time.at) });
    default:
      return t(`list.timeTitle.${time.kind}`, { date: format.dateTime(time.at) });
  }
}

/** Who wrote the last message, as the row says it: "You", a name, or a name and "(internal note)". */
function previewAuthor(t: Translate, p: MessagePreview, viewerId: string): string {
  const name =
    p.authorId === viewerId && p.authorRole !== 'customer' && p.authorRole !== 'merchant'
      ? t('list.preview.you')
      : p.authorName;
  return p.audience === 'internal' ? t('list.preview.note', { name }) : name;
}

/**
 * One dossier in a queue: what an agent scans to choose the next one. Its accessible name says
 * the essentials in that order (reference, customer, status, deadline and whose); the rest of the
 * row (amount, subject, assignee, a follow-up come due, draft) is its description.
 */
export const QueueRow = memo(function QueueRow({
  dossier: d,
  index,
  now,
  viewerId,
  assigneeName,
  active,
  selected,
  focusable,
  draft,
  unread,
  preview,
  onOpen,
  onToggle,
  onFocusRow,
}: QueueRowProps) {
  const t = useT();
  const format = useFormat();
  const id = useId();
  const time = rowTime(d);
  const title = timeTitle(t, format, time);
  const escalated = d.escalatedAt !== null;
  // Back in Mine because the agent's own follow-up date has come: the row says why.
  const followUp = d.followUps[viewerId];
  const followUpDue = d.status !== 'closed' && isFollowUpDue(d, { userId: viewerId }, now);
  const essentials = t('list.rowName', {
    reference: d.reference,
    customer: d.transaction.customerName,
    status: statusText(t, d.status, d.merchantStage, escalated),
    time: timeWords(t, format, time, now),
  });
  // "New reply" comes first, as a mail client says "unread" first.
  const name = unread ? t('list.unreadName', { name: essentials }) : essentials;
  const author = preview ? previewAuthor(t, preview, viewerId) : null;
  const previewText =
    preview && preview.text === '' && preview.files > 0
      ? t('list.preview.files', { count: preview.files })
      : (preview?.text ?? '');
  const described = [
    'amount',
    'subject',
    'assignee',
    ...(followUpDue ? ['followUp'] : []),
    ...(draft ? ['draft'] : []),
    ...(preview ? ['preview'] : []),
  ].map((part) => `${id}-${part}`);
  return (
    <div
      className={`queue-row${active ? ' queue-row--active' : ''}${selected ? ' queue-row--selected' : ''}${unread ? ' queue-row--unread' : ''}`}
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
        <span className="queue-row__ref">
          {unread ? <span className="queue-row__new" title={t('list.unread')} aria-hidden="true" /> : null}
          {d.reference}
        </span>
        <span className="queue-row__customer">{d.transaction.customerName}</span>
        <span id={`${id}-amount`} className="queue-row__amount">
          {format.amount(d.transaction.amount, d.transaction.currency)}
        </span>
        <span className="queue-row__deadline" title={title}>
          {time.kind === 'none' ? null : (
            <>
              <span className="queue-row__time-label">{t(`list.time.${time.kind}`)}</span>{' '}
            </>
          )}
          {time.kind === 'closed' ? (
            <time dateTime={time.at}>{format.date(time.at)}</time>
          ) : (
            <Countdown dueAt={time.kind === 'none' ? null : time.at} now={now} title={title} />
          )}
        </span>
        {/* The badges keep their whole width; the subject beside them gives way (workspace.css). */}
        <span className="queue-row__about">
          <span className="queue-row__status">
            <StatusBadge status={d.status} merchantStage={d.merchantStage} escalated={escalated} compact />
            {followUpDue && followUp ? (
              <span
                id={`${id}-followUp`}
                className="badge badge--follow-up"
                title={t('list.followUpDueTitle', { date: format.dateTime(followUp) })}
              >
                {t('list.followUpDue')}
              </span>
            ) : null}
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
        </span>
        <span id={`${id}-assignee`} className="queue-row__assignee">
          {assigneeName ?? t('dossier.unassigned')}
        </span>
        {preview && author !== null ? (
          <>
            <span className="queue-row__preview" aria-hidden="true">
              <span className="queue-row__preview-author">{author}</span>
              <span className="queue-row__preview-text">{previewText}</span>
            </span>
            <span id={`${id}-preview`} className="visually-hidden">
              {t('list.preview.label', { author, text: previewText })}
            </span>
          </>
        ) : null}
      </button>
    </div>
  );
});
