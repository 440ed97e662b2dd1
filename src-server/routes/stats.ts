import { statsOverviewSchema, statsQuerySchema } from '../../src-shared/domain/stats';
import { requireAccount } from '../http/auth';
import { refusals } from '../http/openapi';
import { overview } from '../services/stats';
import type { App, RouteDeps } from './types';

export function statsRoutes(app: App, { ctx }: RouteDeps): void {
  app.get(
    '/stats/overview',
    {
      onRequest: requireAccount(ctx, ['supervisor']),
      schema: {
        tags: ['stats'],
        summary:
          'The supervisor dashboard: open dossiers, breaches, SLA attainment by week, per agent and per merchant',
        operationId: 'getStatsOverview',
        querystring: statsQuerySchema,
        response: { 200: statsOverviewSchema, ...refusals(400, 401, 403) },
      },
    },
    async (request) => overview(ctx, request.query),
  );
}
