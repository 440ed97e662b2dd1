import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import type { FastifyReply, FastifyServerOptions } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { apiBase } from '../src-shared/contract/api';
import type { ApiError } from '../src-shared/contract/errors';
import { acceptEmptyJson, validatorCompiler } from './http/bodies';
import { clientErrorHandler, installRequestEdges } from './http/edges';
import { installErrorHandling } from './http/errors';
import { LoginLimiter } from './http/login-limiter';
import { openApiOptions } from './http/openapi';
import { servePortal } from './http/portal';
import { dossierRoutes } from './routes/dossiers';
import { sessionRoutes } from './routes/sessions';
import { statsRoutes } from './routes/stats';
import { syncRoutes } from './routes/sync';
import { systemRoutes } from './routes/system';
import { teamRoutes } from './routes/team';
import { uploadRoutes } from './routes/uploads';
import { userRoutes } from './routes/users';
import type { App, RouteDeps } from './routes/types';

export interface AppOptions extends Omit<RouteDeps, 'limiter'> {
  logger: FastifyServerOptions['logger'];
  /** Origins allowed to call the API from a browser (the browser host when served elsewhere). */
  corsOrigins: readonly string[];
  /** The built renderer to serve at `/` (the browser host, `--web`), or null. */
  webRoot: string | null;
  /** The built parties' portal to serve at `/portal/` (`--web`), or null. */
  portalRoot?: string | null;
  bodyLimit?: number;
  limiter?: LoginLimiter;
}

/** The central dispute API as a Fastify app: thin routes over the services (see ARCHITECTURE.md). */
export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger,
    bodyLimit: options.bodyLimit ?? 256 * 1024,
    trustProxy: false,
    // SSE streams are never idle: close them too when the server stops.
    forceCloseConnections: true,
    clientErrorHandler,
    // Errors the router raises before any route runs (malformed URLs) answer the contract's shape too.
    frameworkErrors: (error, _request, reply) => {
      // Typed for every route's generics; this answer uses none of them.
      const res = reply as unknown as FastifyReply;
      const body: ApiError = {
        error: { code: 'invalid_request', message: `The URL could not be read: ${error.message}` },
      };
      void res.status(400).send(body);
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  acceptEmptyJson(app);
  app.decorateRequest('account', null);
  app.decorateRequest('token', null);
  installErrorHandling(app);
  installRequestEdges(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // blob: for the parties' files in the back office's dossier view (photos, PDFs in a frame);
        // nothing else is framed.
        imgSrc: ["'self'", 'data:', 'blob:'],
        frameSrc: ['blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cors, {
    origin: options.corsOrigins.length > 0 ? [...options.corsOrigins] : false,
    credentials: false,
  });
  await app.register(swagger, openApiOptions);
  await app.register(swaggerUi, { routePrefix: `${apiBase}/docs`, staticCSP: true });

  const deps: RouteDeps = { ...options, limiter: options.limiter ?? new LoginLimiter() };
  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      systemRoutes(typed, deps);
      sessionRoutes(typed, deps);
      dossierRoutes(typed, deps);
      syncRoutes(typed, deps);
      uploadRoutes(typed, deps);
      statsRoutes(typed, deps);
      userRoutes(typed, deps);
      teamRoutes(typed, deps);
    },
    { prefix: apiBase },
  );

  if (options.webRoot) {
    await app.register(fastifyStatic, {
      root: options.webRoot,
      prefix: '/',
      index: ['index.html'],
      // The build writes .br and .gz copies (electron.vite.config.ts): sent to browsers that take them.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', webCacheControl(path));
      },
    });
  }
  if (options.portalRoot) await servePortal(app, options.portalRoot, webCacheControl);
  return app;
}

/**
 * What the build puts under `assets/` is named by its content hash (and never changes under its
 * name): cached for a year. The page and the service worker name them, so they are revalidated
 * every time (a new version is seen at the next load).
 */
export function webCacheControl(path: string): string {
  return /[\\/]assets[\\/][^\\/]+$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
