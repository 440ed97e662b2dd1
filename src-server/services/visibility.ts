import type { Dossier, Message } from '../../src-shared/domain/model';
import type { Audience } from '../../src-shared/domain/vocabulary';
import { isStaff } from '../../src-shared/domain/vocabulary';
import type { Actor } from '../../src-shared/domain/transitions';
import type { AccountRow } from '../store/people';

/** Who may see what (docs/api.md, Sessions and roles). */

export const actorOf = (a: AccountRow): Actor => ({ role: a.role, id: a.id, name: a.name });

export function canSeeDossier(a: AccountRow, d: Dossier): boolean {
  if (isStaff(a.role)) return true;
  if (a.role === 'customer') return a.customerId === d.transaction.customerId;
  return a.merchantId === d.transaction.merchantId;
}

/** The audiences of the messages a role may read: parties never see internal notes. */
export function readableAudiences(a: AccountRow): Audience[] {
  if (isStaff(a.role)) return ['customer', 'merchant', 'both', 'internal'];
  return a.role === 'customer' ? ['customer', 'both'] : ['merchant', 'both'];
}

export const canReadMessage = (a: AccountRow, m: Message): boolean =>
  readableAudiences(a).includes(m.audience);

/**
 * Parties see the dossier without Klik & Pay's internal working data (tags, follow-ups); a merchant
 * also without the customer's e-mail address (privacy: the merchant deals through Klik & Pay).
 */
export function viewOf(a: AccountRow, d: Dossier): Dossier {
  if (isStaff(a.role)) return d;
  const party = { ...d, tags: [], followUps: {} };
  if (a.role !== 'merchant') return party;
  const { customerEmail: _private, ...transaction } = d.transaction;
  return { ...party, transaction };
}
