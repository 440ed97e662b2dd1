import {
  healthResponseSchema,
  rulesResponseSchema,
  testClockRequestSchema,
  testClockResponseSchema,
} from '../../src-shared/contract/api';
import { z } from 'zod';
import { requireAccount } from '../http/auth';
import { refusals } from '../http/openapi';
import { runDueTimeRules } from '../services/scheduler';
import type { App, RouteDeps } from './types';

export function systemRoutes(app: App, { ctx, manualClock }: RouteDeps): void {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Answers once the API accepts requests',
        operationId: 'getHealth',
        security: [],
        response: { 200: healthResponseSchema, ...refusals(400) },
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
        operationId: 'getRules',
        response: { 200: rulesResponseSchema, ...refusals(400, 401) },
      },
    },
    async () => ({ settings: ctx.settings, now: new Date(ctx.clock.now()).toISOString() }),
  );

  app.get(
    '/openapi.json',
    {
      schema: {
        tags: ['system'],
        summary: 'This document (OpenAPI 3.0)',
        operationId: 'getOpenApiDocument',
        security: [],
        response: { 200: z.record(z.string(), z.unknown()), ...refusals(400) },
      },
    },
    async () => ({ ...app.swagger() }),
  );

  // Only with KLIKPAY_CLOCK=manual (never in production): elsewhere the route does not exist (404).
  if (manualClock) {
    app.post(
      '/test/clock',
      {
        schema: {
          tags: ['system'],
          summary: "Set the server's clock and run every time rule up to it (KLIKPAY_CLOCK=manual only)",
          operationId: 'setTestClock',
          security: [],
          body: testClockRequestSchema,
          response: { 200: testClockResponseSchema, ...refusals(400, 413) },
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
