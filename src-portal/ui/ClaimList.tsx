import type { Dossier } from '../../src-shared/domain/model';
import type { Party } from '../domain/claim-status';
import { claimSections } from '../domain/claim-status';
import { useI18n } from '../i18n/I18nProvider';
import type { PlainKey } from '../i18n/translate';
import { Link } from '../router';
import { ClaimStatusView } from './Status';

function ClaimCard({ dossier, party }: { dossier: Dossier; party: Party }) {
  const { t, amount } = useI18n();
  const tx = dossier.transaction;
  return (
    <li className="card card--row">
      <h3 className="card__title">
        <Link to={`/claims/${dossier.id}`}>
          <span className="card__name">{party === 'customer' ? tx.merchantName : tx.customerName}</span>
          <span className="card__sub">{t('dossier.title', { reference: dossier.reference })}</span>
        </Link>
      </h3>
      <p className="card__amount">{amount(tx.amount, tx.currency)}</p>
      <p className="card__meta">
        {t(`subject.${dossier.subject}`)} · {t(`reasonShort.${dossier.reason}`)} · {t('field.order')}{' '}
        {tx.orderReference}
      </p>
      <ClaimStatusView dossier={dossier} party={party} />
    </li>
  );
}

interface ClaimListProps {
  dossiers: readonly Dossier[];
  party: Party;
  headings: Record<'yours' | 'others' | 'closed', PlainKey>;
}

/** A party's claims: theirs to answer first (a passed deadline at the very top), then the others, then the closed. */
export function ClaimList({ dossiers, party, headings }: ClaimListProps) {
  const { t } = useI18n();
  const sections = claimSections(dossiers, party);
  return (
    <>
      {(['yours', 'others', 'closed'] as const).map((name) =>
        sections[name].length === 0 ? null : (
          <section key={name} aria-labelledby={`claims-${name}`} className="claim-section">
            <h2 id={`claims-${name}`}>
              {t(headings[name])} <span className="count">({sections[name].length})</span>
            </h2>
            <ul className="cards">
              {sections[name].map((d) => (
                <ClaimCard key={d.id} dossier={d} party={party} />
              ))}
            </ul>
          </section>
        ),
      )}
    </>
  );
}
