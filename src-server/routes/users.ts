import { z } from 'zod';
import { absenceRequestSchema } from '../../src-shared/contract/api';
import { idSchema, userSchema } from '../../src-shared/domain/model';
import { requireAccount } from '../http/auth';
import { refusals } from '../http/openapi';
import { markAbsence } from '../services/absence';
import type { App, RouteDeps } from './types';

export function userRoutes(app: App, { ctx }: RouteDeps): void {
  app.put(
    '/users/:id/absence',
    {
      onRequest: requireAccount(ctx, ['supervisor']),
      schema: {
        tags: ['stats'],
        summary: 'Mark a member of staff absent (no new assignments) or back',
        operationId: 'setAbsence',
        params: z.object({ id: idSchema }),
        body: absenceRequestSchema,
        response: { 200: userSchema, ...refusals(400, 401, 403, 404, 413) },
      },
    },
    async (request) => markAbsence(ctx, request.params.id, request.body.absent),
  );
}
