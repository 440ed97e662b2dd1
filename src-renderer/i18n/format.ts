import type { Locale } from './locale';

/**
 * Numbers, amounts, dates and relative times, written by `Intl` only. Dates are shown in the
 * agent's time zone (the runtime's default) unless a `timeZone` is given.
 */

export type Instant = string | number | Date;

const toDate = (instant: Instant): Date => (instant instanceof Date ? instant : new Date(instant));

/** Intl formatters are costly to build and lists render many rows: keep one per locale and options. */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  kind: string,
  locale: Locale,
  options: object,
  make: () => T,
): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  const found = cache.get(key);
  if (found) return found as T;
  const made = make();
  cache.set(key, made);
  return made;
}

const numberFormat = (locale: Locale, options: Intl.NumberFormatOptions = {}) =>
  cached('n', locale, options, () => new Intl.NumberFormat(locale, options));
const dateFormat = (locale: Locale, options: Intl.DateTimeFormatOptions) =>
  cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options));

export const formatNumber = (locale: Locale, value: number): string => numberFormat(locale).format(value);

/** A fraction (0.42) as a percentage, the locale's way: "42%", "42 %". */
export const formatPercent = (locale: Locale, fraction: number): string =>
  numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);

const digitsByCurrency = new Map<string, number>();

/** How many minor units a currency has, as Intl knows it: EUR 2, JPY 0, KWD 3. */
export function currencyDigits(currency: string): number {
  // Building an Intl formatter costs far more than using one, and a queue formats every row.
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/**
 * An amount in minor units, in its own currency: 123456 EUR → "€1,234.56" / "1 234,56 €";
 * 1500 JPY → "¥1,500". Built as an exact decimal string, so large amounts lose no cent.
 */
export function formatAmount(locale: Locale, minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const negative = minor < 0;
  const units = Math.abs(Math.trunc(minor))
    .toString()
    .padStart(digits + 1, '0');
  const whole = units.slice(0, units.length - digits);
  const decimal = digits > 0 ? `${whole}.${units.slice(units.length - digits)}` : whole;
  const format = numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return format.format(`${negative ? '-' : ''}${decimal}` as Intl.StringNumericLiteral);
}

/** "12 Mar 2026, 14:05" / "12 mars 2026, 14:05" in the agent's time zone. */
export const formatDateTime = (locale: Locale, instant: Instant, timeZone?: string): string =>
  dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(toDate(instant));

export const formatDate = (locale: Locale, instant: Instant, timeZone?: string): string =>
  dateFormat(locale, { dateStyle: 'medium', timeZone }).format(toDate(instant));

export const formatTime = (locale: Locale, instant: Instant, timeZone?: string): string =>
  dateFormat(locale, { timeStyle: 'short', timeZone }).format(toDate(instant));

/** The time alone when the instant falls on `now`'s day (in the zone shown), else date and time. */
export function formatMoment(locale: Locale, instant: Instant, now: number, timeZone?: string): string {
  const day = (value: Instant) => dateFormat('en', { dateStyle: 'short', timeZone }).format(toDate(value));
  return day(instant) === day(now)
    ? formatTime(locale, instant, timeZone)
    : formatDateTime(locale, instant, timeZone);
}

const units: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "5 minutes ago", "in 2 days", "yesterday" / "il y a 5 minutes", "dans 2 jours", "hier". */
export function formatRelative(locale: Locale, instant: Instant, now: number): string {
  const delta = toDate(instant).getTime() - now;
  const format = cached('r', locale, {}, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, size] of units) {
    if (Math.abs(delta) >= size) return format.format(Math.round(delta / size), unit);
  }
  return format.format(0, 'second');
}
