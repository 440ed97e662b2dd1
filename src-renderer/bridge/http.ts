import { createApiClient } from '../../src-shared/client/api-client';
import type {
  Bridge,
  DeskNotification,
  DossierLink,
  JournalEntry,
  Result,
} from '../../src-shared/contract/bridge';
import { parseJournal } from '../../src-shared/contract/bridge';
import type { PresenceEvent } from '../../src-shared/contract/sync';
import type { User } from '../../src-shared/domain/model';
import { userSchema } from '../../src-shared/domain/model';

/**
 * The browser host's bridge: HTTP straight to the API that served the page. The session (token and
 * user) is kept in the given storage so a reload, even offline, finds the agent signed in.
 */

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface HttpBridgeOptions {
  /** The API's origin, e.g. `http://127.0.0.1:4010` ('' for the page's own origin). */
  baseUrl: string;
  storage: KeyValueStorage;
  fetch?: typeof fetch;
  appVersion: string;
  platform: string;
  /** The host's view of the network (the browser's `navigator.onLine` and its events). */
  connectivity?: Connectivity;
  /**
   * Shows a system notification (the browser's Notification API, when the user allowed it);
   * `open` is called when the agent clicks it.
   */
  notify?: (n: DeskNotification, open: () => void) => void;
  /** Shows the overdue count on the app's icon (an installed web app's badge). */
  badge?: (count: number) => void;
}

export interface Connectivity {
  isOnline(): boolean;
  subscribe(listener: (online: boolean) => void): () => void;
}

const alwaysOnline: Connectivity = { isOnline: () => true, subscribe: () => () => undefined };

/** The page's own origin when the API is its own server (''). */
const serverOrigin = (baseUrl: string): string | null =>
  baseUrl || (typeof location === 'undefined' ? null : location.origin);

const sessionKey = 'klikpay.session';
const journalKey = (userId: string) => `klikpay.journal.${userId}`;
interface StoredSession {
  token: string;
  user: User;
}

export function createHttpBridge(options: HttpBridgeOptions): Bridge {
  const connectivity = options.connectivity ?? alwaysOnline;

  const loadSession = (): StoredSession | null => {
    const raw = options.storage.getItem(sessionKey);
    if (!raw) return null;
    try {
      const parsed = JSON.parse(raw) as { token?: unknown; user?: unknown };
      const user = userSchema.safeParse(parsed.user);
      return typeof parsed.token === 'string' && user.success
        ? { token: parsed.token, user: user.data }
        : null;
    } catch {
      return null;
    }
  };

  const client = createApiClient({
    baseUrl: options.baseUrl,
    token: () => loadSession()?.token ?? null,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  const openListeners = new Set<(link: DossierLink) => void>();
  const pokeListeners = new Set<() => void>();
  const presenceListeners = new Set<(e: PresenceEvent) => void>();
  let stopStream: (() => void) | null = null;
  const ensureStream = () => {
    stopStream ??= client.openStream({
      poke: () => {
        for (const l of pokeListeners) l();
      },
      presence: (event) => {
        for (const l of presenceListeners) l(event);
      },
    });
  };
  const closeStreamIfUnused = () => {
    if (pokeListeners.size + presenceListeners.size > 0) return;
    stopStream?.();
    stopStream = null;
  };

  /**
   * The journal as last read or written here, with its stored text: while the storage holds that
   * very text (no other window wrote since), it is not parsed and checked again — a bulk action
   * appends to a journal of a thousand entries slice after slice.
   */
  let known: { raw: string; entries: JournalEntry[] } | null = null;

  return {
    host: 'browser',
    getAppInfo: () =>
      Promise.resolve({
        ok: true,
        value: { name: 'Klik & Pay Dispute Desk', version: options.appVersion, platform: options.platform },
      }),
    async signIn(email, password) {
      const result = await client.signIn(email, password);
      if (!result.ok) return result;
      options.storage.setItem(sessionKey, JSON.stringify(result.value));
      return { ok: true, value: result.value.user };
    },
    async signOut() {
      const result = await client.signOut();
      // Signed out on this device whatever the server said: offline, the token simply expires there.
      options.storage.removeItem(sessionKey);
      stopStream?.();
      stopStream = null;
      return result;
    },
    currentUser: () => Promise.resolve({ ok: true, value: loadSession()?.user ?? null }),
    rules: () => client.rules(),
    pull: (cursor, limit) => client.pull(cursor, limit),
    push: (request) => client.push(request),
    onPoke(listener) {
      pokeListeners.add(listener);
      ensureStream();
      return () => {
        pokeListeners.delete(listener);
        closeStreamIfUnused();
      };
    },
    setPresence: (dossierId, activity) => client.setPresence(dossierId, activity),
    setAbsence: (userId, absent) => client.setAbsence(userId, absent),
    attachment: (dossierId, attachmentId) => client.attachment(dossierId, attachmentId),
    upload: (file) => client.upload(file),
    saveTeamItem: (request) => client.saveTeamItem(request),
    deleteTeamItem: (request) => client.deleteTeamItem(request),
    onPresence(listener) {
      presenceListeners.add(listener);
      ensureStream();
      return () => {
        presenceListeners.delete(listener);
        closeStreamIfUnused();
      };
    },
    isOnline: () => connectivity.isOnline(),
    onConnectivity: (listener) => connectivity.subscribe(listener),
    notify(notification) {
      const { dossierId } = notification;
      const open = () => {
        if (dossierId) for (const l of openListeners) l({ id: dossierId });
      };
      try {
        options.notify?.(notification, open);
      } catch {
        // Notifications are a courtesy: the app shows the same thing in its own toasts.
      }
      return Promise.resolve({ ok: true, value: null });
    },
    server: () => Promise.resolve({ ok: true, value: { url: serverOrigin(options.baseUrl), locked: true } }),
    connect: () =>
      Promise.resolve({
        ok: false,
        error: { code: 'forbidden', message: 'The browser host works with the server that served it.' },
      }),
    setOverdueCount(count) {
      try {
        options.badge?.(count);
      } catch {
        // A badge is a courtesy: the queue shows the same count.
      }
      return Promise.resolve({ ok: true, value: null });
    },
    // A browser tab has no application menu: its commands are the page's own shortcuts.
    onCommand: () => () => undefined,
    onOpenDossier(listener) {
      openListeners.add(listener);
      return () => {
        openListeners.delete(listener);
      };
    },
    journal: {
      append: (entries) => updateJournal((current) => [...current, ...entries]),
      remove(ids) {
        const gone = new Set(ids);
        return updateJournal((current) => current.filter((e) => !gone.has(e.id)));
      },
      read: () => Promise.resolve(readJournal()),
    },
  };

  /** The journal of the signed-in user, in the same storage as the session (not IndexedDB). */
  function readJournal(): Result<JournalEntry[]> {
    const user = loadSession()?.user;
    if (!user) return { ok: true, value: [] };
    const raw = options.storage.getItem(journalKey(user.id));
    if (!raw) return { ok: true, value: [] };
    if (known?.raw === raw) return { ok: true, value: [...known.entries] };
    const entries = parseJournal(raw);
    if (entries) {
      known = { raw, entries };
      return { ok: true, value: entries };
    }
    // A journal this app cannot read is reported, never silently emptied.
    return { ok: false, error: { code: 'invalid_request', message: 'The outbox journal is unreadable.' } };
  }

  function updateJournal(change: (current: JournalEntry[]) => JournalEntry[]): Promise<Result<null>> {
    const user = loadSession()?.user;
    if (!user) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unauthenticated', message: 'Nobody is signed in on this device.' },
      });
    }
    const current = readJournal();
    if (!current.ok) return Promise.resolve(current);
    const next = change(current.value);
    try {
      if (next.length === 0) options.storage.removeItem(journalKey(user.id));
      else {
        const raw = JSON.stringify(next);
        options.storage.setItem(journalKey(user.id), raw);
        known = { raw, entries: next };
      }
    } catch {
      return Promise.resolve({
        ok: false,
        error: { code: 'server_error', message: 'The outbox journal could not be written (storage full?).' },
      });
    }
    return Promise.resolve({ ok: true, value: null });
  }
}
