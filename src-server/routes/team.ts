import { z } from 'zod';
import {
  macrosResponseSchema,
  teamItemParamsSchema,
  teamViewsResponseSchema,
} from '../../src-shared/contract/api';
import {
  macroFieldsSchema,
  macroSchema,
  teamViewFieldsSchema,
  teamViewSchema,
} from '../../src-shared/domain/team';
import { accountOf, requireAccount } from '../http/auth';
import { refusals } from '../http/openapi';
import { deleteTeamItemOf, listMacros, listTeamViews, putMacro, putTeamView } from '../services/team';
import type { App, RouteDeps } from './types';

/**
 * The team's shared views and macros (docs/api.md, Team). Back offices read them through the sync
 * feed; these calls write them (and list them, for integrations). A shared view is a supervisor's
 * to change; a macro its author's or a supervisor's (services/team.ts).
 */
export function teamRoutes(app: App, { ctx }: RouteDeps): void {
  const staff = requireAccount(ctx, ['agent', 'supervisor']);
  const supervisors = requireAccount(ctx, ['supervisor']);

  app.get(
    '/team/views',
    {
      onRequest: staff,
      schema: {
        tags: ['team'],
        summary: "The team's shared views, by name (staff)",
        operationId: 'listTeamViews',
        response: { 200: teamViewsResponseSchema, ...refusals(400, 401, 403) },
      },
    },
    async () => ({ views: await listTeamViews(ctx) }),
  );

  app.put(
    '/team/views/:id',
    {
      onRequest: supervisors,
      schema: {
        tags: ['team'],
        summary: 'Save a shared view under the id its client chose (supervisors)',
        description:
          'Creates or replaces the view; answers it with `createdBy` (its first author) and `updatedAt`. 409 when the id names a macro, the name (case and accents aside) is another view’s, or the team has the most views it may keep.',
        operationId: 'putTeamView',
        params: teamItemParamsSchema,
        body: teamViewFieldsSchema,
        response: { 200: teamViewSchema, ...refusals(400, 401, 403, 409, 413) },
      },
    },
    async (request) => putTeamView(ctx, accountOf(request), request.params.id, request.body),
  );

  app.delete(
    '/team/views/:id',
    {
      onRequest: supervisors,
      schema: {
        tags: ['team'],
        summary: 'Delete a shared view (supervisors)',
        operationId: 'deleteTeamView',
        params: teamItemParamsSchema,
        response: { 204: z.void(), ...refusals(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteTeamItemOf(ctx, accountOf(request), 'view', request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/team/macros',
    {
      onRequest: staff,
      schema: {
        tags: ['team'],
        summary: "The team's macros, by name (staff)",
        operationId: 'listMacros',
        response: { 200: macrosResponseSchema, ...refusals(400, 401, 403) },
      },
    },
    async () => ({ macros: await listMacros(ctx) }),
  );

  app.put(
    '/team/macros/:id',
    {
      onRequest: staff,
      schema: {
        tags: ['team'],
        summary: 'Save a macro under the id its client chose (staff; a change: its author or a supervisor)',
        description:
          'Creates or replaces the macro; answers it with `createdBy` (its first author, kept through edits) and `updatedAt`. 403 when an agent changes a macro of someone else; 409 when the id names a shared view, the name (case and accents aside) is another macro’s, or the team has the most macros it may keep.',
        operationId: 'putMacro',
        params: teamItemParamsSchema,
        body: macroFieldsSchema,
        response: { 200: macroSchema, ...refusals(400, 401, 403, 409, 413) },
      },
    },
    async (request) => putMacro(ctx, accountOf(request), request.params.id, request.body),
  );

  app.delete(
    '/team/macros/:id',
    {
      onRequest: staff,
      schema: {
        tags: ['team'],
        summary: 'Delete a macro (its author or a supervisor)',
        operationId: 'deleteMacro',
        params: teamItemParamsSchema,
        response: { 204: z.void(), ...refusals(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteTeamItemOf(ctx, accountOf(request), 'macro', request.params.id);
      return reply.status(204).send();
    },
  );
}
