/**
 * The shape of a UI string catalogue. The English catalogue defines the keys (and, through its
 * placeholders, the parameters of each message); every other language is typed as a translation
 * of it, so a missing or extra key fails the compiler.
 */

/** Plural forms by CLDR category (`Intl.PluralRules`); `other` is the fallback every language has. */
export interface PluralForms {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

/** A message: a string with `{placeholders}`, or plural forms chosen by the `count` parameter. */
export type Message = string | PluralForms;

export type MessageTable = Readonly<Record<string, Message>>;

/** A translation of an English table: the same keys, a string for a string, plurals for plurals. */
export type TranslationOf<E extends MessageTable> = {
  readonly [K in keyof E]: E[K] extends string ? string : PluralForms;
};
