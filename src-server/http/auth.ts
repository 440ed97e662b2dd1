import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../src-shared/domain/vocabulary';
import type { ServerContext } from '../services/context';
import { authenticate } from '../services/auth';
import type { AccountRow } from '../store/people';
import { ApiProblem } from './problem';

/** Bearer-token authentication for every route but health and the OpenAPI document. */

declare module 'fastify' {
  interface FastifyRequest {
    account: AccountRow | null;
    token: string | null;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  // The scheme is case-insensitive (RFC 7235 §2.1); spaces around the token are forgiven.
  const match = /^\s*bearer[ \t]+([A-Za-z0-9_-]{20,200})\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * A route's `onRequest` hook: who calls, and in which role, is settled before the body is read or
 * validated, so a stranger learns nothing of the schema and never makes the server parse an upload.
 */
export function requireAccount(ctx: ServerContext, roles?: readonly Role[]) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const token = bearerToken(request);
    const account = token ? await authenticate(ctx, token) : null;
    if (!token || !account)
      throw new ApiProblem('unauthenticated', 'Sign in first: this call needs a valid session token.');
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
