/**
 * Amounts typed by an agent in major units ("12.50", "12,50", "1 234,5") and the filter's minor
 * units (1250). Converted as decimal strings, never through floating point, so no cent is lost.
 */

export type AmountError = 'format' | 'negative' | 'decimals' | 'tooLarge';
export type ParsedAmount = { ok: true; minor: number | undefined } | { ok: false; error: AmountError };

/** Spaces people type or paste as thousands separators, including Intl's no-break ones. */
const spaces = /[\s\u00a0\u202f']/g;

/** Parses a major-unit amount; an empty field is no bound (`minor: undefined`). */
export function parseMajorAmount(text: string, digits: number): ParsedAmount {
  const compact = text.replace(spaces, '');
  if (compact === '') return { ok: true, minor: undefined };
  if (compact.startsWith('-')) return { ok: false, error: 'negative' };
  // The last separator is the decimal one; any earlier one groups thousands ("1.234,56", "1,234.56").
  const last = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
  const whole = (last === -1 ? compact : compact.slice(0, last)).replace(/[.,]/g, '');
  const fraction = last === -1 ? '' : compact.slice(last + 1);
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || whole + fraction === '') {
    return { ok: false, error: 'format' };
  }
  if (fraction.length > digits) return { ok: false, error: 'decimals' };
  const units = `${whole}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  const minor = Number(units);
  if (!Number.isSafeInteger(minor)) return { ok: false, error: 'tooLarge' };
  return { ok: true, minor };
}

/** Minor units back to what an agent would type: 1250 → "12.50" (2 digits), 1500 → "1500" (0). */
export function minorToMajorText(minor: number, digits: number, decimal = '.'): string {
  if (digits === 0) return String(minor);
  const units = String(minor).padStart(digits + 1, '0');
  return `${units.slice(0, units.length - digits)}${decimal}${units.slice(units.length - digits)}`;
}

/** The locale's decimal separator ("," in French), for amounts the agent reads and types. */
export function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

/**
 * A currency as the agent reads it in their language: "USD – US Dollar", "USD – dollar des
 * États-Unis"; the code alone where the runtime has no name for it.
 */
export function currencyLabel(locale: string, code: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames(locale, { type: 'currency', fallback: 'none' }).of(code);
  } catch {
    name = undefined;
  }
  return name && name !== code ? `${code} – ${name}` : code;
}
