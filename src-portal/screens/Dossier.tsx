import { useEffect, useState } from 'react';
import type { DossierWithMessages } from '../../src-shared/contract/api';
import type { Dossier as DossierData, Message } from '../../src-shared/domain/model';
import { useDossier } from '../api/hooks';
import { PortalError } from '../api/http';
import { useLiveUpdates } from '../api/live';
import type { Party } from '../domain/claim-status';
import { standingProposal } from '../domain/proposal';
import { latestReminder, threadOf } from '../domain/thread';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router';
import { ErrorNote, Loading } from '../ui/Feedback';
import { usePageTitle } from '../ui/page';
import { proposalWhat } from '../ui/Proposal';
import { ReplyBox } from '../ui/ReplyBox';
import { ClaimStatusView } from '../ui/Status';
import { Attachments, Thread } from '../ui/Thread';
import { EscalateBox, ResolveBox } from './customer/CustomerMoves';

/** The claim as filed: what it is about, what the customer wants, their words and files. */
function Request({
  dossier,
  request,
  party,
}: {
  dossier: DossierData;
  request: Message | null;
  party: Party;
}) {
  const { t, dateTime } = useI18n();
  return (
    <section className="panel" aria-labelledby="request-heading">
      <h2 id="request-heading">
        {t(party === 'customer' ? 'dossier.request' : 'dossier.requestOfCustomer')}
      </h2>
      <dl className="facts">
        <div>
          <dt>{t('field.subject')}</dt>
          <dd>{t(`subject.${dossier.subject}`)}</dd>
        </div>
        <div>
          <dt>{t('field.reason')}</dt>
          <dd>{t(`reason.${dossier.reason}`)}</dd>
        </div>
        {dossier.desiredOutcome !== null && (
          <div>
            <dt>{t('field.outcome')}</dt>
            <dd>{t(`outcome.${dossier.desiredOutcome}`)}</dd>
          </div>
        )}
        <div>
          <dt>{t('field.filed')}</dt>
          <dd>
            <time dateTime={dossier.createdAt}>{dateTime(dossier.createdAt)}</time>
          </dd>
        </div>
      </dl>
      <p className="request__text">{dossier.description}</p>
      {request && <Attachments dossierId={dossier.id} files={request.attachments} />}
    </section>
  );
}

/** The Good Practices reminder, where the merchant cannot miss it, once Klik & Pay sent one. */
function ReminderCallout({ reminder, merchantLanguage }: { reminder: Message; merchantLanguage: string }) {
  const { t, dateTime } = useI18n();
  return (
    <section className="note note--warning reminder" aria-labelledby="reminder-heading">
      <h2 id="reminder-heading">{t('dossier.reminder', { date: dateTime(reminder.createdAt) })}</h2>
      <details>
        <summary>{t('notice.good_practices_reminder')}</summary>
        <p className="entry__body" lang={merchantLanguage}>
          {reminder.body}
        </p>
      </details>
    </section>
  );
}

/** The merchant's standing proposal, put before the customer with what they can do about it. */
function ProposalCallout({ dossier }: { dossier: DossierWithMessages }) {
  const i18n = useI18n();
  const proposal = standingProposal(dossier.messages);
  if (!proposal) return null;
  const tx = dossier.transaction;
  const what = proposalWhat(i18n, proposal.proposal, tx.amount, tx.currency);
  return (
    <section className="note note--info proposal" aria-labelledby="proposal-heading">
      <h2 id="proposal-heading">{i18n.t('proposal.calloutHeading', { shop: tx.merchantName, what })}</h2>
      <p>{i18n.t('proposal.calloutText')}</p>
    </section>
  );
}

/**
 * Whether this page was opened by filing its claim (`?filed=1`): said once, then taken out of the
 * address so a reload or a bookmark does not say it again.
 */
function useJustFiled(): boolean {
  const [filed] = useState(() => new URLSearchParams(window.location.search).has('filed'));
  useEffect(() => {
    if (filed) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, [filed]);
  return filed;
}

/** One claim, for the customer who filed it or the merchant it is against; it follows the news live. */
export function Dossier({ id, party }: { id: string; party: Party }) {
  const i18n = useI18n();
  const { t, amount, date } = i18n;
  useLiveUpdates();
  const query = useDossier(id);
  const filed = useJustFiled();
  const dossier = query.data;
  usePageTitle(dossier ? t('dossier.title', { reference: dossier.reference }) : t('loading'));
  const back =
    party === 'customer' ? (
      <Link to="/claims">{t('dossier.backClaims')}</Link>
    ) : (
      <Link to="/">{t('dossier.backMerchant')}</Link>
    );
  if (query.isPending) return <Loading />;
  if (!dossier) {
    const missing = query.error instanceof PortalError && query.error.code === 'not_found';
    return (
      <>
        <p className="breadcrumb">{back}</p>
        {missing && <h1>{t('notFound.title')}</h1>}
        <ErrorNote error={query.error} retry={() => void query.refetch()} />
      </>
    );
  }
  const { request, entries } = threadOf(dossier.messages, party);
  const open = dossier.closure === null;
  const tx = dossier.transaction;
  const paid = amount(tx.amount, tx.currency);
  const on = date(tx.occurredAt);
  const reminder =
    party === 'merchant' && dossier.remindedAt !== null ? latestReminder(dossier.messages) : null;
  const canEscalate =
    party === 'customer' &&
    (dossier.status === 'awaiting_merchant' || dossier.status === 'awaiting_customer');
  return (
    <>
      <p className="breadcrumb">{back}</p>
      <h1>{t('dossier.title', { reference: dossier.reference })}</h1>
      <p className="lead">
        {party === 'customer'
          ? t('dossier.purchase', {
              amount: paid,
              merchant: tx.merchantName,
              date: on,
              order: tx.orderReference,
            })
          : t('dossier.purchaseOfCustomer', {
              amount: paid,
              customer: tx.customerName,
              date: on,
              order: tx.orderReference,
            })}
      </p>
      {filed && party === 'customer' && (
        <p className="note note--success" role="status">
          {t('claim.sent', { reference: dossier.reference })}
        </p>
      )}
      <section className="panel panel--status" aria-label={t('move.label')}>
        <ClaimStatusView dossier={dossier} party={party} full />
        {query.isError && <ErrorNote error={query.error} retry={() => void query.refetch()} />}
      </section>
      {reminder && <ReminderCallout reminder={reminder} merchantLanguage={tx.merchantLanguage} />}
      {party === 'customer' && open && <ProposalCallout dossier={dossier} />}
      <Request dossier={dossier} request={request} party={party} />
      <section aria-labelledby="thread-heading" className="thread-section">
        <h2 id="thread-heading">{t('dossier.thread')}</h2>
        <p className="muted">{t('dossier.liveNote')}</p>
        <Thread dossier={dossier} entries={entries} party={party} labelledBy="thread-heading" />
      </section>
      {open ? (
        <ReplyBox dossierId={dossier.id} party={party} paid={{ amount: tx.amount, currency: tx.currency }} />
      ) : (
        <p className="note">{t('reply.closed')}</p>
      )}
      {party === 'customer' && <ResolveBox dossier={dossier} />}
      {open && canEscalate && <EscalateBox dossier={dossier} />}
    </>
  );
}
