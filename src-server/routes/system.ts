import {
  healthResponseSchema,
  rulesResponseSchema,
  testClockRequestSchema,
  testClockResponseSchema,
} from '../../src-shared/contract/api';
import { apiErrorSchema } from '../../src-shared/contract/errors';
import { requireAccount } from '../http/auth';
import { runDueTimeRules } from '../services/scheduler';
import type { App, RouteDeps } from './types';

export function systemRoutes(app: App, { ctx, manualClock }: RouteDeps): void {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Answers once the API accepts requests',
        response: { 200: healthResponseSchema },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/rules',
    {
      onRequest: requireAccount(ctx),
      schema: {
        tags: ['system'],
        summary: "The rules' settings (delays, business calendar) and the server's clock",
        response: { 200: rulesResponseSchema, 401: apiErrorSchema },
      },
    },
    async () => ({ settings: ctx.settings, now: new Date(ctx.clock.now()).toISOString() }),
  );

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Only with KLIKPAY_CLOCK=manual (never in production): elsewhere the route does not exist (404).
  if (manualClock) {
    app.post(
      '/test/clock',
      {
        schema: {
          tags: ['system'],
          summary: "Set the server's clock and run every time rule up to it (KLIKPAY_CLOCK=manual only)",
          body: testClockRequestSchema,
          response: { 200: testClockResponseSchema, 400: apiErrorSchema },
        },
      },
      async (request) => {
        manualClock.set(Date.parse(request.body.now));
        const applied = await runDueTimeRules(ctx);
        return { now: new Date(manualClock.now()).toISOString(), applied };
      },
    );
  }
}
