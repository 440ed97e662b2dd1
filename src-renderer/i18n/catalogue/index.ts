import { enDesk } from './en-desk';
import { enDomain } from './en-domain';
import { enShell } from './en-shell';
import { frDesk } from './fr-desk';
import { frDomain } from './fr-domain';
import { frShell } from './fr-shell';
import type { Message, TranslationOf } from './types';

/** The English catalogue defines the keys; the French one is a translation of it (same keys, by type). */
export const en = { ...enDomain, ...enDesk, ...enShell } as const;
export type EnglishCatalogue = typeof en;
export type MessageKey = keyof EnglishCatalogue;

export const fr: TranslationOf<EnglishCatalogue> = { ...frDomain, ...frDesk, ...frShell };

export type Catalogue = Readonly<Record<MessageKey, Message>>;
export type { Message, PluralForms, TranslationOf } from './types';
