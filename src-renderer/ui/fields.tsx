import type { Ref } from 'react';
import { useId } from 'react';
import type { Outcome } from '../../src-shared/domain/vocabulary';
import { outcomeSchema } from '../../src-shared/domain/vocabulary';
import { useT } from '../i18n/hooks';

/** A text the action cannot go without (a resolution summary, a reason): labelled, its error tied to it. */
export function RequiredText({
  label,
  value,
  onChange,
  error,
  maxLength,
  rows = 4,
  ref,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The error in words, shown under the field; null when there is none. */
  error: string | null;
  maxLength: number;
  rows?: number;
  ref?: Ref<HTMLTextAreaElement>;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={ref}
        rows={rows}
        required
        maxLength={maxLength}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The outcome of a closure (refunded, replaced, …), or none. */
export function OutcomeSelect({
  value,
  onChange,
  noneLabel,
}: {
  value: Outcome | '';
  onChange: (value: Outcome | '') => void;
  noneLabel: string;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('dossier.outcome')}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const parsed = outcomeSchema.safeParse(e.target.value);
          onChange(parsed.success ? parsed.data : '');
        }}
      >
        <option value="">{noneLabel}</option>
        {outcomeSchema.options.map((o) => (
          <option key={o} value={o}>
            {t(`outcome.${o}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
