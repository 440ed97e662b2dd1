import type { RefusalDetails } from '../../src-shared/domain/refusals';
import Dexie, { RangeSet } from 'dexie';
import type { DexieOptions, Table } from 'dexie';
import type { MutationName } from '../../src-shared/contract/sync';
import type { SavedView } from '../../src-shared/domain/filters';
import type { Macro, TeamView } from '../../src-shared/domain/team';
import type {
  AttachmentType,
  AuditEvent,
  Dossier,
  Merchant,
  Message,
  User,
} from '../../src-shared/domain/model';
import { urgentAt } from '../../src-shared/domain/queues';
import type { FactsBlock } from './facts-codec';
import { cacheSchemas, metaKeys } from './schema-history';
import type { DossierFacts } from '../../src-shared/domain/stats-facts';

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

/** A dossier a pull changed, its facts to be taken again; `stamp` tells a newer mark from the one read. */
/** A dossier's facts as stored: with the stamp of the write that put them (cache/facts-snapshot.ts). */
export type StoredFacts = DossierFacts & { w?: number };

export interface FactsDirty {
  id: string;
  stamp: string;
}

export interface CachedMessage extends Message {
  /** Set on messages written locally by a pending action, until the server's own copy arrives. */
  mutationId?: string;
}

export interface CachedEvent extends AuditEvent {
  /** Set on audit events of a pending action, until the server's own record arrives. */
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
  /**
   * A message held back for the agent's Undo (issue 12): not pushed before this instant, and the
   * changes queued after it wait behind it, in order.
   */
  holdUntil?: string;
  /** Pushes of this entry alone that failed (the server could not take it): what is stuck, and why. */
  attempts?: number;
  lastError?: { code: string; message: string; at: string };
}

export interface Rejection {
  id: string;
  dossierId: string;
  name: MutationName;
  /** The server's error code, or `discarded`: the agent gave up a change the server could not take. */
  code: string;
  message: string;
  /** The reason as a word of the shared vocabulary, to say it in the agent's language. */
  details?: RefusalDetails;
  at: string;
  /** What the change said (its text, its tags…), so nothing the agent wrote is lost with it. */
  args?: Record<string, unknown>;
}

/** A draft as stored: only its key is trusted (`cache/drafts.ts` parses the rest when reading). */
export interface StoredDraft {
  dossierId: string;
  [field: string]: unknown;
}

/** Where a dossier sorts in the "All" order: urgency, then reference (and its id, to be unique). */
export type SearchRank = [urgency: number, reference: string, dossierId: string];

/**
 * The words of one dossier and its correspondence, for local search (cache/search.ts), keyed by the
 * dossier's rank: a word's matches come out of the multi-entry index most urgent first.
 */
export interface SearchEntry {
  rank: SearchRank;
  dossierId: string;
  words: string[];
}

/** A file attached to a message, as opened once (`cache/files.ts`). */
export interface CachedFile {
  attachmentId: string;
  dossierId: string;
  contentType: AttachmentType;
  bytes: ArrayBuffer;
  size: number;
  /** When it was last opened, in ms: the least recent leaves first. */
  openedAt: number;
}

export { cacheSchemas, metaKeys } from './schema-history';

/**
 * What the agent has read of a dossier (`cache/reads.ts`): the latest message seen when they last
 * opened it, and while a party wrote since, the instant of the first message they have not read.
 */
export interface ReadMark {
  dossierId: string;
  readUpTo?: string;
  newSince?: string;
}

/** A file an agent attached to a change still in the outbox, until the server has it (`cache/outbox-files.ts`). */
export interface OutboxFile {
  attachmentId: string;
  /** The outbox entry (reply or forward) that lists it. */
  mutationId: string;
  dossierId: string;
  filename: string;
  contentType: AttachmentType;
  size: number;
  bytes: ArrayBuffer;
  /** The server has it (staged): not sent again; it stays until its change leaves the outbox. */
  uploaded?: boolean;
}

export interface MetaEntry {
  key: string;
  value: string | number | null;
}

export interface CacheOptions {
  /** Which versions to declare (tests open older schemas); all of them by default. */
  schemas?: typeof cacheSchemas;
  /** Another IndexedDB than the global one (tests inject faults). */
  indexedDB?: DexieOptions['indexedDB'];
  IDBKeyRange?: DexieOptions['IDBKeyRange'];
  /**
   * `relaxed` for the connection that writes pull pages: a page lost in a crash is pulled again
   * (its cursor is lost with it), so it need not wait for the disk. Actions use the default.
   */
  durability?: 'relaxed' | 'strict' | 'default';
  /**
   * For the connection that writes pull pages: Dexie does not work out, key by key and index by
   * index, what each write changed (its Observability middleware, a large share of a first sync's
   * time); the writer says which tables changed instead (`announceWrites`). The screens' queries
   * re-run on any change to the tables they read (data/coalesced.ts), so nothing finer is needed.
   */
  quiet?: boolean;
}

export class CacheDatabase extends Dexie {
  dossiers!: Table<CachedDossier, string>;
  base!: Table<Dossier, string>;
  messages!: Table<CachedMessage, string>;
  events!: Table<CachedEvent, string>;
  users!: Table<User, string>;
  merchants!: Table<Merchant, string>;
  outbox!: Table<OutboxEntry, number>;
  rejections!: Table<Rejection, string>;
  meta!: Table<MetaEntry, string>;
  searchIndex!: Table<SearchEntry, SearchRank>;
  views!: Table<SavedView, string>;
  /** Read through `cache/drafts.ts`, which checks each one: stored rows may be damaged. */
  drafts!: Table<StoredDraft, string>;
  facts!: Table<StoredFacts, string>;
  factsDirty!: Table<FactsDirty, string>;
  /** The facts' snapshot in blocks of columns (cache/facts-snapshot.ts), checked as they are read. */
  factsBlocks!: Table<FactsBlock, number>;
  files!: Table<CachedFile, string>;
  reads!: Table<ReadMark, string>;
  outboxFiles!: Table<OutboxFile, string>;
  /** The team's shared views and macros: written by the pull alone (and a save's answer). */
  teamViews!: Table<TeamView, string>;
  macros!: Table<Macro, string>;

  constructor(name: string, options: CacheOptions = {}) {
    super(name, {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
      chromeTransactionDurability: options.durability ?? 'default',
    });
    for (const { version, stores, upgrade } of options.schemas ?? cacheSchemas) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
    this.quiet = options.quiet ?? false;
    if (this.quiet) this.unuse({ stack: 'dbcore', name: 'Observability' });
  }

  readonly quiet: boolean;

  /** Tells every reader of this database (in this window and the others) that these tables changed. */
  announceWrites(tables: readonly string[]): void {
    const everything = () => new RangeSet(-Infinity, [[[]]]);
    const parts: Record<string, RangeSet> = {};
    for (const table of this.tables) {
      if (!tables.includes(table.name)) continue;
      const prefix = `idb://${this.name}/${table.name}/`;
      parts[prefix] = everything();
      parts[`${prefix}:dels`] = everything();
      for (const index of table.schema.indexes)
        if (index.name) parts[`${prefix}${index.name}`] = everything();
    }
    Dexie.on('storagemutated').fire(parts);
  }
}

/**
 * The outbox's client id lives with the outbox: a reloaded page or a restarted app retries its
 * actions under the same id, so the server recognises them (exactly once across reloads).
 * Call inside a transaction that includes `meta`, or alone.
 */
export async function clientIdOf(db: CacheDatabase, newId: () => string): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const stored = await db.meta.get(metaKeys.clientId);
    if (typeof stored?.value === 'string') return stored.value;
    const id = newId();
    await db.meta.put({ key: metaKeys.clientId, value: id });
    return id;
  });
}

/** The urgency of a closed dossier: after every open one. */
export const closedUrgency = Number.MAX_SAFE_INTEGER;

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
