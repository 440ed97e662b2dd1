import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { MutationName } from '../../src-shared/contract/sync';
import type { AuditEvent, Dossier, Merchant, Message, User } from '../../src-shared/domain/model';
import { urgentAt } from '../../src-shared/domain/queues';

/**
 * The local cache (IndexedDB through Dexie): what the back office reads, always, online or not.
 * `dossiers` holds what the agent sees — the server's state with the agent's pending actions applied;
 * `base` keeps the server's own state of the dossiers that have pending actions, to rebase on.
 */

/** A dossier as stored: the document plus the keys the queues query on (IndexedDB cannot index null). */
export interface CachedDossier extends Dossier {
  /** Most urgent deadline first; closed dossiers last. */
  urgency: number;
  /** The assignee, '' when none (open dossiers only: closed ones are left out of the index). */
  assignee?: string;
  /** 'payment' / 'delivery' for open dossiers only. */
  openSubject?: string;
  /** 1 when escalated to Klik & Pay and still awaiting it. */
  escalated?: number;
  /** Auto-close instant of open dossiers, in ms. */
  autoCloseMs?: number;
  /** Closure instant of closed dossiers, in ms. */
  closedMs?: number;
  /** Agents with a follow-up date on the dossier. */
  followers: string[];
}

export interface CachedMessage extends Message {
  /** Set on messages written locally by a pending action, until the server's own copy arrives. */
  mutationId?: string;
}

export interface OutboxEntry {
  seq?: number;
  /** The mutation id: stable across retries, so the server applies it exactly once. */
  id: string;
  name: MutationName;
  args: { dossierId: string } & Record<string, unknown>;
  dossierId: string;
  /** Who acted, and when: the action is replayed as them, at that time, when the cache rebases. */
  actor: { role: 'agent' | 'supervisor'; id: string; name: string };
  createdAt: string;
  /**
   * `acknowledged`: the server applied it and its effects arrive with the next pull; `settled`: the
   * server's state of its dossier, with those effects, has arrived (the entry goes when the pull ends).
   */
  state: 'pending' | 'acknowledged' | 'settled';
}

export interface Rejection {
  id: string;
  dossierId: string;
  name: MutationName;
  code: string;
  message: string;
  at: string;
}

/** The words of one dossier and its correspondence, for local search (built during sync). */
export interface SearchEntry {
  dossierId: string;
  words: string[];
}

export interface MetaEntry {
  key: string;
  value: string | number | null;
}

export class CacheDatabase extends Dexie {
  dossiers!: Table<CachedDossier, string>;
  base!: Table<Dossier, string>;
  messages!: Table<CachedMessage, string>;
  events!: Table<AuditEvent, string>;
  users!: Table<User, string>;
  merchants!: Table<Merchant, string>;
  outbox!: Table<OutboxEntry, number>;
  rejections!: Table<Rejection, string>;
  meta!: Table<MetaEntry, string>;
  search!: Table<SearchEntry, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      dossiers:
        '&id, &reference, urgency, [status+urgency], assignee, [assignee+urgency], [openSubject+urgency], [escalated+urgency], autoCloseMs, closedMs, *followers, transaction.id',
      base: '&id',
      messages: '&id, [dossierId+createdAt], mutationId',
      events: '&id, [dossierId+at]',
      users: '&id',
      merchants: '&id',
      outbox: '++seq, &id, dossierId, state',
      rejections: '&id, dossierId',
      meta: '&key',
      search: '&dossierId, *words',
    });
  }
}

const closedUrgency = Number.MAX_SAFE_INTEGER;

export function toCached(d: Dossier): CachedDossier {
  const open = d.status !== 'closed';
  const cached: CachedDossier = {
    ...d,
    urgency: urgentAt(d) ?? closedUrgency,
    followers: Object.keys(d.followUps),
  };
  if (open) {
    cached.assignee = d.assigneeId ?? '';
    cached.openSubject = d.subject;
    if (d.autoCloseAt) cached.autoCloseMs = Date.parse(d.autoCloseAt);
  }
  if (d.status === 'awaiting_klikpay' && d.escalatedAt !== null) cached.escalated = 1;
  if (d.closure) cached.closedMs = Date.parse(d.closure.at);
  return cached;
}

/** The document without the cache's own keys. */
export function fromCached(d: CachedDossier): Dossier {
  const {
    urgency: _urgency,
    assignee: _assignee,
    openSubject: _openSubject,
    escalated: _escalated,
    autoCloseMs: _autoCloseMs,
    closedMs: _closedMs,
    followers: _followers,
    ...dossier
  } = d;
  return dossier;
}
