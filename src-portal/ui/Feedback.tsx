import type { FailureCode } from '../api/http';
import { PortalError } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';
import { errorText } from './words';

/** Something is being read: said to screen readers too. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );
}

/** Failures that may pass if tried again (a refusal or a missing page will not). */
const passing: readonly FailureCode[] = ['network', 'internal', 'unavailable', 'unreadable', 'rate_limited'];

/** A failure in plain words, with a way to try again when that may help. */
export function ErrorNote({ error, retry }: { error: unknown; retry?: () => void }) {
  const i18n = useI18n();
  const mayPass = !(error instanceof PortalError) || passing.includes(error.code);
  return (
    <div className="note note--error" role="alert">
      <p>{errorText(i18n, error)}</p>
      {retry && mayPass && (
        <button type="button" className="button" onClick={retry}>
          {i18n.t('retry')}
        </button>
      )}
    </div>
  );
}
