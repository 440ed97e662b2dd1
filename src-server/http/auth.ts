import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../src-shared/domain/vocabulary';
import type { ServerContext } from '../services/context';
import { authenticate } from '../services/auth';
import type { AccountRow } from '../store/people';
import { sessionCookieToken } from './cookies';
import { checkCsrf, isUnsafe } from './csrf';
import { ApiProblem } from './problem';

/**
 * Session authentication for every route but health and the OpenAPI document: a bearer token (the
 * back office, integrations) or the portal's session cookie (customers and merchants in a browser).
 */

declare module 'fastify' {
  interface FastifyRequest {
    account: AccountRow | null;
    token: string | null;
  }
}

export type SessionSource = 'bearer' | 'cookie';

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  // The scheme is case-insensitive (RFC 7235 §2.1); spaces around the token are forgiven.
  const match = /^\s*bearer[ \t]+([A-Za-z0-9_-]{20,200})\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * Which credential the request presents. An Authorization header, even a broken one, decides
 * alone: falling back to the cookie would turn a bad header into an ambient credential.
 */
function presented(request: FastifyRequest): { source: SessionSource; token: string | null } | null {
  if (request.headers.authorization !== undefined) return { source: 'bearer', token: bearerToken(request) };
  if (request.headers.cookie !== undefined)
    return { source: 'cookie', token: sessionCookieToken(request.headers.cookie) };
  return null;
}

/** How the session of a request that passed requireAccount was carried. */
export function sessionSource(request: FastifyRequest): SessionSource | null {
  return request.token === null ? null : (presented(request)?.source ?? null);
}

/**
 * A route's `onRequest` hook: who calls, and in which role, is settled before the body is read or
 * validated, so a stranger learns nothing of the schema and never makes the server parse an upload.
 * A cookie session's unsafe requests also prove they come from the portal (CSRF) before anything else.
 */
export function requireAccount(ctx: ServerContext, roles?: readonly Role[]) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const credential = presented(request);
    const token = credential?.token ?? null;
    const account = token ? await authenticate(ctx, token) : null;
    if (!credential || !token || !account)
      throw new ApiProblem(
        'unauthenticated',
        'Sign in first: this call needs a valid session (a bearer token or the session cookie).',
      );
    if (credential.source === 'cookie' && isUnsafe(request.method)) checkCsrf(request, token);
    if (roles && !roles.includes(account.role)) {
      throw new ApiProblem('forbidden', `This call is not open to the ${account.role} role.`);
    }
    request.account = account;
    request.token = token;
  };
}

/** The signed-in account of a route guarded by requireAccount. */
export function accountOf(request: FastifyRequest): AccountRow {
  if (!request.account) throw new ApiProblem('unauthenticated', 'Sign in first.');
  return request.account;
}
