import type { ActorRef, AuditEvent, Dossier } from '../../../src-shared/domain/model';
import type { Translate } from '../../i18n/translate';
import type { ShownValue, ValueWords } from './audit-values';
import { fieldLabel, fieldValue } from './audit-values';
import { eventDetail, eventKindText } from './event-text';

/**
 * The audit trail of one dossier as the agent reads it: every event in words (who, what, when,
 * before → after), and the filters and order the view applies. Pure: built once per read of the
 * cache, filtered on every keystroke without reading anything again.
 */

/** An audit event as read: `pending` when it is the agent's own, not yet accepted by the server. */
export interface AuditEntry {
  event: AuditEvent;
  pending: boolean;
}

export interface AuditChange {
  field: string;
  label: string;
  before: ShownValue;
  after: ShownValue;
  /** The field's name and key as the text filter matches them (no case, no accents). */
  match: string;
}

export interface AuditRow {
  id: string;
  at: string;
  pending: boolean;
  /** Who, as the "who" filter tells actors apart: `staff:<id>`, `customer`, `merchant`, `system`. */
  actorKey: string;
  actorName: string;
  /** The staff member's role, or the party's name. */
  actorDetail: string | null;
  type: string;
  kind: string;
  detail: string | null;
  changes: AuditChange[];
}

export interface AuditFilter {
  /** An `actorKey`, or '' for everyone. */
  actor: string;
  /** An event type, or '' for all. */
  kind: string;
  /** Words of a field's name. */
  field: string;
}
export type AuditOrder = 'newest' | 'oldest';

/** What the agent chose in the audit trail, kept while the dossier stays open. */
export interface AuditViewState {
  order: AuditOrder;
  filter: AuditFilter;
}
export const initialAuditView: AuditViewState = {
  order: 'newest',
  filter: { actor: '', kind: '', field: '' },
};

export interface RowWords extends Omit<ValueWords, 'actorName'> {
  dossier: Dossier;
}

/** For the text filter: "Échéance" is found by "echeance". */
export const folded = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Who an actor is: a staff member by name, a party by role, the rules as "Automatic rule". */
export function actorOf(
  actor: ActorRef,
  w: Pick<RowWords, 't' | 'staffName' | 'dossier'>,
): { key: string; name: string; detail: string | null } {
  const { t } = w;
  switch (actor.role) {
    case 'customer':
      return { key: 'customer', name: t('actor.customer'), detail: w.dossier.transaction.customerName };
    case 'merchant':
      return { key: 'merchant', name: t('actor.merchant'), detail: w.dossier.transaction.merchantName };
    case 'system':
      return { key: 'system', name: t('audit.automaticRule'), detail: null };
    default:
      return {
        key: `staff:${actor.id ?? actor.role}`,
        name: actor.id === null ? t(`actor.${actor.role}`) : w.staffName(actor.id),
        detail: t(`actor.${actor.role}`),
      };
  }
}

/** Every entry in words, oldest first (equal instants keep the order they were read in). */
export function auditRows(entries: readonly AuditEntry[], w: RowWords): AuditRow[] {
  const words: ValueWords = { ...w, actorName: (actor) => actorOf(actor, w).name };
  return [...entries]
    .sort((a, b) => (a.event.at < b.event.at ? -1 : a.event.at > b.event.at ? 1 : 0))
    .map(({ event, pending }) => {
      const actor = actorOf(event.actor, w);
      return {
        id: event.id,
        at: event.at,
        pending,
        actorKey: actor.key,
        actorName: actor.name,
        actorDetail: actor.detail,
        type: event.type,
        kind: eventKindText(event.type, w.t),
        detail: eventDetail(event, w.t),
        changes: Object.entries(event.changes).map(([field, change]) => {
          const label = fieldLabel(field, w.t);
          return {
            field,
            label,
            before: fieldValue(field, change.before, words),
            after: fieldValue(field, change.after, words),
            match: folded(`${label}\n${field}`),
          };
        }),
      };
    });
}

/** A row as shown: the changes the field filter keeps, and how many it left out. */
export interface ShownRow {
  row: AuditRow;
  changes: AuditChange[];
  hidden: number;
}

/** The rows the filters keep, in the order chosen. */
export function shownRows(rows: readonly AuditRow[], view: AuditViewState): ShownRow[] {
  const { actor, kind } = view.filter;
  const words = folded(view.filter.field.trim());
  const shown: ShownRow[] = [];
  for (const row of rows) {
    if (actor !== '' && row.actorKey !== actor) continue;
    if (kind !== '' && row.type !== kind) continue;
    const changes = words === '' ? row.changes : row.changes.filter((c) => c.match.includes(words));
    if (words !== '' && changes.length === 0) continue;
    shown.push({ row, changes, hidden: row.changes.length - changes.length });
  }
  return view.order === 'newest' ? shown.reverse() : shown;
}

export const filtering = (filter: AuditFilter): boolean =>
  filter.actor !== '' || filter.kind !== '' || filter.field.trim() !== '';

/** The actors present in the trail, for the "who" filter, by name. */
export function actorsIn(rows: readonly AuditRow[]): { key: string; name: string }[] {
  const found = new Map<string, string>();
  for (const row of rows) if (!found.has(row.actorKey)) found.set(row.actorKey, row.actorName);
  return [...found].map(([key, name]) => ({ key, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The kinds of event present in the trail, for the "kind" filter, by name. */
export function kindsIn(rows: readonly AuditRow[], t: Translate): { type: string; name: string }[] {
  const types = new Set(rows.map((row) => row.type));
  return [...types]
    .map((type) => ({ type, name: eventKindText(type, t) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
