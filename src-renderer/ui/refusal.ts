import type { MutationName } from '../../src-shared/contract/sync';
import { limits } from '../../src-shared/domain/model';
import { refusalDetailsSchema } from '../../src-shared/domain/refusals';
import type { MessageKey } from '../i18n/catalogue';
import type { Translate } from '../i18n/translate';
import type { Toast } from './toast-queue';

/** The action label (as on the buttons) of each change an agent can push. */
export const mutationLabelKeys = {
  'dossier.reply': 'action.reply',
  'dossier.note': 'action.note',
  'dossier.remind_merchant': 'action.remindMerchant',
  'dossier.inform_customer': 'action.informCustomer',
  'dossier.forward_to_merchant': 'action.forwardToMerchant',
  'dossier.take_over': 'action.takeOver',
  'dossier.assign': 'action.assign',
  'dossier.tag': 'action.tag',
  'dossier.follow_up': 'action.followUp',
  'dossier.close': 'action.close',
  'dossier.reopen': 'action.reopen',
} as const satisfies Record<MutationName, MessageKey>;

export interface RefusedChange {
  /** The refused mutation's id (the toast's id: one toast per refusal). */
  id: string;
  name: string;
  /** The dossier's reference (KP-2026-000123), when known. */
  reference?: string;
  /** The server's reason, as it gave it. */
  message: string;
  /** The reason as a word of the shared vocabulary (`RefusalDetails`), when the server gave one. */
  details?: unknown;
}

/** A change's name as the back office knows it (an audit event may name one from a newer version). */
export const isMutationName = (name: unknown): name is MutationName =>
  typeof name === 'string' && Object.hasOwn(mutationLabelKeys, name);

/**
 * Why a change was refused, in the agent's language: from the reason's word when the server or
 * the local rules gave one, in the server's own (English) words otherwise — a newer server's new
 * reason is still said, if not translated.
 */
export function refusalReasonText(
  t: Translate,
  refusal: { code?: string; message: string; details?: unknown },
): string {
  if (refusal.code === 'storage_full' || refusal.code === 'storage_failed') return t(`error.${refusal.code}`);
  const parsed = refusalDetailsSchema.safeParse(refusal.details);
  if (!parsed.success) return refusal.message;
  const details = parsed.data;
  if (details.reason === 'role_cannot') {
    const command = details.command ?? '';
    return t('refusalReason.role_cannot', {
      role: t(`actor.${details.role ?? 'agent'}`),
      action: isMutationName(command) ? t(mutationLabelKeys[command]) : command,
    });
  }
  if (details.reason === 'too_many_tags') return t('refusalReason.too_many_tags', { max: limits.tags });
  if (details.reason === 'transaction_has_open_dossier') {
    return t('refusalReason.transaction_has_open_dossier', { other: details.otherReference ?? '—' });
  }
  if (details.reason === 'internal')
    return t('refusalReason.internal', { incident: details.incident ?? '—' });
  return t(`refusalReason.${details.reason}`);
}

/** The toast telling an agent the server refused one of their changes, and why. */
export function refusalToast(t: Translate, refusal: RefusedChange, open?: () => void): Toast {
  const action = isMutationName(refusal.name) ? t(mutationLabelKeys[refusal.name]) : t('refusal.change');
  return {
    id: `refusal-${refusal.id}`,
    tone: 'error',
    title: refusal.reference
      ? t('refusal.onDossier', { reference: refusal.reference, action })
      : t('refusal.title', { action }),
    body: refusalReasonText(t, refusal),
    action: open ? { label: t('action.open'), onClick: open } : undefined,
  };
}
