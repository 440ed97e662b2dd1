import { useId, useState } from 'react';
import { currencyDigits } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/hooks';
import type { MessageKey } from '../../i18n/catalogue';
import type { AmountError } from './amount';
import { currencyLabel, decimalSeparator, minorToMajorText, parseMajorAmount } from './amount';
import { defaultCurrency } from './filter-model';

export interface AmountRangeProps {
  /** The filter's currency (its bounds are in that currency's minor units), or none. */
  currency: string | undefined;
  min: number | undefined;
  max: number | undefined;
  /** The currencies to choose from, most frequent first (see `currencyOptions`). */
  currencies: readonly string[];
  /** A currency comes with any bound; none only when both bounds are empty ("any currency"). */
  onApply: (currency: string | undefined, min: number | undefined, max: number | undefined) => void;
}

const errorKeys = {
  format: 'filters.amount.error.format',
  negative: 'filters.amount.error.negative',
  decimals: 'filters.amount.error.decimals',
  tooLarge: 'filters.amount.error.tooLarge',
} as const satisfies Record<AmountError, MessageKey>;

type FieldError = AmountError | 'order' | null;

/** The value of the "any currency" choice. */
const anyCurrency = '';

/**
 * One currency, then a minimum and maximum in its major units ("12.50"), converted to its minor
 * units on Apply (digits as Intl knows them: EUR 2, JPY 0). Each field says what is wrong with it;
 * a minimum above the maximum is refused, never silently swapped, and bounds need a currency.
 */
export function AmountRange({ currency, min, max, currencies, onApply }: AmountRangeProps) {
  const t = useT();
  const { locale } = useLocale();
  const [selected, setSelected] = useState(currency ?? defaultCurrency);
  const decimal = decimalSeparator(locale);
  const [minText, setMinText] = useState(() =>
    min === undefined ? '' : minorToMajorText(min, currencyDigits(currency ?? defaultCurrency), decimal),
  );
  const [maxText, setMaxText] = useState(() =>
    max === undefined ? '' : minorToMajorText(max, currencyDigits(currency ?? defaultCurrency), decimal),
  );
  const [errors, setErrors] = useState<{ min: FieldError; max: FieldError }>({ min: null, max: null });
  const [currencyMissing, setCurrencyMissing] = useState(false);
  const id = useId();
  const digits = currencyDigits(selected === anyCurrency ? defaultCurrency : selected);

  const message = (error: FieldError): string | null => {
    if (error === null) return null;
    if (error === 'order') return t('filters.amount.error.order');
    if (error === 'decimals') {
      return digits === 0
        ? t('filters.amount.error.noDecimals', { currency: selected })
        : t(errorKeys.decimals, { digits });
    }
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
    const bounded = !(low.ok && low.minor === undefined && high.ok && high.minor === undefined);
    const missing = selected === anyCurrency && bounded;
    setErrors(next);
    setCurrencyMissing(missing);
    if (next.min === null && next.max === null && !missing && low.ok && high.ok) {
      onApply(selected === anyCurrency ? undefined : selected, low.minor, high.minor);
    }
  };

  const currencyId = `${id}-currency`;
  const currencyErrorId = `${id}-currency-error`;

  const field = (which: 'min' | 'max') => {
    const error = message(errors[which]);
    const inputId = `${id}-${which}`;
    const errorId = `${id}-${which}-error`;
    const label = t(which === 'min' ? 'filter.amountMin' : 'filter.amountMax');
    return (
      <div className="field">
        <label htmlFor={inputId}>{selected === anyCurrency ? label : `${label} (${selected})`}</label>
        <input
          id={inputId}
          type="text"
          inputMode={digits > 0 ? 'decimal' : 'numeric'}
          autoComplete="off"
          placeholder={minorToMajorText(0, digits, decimal)}
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
      <div className="field">
        <label htmlFor={currencyId}>{t('filters.amount.currency')}</label>
        <select
          id={currencyId}
          value={selected}
          aria-invalid={currencyMissing ? true : undefined}
          aria-describedby={currencyMissing ? currencyErrorId : undefined}
          onChange={(event) => {
            setSelected(event.target.value);
            setCurrencyMissing(false);
          }}
        >
          {currencies.map((code) => (
            <option key={code} value={code}>
              {currencyLabel(locale, code)}
            </option>
          ))}
          <option value={anyCurrency}>{t('filters.amount.anyCurrency')}</option>
        </select>
        {currencyMissing ? (
          <p id={currencyErrorId} className="filters__field-error">
            {t('filters.amount.error.currency')}
          </p>
        ) : null}
      </div>
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
