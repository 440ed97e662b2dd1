import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from '../routes/types';
import { ApiProblem } from './problem';

/** Where the parties' portal (src-portal, built into out/portal) is served. */
export const portalPrefix = '/portal';

/**
 * Serves the built portal at `/portal/`. Its pages are client routes (`/portal/claims/…`): a path
 * with no file behind it gets the portal's page, so a reload or a shared link opens the same
 * screen; a missing asset (a name with an extension) stays a 404.
 */
export async function servePortal(
  app: App,
  root: string,
  cacheControl: (path: string) => string,
): Promise<void> {
  // Pages, not API: out of the OpenAPI document, as @fastify/static's own routes are.
  app.get(portalPrefix, { schema: { hide: true } }, (_request, reply) =>
    reply.redirect(`${portalPrefix}/`, 301),
  );
  await app.register(
    async (portal) => {
      await portal.register(fastifyStatic, {
        root,
        prefix: '/',
        // The back office's registration already gave replies `sendFile`.
        decorateReply: false,
        index: ['index.html'],
        preCompressed: true,
        cacheControl: false,
        setHeaders: (reply, path) => {
          reply.header('cache-control', cacheControl(path));
        },
      });
      portal.setNotFoundHandler(async (request, reply) => {
        const path = request.url.split('?')[0] ?? '';
        const isPage = (request.method === 'GET' || request.method === 'HEAD') && !/\.[^/]*$/.test(path);
        if (!isPage) throw new ApiProblem('not_found', `There is no ${request.method} ${path}.`);
        // Read at each request, as the static files are: a rebuilt portal never names assets that are gone.
        const page = await readFile(join(root, 'index.html'));
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
      });
    },
    { prefix: portalPrefix },
  );
}
