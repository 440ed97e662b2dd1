import type { Dossier } from '../../src-shared/domain/model';
import type { Party } from '../domain/claim-status';
import { claimStatus } from '../domain/claim-status';
import { useI18n } from '../i18n/I18nProvider';
import { useNow, useSettings } from './clock';
import { statusTone, statusWords } from './status-words';

/** A claim's status as a badge, whose move it is and until when (a live countdown), and in full its explanation. */
export function ClaimStatusView({
  dossier,
  party,
  full = false,
}: {
  dossier: Dossier;
  party: Party;
  full?: boolean;
}) {
  const i18n = useI18n();
  const now = useNow();
  const status = claimStatus(dossier, party, now);
  const words = statusWords(i18n, status, party, now, useSettings());
  return (
    <div className={full ? 'status status--full' : 'status'}>
      <p className={`badge badge--${statusTone(status)}`}>{words.title}</p>
      {words.move !== null && (
        <p className="status__move">
          <span className="status__label">{i18n.t('move.label')}: </span>
          <strong>{words.move}</strong>
          {words.until !== null && (
            <>
              {' '}
              {words.until}
              {words.countdown !== null && (
                <span className={status.overdue ? 'countdown countdown--late' : 'countdown'}>
                  {' '}
                  ({words.countdown})
                </span>
              )}
            </>
          )}
        </p>
      )}
      {full && <p className="status__detail">{words.detail}</p>}
      {full && words.autoClose !== null && <p className="status__auto">{words.autoClose}</p>}
    </div>
  );
}
