import type { TransactionListItem } from '../../../src-shared/contract/api';
import { useDossiers, useTransactions } from '../../api/hooks';
import { useLiveUpdates } from '../../api/live';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { ErrorNote, Loading } from '../../ui/Feedback';
import { ClaimStatusView } from '../../ui/Status';
import { usePageTitle } from '../../ui/page';

/** The facts of a purchase, as on the customer's statement. */
export function PurchaseFacts({ transaction }: { transaction: TransactionListItem }) {
  const { t, amount, dateTime } = useI18n();
  return (
    <dl className="facts">
      <div>
        <dt>{t('field.merchant')}</dt>
        <dd>{transaction.merchantName}</dd>
      </div>
      <div>
        <dt>{t('field.date')}</dt>
        <dd>
          <time dateTime={transaction.occurredAt}>{dateTime(transaction.occurredAt)}</time>
        </dd>
      </div>
      <div>
        <dt>{t('field.amount')}</dt>
        <dd>{amount(transaction.amount, transaction.currency)}</dd>
      </div>
      <div>
        <dt>{t('field.order')}</dt>
        <dd>{transaction.orderReference}</dd>
      </div>
    </dl>
  );
}

/** One purchase: its facts, the claim open on it, or the way to file one. */
export function Transaction({ id }: { id: string }) {
  const { t } = useI18n();
  useLiveUpdates();
  const transactions = useTransactions();
  const dossiers = useDossiers();
  const transaction = transactions.data?.find((tx) => tx.id === id);
  usePageTitle(transaction ? t('transaction.title', { merchant: transaction.merchantName }) : t('loading'));
  const claims = (dossiers.data ?? []).filter((d) => d.transaction.id === id);
  const open = claims.find((d) => d.id === transaction?.openDossierId);
  const past = claims.filter((d) => d !== open);

  if (transactions.isPending) return <Loading />;
  if (transactions.isError)
    return <ErrorNote error={transactions.error} retry={() => void transactions.refetch()} />;
  if (!transaction) {
    return (
      <>
        <h1>{t('notFound.title')}</h1>
        <p>{t('transaction.notFound')}</p>
        <p>
          <Link to="/">{t('transaction.back')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p className="breadcrumb">
        <Link to="/">{t('transaction.back')}</Link>
      </p>
      <h1>{t('transaction.title', { merchant: transaction.merchantName })}</h1>
      <PurchaseFacts transaction={transaction} />
      {transaction.openDossierId !== null ? (
        <section className="panel" aria-labelledby="open-claim">
          <h2 id="open-claim">{t('field.claim')}</h2>
          <p>{t('transaction.openClaim', { reference: open?.reference ?? '' })}</p>
          {open && <ClaimStatusView dossier={open} party="customer" />}
          <p>
            <Link className="button button--primary" to={`/claims/${transaction.openDossierId}`}>
              {t('transaction.follow', { reference: open?.reference ?? '' })}
            </Link>
          </p>
        </section>
      ) : (
        <section className="panel" aria-labelledby="file-claim">
          <h2 id="file-claim">{t('transaction.problem')}</h2>
          <p>{t('transaction.problemLead')}</p>
          <p>
            <Link className="button button--primary" to={`/transactions/${transaction.id}/claim`}>
              {t('transaction.fileClaim')}
            </Link>
          </p>
        </section>
      )}
      {past.length > 0 && (
        <section aria-labelledby="past-claims">
          <h2 id="past-claims">{t('transaction.pastClaims')}</h2>
          <ul className="plain-list">
            {past.map((d) => (
              <li key={d.id}>
                <Link to={`/claims/${d.id}`}>{d.reference}</Link>{' '}
                <ClaimStatusView dossier={d} party="customer" />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
