import type { ApiClient } from '../src-shared/client/api-client';
import { createApiClient } from '../src-shared/client/api-client';
import type {
  AppInfo,
  DeskNotification,
  IpcEventPayloads,
  IpcHandlers,
  Result,
  ServerSetting,
} from '../src-shared/contract/bridge';
import type { Connectivity } from './connectivity';
import type { JournalFiles } from './journal-file';
import type { SessionStore } from './session-store';

/**
 * The back office's gateway to the central API, in the main process: it holds the session token
 * (the renderer never sees it), does the HTTP, keeps the live stream and turns it into pokes, and
 * keeps the outbox journal on disk. Plain TypeScript over injected parts, so it runs in Node tests
 * against the real API and in the electron-host harness exactly as in Electron.
 */

export interface ServerSettings {
  current(): ServerSetting;
  /** The canonical origin of what the agent typed, or why it is not one. */
  normalize(input: string): { ok: true; url: string } | { ok: false; reason: string };
  save(url: string): Promise<void>;
}

export interface GatewayDeps {
  appInfo: AppInfo;
  /** Electron's `net.fetch` (the system's proxy and certificates). */
  fetch: typeof fetch;
  session: SessionStore;
  journal: JournalFiles;
  settings: ServerSettings;
  connectivity: Connectivity;
  /** Shows a system notification (clicking it opens its dossier). */
  notify(notification: DeskNotification): void;
  /** The overdue count on the dock or taskbar. */
  badge(count: number): void;
  /** Sends an event to the app's windows. */
  emit<K extends keyof IpcEventPayloads>(name: K, payload: IpcEventPayloads[K]): void;
}

export interface Gateway {
  handlers: IpcHandlers;
  stop(): void;
}

const nobody: Result<never> = {
  ok: false,
  error: { code: 'unauthenticated', message: 'Nobody is signed in on this device.' },
};

export function createGateway(deps: GatewayDeps): Gateway {
  const client: ApiClient = createApiClient({
    baseUrl: () => deps.settings.current().url,
    token: () => deps.session.token(),
    fetch: deps.fetch,
    onReach: (reached) => deps.connectivity.reached(reached),
  });

  let stopStream: (() => void) | null = null;
  /** One live stream while someone is signed in with a token; a new token opens a new one. */
  const restartStream = () => {
    stopStream?.();
    stopStream = null;
    if (!deps.session.token() || !deps.settings.current().url) return;
    stopStream = client.openStream({
      poke: () => deps.emit('poke', null),
      presence: (event) => deps.emit('presence', event),
      // Changes made while the stream was down were not poked: one poke makes the engine pull them.
      open: () => deps.emit('poke', null),
    });
  };
  const unsubscribe = deps.connectivity.subscribe((online) => deps.emit('connectivity', online));
  restartStream();

  const userId = () => deps.session.user()?.id ?? null;

  const handlers: IpcHandlers = {
    getAppInfo: async () => ({ ok: true, value: deps.appInfo }),
    async signIn({ email, password }) {
      const result = await client.signIn(email, password);
      if (!result.ok) return result;
      await deps.session.save(result.value.token, result.value.user);
      restartStream();
      return { ok: true, value: result.value.user };
    },
    async signOut() {
      const result = await client.signOut();
      // Signed out on this device whatever the server said (offline, the token expires there).
      await deps.session.clear();
      restartStream();
      return result;
    },
    currentUser: async () => ({ ok: true, value: deps.session.user() }),
    rules: () => client.rules(),
    pull: ({ cursor, limit }) => client.pull(cursor, limit),
    push: (request) => client.push(request),
    setPresence: ({ dossierId, activity }) => client.setPresence(dossierId, activity),
    setAbsence: ({ userId, absent }) => client.setAbsence(userId, absent),
    attachment: ({ dossierId, attachmentId }) => client.attachment(dossierId, attachmentId),
    upload: (file) => client.upload(file),
    saveTeamItem: (request) => client.saveTeamItem(request),
    deleteTeamItem: (request) => client.deleteTeamItem(request),
    async notify(notification) {
      try {
        deps.notify(notification);
      } catch {
        // A courtesy: the app shows the same thing in its own toasts.
      }
      return { ok: true, value: null };
    },
    server: async () => ({ ok: true, value: deps.settings.current() }),
    async connect({ url }) {
      const current = deps.settings.current();
      if (current.locked) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'This installation is managed: its server is set.' },
        };
      }
      const normalized = deps.settings.normalize(url);
      if (!normalized.ok)
        return { ok: false, error: { code: 'invalid_request', message: normalized.reason } };
      const probe = await client.probe(normalized.url);
      if (!probe.ok) return probe;
      if (normalized.url !== current.url) {
        // A session belongs to its server: another server means signing in there.
        if (deps.session.user()) await deps.session.clear();
        await deps.settings.save(normalized.url);
        restartStream();
      }
      return { ok: true, value: deps.settings.current() };
    },
    async setOverdueCount(count) {
      try {
        deps.badge(count);
      } catch {
        // The queue shows the same count.
      }
      return { ok: true, value: null };
    },
    async journalAppend(entries) {
      const id = userId();
      if (!id) return nobody;
      if (entries.some((e) => e.actor.id !== id)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: "Another agent's change cannot enter this journal." },
        };
      }
      return deps.journal.append(id, entries);
    },
    async journalRemove(ids) {
      const id = userId();
      return id ? deps.journal.remove(id, ids) : nobody;
    },
    async journalRead() {
      const id = userId();
      return id ? deps.journal.read(id) : { ok: true, value: [] };
    },
  };

  return {
    handlers,
    stop() {
      unsubscribe();
      stopStream?.();
      stopStream = null;
    },
  };
}
