import { useDossiers } from '../../api/hooks';
import { useLiveUpdates } from '../../api/live';
import { useI18n } from '../../i18n/I18nProvider';
import { ClaimList } from '../../ui/ClaimList';
import { ErrorNote, Loading } from '../../ui/Feedback';
import { usePageTitle } from '../../ui/page';

/** The claims against the merchant's shop: those awaiting its answer first, overdue at the top, with their countdowns. */
export function MerchantClaims() {
  const { t } = useI18n();
  usePageTitle(t('merchantClaims.title'));
  useLiveUpdates();
  const dossiers = useDossiers();
  return (
    <>
      <h1>{t('merchantClaims.title')}</h1>
      <p className="lead">{t('merchantClaims.lead')}</p>
      {dossiers.isPending && <Loading />}
      {dossiers.isError && <ErrorNote error={dossiers.error} retry={() => void dossiers.refetch()} />}
      {dossiers.data?.length === 0 && <p>{t('merchantClaims.empty')}</p>}
      {dossiers.data && (
        <ClaimList
          dossiers={dossiers.data}
          party="merchant"
          headings={{
            yours: 'merchantClaims.yours',
            others: 'merchantClaims.others',
            closed: 'merchantClaims.closed',
          }}
        />
      )}
    </>
  );
}
