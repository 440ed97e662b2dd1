import { useId, useState } from 'react';
import type { Dossier } from '../../../src-shared/domain/model';
import { limits, tagSchema } from '../../../src-shared/domain/model';
import { useT } from '../../i18n/hooks';
import { LocalRefusalNote } from './Refusals';
import { useDossierAction } from './use-action';

/** The dossier's tags: remove one with its ×, add one by typing it and pressing Enter. */
export function TagsEditor({ dossier }: { dossier: Dossier }) {
  const t = useT();
  const action = useDossierAction(dossier);
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState(false);
  const inputId = useId();

  // Each click is sent as the change it is: a colleague's tag added meanwhile is kept.
  const add = async () => {
    // The shared schema checks the words here, so the agent reads why in their own language.
    const parsed = tagSchema.safeParse(draft);
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    const tag = parsed.data;
    if (dossier.tags.includes(tag) || (await action.run('dossier.tag', { add: [tag] }))) setDraft('');
  };

  return (
    <div className="dossier-tags">
      <ul className="dossier-tags__list" aria-label={t('dossier.tags')}>
        {dossier.tags.length === 0 ? <li className="dossier-tags__none">{t('dossierTags.none')}</li> : null}
        {dossier.tags.map((tag) => (
          <li key={tag} className="dossier-tag">
            <span>{tag}</span>
            <button
              type="button"
              className="dossier-tag__remove"
              aria-label={t('dossierTags.remove', { tag })}
              disabled={action.busy}
              onClick={() => void action.run('dossier.tag', { remove: [tag] })}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <form
        className="dossier-tags__add"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <label htmlFor={inputId} className="visually-hidden">
          {t('dossierTags.add')}
        </label>
        <input
          id={inputId}
          data-action="tag"
          className="dossier-tags__input"
          value={draft}
          maxLength={limits.tag}
          placeholder={t('dossierTags.placeholder')}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${inputId}-error` : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            setInvalid(false);
          }}
        />
        <button type="submit" className="button button--small" disabled={action.busy || draft.trim() === ''}>
          {t('dossierTags.addButton')}
        </button>
      </form>
      {invalid ? (
        <p id={`${inputId}-error`} className="form-error" role="alert">
          {t('dossierTags.invalid', { max: limits.tag })}
        </p>
      ) : null}
      {action.refusal ? <LocalRefusalNote refusal={action.refusal} onDismiss={action.clear} /> : null}
    </div>
  );
}
