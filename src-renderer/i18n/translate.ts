import type { Catalogue, EnglishCatalogue, MessageKey, PluralForms } from './catalogue';
import { en, fr } from './catalogue';
import type { Locale } from './locale';

/**
 * Typed translation: the parameters of a key are read from the `{placeholders}` of its English
 * message, and a plural message requires a numeric `count` (forms chosen by `Intl.PluralRules`).
 */

type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

type ParamsOf<M> = M extends string
  ? { [P in Placeholders<M>]: string | number }
  : M extends PluralForms
    ? { [P in Exclude<Placeholders<M[keyof M]>, 'count'>]: string | number } & { count: number }
    : never;

type HasNoParams<M> = M extends string ? ([Placeholders<M>] extends [never] ? true : false) : false;

/** The arguments after the key: none for a plain message, one object of parameters otherwise. */
export type TranslateArgs<K extends MessageKey> =
  HasNoParams<EnglishCatalogue[K]> extends true ? [] : [params: ParamsOf<EnglishCatalogue[K]>];

export type Translate = <K extends MessageKey>(key: K, ...args: TranslateArgs<K>) => string;

export const catalogues: Readonly<Record<Locale, Catalogue>> = { en, fr };

type Params = Readonly<Record<string, string | number>>;

/** Replaces `{name}` by its parameter; numbers are written the locale's way (1,234 / 1 234). */
export function interpolate(template: string, params: Params, numbers: Intl.NumberFormat): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

export function createTranslate(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const translate = (key: MessageKey, params: Params = {}): string => {
    const message = catalogue[key];
    if (typeof message === 'string') return interpolate(message, params, numbers);
    const count = params.count;
    const form = typeof count === 'number' ? message[plurals.select(count)] : undefined;
    return interpolate(form ?? message.other, params, numbers);
  };
  // The public signature is the typed one; the implementation reads any parameters it is given.
  return translate;
}
