import { contextBridge, ipcRenderer } from 'electron';
import type { Bridge, Result } from '../src-shared/contract/bridge';
import { ipcChannels } from '../src-shared/contract/bridge';

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

const bridge: Bridge = {
  host: 'electron',
  getAppInfo: () => invoke(ipcChannels.getAppInfo),
  signIn: (email, password) => invoke(ipcChannels.signIn, { email, password }),
  signOut: () => invoke(ipcChannels.signOut),
  currentUser: () => invoke(ipcChannels.currentUser),
  pull: (cursor, limit) => invoke(ipcChannels.pull, { cursor, limit }),
  push: (request) => invoke(ipcChannels.push, request),
  onPoke(listener) {
    const handler = () => listener();
    ipcRenderer.on(ipcChannels.poke, handler);
    return () => {
      ipcRenderer.removeListener(ipcChannels.poke, handler);
    };
  },
};

contextBridge.exposeInMainWorld('klikpay', bridge);
