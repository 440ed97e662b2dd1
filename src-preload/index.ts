import { contextBridge, ipcRenderer } from 'electron';
import type { Bridge } from '../src-shared/contract/bridge';
import { ipcChannels } from '../src-shared/contract/bridge';

/**
 * Exposes the typed bridge, and nothing else: never ipcRenderer itself. Each call is forwarded to
 * the main process, which validates it and answers a Result.
 */
const invoke = <T>(channel: string, ...args: unknown[]) => ipcRenderer.invoke(channel, ...args) as Promise<T>;

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
