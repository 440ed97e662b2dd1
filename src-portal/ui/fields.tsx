import type { ReactNode } from 'react';
import { useId } from 'react';
import type { Problem } from '../domain/problems';
import { useI18n } from '../i18n/I18nProvider';
import { problemText } from './words';

/** Form fields with their label, hint and problems tied to them for screen readers (aria-describedby). */

export function Problems({ id, problems }: { id: string; problems: readonly Problem[] | undefined }) {
  const i18n = useI18n();
  if (!problems || problems.length === 0) return null;
  return (
    <ul className="field__problems" id={id}>
      {problems.map((p, i) => (
        <li key={i}>{problemText(i18n, p)}</li>
      ))}
    </ul>
  );
}

export interface ChoiceOption<V extends string> {
  value: V;
  label: string;
  hint?: ReactNode;
}

interface ChoiceProps<V extends string> {
  /** The id of the group, for the error summary's links. */
  id: string;
  legend: string;
  step?: string;
  options: readonly ChoiceOption<V>[];
  value: V | null;
  onChange: (value: V) => void;
  problems?: readonly Problem[];
  children?: ReactNode;
}

/** One answer among a few, each maybe explained: a fieldset of radio buttons. */
export function Choice<V extends string>({
  id,
  legend,
  step,
  options,
  value,
  onChange,
  problems,
  children,
}: ChoiceProps<V>) {
  const problemsId = `${id}-problems`;
  const invalid = problems !== undefined && problems.length > 0;
  return (
    <fieldset className="field field--choice" id={id} aria-describedby={invalid ? problemsId : undefined}>
      <legend className="field__legend">
        {step && <span className="field__step">{step}</span>}
        {legend}
      </legend>
      <Problems id={problemsId} problems={problems} />
      <div className="choices">
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div key={option.value} className={value === option.value ? 'choice choice--on' : 'choice'}>
              <input
                type="radio"
                id={optionId}
                name={id}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                aria-invalid={invalid || undefined}
              />
              <label htmlFor={optionId}>{option.label}</label>
              {option.hint && (
                <p className="choice__hint" id={`${optionId}-hint`}>
                  {option.hint}
                </p>
              )}
            </div>
          );
        })}
      </div>
      {children}
    </fieldset>
  );
}

interface TextProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  max: number;
  rows?: number;
  onChange: (value: string) => void;
  problems?: readonly Problem[];
}

/** A text to write, with how much of the allowed length it takes. */
export function TextArea({ id, label, hint, value, max, rows = 6, onChange, problems }: TextProps) {
  const { t } = useI18n();
  const hintId = useId();
  const countId = useId();
  const problemsId = `${id}-problems`;
  const invalid = problems !== undefined && problems.length > 0;
  const used = value.trim().length;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <Problems id={problemsId} problems={problems} />
      <textarea
        id={id}
        className="input"
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={[hint ? hintId : '', invalid ? problemsId : '', countId].filter(Boolean).join(' ')}
      />
      <p className={used > max ? 'field__count field__count--over' : 'field__count'} id={countId}>
        {t('text.count', { used, max })}
      </p>
    </div>
  );
}
