import type { Locale } from './locale';

/** Amounts, dates and durations, written by `Intl` in the party's language and time zone. */

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/** An amount in minor units of its currency: 12990 EUR → "€129.90" / "129,90 €"; JPY has no cents. */
export function formatAmount(locale: Locale, minor: number, currency: string): string {
  const format = numberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  // An exact decimal string: a large amount loses no cent to floating point.
  const units = Math.trunc(Math.abs(minor))
    .toString()
    .padStart(digits + 1, '0');
  const whole = units.slice(0, units.length - digits);
  const decimal = digits > 0 ? `${whole}.${units.slice(units.length - digits)}` : whole;
  return format.format(`${minor < 0 ? '-' : ''}${decimal}` as Intl.StringNumericLiteral);
}

export const formatDate = (locale: Locale, instant: string | number): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(instant));

export const formatDateTime = (locale: Locale, instant: string | number): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));

const unit = (locale: Locale, value: number, name: string, display: 'long' | 'short' = 'long') =>
  numberFormat(locale, { style: 'unit', unit: name, unitDisplay: display }).format(value);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A length of time, its two largest units that matter: "2 days 4 hours", "3 hours 20 minutes", "5 minutes". */
export function formatDuration(locale: Locale, ms: number): string {
  const left = Math.abs(ms);
  const days = Math.floor(left / DAY);
  const hours = Math.floor((left % DAY) / HOUR);
  const minutes = Math.floor((left % HOUR) / MINUTE);
  if (days > 0)
    return [unit(locale, days, 'day'), hours > 0 ? unit(locale, hours, 'hour') : ''].join(' ').trim();
  if (hours > 0)
    return [unit(locale, hours, 'hour'), minutes > 0 ? unit(locale, minutes, 'minute') : ''].join(' ').trim();
  return unit(locale, Math.max(1, minutes), 'minute');
}

/** A wait the server asked for, in seconds: "45 seconds", "4 minutes". */
export const formatWait = (locale: Locale, seconds: number): string =>
  seconds < 60 ? unit(locale, seconds, 'second') : unit(locale, Math.ceil(seconds / 60), 'minute');

/** A file's size: "820 kB", "3.5 MB" / "3,5 Mo". */
export function formatSize(locale: Locale, bytes: number): string {
  if (bytes < 1024 * 1024) return unit(locale, Math.max(1, Math.round(bytes / 1024)), 'kilobyte', 'short');
  const mb = Math.round((bytes / 1024 / 1024) * 10) / 10;
  return unit(locale, mb, 'megabyte', 'short');
}
