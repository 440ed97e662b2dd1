import type { ReactNode } from 'react';
import { useId } from 'react';
import type { Dossier, User } from '../../../src-shared/domain/model';
import type { Party } from '../../cache/profiles';
import type { Presence } from '../../sync/presence';
import { useFormat, useT } from '../../i18n/hooks';
import { Countdown } from '../../ui/Countdown';
import { StatusBadge } from '../../ui/StatusBadge';

export interface DossierHeaderProps {
  dossier: Dossier;
  user: User;
  now: number;
  headingLevel: 1 | 2;
  staffName: (id: string) => string;
  /** Other agents on the dossier now (online only). */
  others: readonly Presence[];
  /** The agent's actions on it not yet accepted by the server. */
  pendingCount: number;
  onBack?: () => void;
  /** The tags editor, shown among the facts. */
  tags: ReactNode;
  /** The dossier's actions, under the facts. */
  toolbar: ReactNode;
  /** One line (reference, status, deadline) while the agent reads the timeline (`use-compact-header.ts`). */
  compact?: boolean;
  /** The agent unfolds or folds the header (the button beside the reference). */
  onCompactChange?: (compact: boolean) => void;
  /** A party's name opens their profile. */
  onParty?: (party: Party) => void;
}

/** A party's name: a link-like button to their profile when the view offers one. */
function PartyName({
  name,
  action,
  onOpen,
}: {
  name: string;
  /** The palette finds it by this (`palette-actions.ts`). */
  action: 'customer-profile' | 'merchant-profile';
  onOpen: (() => void) | undefined;
}) {
  const t = useT();
  if (!onOpen) return <>{name}</>;
  return (
    <button
      type="button"
      className="link-button dossier-header__party"
      data-action={action}
      title={t('profile.openProfile', { name })}
      onClick={onOpen}
    >
      {name}
    </button>
  );
}

/** Who has the move, as the deadline says it. */
const moveKeys = {
  awaiting_klikpay: 'move.klikpay',
  awaiting_merchant: 'move.merchant',
  awaiting_customer: 'move.customer',
} as const;

/**
 * The dossier at a glance: reference, status, money, parties, whose move and until when, who is here.
 * It keeps its height as things come and go (dossier-header.css): the status line never wraps, only
 * its subject is shortened, and the line for other agents and unsent changes is always there.
 * Compact, it is one line: the reference, the status and the deadline; the rest stays in the document,
 * hidden, so the toolbar's actions keep their state and the palette still finds them.
 */
export function DossierHeader(props: DossierHeaderProps) {
  const { dossier: d, user, now, staffName, others, pendingCount, onBack, compact = false } = props;
  const t = useT();
  const detailsId = useId();
  const format = useFormat();
  const Heading = props.headingLevel === 1 ? 'h1' : 'h2';
  const tx = d.transaction;
  const followUp = d.followUps[user.id];
  const escalated = d.status === 'awaiting_klikpay' && d.escalatedAt !== null;
  const subject = `${t(`subject.${d.subject}`)} · ${t(`reason.${d.reason}`)}`;

  return (
    <header className={`dossier-header${compact ? ' dossier-header--compact' : ''}`}>
      <div className="dossier-header__top">
        {onBack ? (
          <button type="button" className="icon-button" aria-label={t('dossierView.back')} onClick={onBack}>
            <span aria-hidden="true">←</span>
          </button>
        ) : null}
        <Heading className="dossier-header__reference">{d.reference}</Heading>
        {compact ? (
          <span className="dossier-header__glance">
            <StatusBadge status={d.status} merchantStage={d.merchantStage} escalated={escalated} />
            {d.status === 'closed' ? null : <Countdown dueAt={d.dueAt} now={now} />}
          </span>
        ) : null}
        <span className="dossier-header__amount">{format.amount(tx.amount, tx.currency)}</span>
        {props.onCompactChange ? (
          <button
            type="button"
            className="icon-button dossier-header__fold"
            aria-label={t('dossierView.headerDetails')}
            aria-expanded={!compact}
            aria-controls={detailsId}
            title={t('dossierView.headerDetails')}
            onClick={() => props.onCompactChange?.(!compact)}
          >
            <span aria-hidden="true">{compact ? '▾' : '▴'}</span>
          </button>
        ) : null}
      </div>
      <div id={detailsId} className="dossier-header__details" hidden={compact}>
        <div className="dossier-header__status">
          <StatusBadge status={d.status} merchantStage={d.merchantStage} escalated={escalated} />
          <span className="dossier-header__subject" title={subject}>
            {subject}
          </span>
        </div>
        <p className="dossier-header__parties">
          <span>
            <span className="dossier-header__party-label">{t('dossier.customer')}</span>{' '}
            <PartyName
              name={tx.customerName}
              action="customer-profile"
              onOpen={
                props.onParty ? () => props.onParty?.({ kind: 'customer', id: tx.customerId }) : undefined
              }
            />
          </span>
          <span aria-hidden="true">→</span>
          <span>
            <span className="dossier-header__party-label">{t('dossier.merchant')}</span>{' '}
            <PartyName
              name={tx.merchantName}
              action="merchant-profile"
              onOpen={
                props.onParty ? () => props.onParty?.({ kind: 'merchant', id: tx.merchantId }) : undefined
              }
            />
          </span>
        </p>
        <div className="dossier-header__live">
          {others.length > 0 ? (
            <ul className="dossier-presence" aria-label={t('dossierView.presence')}>
              {others.map((p) => (
                <li key={p.userId} className={`dossier-presence__item dossier-presence__item--${p.activity}`}>
                  {p.activity === 'writing'
                    ? t('dossier.presenceWriting', { name: p.name })
                    : t('dossier.presenceViewing', { name: p.name })}
                </li>
              ))}
            </ul>
          ) : null}
          {pendingCount > 0 ? (
            <p className="dossier-header__pending">
              {t('dossierView.pendingChanges', { count: pendingCount })}
            </p>
          ) : null}
        </div>
        <dl className="dossier-facts">
          {d.status === 'closed' ? (
            <Fact label={t('dossierView.closed')}>
              {d.closure ? (
                <>
                  {t(`closureReason.${d.closure.reason}`)} · {format.date(d.closure.at)}
                </>
              ) : (
                t('status.closed')
              )}
            </Fact>
          ) : (
            <Fact label={t('dossier.deadline')}>
              <Countdown dueAt={d.dueAt} now={now} />
              <span className="dossier-facts__aside">{t(moveKeys[d.status])}</span>
              {/* The badge says the merchant is overdue or reminded; when it was reminded is said here. */}
              {d.status === 'awaiting_merchant' && d.merchantStage === 'reminded' && d.remindedAt ? (
                <span className="dossier-facts__aside">
                  · {t('dossierView.remindedOn', { date: format.date(d.remindedAt) })}
                </span>
              ) : null}
              {escalated && d.escalatedAt ? (
                <span className="dossier-facts__aside">
                  · {t('dossierView.escalatedOnDate', { date: format.date(d.escalatedAt) })}
                </span>
              ) : null}
            </Fact>
          )}
          <Fact label={t('dossier.autoClose')}>
            {d.autoCloseAt && d.status !== 'closed' ? (
              <time dateTime={d.autoCloseAt}>{format.date(d.autoCloseAt)}</time>
            ) : (
              t('common.none')
            )}
          </Fact>
          <Fact label={t('dossier.assignee')}>
            {d.assigneeId ? staffName(d.assigneeId) : t('dossier.unassigned')}
          </Fact>
          {followUp ? (
            <Fact label={t('dossierView.myFollowUp')}>
              <time dateTime={followUp}>{format.dateTime(followUp)}</time>
            </Fact>
          ) : null}
          <Fact label={t('dossier.tags')} wide>
            {props.tags}
          </Fact>
        </dl>
        {props.toolbar}
      </div>
    </header>
  );
}

function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`dossier-facts__item${wide ? ' dossier-facts__item--wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
