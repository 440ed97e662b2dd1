import type { z } from 'zod';
import { apiBase } from '../../src-shared/contract/api';
import type { ErrorCode } from '../../src-shared/contract/errors';
import { apiErrorSchema, errorCodes } from '../../src-shared/contract/errors';

/**
 * The portal's one door to the API: same-origin fetch (the session rides in its HttpOnly cookie),
 * the session's CSRF token on every unsafe call, and every answer parsed with the contract's schema.
 * A failure is thrown as a `PortalError` the screens say in plain words (domain/errors.ts).
 */

/** The contract's error codes, and what only the client can see: no answer, or an answer it cannot read. */
export type FailureCode = ErrorCode | 'network' | 'unreadable';

export class PortalError extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
    /** The error's `details` as the API sent them (field paths, a refusal's reason…). */
    readonly details?: unknown,
    /** 429: the seconds the server asks to wait (its Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'PortalError';
  }
}

export interface Http {
  /** A call whose answer must match `schema`. */
  call<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.infer<S>>;
  /** A call answered with no body (204). */
  callEmpty: (method: string, path: string, body?: unknown) => Promise<void>;
  /** The CSRF token of the session, from sign-in or GET /sessions/current; null once signed out. */
  setCsrfToken: (token: string | null) => void;
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const codeOfStatus = new Map<number, ErrorCode>(
  Object.entries(errorCodes).map(([code, status]) => [status, code as ErrorCode]),
);

export function createHttp(fetchImpl: typeof fetch = (input, init) => fetch(input, init)): Http {
  let csrfToken: string | null = null;

  async function send(method: string, path: string, body: unknown): Promise<{ json: unknown }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (csrfToken !== null && unsafe.has(method)) headers['x-csrf-token'] = csrfToken;
    let response: Response;
    try {
      response = await fetchImpl(`${apiBase}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? null : JSON.stringify(body),
      });
    } catch {
      throw new PortalError('network', 'The server cannot be reached.');
    }
    const text = await response.text().catch(() => '');
    let json: unknown = null;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      // An answer that is not JSON (a proxy's error page): judged by its status below.
    }
    if (response.ok) return { json };
    const problem = apiErrorSchema.safeParse(json);
    const code = problem.success
      ? problem.data.error.code
      : (codeOfStatus.get(response.status) ?? 'internal');
    const wait = Number(response.headers.get('retry-after'));
    throw new PortalError(
      code,
      problem.success ? problem.data.error.message : `The server answered ${response.status}.`,
      problem.success ? problem.data.error.details : undefined,
      Number.isFinite(wait) && wait > 0 ? wait : undefined,
    );
  }

  return {
    async call(method, path, schema, body) {
      const { json } = await send(method, path, body);
      const parsed = schema.safeParse(json);
      if (!parsed.success) throw new PortalError('unreadable', 'The server answered something unexpected.');
      return parsed.data;
    },
    async callEmpty(method, path, body) {
      await send(method, path, body);
    },
    setCsrfToken(token) {
      csrfToken = token;
    },
  };
}
