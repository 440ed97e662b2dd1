import { z } from 'zod';
import { attachmentLimits, attachmentTypes, idSchema, instantSchema, userSchema } from '../domain/model';
import type { QueueId } from '../domain/queues';
import { queueIds } from '../domain/queues';
import type { Attachment, User } from '../domain/model';
import type { Macro, TeamView } from '../domain/team';
import { macroFieldsSchema, teamItemIdSchema, teamViewFieldsSchema } from '../domain/team';
import type { RulesResponse } from './api';
import { uploadParamsSchema, uploadRequestSchema } from './api';
import type { PresenceEvent, PresenceResponse, PullResponse, PushRequest, PushResponse } from './sync';
import { mutationEnvelopeSchema, mutationNames } from './sync';

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
const journalSchema = z.array(journalEntrySchema);

/** A stored journal's entries, or null when the text is not a journal this app can read. */
export function parseJournal(raw: string): JournalEntry[] | null {
  try {
    const parsed = journalSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

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

/**
 * What the desktop's application menu asks of the workspace (src-main/menu.ts): the renderer's
 * shortcuts and palette, reachable with the mouse and read by screen readers.
 */
export type QueueCommand = `queue:${QueueId}`;
export type DeskCommand =
  | 'palette'
  | 'search'
  | 'sync-now'
  | 'toggle-theme'
  | 'help'
  | 'sign-out'
  | 'next-dossier'
  | 'previous-dossier'
  | 'reply'
  | 'note'
  | 'close-dossier'
  | QueueCommand;
export const deskCommands: readonly DeskCommand[] = [
  'palette',
  'search',
  'sync-now',
  'toggle-theme',
  'help',
  'sign-out',
  'next-dossier',
  'previous-dossier',
  'reply',
  'note',
  'close-dossier',
  ...queueIds.map((id): QueueCommand => `queue:${id}`),
];
export const isDeskCommand = (value: unknown): value is DeskCommand =>
  typeof value === 'string' && (deskCommands as readonly string[]).includes(value);

/** The server this app talks to: the browser host's is the page's own; the desktop's is set up once. */
export interface ServerSetting {
  /** The API's origin, or null before the first "Connect to server". */
  url: string | null;
  /** Set by a managed install's settings file: the agent cannot change it. */
  locked: boolean;
}
export const connectRequestSchema = z.object({ url: z.string().min(1).max(2_048) });
/** A dossier reference as links carry it (`KP-2026-000123`). */
export const dossierReferenceSchema = z.string().regex(/^KP-\d{4}-\d{6,12}$/);
/** A dossier to open: by id (a notification) or by reference (a deep link). */
export const dossierLinkSchema = z.union([
  z.strictObject({ id: idSchema }),
  z.strictObject({ reference: dossierReferenceSchema }),
]);
export type DossierLink = z.infer<typeof dossierLinkSchema>;

/** A file attached to a message of a dossier, to open (`GET /dossiers/{id}/attachments/{attachmentId}`). */
export const attachmentRequestSchema = z.strictObject({ dossierId: idSchema, attachmentId: idSchema });
export type AttachmentRequest = z.infer<typeof attachmentRequestSchema>;
/**
 * The file as the bridge hands it over: one of the types a party may attach (any other is refused,
 * so nothing is ever rendered as HTML or run) and its bytes in base64 — text crosses every IPC
 * boundary as it is, where bytes might be cloned, copied or refused — at most the attachment limit.
 */
export const attachmentFileSchema = z.strictObject({
  contentType: z.enum(attachmentTypes),
  contentBase64: z.base64().max(Math.ceil(attachmentLimits.bytes / 3) * 4),
});
export type AttachmentFile = z.infer<typeof attachmentFileSchema>;

/**
 * A file staged for an agent's reply or forward (`PUT /uploads/{id}`): the API's own body and id
 * rules, so main refuses what the server would before any HTTP. The renderer chooses the id (a
 * lowercase UUID) and keeps it: sending the same file again under it is harmless.
 */
export const uploadFileRequestSchema = z.strictObject({
  id: uploadParamsSchema.shape.id,
  ...uploadRequestSchema.shape,
});
export type UploadFileRequest = z.infer<typeof uploadFileRequestSchema>;

/**
 * A shared view or macro to save for the team (`PUT /team/views/{id}`, `PUT /team/macros/{id}`):
 * the API's own rules, so main refuses what the server would before any HTTP.
 */
export const teamSaveRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('view'), id: teamItemIdSchema, fields: teamViewFieldsSchema }),
  z.strictObject({ kind: z.literal('macro'), id: teamItemIdSchema, fields: macroFieldsSchema }),
]);
export type TeamSaveRequest = z.infer<typeof teamSaveRequestSchema>;
/** The saved document, as the server stamped it. */
export type TeamItemSaved = { kind: 'view'; item: TeamView } | { kind: 'macro'; item: Macro };
export const teamDeleteRequestSchema = z.strictObject({
  kind: z.enum(['view', 'macro']),
  id: teamItemIdSchema,
});
export type TeamDeleteRequest = z.infer<typeof teamDeleteRequestSchema>;

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
  /** A supervisor marks a member of staff absent (no new assignments) or back. */
  setAbsence(userId: string, absent: boolean): Promise<Result<User>>;
  /** A file attached to a message of a dossier the agent may read (`not_found` otherwise). */
  attachment(dossierId: string, attachmentId: string): Promise<Result<AttachmentFile>>;
  /**
   * Stages a file for a reply or forward; the answer is what the mutation then lists. An id already
   * used for another file, or a file over the limit, is `invalid_request` in the server's words.
   */
  upload(file: UploadFileRequest): Promise<Result<Attachment>>;
  /** Saves a view or a macro for the whole team (online only: the team shares it through the server). */
  saveTeamItem(request: TeamSaveRequest): Promise<Result<TeamItemSaved>>;
  /** Deletes a shared view or macro for everyone. */
  deleteTeamItem(request: TeamDeleteRequest): Promise<Result<null>>;
  /** Whether the host has a network at all (the server may still be unreachable: the engine tells). */
  isOnline(): boolean;
  onConnectivity(listener: (online: boolean) => void): () => void;
  /** Shows a system notification; answered ok even when the user turned notifications off. */
  notify(notification: DeskNotification): Promise<Result<null>>;
  /** The server this app talks to. */
  server(): Promise<Result<ServerSetting>>;
  /** Checks that the dispute API answers at `url` and keeps it as this app's server. */
  connect(url: string): Promise<Result<ServerSetting>>;
  /** The overdue count of the agent's dossiers, for the dock badge or the taskbar overlay. */
  setOverdueCount(count: number): Promise<Result<null>>;
  /** A dossier to open: a deep link, or a click on a system notification. */
  onOpenDossier(listener: (link: DossierLink) => void): () => void;
  /** A command of the desktop's application menu (the browser host has none). */
  onCommand(listener: (command: DeskCommand) => void): () => void;
  /** The outbox journal of the signed-in user (see `journalEntrySchema`). */
  journal: {
    append(entries: JournalEntry[]): Promise<Result<null>>;
    remove(ids: string[]): Promise<Result<null>>;
    read(): Promise<Result<JournalEntry[]>>;
  };
}

const none = z.undefined();
const idList = z.array(idSchema).max(10_000);

/**
 * What the renderer may ask the main process, channel by channel, with the schema its payload must
 * pass there. Main serves them from one handler map typed by `IpcHandlers`: a channel added here
 * without a handler, or with the wrong answer, fails the typecheck.
 */
export const ipcInvokes = {
  getAppInfo: { channel: 'app:get-info', request: none },
  signIn: { channel: 'session:sign-in', request: signInRequestSchema },
  signOut: { channel: 'session:sign-out', request: none },
  currentUser: { channel: 'session:current', request: none },
  rules: { channel: 'app:rules', request: none },
  pull: { channel: 'sync:pull', request: pullRequestSchema },
  push: {
    channel: 'sync:push',
    request: z.object({ clientId: idSchema, mutations: z.array(mutationEnvelopeSchema).min(1).max(500) }),
  },
  setPresence: { channel: 'presence:set', request: presenceUpdateSchema },
  setAbsence: { channel: 'staff:absence', request: z.object({ userId: idSchema, absent: z.boolean() }) },
  attachment: { channel: 'dossiers:attachment', request: attachmentRequestSchema },
  upload: { channel: 'uploads:put', request: uploadFileRequestSchema },
  saveTeamItem: { channel: 'team:save', request: teamSaveRequestSchema },
  deleteTeamItem: { channel: 'team:delete', request: teamDeleteRequestSchema },
  notify: { channel: 'app:notify', request: deskNotificationSchema },
  server: { channel: 'app:server', request: none },
  connect: { channel: 'app:connect', request: connectRequestSchema },
  setOverdueCount: { channel: 'app:overdue-count', request: z.int().min(0).max(10_000_000) },
  journalAppend: { channel: 'journal:append', request: z.array(journalEntrySchema).max(10_000) },
  journalRemove: { channel: 'journal:remove', request: idList },
  journalRead: { channel: 'journal:read', request: none },
} as const;
export type IpcInvokeName = keyof typeof ipcInvokes;

/** The value each channel answers (inside a `Result`). */
export interface IpcAnswers {
  getAppInfo: AppInfo;
  signIn: User;
  signOut: null;
  currentUser: User | null;
  rules: RulesResponse;
  pull: PullResponse;
  push: PushResponse;
  setPresence: PresenceResponse;
  setAbsence: User;
  attachment: AttachmentFile;
  upload: Attachment;
  saveTeamItem: TeamItemSaved;
  deleteTeamItem: null;
  notify: null;
  server: ServerSetting;
  connect: ServerSetting;
  setOverdueCount: null;
  journalAppend: null;
  journalRemove: null;
  journalRead: JournalEntry[];
}
export type IpcRequest<K extends IpcInvokeName> = z.infer<(typeof ipcInvokes)[K]['request']>;
export type IpcHandlers = {
  [K in IpcInvokeName]: (request: IpcRequest<K>) => Promise<Result<IpcAnswers[K]>>;
};
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Every channel has an answer type and every answer a channel.
export const ipcNamesAgree: Same<IpcInvokeName, keyof IpcAnswers> = true;

/** What the main process sends the renderer unasked. */
export const ipcEvents = {
  poke: 'sync:poke',
  presence: 'presence:event',
  connectivity: 'app:connectivity',
  openDossier: 'app:open-dossier',
  command: 'app:command',
} as const;
export interface IpcEventPayloads {
  poke: null;
  presence: PresenceEvent;
  connectivity: boolean;
  openDossier: DossierLink;
  command: DeskCommand;
}
