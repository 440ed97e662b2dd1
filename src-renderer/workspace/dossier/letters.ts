import type { Dossier } from '../../../src-shared/domain/model';
import type { DisputeSettings } from '../../../src-shared/domain/settings';
import { reminderDueAt } from '../../../src-shared/domain/settings';
import type { TemplateId } from '../../../src-shared/domain/templates';
import { renderTemplate } from '../../../src-shared/domain/templates';
import { factsOf } from '../../../src-shared/domain/transitions';
import type { Audience, Language } from '../../../src-shared/domain/vocabulary';
import type { MessageKey } from '../../i18n/catalogue';

/** The letters an agent can start a message from (docs/letters.md), and whom each is for. */
export const composerTemplates = [
  { id: 'good_practices_reminder', label: 'template.goodPractices', audience: 'merchant' },
  { id: 'rights_information', label: 'template.rights', audience: 'customer' },
  { id: 'request_for_proof', label: 'template.proofRequest', audience: null },
  { id: 'resolution_proposal', label: 'template.resolutionProposal', audience: null },
] as const satisfies readonly {
  id: TemplateId;
  label: MessageKey;
  /** The recipient the letter is written to; null when it suits either party. */
  audience: Audience | null;
}[];

export type ComposerTemplateId = (typeof composerTemplates)[number]['id'];

export const isComposerTemplate = (id: string): id is ComposerTemplateId =>
  composerTemplates.some((c) => c.id === id);

/** The recipient's language: the merchant's for the merchant, the customer's otherwise. */
export function recipientLanguage(dossier: Dossier, audience: Audience): Language {
  return audience === 'merchant' ? dossier.transaction.merchantLanguage : dossier.language;
}

/** Whom a letter goes to when chosen: its own recipient, else the current one (a note becomes a reply). */
export function audienceForTemplate(id: ComposerTemplateId, current: Audience): Audience {
  const fixed = composerTemplates.find((c) => c.id === id)?.audience ?? null;
  if (fixed) return fixed;
  return current === 'internal' ? 'customer' : current;
}

/**
 * The letter filled with the dossier's facts, as the rules would write it (same facts, dates on the
 * business calendar's zone), ready to be edited before it is sent. The reminder announces the new
 * deadline that sending it sets, not the one the merchant has just missed.
 */
export function letterText(
  dossier: Dossier,
  id: ComposerTemplateId,
  language: Language,
  settings: DisputeSettings,
  now: number,
): string {
  const facts = factsOf(dossier, language, settings);
  // A first reminder sets a new deadline; a second one repeats the letter and keeps it.
  if (id === 'good_practices_reminder' && dossier.merchantStage !== 'reminded') {
    facts.dueAt = reminderDueAt(now, settings);
  }
  return renderTemplate(id, facts);
}
