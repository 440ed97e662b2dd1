import type { ReactNode } from 'react';
import type { ActorRef, Dossier } from '../../../src-shared/domain/model';
import { useFormat, useT } from '../../i18n/hooks';

export interface TransactionPanelProps {
  dossier: Dossier;
  actorName: (actor: ActorRef) => string;
}

/** The facts behind the claim: the transaction, what the customer filed, the milestones, the closure. */
export function TransactionPanel({ dossier: d, actorName }: TransactionPanelProps) {
  const t = useT();
  const format = useFormat();
  const tx = d.transaction;
  const milestones: [string, string | null][] = [
    [t('dossierView.filedOn'), d.createdAt],
    [t('dossierView.firstResponse'), d.firstResponseAt],
    [t('dossierView.escalatedOn'), d.escalatedAt],
    [t('dossierView.remindedAt'), d.remindedAt],
    [t('dossierView.customerInformed'), d.customerInformedAt],
    [t('dossierView.reopenedOn'), d.reopenedAt],
    [t('dossierView.lastCommunication'), d.lastCommunicationAt],
  ];

  return (
    <aside className="dossier-panel" aria-label={t('dossierView.details')}>
      <Section title={t('dossier.transaction')}>
        <Row label={t('dossierView.transactionId')}>
          <span className="dossier-panel__mono">{tx.id}</span>
        </Row>
        <Row label={t('dossier.orderReference')}>
          <span className="dossier-panel__mono">{tx.orderReference}</span>
        </Row>
        <Row label={t('dossier.transactionDate')}>
          <time dateTime={tx.occurredAt}>{format.dateTime(tx.occurredAt)}</time>
        </Row>
        <Row label={t('dossier.amount')}>
          {format.amount(tx.amount, tx.currency)} <span className="dossier-panel__muted">{tx.currency}</span>
        </Row>
        <Row label={t('dossier.merchant')}>
          {tx.merchantName}{' '}
          <span className="dossier-panel__muted">{t(`language.${tx.merchantLanguage}`)}</span>
        </Row>
        <Row label={t('dossier.customer')}>
          {tx.customerName} <span className="dossier-panel__muted">{t(`language.${d.language}`)}</span>
        </Row>
      </Section>
      <Section title={t('dossierView.claim')}>
        <Row label={t('dossier.subject')}>{t(`subject.${d.subject}`)}</Row>
        <Row label={t('dossier.reason')}>{t(`reason.${d.reason}`)}</Row>
        <Row label={t('dossier.merchantContact')}>{t(`merchantContact.${d.merchantContact}`)}</Row>
        <Row label={t('dossier.desiredOutcome')}>
          {d.desiredOutcome ? t(`desiredOutcome.${d.desiredOutcome}`) : t('common.none')}
        </Row>
        <Row label={t('dossier.description')} block>
          <p className="dossier-panel__text">{d.description}</p>
        </Row>
      </Section>
      {d.closure ? (
        <Section title={t('dossierView.closure')}>
          <Row label={t('dossier.closureReason')}>{t(`closureReason.${d.closure.reason}`)}</Row>
          <Row label={t('dossier.outcome')}>
            {d.closure.outcome ? t(`outcome.${d.closure.outcome}`) : t('common.none')}
          </Row>
          <Row label={t('dossierView.closedOn')}>
            <time dateTime={d.closure.at}>{format.dateTime(d.closure.at)}</time>
          </Row>
          <Row label={t('dossierView.closedBy')}>{actorName(d.closure.by)}</Row>
          {d.closure.summary ? (
            <Row label={t('action.resolutionSummary')} block>
              <p className="dossier-panel__text">{d.closure.summary}</p>
            </Row>
          ) : null}
        </Section>
      ) : null}
      <Section title={t('dossierView.milestones')}>
        {milestones
          .filter((m): m is [string, string] => m[1] !== null)
          .map(([label, at]) => (
            <Row key={label} label={label}>
              <time dateTime={at}>{format.dateTime(at)}</time>
            </Row>
          ))}
      </Section>
    </aside>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="dossier-panel__section">
      <h3 className="dossier-panel__title">{title}</h3>
      <dl className="dossier-panel__rows">{children}</dl>
    </section>
  );
}

function Row({ label, children, block }: { label: string; children: ReactNode; block?: boolean }) {
  return (
    <div className={`dossier-panel__row${block ? ' dossier-panel__row--block' : ''}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
