import { z } from 'zod';
import { idSchema, instantSchema, userSchema } from '../domain/model';
import type { User } from '../domain/model';
import type { RulesResponse } from './api';
import type { PresenceEvent, PresenceResponse, PullResponse, PushRequest, PushResponse } from './sync';
import { mutationNames } from './sync';

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
  | 'not_found'
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

/**
 * A copy of an outbox action kept outside IndexedDB until the server has acknowledged it (Electron:
 * a file of the main process; browser host: localStorage), so a lost or corrupted cache never
 * loses a pending change (docs/targets.md R3). The client id travels with it: a retry after
 * recovery must reach the server under the same (client, mutation) ids to stay exactly once.
 */
export const journalEntrySchema = z.object({
  clientId: idSchema,
  id: idSchema,
  name: z.enum(mutationNames as [string, ...string[]]),
  args: z.record(z.string(), z.unknown()),
  actor: z.object({ role: z.enum(['agent', 'supervisor']), id: idSchema, name: z.string().max(200) }),
  createdAt: instantSchema,
  /**
   * Set on the record of a change the agent discarded (the server could not take it): it stays in
   * the journal as the device's account of what was given up, and is never sent again.
   */
  discarded: z.object({ at: instantSchema, why: z.string().max(1_000) }).optional(),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

/** A system notification (dossier assigned to me, deadline about to pass, change refused). */
export const deskNotificationSchema = z.object({
  kind: z.enum(['assigned', 'deadline', 'refused', 'follow_up', 'breach']),
  title: z.string().min(1).max(200),
  body: z.string().max(1_000),
  dossierId: idSchema.optional(),
});
export type DeskNotification = z.infer<typeof deskNotificationSchema>;

export const signInRequestSchema = z.object({ email: z.string().max(254), password: z.string().max(1_024) });
export const pullRequestSchema = z.object({
  cursor: z.string().max(200).nullable(),
  limit: z.int().min(1).max(10_000),
});
export const presenceUpdateSchema = z.object({
  dossierId: idSchema,
  activity: z.enum(['viewing', 'writing']),
});
export const currentUserSchema = userSchema.nullable();

export interface Bridge {
  host: 'electron' | 'browser';
  getAppInfo(): Promise<Result<AppInfo>>;
  signIn(email: string, password: string): Promise<Result<User>>;
  signOut(): Promise<Result<null>>;
  /** The signed-in user, known without the network (null: nobody signed in on this device). */
  currentUser(): Promise<Result<User | null>>;
  /** The server's rules' settings and clock, for applying the same rules offline. */
  rules(): Promise<Result<RulesResponse>>;
  pull(cursor: string | null, limit: number): Promise<Result<PullResponse>>;
  push(request: PushRequest): Promise<Result<PushResponse>>;
  /** Calls `listener` whenever the server says there is something to pull; returns the unsubscribe. */
  onPoke(listener: () => void): () => void;
  /** Announces the agent on a dossier (a lease the server keeps 30 s; renew it while it lasts). */
  setPresence(dossierId: string, activity: 'viewing' | 'writing'): Promise<Result<PresenceResponse>>;
  /** Other agents' presence on dossiers, as the server streams it. */
  onPresence(listener: (event: PresenceEvent) => void): () => void;
  /** Whether the host has a network at all (the server may still be unreachable: the engine tells). */
  isOnline(): boolean;
  onConnectivity(listener: (online: boolean) => void): () => void;
  /** Shows a system notification; answered ok even when the user turned notifications off. */
  notify(notification: DeskNotification): Promise<Result<null>>;
  /** The outbox journal of the signed-in user (see `journalEntrySchema`). */
  journal: {
    append(entries: JournalEntry[]): Promise<Result<null>>;
    remove(ids: string[]): Promise<Result<null>>;
    read(): Promise<Result<JournalEntry[]>>;
  };
}

/** IPC channel names, typed once for main and preload. */
export const ipcChannels = {
  getAppInfo: 'app:get-info',
  signIn: 'session:sign-in',
  signOut: 'session:sign-out',
  currentUser: 'session:current',
  rules: 'app:rules',
  pull: 'sync:pull',
  push: 'sync:push',
  poke: 'sync:poke',
  setPresence: 'presence:set',
  presence: 'presence:event',
  notify: 'app:notify',
  journalAppend: 'journal:append',
  journalRemove: 'journal:remove',
  journalRead: 'journal:read',
} as const;
