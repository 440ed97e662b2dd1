import { contextBridge, ipcRenderer } from 'electron';
import type {
  Bridge,
  DossierLink,
  IpcAnswers,
  IpcEventPayloads,
  IpcInvokeName,
  IpcRequest,
  Result,
} from '../src-shared/contract/bridge';
import { ipcEvents, ipcInvokes, isDeskCommand } from '../src-shared/contract/bridge';

/**
 * Exposes the typed bridge, and nothing else: never ipcRenderer itself. Each call is forwarded to
 * the main process, which validates it and answers a Result; a call that fails on the way (no
 * handler, main process gone) becomes an error value too, never a rejected promise.
 */
const invoke = async <K extends IpcInvokeName>(
  name: K,
  ...request: IpcRequest<K> extends undefined ? [] : [IpcRequest<K>]
): Promise<Result<IpcAnswers[K]>> => {
  try {
    return (await ipcRenderer.invoke(ipcInvokes[name].channel, ...request)) as Result<IpcAnswers[K]>;
  } catch {
    return { ok: false, error: { code: 'server_error', message: 'The desktop app could not answer.' } };
  }
};

/** The preload runs in the page's context; its tsconfig is the Node side's, without the DOM types. */
declare const navigator: { readonly onLine: boolean };
declare const window: {
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
};

/** Subscribes to an event the main process sends; returns the unsubscribe. */
const subscribe = <K extends keyof IpcEventPayloads>(
  name: K,
  listener: (payload: IpcEventPayloads[K]) => void,
): (() => void) => {
  const handler = (_event: unknown, payload: IpcEventPayloads[K]) => listener(payload);
  ipcRenderer.on(ipcEvents[name], handler);
  return () => {
    ipcRenderer.removeListener(ipcEvents[name], handler);
  };
};

/**
 * The network as the main process sees it (the system's state, and whether the server answered),
 * starting from Chromium's own view until main's first word; the page's events tell sooner.
 */
let online = navigator.onLine;
const connectivityListeners = new Set<(online: boolean) => void>();
const setOnline = (value: boolean) => {
  if (value === online) return;
  online = value;
  for (const listener of connectivityListeners) listener(value);
};
subscribe('connectivity', setOnline);
window.addEventListener('online', () => setOnline(true));
window.addEventListener('offline', () => setOnline(false));

/**
 * Dossiers to open that main sends before the workspace listens (the app started by a deep link,
 * a link followed while signing in): kept until it does.
 */
const openListeners = new Set<(link: DossierLink) => void>();
const unheardLinks: DossierLink[] = [];
subscribe('openDossier', (link) => {
  if (openListeners.size === 0) unheardLinks.push(link);
  for (const listener of openListeners) listener(link);
});

const bridge: Bridge = {
  host: 'electron',
  getAppInfo: () => invoke('getAppInfo'),
  signIn: (email, password) => invoke('signIn', { email, password }),
  signOut: () => invoke('signOut'),
  currentUser: () => invoke('currentUser'),
  rules: () => invoke('rules'),
  pull: (cursor, limit) => invoke('pull', { cursor, limit }),
  push: (request) => invoke('push', request),
  onPoke: (listener) => subscribe('poke', () => listener()),
  setPresence: (dossierId, activity) => invoke('setPresence', { dossierId, activity }),
  onPresence: (listener) => subscribe('presence', listener),
  setAbsence: (userId, absent) => invoke('setAbsence', { userId, absent }),
  attachment: (dossierId, attachmentId) => invoke('attachment', { dossierId, attachmentId }),
  upload: (file) => invoke('upload', file),
  saveTeamItem: (request) => invoke('saveTeamItem', request),
  deleteTeamItem: (request) => invoke('deleteTeamItem', request),
  isOnline: () => online,
  onConnectivity(listener) {
    connectivityListeners.add(listener);
    return () => {
      connectivityListeners.delete(listener);
    };
  },
  notify: (notification) => invoke('notify', notification),
  server: () => invoke('server'),
  connect: (url) => invoke('connect', { url }),
  setOverdueCount: (count) => invoke('setOverdueCount', count),
  // Only the commands of this app's menu reach the workspace.
  onCommand: (listener) =>
    subscribe('command', (command) => {
      if (isDeskCommand(command)) listener(command);
    }),
  onOpenDossier(listener) {
    openListeners.add(listener);
    for (const link of unheardLinks.splice(0)) listener(link);
    return () => {
      openListeners.delete(listener);
    };
  },
  journal: {
    append: (entries) => invoke('journalAppend', entries),
    remove: (ids) => invoke('journalRemove', ids),
    read: () => invoke('journalRead'),
  },
};

contextBridge.exposeInMainWorld('klikpay', bridge);
