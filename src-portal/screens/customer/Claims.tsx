import { useDossiers } from '../../api/hooks';
import { useLiveUpdates } from '../../api/live';
import { useI18n } from '../../i18n/I18nProvider';
import { ClaimList } from '../../ui/ClaimList';
import { ErrorNote, Loading } from '../../ui/Feedback';
import { usePageTitle } from '../../ui/page';

/** The customer's claims, where each stands and whose move it is. */
export function Claims() {
  const { t } = useI18n();
  usePageTitle(t('claims.title'));
  useLiveUpdates();
  const dossiers = useDossiers();
  return (
    <>
      <h1>{t('claims.title')}</h1>
      {dossiers.isPending && <Loading />}
      {dossiers.isError && <ErrorNote error={dossiers.error} retry={() => void dossiers.refetch()} />}
      {dossiers.data?.length === 0 && <p>{t('claims.empty')}</p>}
      {dossiers.data && (
        <ClaimList
          dossiers={dossiers.data}
          party="customer"
          headings={{ yours: 'claims.yours', others: 'claims.others', closed: 'claims.closed' }}
        />
      )}
    </>
  );
}
