import type { Transaction } from 'dexie';

/** The cache's meta keys: the pull cursor, the outbox's client id, the last successful sync, the search build. */
export const metaKeys = {
  cursor: 'cursor',
  clientId: 'clientId',
  lastSyncAt: 'lastSyncAt',
  /** While the search index is being built after a first sync: the last dossier id indexed. */
  searchBuiltUpTo: 'searchBuiltUpTo',
  /** While the dashboard's facts are taken from the whole cache: the last dossier id done. */
  factsBuiltUpTo: 'factsBuiltUpTo',
  /** The stamp of the last write of facts, and the stamps the snapshot and the last removal had. */
  factsWritten: 'factsWritten',
  factsSnapshotAt: 'factsSnapshotAt',
  factsRemovedAt: 'factsRemovedAt',
  /** The layout the snapshot's blocks were written in (cache/facts-codec.ts): another is written again. */
  factsSnapshotCodec: 'factsSnapshotCodec',
} as const;

/**
 * The schema's history: each version is kept as it was, so a cache written by an older app opens
 * under this one (Dexie upgrades it) and the migration is tested from every older version.
 */
export const cacheSchemas: readonly {
  version: number;
  stores: Record<string, string | null>;
  /** Moves rows when a store's shape changes (Dexie runs it once, in the upgrade's transaction). */
  upgrade?: (tx: Transaction) => Promise<void>;
}[] = [
  {
    version: 1,
    stores: {
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
    },
  },
  {
    // Sorts and filters of the queues (amount, dates, merchant, tags); personal saved views;
    // audit events of pending actions shown at once, like their messages.
    version: 2,
    stores: {
      views: '&id',
      events: '&id, [dossierId+at], mutationId',
      dossiers:
        '&id, &reference, urgency, [status+urgency], assignee, [assignee+urgency], [openSubject+urgency], [escalated+urgency], autoCloseMs, closedMs, *followers, transaction.id, transaction.amount, transaction.merchantId, createdAt, updatedAt, *tags',
    },
  },
  {
    // The amount filter is about one currency: amounts ranged within a currency, and the
    // currencies in the cache (the index's first part) for the filter's currency picker.
    version: 3,
    stores: {
      dossiers:
        '&id, &reference, urgency, [status+urgency], assignee, [assignee+urgency], [openSubject+urgency], [escalated+urgency], autoCloseMs, closedMs, *followers, transaction.id, transaction.amount, transaction.merchantId, createdAt, updatedAt, *tags, [transaction.currency+transaction.amount]',
    },
  },
  {
    // The agent's drafts: what the composer holds on each dossier, kept until sent or discarded
    // (`cache/drafts.ts`). Keyed by dossier, so the queues read which dossiers have one from the
    // keys alone.
    version: 4,
    stores: {
      drafts: '&dossierId',
    },
  },
  {
    // "Merchant overdue" counted from index keys: a dossier awaiting the merchant always has a
    // stage and a deadline (every other has no stage, so it is not in this index).
    version: 5,
    stores: {
      dossiers:
        '&id, &reference, urgency, [status+urgency], assignee, [assignee+urgency], [openSubject+urgency], [escalated+urgency], autoCloseMs, closedMs, *followers, transaction.id, transaction.amount, transaction.merchantId, createdAt, updatedAt, *tags, [transaction.currency+transaction.amount], [merchantStage+dueAt]',
    },
  },
  {
    // Search entries keyed by rank (cache/search.ts), so a common word's first matches in the
    // queue's order are read from the index alone. A key cannot change in place: the old index
    // goes and the new one is built from the cache (cache/search-build.ts), as after a first sync.
    version: 6,
    stores: {
      search: null,
      searchIndex: '&rank, &dossierId, *words',
    },
    upgrade: async (tx) => {
      if ((await tx.table('dossiers').count()) > 0)
        await tx.table('meta').put({ key: metaKeys.searchBuiltUpTo, value: '' });
    },
  },
  {
    // The supervisor dashboard's facts, one small record per dossier (cache/facts.ts), and the
    // dossiers whose facts are to be taken again since a pull changed them.
    version: 7,
    stores: {
      facts: '&id',
      factsDirty: '&id',
    },
    upgrade: async (tx) => {
      if ((await tx.table('dossiers').count()) > 0)
        await tx.table('meta').put({ key: metaKeys.factsBuiltUpTo, value: '' });
    },
  },
  {
    // Files of the parties once opened (cache/files.ts), so they open again offline: the least
    // recently opened go first, read from the keys of [openedAt+size] alone (never the bytes).
    version: 8,
    stores: {
      files: '&attachmentId, [openedAt+size]',
    },
  },
  {
    // What the agent has read (cache/reads.ts): a dossier's `newSince` is set while a party wrote
    // since the agent last opened it, so the unread dossiers are the keys of that index alone.
    version: 9,
    stores: {
      reads: '&dossierId, newSince',
    },
  },
  {
    // Files an agent attached to a reply or forward, kept with its outbox entry until uploaded
    // (cache/outbox-files.ts): offline, the file waits on the computer with its change.
    version: 10,
    stores: {
      outboxFiles: '&attachmentId, mutationId',
    },
  },
  {
    // A customer's profile lists their dossiers (cache/profiles.ts), found by the customer's id.
    // The search index is not built anew for the customer's e-mail (ten minutes at 100,000
    // dossiers): dossiers filed before it carry none, and each dossier is indexed again as it changes.
    version: 11,
    stores: {
      dossiers:
        '&id, &reference, urgency, [status+urgency], assignee, [assignee+urgency], [openSubject+urgency], [escalated+urgency], autoCloseMs, closedMs, *followers, transaction.id, transaction.amount, transaction.merchantId, createdAt, updatedAt, *tags, [transaction.currency+transaction.amount], [merchantStage+dueAt], transaction.customerId',
    },
  },
  {
    // The team's shared views and macros, as the sync feed brings them (staff only).
    version: 12,
    stores: {
      teamViews: '&id',
      macros: '&id',
    },
  },
  {
    // The dashboard's facts read at a first look from a snapshot in blocks of columns and the facts
    // written since it, found by their stamp (cache/facts-snapshot.ts). Facts stored before carry
    // no stamp: until the builder writes the first snapshot, a first look reads them one by one.
    version: 13,
    stores: {
      facts: '&id, w',
      factsBlocks: '&n',
    },
  },
];
