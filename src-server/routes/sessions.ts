import { z } from 'zod';
import {
  currentSessionResponseSchema,
  sessionRequestSchema,
  signInResponseSchema,
} from '../../src-shared/contract/api';
import { accountOf, requireAccount, sessionSource } from '../http/auth';
import { clearedSessionCookie, sessionCookie } from '../http/cookies';
import { checkOrigin, csrfTokenFor } from '../http/csrf';
import { refusals } from '../http/openapi';
import { ApiProblem } from '../http/problem';
import { signIn, signOut } from '../services/auth';
import type { AccountRow } from '../store/people';
import type { App, RouteDeps } from './types';

const userOf = (a: AccountRow) => ({ id: a.id, name: a.name, email: a.email, role: a.role });

export function sessionRoutes(app: App, { ctx, limiter }: RouteDeps): void {
  app.post(
    '/sessions',
    {
      schema: {
        tags: ['sessions'],
        summary: 'Sign in (a bearer token, or the portal\'s session cookie with `"session": "cookie"`)',
        operationId: 'signIn',
        security: [],
        body: sessionRequestSchema,
        response: { 201: signInResponseSchema, ...refusals(400, 401, 403, 413, 429) },
      },
    },
    async (request, reply) => {
      const kind = request.body.session ?? 'token';
      // Another site must not sign the browser into an account of its choosing (login CSRF).
      if (kind === 'cookie') checkOrigin(request);
      const key = `${request.ip}|${request.body.email.toLowerCase()}`;
      const wait = limiter.hit(key, ctx.clock.now());
      if (wait !== null) {
        reply.header('retry-after', String(wait));
        throw new ApiProblem('rate_limited', `Too many sign-in attempts; try again in ${wait} seconds.`);
      }
      const { token, user } = await signIn(ctx, request.body.email, request.body.password, kind);
      limiter.reset(key);
      if (kind === 'token') return reply.status(201).send({ token, user: userOf(user) });
      return reply
        .status(201)
        .header('set-cookie', sessionCookie(token))
        .header('cache-control', 'no-store')
        .send({ user: userOf(user), csrfToken: csrfTokenFor(token) });
    },
  );

  app.get(
    '/sessions/current',
    {
      onRequest: requireAccount(ctx),
      schema: {
        tags: ['sessions'],
        summary: 'Who am I (and, on a cookie session, its CSRF token)',
        operationId: 'getCurrentSession',
        response: { 200: currentSessionResponseSchema, ...refusals(400, 401) },
      },
    },
    async (request, reply) => {
      const user = userOf(accountOf(request));
      if (sessionSource(request) !== 'cookie' || !request.token) return { user };
      return reply.header('cache-control', 'no-store').send({ user, csrfToken: csrfTokenFor(request.token) });
    },
  );

  app.delete(
    '/sessions/current',
    {
      onRequest: requireAccount(ctx),
      schema: {
        tags: ['sessions'],
        summary: 'Sign out (a cookie session: with its X-CSRF-Token; the cookie is cleared)',
        operationId: 'signOut',
        response: { 204: z.void(), ...refusals(400, 401, 403) },
      },
    },
    async (request, reply) => {
      if (request.token) await signOut(ctx, request.token);
      // Only the session signed out: a cookie beside a bearer token belongs to another session.
      if (sessionSource(request) === 'cookie') reply.header('set-cookie', clearedSessionCookie);
      return reply.status(204).send();
    },
  );
}
