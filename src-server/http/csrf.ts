import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ApiProblem } from './problem';

/**
 * Cross-site request forgery, for sessions carried by the cookie (a bearer token is never sent on
 * its own, so it needs none of this). SameSite=Strict already keeps the cookie off other sites'
 * requests; the token and the Origin check hold where it does not (old browsers, a sibling
 * subdomain being same-site).
 */

export const csrfHeader = 'x-csrf-token';

/**
 * The session token keys the HMAC: it is 256 random bits known only to the browser's cookie jar
 * and the server, so no other secret has to be shared between API instances or kept anywhere, and
 * the stored hash of the session (a database leak) does not give the CSRF token either.
 */
export const csrfTokenFor = (sessionToken: string): string =>
  createHmac('sha256', sessionToken).update('klikpay csrf v1').digest('base64url');

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const isUnsafe = (method: string): boolean => unsafeMethods.has(method.toUpperCase());

const refused = (message: string) => new ApiProblem('forbidden', message, { reason: 'csrf' });

/**
 * The `Origin` a browser sent, if any, must be this server's own (its Host). Only the host is
 * compared: behind a TLS-terminating proxy the server cannot know its public scheme.
 */
export function checkOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const url = URL.canParse(origin) ? new URL(origin) : null;
  // A browser sends a serialized origin and nothing more; `null` (sandboxes, redirects) is foreign.
  const wellFormed = url !== null && /^https?:$/.test(url.protocol) && url.origin === origin;
  const host = request.headers.host;
  if (!wellFormed || host === undefined || !sameHost(url, host)) {
    throw refused('This request came from another site (its Origin is not this server).');
  }
}

function sameHost(origin: URL, host: string): boolean {
  // A Host header is a host and maybe a port, nothing that a URL could read as a path or a user.
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) return false;
  // Read through the same URL rules, so `Host: x:443` equals `https://x` and case does not matter.
  const own = `${origin.protocol}//${host}`;
  return URL.canParse(own) && new URL(own).host === origin.host;
}

/** An unsafe request on a cookie session: the Origin, then the token bound to the session. */
export function checkCsrf(request: FastifyRequest, sessionToken: string): void {
  checkOrigin(request);
  const given = request.headers[csrfHeader];
  if (typeof given !== 'string' || given === '') {
    throw refused(
      'This call needs the X-CSRF-Token header of the session (from sign-in or GET /sessions/current).',
    );
  }
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const actual = Buffer.from(given);
  // Constant time: how much of a guess was right must not show in the answer's timing.
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw refused('The X-CSRF-Token header does not match this session.');
  }
}
