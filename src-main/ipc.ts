import type { IpcMainInvokeEvent } from 'electron';
import { app, ipcMain } from 'electron';
import type { AppInfo, Result } from '../src-shared/contract/bridge';
import { ipcChannels } from '../src-shared/contract/bridge';
import { isTrustedSender } from './policy';

/** IPC handlers: every call's sender is checked before anything is answered (style.md §6). */

type Handler<T> = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Result<T>> | Result<T>;

export function guarded<T>(handler: Handler<T>, devServerUrl?: string): Handler<T> {
  return (event, ...args) => {
    if (!isTrustedSender(event.senderFrame?.url, devServerUrl)) {
      return { ok: false, error: { code: 'forbidden', message: 'This window may not call the app.' } };
    }
    return handler(event, ...args);
  };
}

export function registerIpc(devServerUrl?: string): void {
  ipcMain.handle(
    ipcChannels.getAppInfo,
    guarded<AppInfo>(
      () => ({
        ok: true,
        value: { name: app.getName(), version: app.getVersion(), platform: process.platform },
      }),
      devServerUrl,
    ),
  );
}
