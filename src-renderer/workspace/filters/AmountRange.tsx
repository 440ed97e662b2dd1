import { useId, useState } from 'react';
import { useT } from '../../i18n/hooks';
import type { MessageKey } from '../../i18n/catalogue';
import type { AmountError } from './amount';
import { minorToMajorText, parseMajorAmount } from './amount';

export interface AmountRangeProps {
  min: number | undefined;
  max: number | undefined;
  /** Minor units per major unit of the currency the agent types in (2 for EUR). */
  digits: number;
  currency: string;
  onApply: (min: number | undefined, max: number | undefined) => void;
}

const errorKeys = {
  format: 'filters.amount.error.format',
  negative: 'filters.amount.error.negative',
  decimals: 'filters.amount.error.decimals',
  tooLarge: 'filters.amount.error.tooLarge',
} as const satisfies Record<AmountError, MessageKey>;

type FieldError = AmountError | 'order' | null;

/**
 * Minimum and maximum in major units ("12.50"), converted to minor units on Apply. Each field says
 * what is wrong with it; a minimum above the maximum is refused, never silently swapped.
 */
export function AmountRange({ min, max, digits, currency, onApply }: AmountRangeProps) {
  const t = useT();
  const [minText, setMinText] = useState(min === undefined ? '' : minorToMajorText(min, digits));
  const [maxText, setMaxText] = useState(max === undefined ? '' : minorToMajorText(max, digits));
  const [errors, setErrors] = useState<{ min: FieldError; max: FieldError }>({ min: null, max: null });
  const id = useId();

  const message = (error: FieldError): string | null => {
    if (error === null) return null;
    if (error === 'order') return t('filters.amount.error.order');
    if (error === 'decimals') return t(errorKeys.decimals, { digits });
    return t(errorKeys[error]);
  };

  const apply = () => {
    const low = parseMajorAmount(minText, digits);
    const high = parseMajorAmount(maxText, digits);
    const next: { min: FieldError; max: FieldError } = {
      min: low.ok ? null : low.error,
      max: high.ok ? null : high.error,
    };
    if (low.ok && high.ok && low.minor !== undefined && high.minor !== undefined && low.minor > high.minor) {
      next.max = 'order';
    }
    setErrors(next);
    if (next.min === null && next.max === null && low.ok && high.ok) onApply(low.minor, high.minor);
  };

  const field = (which: 'min' | 'max') => {
    const error = message(errors[which]);
    const inputId = `${id}-${which}`;
    const errorId = `${id}-${which}-error`;
    return (
      <div className="field">
        <label htmlFor={inputId}>
          {t(which === 'min' ? 'filter.amountMin' : 'filter.amountMax')} ({currency})
        </label>
        <input
          id={inputId}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          placeholder={digits > 0 ? `0.${'0'.repeat(digits)}` : '0'}
          value={which === 'min' ? minText : maxText}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => (which === 'min' ? setMinText : setMaxText)(event.target.value)}
        />
        {error ? (
          <p id={errorId} className="filters__field-error">
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form
      className="amount-range"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      {field('min')}
      {field('max')}
      <div className="amount-range__actions">
        <button type="submit" className="button button--primary button--small">
          {t('filters.amount.apply')}
        </button>
      </div>
    </form>
  );
}
