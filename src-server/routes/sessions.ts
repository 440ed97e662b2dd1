import { z } from 'zod';
import { sessionRequestSchema, sessionResponseSchema } from '../../src-shared/contract/api';
import { accountOf, requireAccount } from '../http/auth';
import { refusals } from '../http/openapi';
import { ApiProblem } from '../http/problem';
import { signIn, signOut } from '../services/auth';
import type { App, RouteDeps } from './types';

export function sessionRoutes(app: App, { ctx, limiter }: RouteDeps): void {
  app.post(
    '/sessions',
    {
      schema: {
        tags: ['sessions'],
        summary: 'Sign in',
        operationId: 'signIn',
        security: [],
        body: sessionRequestSchema,
        response: { 201: sessionResponseSchema, ...refusals(400, 401, 413, 429) },
      },
    },
    async (request, reply) => {
      const key = `${request.ip}|${request.body.email.toLowerCase()}`;
      const wait = limiter.hit(key, ctx.clock.now());
      if (wait !== null) {
        reply.header('retry-after', String(wait));
        throw new ApiProblem('rate_limited', `Too many sign-in attempts; try again in ${wait} seconds.`);
      }
      const { token, user } = await signIn(ctx, request.body.email, request.body.password);
      limiter.reset(key);
      return reply
        .status(201)
        .send({ token, user: { id: user.id, name: user.name, email: user.email, role: user.role } });
    },
  );

  app.get(
    '/sessions/current',
    {
      onRequest: requireAccount(ctx),
      schema: {
        tags: ['sessions'],
        summary: 'Who am I',
        operationId: 'getCurrentSession',
        response: { 200: z.object({ user: sessionResponseSchema.shape.user }), ...refusals(400, 401) },
      },
    },
    async (request) => {
      const a = accountOf(request);
      return { user: { id: a.id, name: a.name, email: a.email, role: a.role } };
    },
  );

  app.delete(
    '/sessions/current',
    {
      onRequest: requireAccount(ctx),
      schema: {
        tags: ['sessions'],
        summary: 'Sign out',
        operationId: 'signOut',
        response: { 204: z.void(), ...refusals(400, 401) },
      },
    },
    async (request, reply) => {
      if (request.token) await signOut(ctx, request.token);
      return reply.status(204).send();
    },
  );
}
