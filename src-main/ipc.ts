import type { IpcMainInvokeEvent } from 'electron';
import { app, ipcMain } from 'electron';
import type { AppInfo, Result } from '../src-shared/contract/bridge';
import { ipcChannels } from '../src-shared/contract/bridge';
import { isTrustedSender } from './policy';

/** IPC handlers: every call's sender is checked before anything is answered (docs/targets.md, Security). */

type Handler<T> = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Result<T>> | Result<T>;

/**
 * Wraps a handler so that only the app's own frames are answered, and a failure comes back as an
 * error value rather than an exception thrown across the bridge.
 */
export function guarded<T>(handler: Handler<T>, devServerUrl?: string): Handler<T> {
  return async (event, ...args) => {
    if (!isTrustedSender(event.senderFrame?.url, devServerUrl)) {
      return { ok: false, error: { code: 'forbidden', message: 'This window may not call the app.' } };
    }
    try {
      return await handler(event, ...args);
    } catch (error) {
      console.error('an IPC handler failed', error);
      return { ok: false, error: { code: 'server_error', message: 'The app could not answer this call.' } };
    }
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
