/**
 * The bridge between the renderer and its host: in Electron the preload exposes it over IPC; in the
 * browser host it talks HTTP directly. Every answer is a value, never a thrown error.
 */

export interface BridgeError {
  code: string;
  message: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
}

export interface Bridge {
  host: 'electron' | 'browser';
  getAppInfo(): Promise<Result<AppInfo>>;
}

/** IPC channel names, typed once for main and preload. */
export const ipcChannels = { getAppInfo: 'app:get-info' } as const;
