import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { IpcHandlers, IpcInvokeName, Result } from '../src-shared/contract/bridge';
import { ipcInvokes } from '../src-shared/contract/bridge';

/**
 * IPC handlers: every call's sender is checked before anything is answered, every payload parsed
 * by the contract's schema, every answer a `Result` (docs/targets.md, Security).
 */

type Handler<T> = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Result<T>> | Result<T>;

/**
 * Wraps a handler so that only the app's own frames are answered, and a failure comes back as an
 * error value rather than an exception thrown across the bridge.
 */
export function guarded<T>(
  handler: Handler<T>,
  isTrusted: (frameUrl: string | undefined) => boolean,
  onError: (error: unknown) => void = (error) => console.error('an IPC handler failed', error),
): Handler<T> {
  return async (event, ...args) => {
    // A frame that navigated away or was destroyed has no URL to vouch for it; only the window's
    // top frame speaks for the app (an embedded frame, even of app://, does not).
    let frameUrl: string | undefined;
    let topFrame = false;
    try {
      frameUrl = event.senderFrame?.url;
      topFrame = event.senderFrame?.parent === null;
    } catch {
      frameUrl = undefined;
    }
    if (!topFrame || !isTrusted(frameUrl)) {
      return { ok: false, error: { code: 'forbidden', message: 'This window may not call the app.' } };
    }
    try {
      return await handler(event, ...args);
    } catch (error) {
      onError(error);
      return { ok: false, error: { code: 'server_error', message: 'The app could not answer this call.' } };
    }
  };
}

/** Registers every channel of the contract; returns the unregister. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: IpcHandlers,
  isTrusted: (frameUrl: string | undefined) => boolean,
  onError?: (channel: string, error: unknown) => void,
): () => void {
  const names = Object.keys(ipcInvokes) as IpcInvokeName[];
  for (const name of names) {
    const { channel, request } = ipcInvokes[name];
    const handler = handlers[name] as (request: unknown) => Promise<Result<unknown>>;
    ipcMain.handle(
      channel,
      guarded(
        async (_event, ...args) => {
          const parsed = request.safeParse(args[0]);
          if (!parsed.success || args.length > 1) {
            return {
              ok: false,
              error: { code: 'invalid_request', message: `The app refused a malformed ${channel} call.` },
            };
          }
          return handler(parsed.data);
        },
        isTrusted,
        onError ? (error: unknown) => onError(channel, error) : undefined,
      ),
    );
  }
  return () => {
    for (const name of names) ipcMain.removeHandler(ipcInvokes[name].channel);
  };
}
