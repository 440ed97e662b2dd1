import { contextBridge, ipcRenderer } from 'electron';
import type { Bridge, Result } from '../src-shared/contract/bridge';
import { ipcChannels } from '../src-shared/contract/bridge';
import type { PresenceEvent } from '../src-shared/contract/sync';

/**
 * Exposes the typed bridge, and nothing else: never ipcRenderer itself. Each call is forwarded to
 * the main process, which validates it and answers a Result; a call that fails on the way (no
 * handler, main process gone) becomes an error value too, never a rejected promise.
 */
const invoke = async <T>(channel: string, ...args: unknown[]): Promise<Result<T>> => {
  try {
    return (await ipcRenderer.invoke(channel, ...args)) as Result<T>;
  } catch {
    return { ok: false, error: { code: 'server_error', message: 'The desktop app could not answer.' } };
  }
};

/** The preload runs in the page's context; its tsconfig is the Node side's, without the DOM types. */
declare const navigator: { readonly onLine: boolean };
declare const window: {
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
};

/** Subscribes to an event the main process sends; returns the unsubscribe. */
const subscribe = <T>(channel: string, listener: (payload: T) => void): (() => void) => {
  const handler = (_event: unknown, payload: T) => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
};

const bridge: Bridge = {
  host: 'electron',
  getAppInfo: () => invoke(ipcChannels.getAppInfo),
  signIn: (email, password) => invoke(ipcChannels.signIn, { email, password }),
  signOut: () => invoke(ipcChannels.signOut),
  currentUser: () => invoke(ipcChannels.currentUser),
  rules: () => invoke(ipcChannels.rules),
  pull: (cursor, limit) => invoke(ipcChannels.pull, { cursor, limit }),
  push: (request) => invoke(ipcChannels.push, request),
  onPoke: (listener) => subscribe(ipcChannels.poke, () => listener()),
  setPresence: (dossierId, activity) => invoke(ipcChannels.setPresence, { dossierId, activity }),
  onPresence: (listener) => subscribe<PresenceEvent>(ipcChannels.presence, listener),
  // The sandboxed preload sees the renderer's own network state, as Chromium reports it.
  isOnline: () => navigator.onLine,
  onConnectivity(listener) {
    const online = () => listener(true);
    const offline = () => listener(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  },
  notify: (notification) => invoke(ipcChannels.notify, notification),
  journal: {
    append: (entries) => invoke(ipcChannels.journalAppend, entries),
    remove: (ids) => invoke(ipcChannels.journalRemove, ids),
    read: () => invoke(ipcChannels.journalRead),
  },
};

contextBridge.exposeInMainWorld('klikpay', bridge);
