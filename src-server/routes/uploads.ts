import { uploadParamsSchema, uploadRequestSchema, uploadResponseSchema } from '../../src-shared/contract/api';
import { accountOf, requireAccount } from '../http/auth';
import { refusals } from '../http/openapi';
import { uploadBodyLimit } from '../services/attachments';
import { stageUpload } from '../services/staged-files';
import type { App, RouteDeps } from './types';

/**
 * Staff stage a file here before the reply or forward that lists it: a push is batched and small
 * (256 KB), a file is up to 4 MB. The mutation then binds it (services/staged-files.ts).
 */
export function uploadRoutes(app: App, { ctx }: RouteDeps): void {
  app.put(
    '/uploads/:id',
    {
      bodyLimit: uploadBodyLimit(1),
      onRequest: requireAccount(ctx, ['agent', 'supervisor']),
      schema: {
        tags: ['sync'],
        summary: 'Stage a file for a reply or forward (staff)',
        description:
          "201 when stored; 200 when the same file (bytes, name, type) was already sent under this id by the same account; 409 when the id names another file or another account's. A `dossier.reply` or `dossier.forward_to_merchant` then lists the answer in `attachments`.",
        operationId: 'putUpload',
        params: uploadParamsSchema,
        body: uploadRequestSchema,
        response: {
          200: uploadResponseSchema,
          201: uploadResponseSchema,
          ...refusals(400, 401, 403, 409, 413),
        },
      },
    },
    async (request, reply) => {
      const staged = await stageUpload(ctx, accountOf(request), request.params.id, request.body);
      return reply.status(staged.created ? 201 : 200).send(staged.attachment);
    },
  );
}
