import type { TransactionListItem } from '../../../src-shared/contract/api';
import type { Dossier } from '../../../src-shared/domain/model';
import { useDossiers, useTransactions } from '../../api/hooks';
import { useLiveUpdates } from '../../api/live';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { ErrorNote, Loading } from '../../ui/Feedback';
import { usePageTitle } from '../../ui/page';

function ClaimMark({
  transaction,
  dossiers,
}: {
  transaction: TransactionListItem;
  dossiers: readonly Dossier[];
}) {
  const { t } = useI18n();
  if (transaction.openDossierId === null) return <span className="muted">{t('transactions.noClaim')}</span>;
  const reference = dossiers.find((d) => d.id === transaction.openDossierId)?.reference;
  return (
    <Link to={`/claims/${transaction.openDossierId}`} className="badge badge--open">
      {reference ? t('transactions.claimOpen', { reference }) : t('transactions.claimOpenShort')}
    </Link>
  );
}

/** The customer's purchases paid with Klik & Pay, newest first, each saying whether a claim is open on it. */
export function Transactions() {
  const i18n = useI18n();
  const { t, amount, date } = i18n;
  usePageTitle(t('transactions.title'));
  useLiveUpdates();
  const transactions = useTransactions();
  const dossiers = useDossiers();
  return (
    <>
      <h1>{t('transactions.title')}</h1>
      <p className="lead">{t('transactions.lead')}</p>
      {transactions.isPending && <Loading />}
      {transactions.isError && (
        <ErrorNote error={transactions.error} retry={() => void transactions.refetch()} />
      )}
      {transactions.data?.length === 0 && <p>{t('transactions.empty')}</p>}
      {transactions.data && transactions.data.length > 0 && (
        <ul className="cards">
          {transactions.data.map((tx) => (
            <li key={tx.id} className="card card--row">
              <h2 className="card__title">
                <Link to={`/transactions/${tx.id}`}>
                  <span className="card__name">{tx.merchantName}</span>
                  <span className="card__sub">
                    {t('field.order')} {tx.orderReference}
                  </span>
                </Link>
              </h2>
              <p className="card__amount">{amount(tx.amount, tx.currency)}</p>
              <dl className="facts facts--inline">
                <div>
                  <dt>{t('field.date')}</dt>
                  <dd>
                    <time dateTime={tx.occurredAt}>{date(tx.occurredAt)}</time>
                  </dd>
                </div>
                <div>
                  <dt>{t('field.claim')}</dt>
                  <dd>
                    <ClaimMark transaction={tx} dossiers={dossiers.data ?? []} />
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
