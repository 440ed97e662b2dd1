import type { Locale } from './locale';
import { en } from './en';
import { fr } from './fr';

/**
 * Typed translation: a key's parameters are read from the `{placeholders}` of its English text;
 * a message with forms by number (`{ one, other }`) takes a numeric `count`.
 */

export type PluralForms = Readonly<{ one: string; other: string }>;
export type Catalogue = Readonly<Record<MessageKey, string | PluralForms>>;
export type MessageKey = keyof typeof en;

type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type Text<M> = M extends string ? M : M extends PluralForms ? M['one'] | M['other'] : never;
type ParamsOf<K extends MessageKey> = Record<Placeholders<Text<(typeof en)[K]>>, string | number>;
export type TranslateArgs<K extends MessageKey> = [Placeholders<Text<(typeof en)[K]>>] extends [never]
  ? []
  : [params: ParamsOf<K>];

/** The keys whose text takes no parameter: those a table of keys may hold and `t(key)` says alone. */
export type PlainKey = { [K in MessageKey]: TranslateArgs<K> extends [] ? K : never }[MessageKey];

export type Translate = <K extends MessageKey>(key: K, ...args: TranslateArgs<K>) => string;

const catalogues: Readonly<Record<Locale, Catalogue>> = { en, fr };

export function createTranslate(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const translate = (key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string => {
    const message = catalogue[key];
    const count = params.count;
    const text =
      typeof message === 'string'
        ? message
        : typeof count === 'number' && plurals.select(count) === 'one'
          ? message.one
          : message.other;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
  return translate;
}
