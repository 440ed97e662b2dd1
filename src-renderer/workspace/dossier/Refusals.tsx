import type { MutationName } from '../../../src-shared/contract/sync';
import type { Rejection } from '../../cache/db';
import { useDesk } from '../../data/desk';
import { dismissRefusal } from '../../data/dossier';
import type { MessageKey } from '../../i18n/catalogue';
import { useFormat, useT } from '../../i18n/hooks';
import { isMutationName, mutationLabelKeys, refusalReasonText } from '../../ui/refusal';
import { refusedText } from './refused-text';
import { RefusedTextBlock } from './RefusedText';
import type { LocalRefusal } from './use-action';
import type { PutBack } from './use-composer';

/** "Your reminder was refused": each change, named as the agent thinks of it. */
const refusedKeys = {
  'dossier.reply': 'refused.reply',
  'dossier.note': 'refused.note',
  'dossier.remind_merchant': 'refused.remind',
  'dossier.inform_customer': 'refused.inform',
  'dossier.forward_to_merchant': 'refused.forward',
  'dossier.take_over': 'refused.takeOver',
  'dossier.assign': 'refused.assign',
  'dossier.tag': 'refused.tag',
  'dossier.follow_up': 'refused.followUp',
  'dossier.close': 'refused.close',
  'dossier.reopen': 'refused.reopen',
} as const satisfies Record<MutationName, MessageKey>;

/** An action the rules refused at once, next to the control that tried it. */
export function LocalRefusalNote({ refusal, onDismiss }: { refusal: LocalRefusal; onDismiss: () => void }) {
  const t = useT();
  return (
    <div className="form-error dossier-refusal" role="alert">
      <p>
        <strong>{t('refused.local', { action: t(mutationLabelKeys[refusal.name]) })}</strong>{' '}
        {refusalReasonText(t, refusal)}
      </p>
      <button type="button" className="icon-button" aria-label={t('refused.dismiss')} onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}

/**
 * What the server refused on this dossier (e.g. the merchant answered meanwhile), and what the agent
 * discarded: said prominently, with the reason and the text the change carried (to copy, or put
 * back in the composer), until the agent dismisses it; the audit trail keeps the record.
 */
export function RejectionList({
  rejections,
  onPutBack,
}: {
  rejections: readonly Rejection[];
  onPutBack?: (message: PutBack) => void;
}) {
  const t = useT();
  const format = useFormat();
  const desk = useDesk();
  if (rejections.length === 0) return null;
  const title = (r: Rejection) => {
    if (!isMutationName(r.name)) return t('refused.other');
    if (r.code === 'discarded') return t('refused.discarded', { action: t(mutationLabelKeys[r.name]) });
    return t(refusedKeys[r.name]);
  };
  return (
    <section className="dossier-rejections" aria-label={t('refused.title')}>
      <ul className="dossier-rejections__list">
        {rejections.map((r) => {
          const refused = refusedText(t, r);
          return (
            <li key={r.id} className="dossier-rejection">
              <p className="dossier-rejection__text" role="alert">
                <strong>{title(r)}</strong> {refusalReasonText(t, r)}
              </p>
              <time className="dossier-rejection__time" dateTime={r.at}>
                {format.dateTime(r.at)}
              </time>
              <button
                type="button"
                className="icon-button"
                aria-label={t('refused.dismiss')}
                onClick={() => void dismissRefusal(desk, r.id)}
              >
                <span aria-hidden="true">×</span>
              </button>
              {refused ? <RefusedTextBlock refused={refused} onPutBack={onPutBack} /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
