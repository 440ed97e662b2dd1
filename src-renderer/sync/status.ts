import type { BridgeErrorCode } from '../../src-shared/contract/bridge';

/** What the status region shows: offline / syncing n% / up to date / n pending / error in words. */

export interface SyncProgress {
  /** Changes written so far in this round. */
  changes: number;
  /** Bytes of those changes, as received. */
  bytes: number;
  /** Changes the server says are still to come (null when it did not say). */
  remaining: number | null;
  /** A sync from an empty cache: the UI shows a progress bar. */
  firstSync: boolean;
}

export type SyncErrorCode =
  | BridgeErrorCode
  /** The browser refused to store more (QuotaExceededError): free disk space. */
  | 'storage_full'
  /** The local database failed (closed, deleted, corrupted): the cache is rebuilt from the server. */
  | 'storage_failed'
  /** A fault in the app itself (a bug): reported in words and retried, never a reason to rebuild. */
  | 'app_error';

export interface SyncError {
  code: SyncErrorCode;
  message: string;
}

/** A change the server could not take (the changes behind it wait): what, where, why, how often. */
export interface StuckChange {
  id: string;
  name: string;
  dossierId: string;
  attempts: number;
  error: SyncError;
  /** When the engine tries it again by itself (backing off); the agent can retry now. */
  retryAt: string | null;
}

export interface SyncStatus {
  state: 'idle' | 'syncing' | 'up_to_date' | 'offline' | 'error';
  /** Actions not yet accepted by the server. */
  pending: number;
  lastSyncAt: string | null;
  progress: SyncProgress | null;
  error: SyncError | null;
  /** The change holding the others back, while the server cannot take it. */
  stuck: StuckChange | null;
  /**
   * The copy of pending changes outside IndexedDB (the journal) could not be written: they are
   * kept in the local cache only until it can.
   */
  journalFailing: boolean;
}

export const initialStatus: SyncStatus = {
  state: 'idle',
  pending: 0,
  lastSyncAt: null,
  progress: null,
  error: null,
  stuck: null,
  journalFailing: false,
};

/** Share of a round done, from 0 to 1 (null when the server gave no count). */
export function progressFraction(p: SyncProgress): number | null {
  if (p.remaining === null) return null;
  const total = p.changes + p.remaining;
  return total === 0 ? 1 : p.changes / total;
}

/** The names IndexedDB and Dexie give their failures: only these are faults of the storage. */
const storageErrorNames = new Set([
  'QuotaExceededError',
  'UnknownError',
  'InvalidStateError',
  'TransactionInactiveError',
  'AbortError',
  'VersionError',
  'DatabaseClosedError',
  'OpenFailedError',
  'MissingAPIError',
  'NoSuchDatabaseError',
  'InvalidTableError',
  'ReadOnlyError',
  'DataCloneError',
]);

/** What went wrong in a round that threw: the storage (rebuild may cure it) or the app itself. */
export function roundError(error: unknown): SyncError {
  if (storageErrorNames.has(errorName(error))) return storageError(error);
  return {
    code: 'app_error',
    message: `Something went wrong in the app: ${error instanceof Error ? error.message : String(error)}`,
  };
}

/** Names a storage failure (Dexie and IndexedDB errors carry their DOMException name). */
export function storageError(error: unknown): SyncError & { code: 'storage_full' | 'storage_failed' } {
  const name = errorName(error);
  if (/quota/i.test(name)) {
    return {
      code: 'storage_full',
      message:
        'This computer has no room left for the local copy. Free some disk space; nothing pending is lost.',
    };
  }
  return {
    code: 'storage_failed',
    message: `The local database failed (${name || 'unknown error'}); it is being rebuilt from the server.`,
  };
}

function errorName(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const { name, inner } = error as { name?: unknown; inner?: unknown };
  // Dexie wraps the browser's error; the inner one says more (QuotaExceededError, UnknownError).
  const innerName =
    typeof inner === 'object' && inner !== null ? (inner as { name?: unknown }).name : undefined;
  if (typeof innerName === 'string' && innerName !== 'Error') return innerName;
  return typeof name === 'string' ? name : '';
}
