import type {
  Bridge,
  BridgeError,
  DeskNotification,
  JournalEntry,
  Result,
} from '../../src-shared/contract/bridge';
import { journalEntrySchema } from '../../src-shared/contract/bridge';
import type { RulesResponse } from '../../src-shared/contract/api';
import { rulesResponseSchema, sessionResponseSchema } from '../../src-shared/contract/api';
import { apiErrorSchema } from '../../src-shared/contract/errors';
import type {
  PresenceEvent,
  PresenceResponse,
  PullResponse,
  PushResponse,
} from '../../src-shared/contract/sync';
import {
  presenceEventSchema,
  presenceResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
} from '../../src-shared/contract/sync';
import type { User } from '../../src-shared/domain/model';
import { userSchema } from '../../src-shared/domain/model';
import { z } from 'zod';

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
  /** Shows a system notification (the browser's Notification API, when the user allowed it). */
  notify?: (n: DeskNotification) => void;
}

export interface Connectivity {
  isOnline(): boolean;
  subscribe(listener: (online: boolean) => void): () => void;
}

const alwaysOnline: Connectivity = { isOnline: () => true, subscribe: () => () => undefined };

const sessionKey = 'klikpay.session';
const journalKey = (userId: string) => `klikpay.journal.${userId}`;
const journalSchema = z.array(journalEntrySchema);
interface StoredSession {
  token: string;
  user: User;
}

const statusCodes: Record<number, BridgeError['code']> = {
  400: 'invalid_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'invalid_request',
  413: 'invalid_request',
  429: 'rate_limited',
};

export function createHttpBridge(options: HttpBridgeOptions): Bridge {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const connectivity = options.connectivity ?? alwaysOnline;
  const api = `${options.baseUrl}/api/v1`;

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

  async function call<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S | null,
    body?: unknown,
  ): Promise<Result<z.infer<S> | null>> {
    const session = loadSession();
    const headers: Record<string, string> = {};
    if (session) headers.authorization = `Bearer ${session.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${api}${path}`, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
      });
    } catch {
      return { ok: false, error: { code: 'offline', message: 'The server cannot be reached.' } };
    }
    const text = await response.text().catch(() => '');
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!response.ok) {
      const parsed = apiErrorSchema.safeParse(json);
      const code = statusCodes[response.status] ?? 'server_error';
      return {
        ok: false,
        error: {
          code,
          message: parsed.success ? parsed.data.error.message : `The server answered ${response.status}.`,
        },
      };
    }
    if (!schema) return { ok: true, value: null };
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'server_error',
          message: 'The server answered something this app does not understand.',
        },
      };
    }
    return { ok: true, value: parsed.data };
  }

  const pokeListeners = new Set<() => void>();
  const presenceListeners = new Set<(e: PresenceEvent) => void>();
  let stream: AbortController | null = null;
  const streamWanted = () => pokeListeners.size + presenceListeners.size > 0;
  const closeStreamIfUnused = () => {
    if (streamWanted()) return;
    stream?.abort();
    stream = null;
  };

  const dispatch = (block: string) => {
    const event = /^event: (\w+)$/m.exec(block)?.[1];
    if (event === 'poke') for (const l of pokeListeners) l();
    else if (event === 'presence') {
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
      let json: unknown;
      try {
        json = JSON.parse(data);
      } catch {
        return;
      }
      const parsed = presenceEventSchema.safeParse(json);
      if (parsed.success) for (const l of presenceListeners) l(parsed.data);
    }
  };

  /** Server-Sent Events over fetch (EventSource cannot send the token), reconnecting with backoff. */
  function openStream(): void {
    const controller = new AbortController();
    stream = controller;
    const stopped = () => controller.signal.aborted;
    void (async () => {
      for (let attempt = 0; !stopped(); attempt++) {
        const session = loadSession();
        try {
          const response = await doFetch(`${api}/sync/stream`, {
            headers: session ? { authorization: `Bearer ${session.token}` } : {},
            signal: controller.signal,
          });
          if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
          attempt = 0;
          const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
          const decoder = new TextDecoder();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += decoder.decode(value, { stream: true });
            for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
              const block = buffer.slice(0, cut);
              buffer = buffer.slice(cut + 2);
              dispatch(block);
            }
          }
        } catch {
          // Offline, or the server went away: try again below.
        }
        if (stopped()) return;
        const delay = Math.min(30_000, 500 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random() / 2);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    })();
  }

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
      const result = await call('POST', '/sessions', sessionResponseSchema, { email, password });
      if (!result.ok) return result;
      if (!result.value)
        return { ok: false, error: { code: 'server_error', message: 'Empty sign-in answer.' } };
      options.storage.setItem(sessionKey, JSON.stringify(result.value));
      return { ok: true, value: result.value.user };
    },
    async signOut() {
      const result = await call('DELETE', '/sessions/current', null);
      // Signed out on this device whatever the server said: offline, the token simply expires there.
      options.storage.removeItem(sessionKey);
      stream?.abort();
      stream = null;
      return result.ok || result.error.code === 'offline' || result.error.code === 'unauthenticated'
        ? { ok: true, value: null }
        : result;
    },
    currentUser: () => Promise.resolve({ ok: true, value: loadSession()?.user ?? null }),
    async rules() {
      const result = await call('GET', '/rules', rulesResponseSchema);
      return result.ok ? { ok: true, value: result.value as RulesResponse } : result;
    },
    async pull(cursor, limit) {
      const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
      const result = await call('GET', `/sync/pull?${query.toString()}`, pullResponseSchema);
      return result.ok ? { ok: true, value: result.value as PullResponse } : result;
    },
    async push(request) {
      const result = await call('POST', '/sync/push', pushResponseSchema, request);
      return result.ok ? { ok: true, value: result.value as PushResponse } : result;
    },
    onPoke(listener) {
      pokeListeners.add(listener);
      if (!stream) openStream();
      return () => {
        pokeListeners.delete(listener);
        closeStreamIfUnused();
      };
    },
    async setPresence(dossierId, activity) {
      const result = await call('PUT', '/presence', presenceResponseSchema, { dossierId, activity });
      return result.ok ? { ok: true, value: result.value as PresenceResponse } : result;
    },
    onPresence(listener) {
      presenceListeners.add(listener);
      if (!stream) openStream();
      return () => {
        presenceListeners.delete(listener);
        closeStreamIfUnused();
      };
    },
    isOnline: () => connectivity.isOnline(),
    onConnectivity: (listener) => connectivity.subscribe(listener),
    notify(notification) {
      try {
        options.notify?.(notification);
      } catch {
        // Notifications are a courtesy: the app shows the same thing in its own toasts.
      }
      return Promise.resolve({ ok: true, value: null });
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
    try {
      const parsed = journalSchema.safeParse(JSON.parse(raw));
      if (parsed.success) {
        known = { raw, entries: parsed.data };
        return { ok: true, value: parsed.data };
      }
    } catch {
      // Fall through: a journal this app cannot read is reported, never silently emptied.
    }
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
