import type { z } from 'zod';
import type { RulesResponse, SessionResponse } from '../contract/api';
import {
  healthResponseSchema,
  rulesResponseSchema,
  sessionResponseSchema,
  uploadResponseSchema,
} from '../contract/api';
import type {
  AttachmentFile,
  BridgeError,
  Result,
  TeamDeleteRequest,
  TeamItemSaved,
  TeamSaveRequest,
  UploadFileRequest,
} from '../contract/bridge';
import { attachmentFileSchema } from '../contract/bridge';
import { apiErrorSchema } from '../contract/errors';
import type { Attachment, User } from '../domain/model';
import { attachmentLimits, userSchema } from '../domain/model';
import type { Macro, TeamView } from '../domain/team';
import { macroSchema, teamViewSchema } from '../domain/team';
import { toBase64 } from './base64';
import type {
  PresenceEvent,
  PresenceResponse,
  PullResponse,
  PushRequest,
  PushResponse,
} from '../contract/sync';
import {
  presenceEventSchema,
  presenceResponseSchema,
  clientPullResponseSchema,
  pushResponseSchema,
} from '../contract/sync';

/**
 * The back office's HTTP client of the central API, for both hosts: the browser host calls it from
 * the page, the desktop app from its main process (the renderer never holds the token there). Every
 * answer is parsed with the contract's schemas and comes back as a `Result`, never a thrown error.
 */

export interface ApiClientOptions {
  /** The API's origin, e.g. `https://disputes.klikandpay.example` ('' for the page's own origin). */
  baseUrl: string | (() => string | null);
  /** The session token to send, read at each call (null: nobody signed in). */
  token: () => string | null;
  fetch?: typeof fetch;
  /** Told of each call's outcome: reached the server (true) or not (false). */
  onReach?: (reached: boolean) => void;
}

export interface StreamListeners {
  poke(): void;
  presence(event: PresenceEvent): void;
  /** The stream (re)connected: anything missed while it was down must be pulled. */
  open?(): void;
}

const statusCodes: Record<number, BridgeError['code']> = {
  400: 'invalid_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'invalid_request',
  413: 'invalid_request',
  429: 'rate_limited',
};

export const offlineError: BridgeError = { code: 'offline', message: 'The server cannot be reached.' };
const tooLarge: BridgeError = {
  code: 'invalid_request',
  message: `The file is larger than ${attachmentLimits.bytes / 1024 / 1024} MB.`,
};

export function createApiClient(options: ApiClientOptions) {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const api = (): string | null => {
    const base = typeof options.baseUrl === 'string' ? options.baseUrl : options.baseUrl();
    return base === null ? null : `${base}/api/v1`;
  };
  const reach = (reached: boolean) => options.onReach?.(reached);

  /** A refusal or failure in the error shape, or in the status's own words. */
  async function failure(response: Response): Promise<Result<never>> {
    const text = await response.text().catch(() => '');
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    const parsed = apiErrorSchema.safeParse(json);
    return {
      ok: false,
      error: {
        code: statusCodes[response.status] ?? 'server_error',
        message: parsed.success ? parsed.data.error.message : `The server answered ${response.status}.`,
      },
    };
  }

  async function call<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S | null,
    body?: unknown,
  ): Promise<Result<z.infer<S> | null>> {
    const root = api();
    if (root === null) {
      return { ok: false, error: { code: 'offline', message: 'No server is set up for this app yet.' } };
    }
    const token = options.token();
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${root}${path}`, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
      });
    } catch {
      reach(false);
      return { ok: false, error: offlineError };
    }
    reach(true);
    if (!response.ok) return failure(response);
    const text = await response.text().catch(() => '');
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!schema) return { ok: true, value: null };
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'server_error',
          message: 'The server answered something this app does not understand.',
        },
      };
    }
    return { ok: true, value: parsed.data };
  }

  const value = <T>(result: Result<unknown>, empty: string): Result<T> => {
    if (!result.ok) return result;
    if (result.value === null) return { ok: false, error: { code: 'server_error', message: empty } };
    return { ok: true, value: result.value as T };
  };

  return {
    async signIn(email: string, password: string): Promise<Result<SessionResponse>> {
      return value(
        await call('POST', '/sessions', sessionResponseSchema, { email, password }),
        'Empty sign-in answer.',
      );
    },
    /** Ends the session on the server; offline or already expired counts as done (the token lapses there). */
    async signOut(): Promise<Result<null>> {
      const result = await call('DELETE', '/sessions/current', null);
      return result.ok || result.error.code === 'offline' || result.error.code === 'unauthenticated'
        ? { ok: true, value: null }
        : result;
    },
    async rules(): Promise<Result<RulesResponse>> {
      return value(await call('GET', '/rules', rulesResponseSchema), 'Empty rules answer.');
    },
    async pull(cursor: string | null, limit: number): Promise<Result<PullResponse>> {
      const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
      return value(
        await call('GET', `/sync/pull?${query.toString()}`, clientPullResponseSchema),
        'Empty pull answer.',
      );
    },
    async push(request: PushRequest): Promise<Result<PushResponse>> {
      return value(await call('POST', '/sync/push', pushResponseSchema, request), 'Empty push answer.');
    },
    async setPresence(dossierId: string, activity: 'viewing' | 'writing'): Promise<Result<PresenceResponse>> {
      return value(
        await call('PUT', '/presence', presenceResponseSchema, { dossierId, activity }),
        'Empty presence answer.',
      );
    },
    async setAbsence(userId: string, absent: boolean): Promise<Result<User>> {
      return value(
        await call('PUT', `/users/${encodeURIComponent(userId)}/absence`, userSchema, { absent }),
        'Empty answer to the absence.',
      );
    },
    /**
     * A file attached to a message, its bytes as they were attached. Only the allowed types are
     * taken (the declared type decides how the file is shown: anything else could be HTML), and
     * nothing over the attachment limit is read.
     */
    async attachment(dossierId: string, attachmentId: string): Promise<Result<AttachmentFile>> {
      const root = api();
      if (root === null) {
        return { ok: false, error: { code: 'offline', message: 'No server is set up for this app yet.' } };
      }
      const token = options.token();
      let response: Response;
      try {
        response = await doFetch(
          `${root}/dossiers/${encodeURIComponent(dossierId)}/attachments/${encodeURIComponent(attachmentId)}`,
          { method: 'GET', headers: token ? { authorization: `Bearer ${token}` } : {} },
        );
      } catch {
        reach(false);
        return { ok: false, error: offlineError };
      }
      reach(true);
      if (!response.ok) return failure(response);
      const declared = Number(response.headers.get('content-length') ?? '0');
      if (declared > attachmentLimits.bytes) {
        await response.body?.cancel().catch(() => undefined);
        return { ok: false, error: tooLarge };
      }
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await response.arrayBuffer());
      } catch {
        reach(false);
        return { ok: false, error: offlineError };
      }
      if (bytes.byteLength > attachmentLimits.bytes) return { ok: false, error: tooLarge };
      const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
      const file = attachmentFileSchema.safeParse({ contentType, contentBase64: toBase64(bytes) });
      return file.success
        ? { ok: true, value: file.data }
        : {
            ok: false,
            error: {
              code: 'server_error',
              message: 'The server sent a file of a type this app does not open.',
            },
          };
    },
    /**
     * Stages a file for a reply or forward under the id the caller chose (`PUT /uploads/{id}`):
     * 201 stored, 200 the same file again. Refusals are values: 409 (the id names another file) and
     * 413 (too large) are `invalid_request` with the server's message, as any 4xx it explains.
     */
    async upload({ id, ...file }: UploadFileRequest): Promise<Result<Attachment>> {
      return value(
        await call('PUT', `/uploads/${encodeURIComponent(id)}`, uploadResponseSchema, file),
        'Empty answer to the upload.',
      );
    },
    /** Saves a shared view or a macro for the team; a name in use (409) is `invalid_request` in the server's words. */
    async saveTeamItem({ kind, id, fields }: TeamSaveRequest): Promise<Result<TeamItemSaved>> {
      const path = `/team/${kind === 'view' ? 'views' : 'macros'}/${encodeURIComponent(id)}`;
      if (kind === 'view') {
        const saved = value<TeamView>(
          await call('PUT', path, teamViewSchema, fields),
          'Empty answer to the save.',
        );
        return saved.ok ? { ok: true, value: { kind, item: saved.value } } : saved;
      }
      const saved = value<Macro>(await call('PUT', path, macroSchema, fields), 'Empty answer to the save.');
      return saved.ok ? { ok: true, value: { kind, item: saved.value } } : saved;
    },
    async deleteTeamItem({ kind, id }: TeamDeleteRequest): Promise<Result<null>> {
      const done = await call(
        'DELETE',
        `/team/${kind === 'view' ? 'views' : 'macros'}/${encodeURIComponent(id)}`,
        null,
      );
      return done.ok ? { ok: true, value: null } : done;
    },
    /** Checks that a server answers at this origin as the dispute API (the desktop's "Connect to server"). */
    async probe(origin: string): Promise<Result<null>> {
      try {
        const response = await doFetch(`${origin}/api/v1/health`, { method: 'GET' });
        const json: unknown = await response.json().catch(() => null);
        if (response.ok && healthResponseSchema.safeParse(json).success) return { ok: true, value: null };
        return {
          ok: false,
          error: {
            code: 'not_found',
            message: 'A server answered there, but not the Klik & Pay dispute API.',
          },
        };
      } catch {
        return { ok: false, error: { code: 'offline', message: 'Nothing answered at this address.' } };
      }
    },
    /**
     * Server-Sent Events over fetch (EventSource cannot send the token), reconnecting with backoff
     * until stopped. Returns the stop.
     */
    openStream(listeners: StreamListeners): () => void {
      const controller = new AbortController();
      const stopped = () => controller.signal.aborted;
      const dispatch = (block: string) => {
        const event = /^event: (\w+)$/m.exec(block)?.[1];
        if (event === 'poke') listeners.poke();
        else if (event === 'presence') {
          const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
          let json: unknown;
          try {
            json = JSON.parse(data);
          } catch {
            return;
          }
          const parsed = presenceEventSchema.safeParse(json);
          if (parsed.success) listeners.presence(parsed.data);
        }
      };
      void (async () => {
        for (let attempt = 0; !stopped(); attempt++) {
          const root = api();
          const token = options.token();
          try {
            if (root === null) throw new Error('no server');
            const response = await doFetch(`${root}/sync/stream`, {
              headers: token ? { authorization: `Bearer ${token}` } : {},
              signal: controller.signal,
            });
            if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
            attempt = 0;
            reach(true);
            listeners.open?.();
            const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
            const decoder = new TextDecoder();
            let buffer = '';
            for (;;) {
              const { value: chunk, done } = await reader.read();
              if (done) break;
              buffer += decoder.decode(chunk, { stream: true });
              for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
                dispatch(buffer.slice(0, cut));
                buffer = buffer.slice(cut + 2);
              }
            }
          } catch {
            // Offline, or the server went away: try again below.
          }
          if (stopped()) return;
          const delay = Math.min(30_000, 500 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random() / 2);
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      })();
      return () => controller.abort();
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
