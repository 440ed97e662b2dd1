import { enDashboard } from './en-dashboard';
import { enDesk } from './en-desk';
import { enDossier } from './en-dossier';
import { enDrafts } from './en-drafts';
import { enFilters } from './en-filters';
import { enWorkspace } from './en-workspace';
import { enDomain } from './en-domain';
import { enShell } from './en-shell';
import { enTeam } from './en-team';
import { frDashboard } from './fr-dashboard';
import { frDesk } from './fr-desk';
import { frDossier } from './fr-dossier';
import { frDrafts } from './fr-drafts';
import { frFilters } from './fr-filters';
import { frWorkspace } from './fr-workspace';
import { frDomain } from './fr-domain';
import { frShell } from './fr-shell';
import { frTeam } from './fr-team';
import type { Message, TranslationOf } from './types';

/** The English catalogue defines the keys; the French one is a translation of it (same keys, by type). */
export const en = {
  ...enDomain,
  ...enDesk,
  ...enShell,
  ...enDossier,
  ...enDrafts,
  ...enFilters,
  ...enWorkspace,
  ...enDashboard,
  ...enTeam,
} as const;
/** The parts the English catalogue is made of (a key defined in two parts would silently lose one). */
export const englishParts = [
  enDomain,
  enDesk,
  enShell,
  enDossier,
  enDrafts,
  enFilters,
  enWorkspace,
  enDashboard,
  enTeam,
] as const;
export type EnglishCatalogue = typeof en;
export type MessageKey = keyof EnglishCatalogue;

export const fr: TranslationOf<EnglishCatalogue> = {
  ...frDomain,
  ...frDesk,
  ...frShell,
  ...frDossier,
  ...frDrafts,
  ...frFilters,
  ...frWorkspace,
  ...frDashboard,
  ...frTeam,
};

export type Catalogue = Readonly<Record<MessageKey, Message>>;
export type { Message, PluralForms, TranslationOf } from './types';
