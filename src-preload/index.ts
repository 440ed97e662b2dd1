import { contextBridge, ipcRenderer } from 'electron';
import type { AppInfo, Bridge, Result } from '../src-shared/contract/bridge';
import { ipcChannels } from '../src-shared/contract/bridge';

/** Exposes the typed bridge, and nothing else: never ipcRenderer itself. */
const bridge: Bridge = {
  host: 'electron',
  getAppInfo: () => ipcRenderer.invoke(ipcChannels.getAppInfo) as Promise<Result<AppInfo>>,
};

contextBridge.exposeInMainWorld('klikpay', bridge);
