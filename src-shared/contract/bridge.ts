import type { User } from '../domain/model';
import type { PullResponse, PushRequest, PushResponse } from './sync';

/**
 * The bridge between the renderer and the world: in Electron the preload exposes it over IPC (the
 * main process holds the session and does the HTTP); in the browser host it talks HTTP directly.
 * Nothing else in the renderer touches the network. Every answer is a value, never a thrown error.
 */

export type BridgeErrorCode =
  /** No network, or the server could not be reached: try again later. */
  | 'offline'
  /** The session is missing or expired: sign in again. */
  | 'unauthenticated'
  | 'forbidden'
  | 'invalid_request'
  | 'rate_limited'
  /** The server failed; the request may be retried. */
  | 'server_error';

export interface BridgeError {
  code: BridgeErrorCode;
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
  signIn(email: string, password: string): Promise<Result<User>>;
  signOut(): Promise<Result<null>>;
  /** The signed-in user, known without the network (null: nobody signed in on this device). */
  currentUser(): Promise<Result<User | null>>;
  pull(cursor: string | null, limit: number): Promise<Result<PullResponse>>;
  push(request: PushRequest): Promise<Result<PushResponse>>;
  /** Calls `listener` whenever the server says there is something to pull; returns the unsubscribe. */
  onPoke(listener: () => void): () => void;
}

/** IPC channel names, typed once for main and preload. */
export const ipcChannels = {
  getAppInfo: 'app:get-info',
  signIn: 'session:sign-in',
  signOut: 'session:sign-out',
  currentUser: 'session:current',
  pull: 'sync:pull',
  push: 'sync:push',
  poke: 'sync:poke',
} as const;
