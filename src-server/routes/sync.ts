import { z } from 'zod';
import type { PullResponse } from '../../src-shared/contract/sync';
import {
  presenceRequestSchema,
  presenceResponseSchema,
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
} from '../../src-shared/contract/sync';
import { accountOf, requireAccount } from '../http/auth';
import { refusals } from '../http/openapi';
import { notFound } from '../http/problem';
import { presenceLeaseMs } from '../services/hub';
import { push } from '../services/push';
import { pull, pullBody } from '../services/sync';
import { canSeeDossier } from '../services/visibility';
import { findDossier } from '../store/dossiers';
import type { App, RouteDeps } from './types';

/** The feed's pages are large and already made of validated documents: skip re-validating them on the way out. */
const plainJson = () => (data: unknown) => JSON.stringify(data);

export function syncRoutes(app: App, { ctx, hub }: RouteDeps): void {
  const signedIn = requireAccount(ctx);
  const staff = requireAccount(ctx, ['agent', 'supervisor']);

  app.get(
    '/sync/pull',
    {
      onRequest: signedIn,
      serializerCompiler: plainJson,
      schema: {
        tags: ['sync'],
        summary: 'Changes after a cursor, in commit order (a staff first sync: a snapshot first)',
        operationId: 'pullChanges',
        querystring: pullQuerySchema,
        response: { 200: pullResponseSchema, ...refusals(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const page = await pull(ctx, accountOf(request), request.query.cursor, request.query.limit);
      // `PullResponse` already serialized (services/sync.ts `pullBody`), sent as it is; the typed
      // reply only knows objects. tests/server/sync*.test.ts parse every page with `pullResponseSchema`.
      const body: unknown = pullBody(page);
      return reply.type('application/json; charset=utf-8').send(body as PullResponse);
    },
  );

  app.post(
    '/sync/push',
    {
      onRequest: staff,
      schema: {
        tags: ['sync'],
        summary: 'Apply mutations in order, each exactly once',
        operationId: 'pushMutations',
        body: pushRequestSchema,
        response: { 200: pushResponseSchema, ...refusals(400, 401, 403, 413) },
      },
    },
    async (request) => ({ results: await push(ctx, accountOf(request), request.body, request.log) }),
  );

  app.get(
    '/sync/stream',
    {
      onRequest: signedIn,
      schema: {
        tags: ['sync'],
        summary: 'Server-Sent Events: `poke` when there is something to pull, `presence` for staff',
        operationId: 'openSyncStream',
        response: {
          200: {
            description: 'An endless stream of `poke` and `presence` events, with a comment every 15 s.',
            content: { 'text/event-stream': { schema: z.string() } },
          },
          ...refusals(400, 401),
        },
      },
    },
    (request, reply) => {
      const account = accountOf(request);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const send = (event: string, data: unknown) =>
        res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      // A first poke: whatever happened while the client was not connected is there to pull.
      send('poke', {});
      const unsubscribe = hub.subscribe({ account, send });
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      const close = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.raw.on('close', close);
      res.on('error', close);
    },
  );

  app.put(
    '/presence',
    {
      onRequest: staff,
      schema: {
        tags: ['sync'],
        summary: "An agent's presence on a dossier (a 30 s lease)",
        operationId: 'putPresence',
        body: presenceRequestSchema,
        response: { 200: presenceResponseSchema, ...refusals(400, 401, 403, 404, 413) },
      },
    },
    async (request) => {
      const a = accountOf(request);
      const dossier = await findDossier(ctx.db, request.body.dossierId);
      if (!dossier || !canSeeDossier(a, dossier)) throw notFound('This dossier');
      const now = ctx.clock.now();
      const until = new Date(now + presenceLeaseMs).toISOString();
      const others = hub.presentOn(dossier.id, now, a.id);
      await hub.announcePresence({
        userId: a.id,
        name: a.name,
        dossierId: dossier.id,
        activity: request.body.activity,
        until,
      });
      return { until, others };
    },
  );
}
