import { z } from 'zod';
import {
  dossierListQuerySchema,
  dossierListSchema,
  dossierParamsSchema,
  dossierWithMessagesSchema,
  escalateRequestSchema,
  fileClaimRequestSchema,
  postMessageRequestSchema,
  transactionListQuerySchema,
  transactionListSchema,
} from '../../src-shared/contract/api';
import type { Command } from '../../src-shared/domain/commands';
import type { Attachment } from '../../src-shared/domain/model';
import {
  attachmentLimits,
  attachmentTypes,
  auditEventSchema,
  dossierSchema,
} from '../../src-shared/domain/model';
import { accountOf, requireAccount } from '../http/auth';
import { binaryBody, refusals } from '../http/openapi';
import { ApiProblem, notFound } from '../http/problem';
import { prepareUploads, uploadBodyLimit } from '../services/attachments';
import type { ServerContext } from '../services/context';
import { fileClaimFor, runCommand } from '../services/dossiers';
import { canSeeDossier, readableAudiences, viewOf } from '../services/visibility';
import type { ListPosition } from '../store/dossiers';
import { findAttachment } from '../store/attachments';
import { findDossier, listDossiers, listEvents, listMessages } from '../store/dossiers';
import type { AccountRow } from '../store/people';
import { listTransactions } from '../store/people';
import type { App, RouteDeps } from './types';

/** Room for the largest allowed attachments, base64-encoded, plus the text. */
const messageBodyLimit = uploadBodyLimit(attachmentLimits.perMessage);

export function dossierRoutes(app: App, { ctx }: RouteDeps): void {
  const signedIn = requireAccount(ctx);

  app.get(
    '/transactions',
    {
      onRequest: requireAccount(ctx, ['customer', 'merchant']),
      schema: {
        tags: ['resources'],
        summary: "The caller's transactions, newest first, with the open dossier of each",
        operationId: 'listTransactions',
        querystring: transactionListQuerySchema,
        response: { 200: transactionListSchema, ...refusals(400, 401, 403) },
      },
    },
    async (request) => {
      const a = accountOf(request);
      const owner =
        a.role === 'customer'
          ? { role: 'customer' as const, id: a.customerId ?? '' }
          : { role: 'merchant' as const, id: a.merchantId ?? '' };
      return { items: await listTransactions(ctx.db, owner, request.query.limit) };
    },
  );

  app.post(
    '/dossiers',
    {
      bodyLimit: messageBodyLimit,
      onRequest: requireAccount(ctx, ['customer']),
      schema: {
        tags: ['resources'],
        summary: 'File a claim on a transaction',
        operationId: 'fileClaim',
        body: fileClaimRequestSchema,
        response: { 201: dossierSchema, ...refusals(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request, reply) => {
      const dossier = await fileClaimFor(ctx, accountOf(request), request.body);
      return reply.status(201).send(viewOf(accountOf(request), dossier));
    },
  );

  app.get(
    '/dossiers',
    {
      onRequest: signedIn,
      schema: {
        tags: ['resources'],
        summary: 'Dossiers the caller may see, newest first',
        operationId: 'listDossiers',
        querystring: dossierListQuerySchema,
        response: { 200: dossierListSchema, ...refusals(400, 401) },
      },
    },
    async (request) => {
      const a = accountOf(request);
      const { status, limit, cursor } = request.query;
      const scope =
        a.role === 'customer'
          ? { customerId: a.customerId ?? '' }
          : a.role === 'merchant'
            ? { merchantId: a.merchantId ?? '' }
            : {};
      const page = await listDossiers(ctx.db, scope, { status }, decodeListCursor(cursor), limit + 1);
      const items = page.slice(0, limit).map((d) => viewOf(a, d));
      const last = items.at(-1);
      return {
        items,
        cursor:
          page.length > limit && last ? encodeListCursor({ createdAt: last.createdAt, id: last.id }) : null,
      };
    },
  );

  app.get(
    '/dossiers/:id',
    {
      onRequest: signedIn,
      schema: {
        tags: ['resources'],
        summary: 'One dossier with the messages the caller may read',
        operationId: 'getDossier',
        params: dossierParamsSchema,
        response: { 200: dossierWithMessagesSchema, ...refusals(400, 401, 404) },
      },
    },
    async (request) => {
      const a = accountOf(request);
      const dossier = await visibleDossier(ctx, a, request.params.id);
      return {
        ...viewOf(a, dossier),
        messages: await listMessages(ctx.db, dossier.id, readableAudiences(a)),
      };
    },
  );

  app.get(
    '/dossiers/:id/events',
    {
      onRequest: requireAccount(ctx, ['agent', 'supervisor']),
      schema: {
        tags: ['resources'],
        summary: "A dossier's audit trail (staff)",
        operationId: 'listDossierEvents',
        params: dossierParamsSchema,
        response: { 200: z.object({ items: z.array(auditEventSchema) }), ...refusals(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const dossier = await visibleDossier(ctx, accountOf(request), request.params.id);
      return { items: await listEvents(ctx.db, dossier.id) };
    },
  );

  app.post(
    '/dossiers/:id/messages',
    {
      bodyLimit: messageBodyLimit,
      onRequest: signedIn,
      schema: {
        tags: ['resources'],
        summary: 'Write in a dossier',
        operationId: 'postMessage',
        params: dossierParamsSchema,
        body: postMessageRequestSchema,
        response: { 201: dossierWithMessagesSchema, ...refusals(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request, reply) => {
      const a = accountOf(request);
      const uploads = prepareUploads(request.body.attachments, ctx.newId);
      const command = messageCommand(a, request.body, uploads.meta);
      const dossier = await runCommand(ctx, a, request.params.id, command, uploads.files);
      return reply.status(201).send({
        ...viewOf(a, dossier),
        messages: await listMessages(ctx.db, dossier.id, readableAudiences(a)),
      });
    },
  );

  app.get(
    '/dossiers/:id/attachments/:attachmentId',
    {
      onRequest: signedIn,
      schema: {
        tags: ['resources'],
        summary: 'Download a file attached to a message the caller may read',
        operationId: 'downloadAttachment',
        params: dossierParamsSchema.extend({ attachmentId: dossierParamsSchema.shape.id }),
        response: {
          200: {
            description: 'The file, in the type it was attached with.',
            content: Object.fromEntries(attachmentTypes.map((type) => [type, { schema: binaryBody }])),
          },
          ...refusals(400, 401, 404),
        },
      },
      // The file itself goes out as bytes; errors as the usual JSON.
      serializerCompiler:
        ({ httpStatus }) =>
        (data) =>
          httpStatus === '200' ? (data as string) : JSON.stringify(data),
    },
    async (request, reply) => {
      const a = accountOf(request);
      const dossier = await visibleDossier(ctx, a, request.params.id);
      const file = await findAttachment(ctx.db, dossier.id, request.params.attachmentId);
      const readable = file ? await listMessages(ctx.db, dossier.id, readableAudiences(a)) : [];
      if (!file || !readable.some((m) => m.id === file.messageId)) throw notFound('This attachment');
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );

  app.post(
    '/dossiers/:id/resolve',
    {
      onRequest: requireAccount(ctx, ['customer']),
      schema: {
        tags: ['resources'],
        summary: 'The customer declares the dispute resolved (no body)',
        operationId: 'resolveDossier',
        params: dossierParamsSchema,
        response: { 200: dossierSchema, ...refusals(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request) => {
      const a = accountOf(request);
      return viewOf(a, await runCommand(ctx, a, request.params.id, { name: 'customer.resolve', args: {} }));
    },
  );

  app.post(
    '/dossiers/:id/escalate',
    {
      onRequest: requireAccount(ctx, ['customer']),
      schema: {
        tags: ['resources'],
        summary: 'The customer asks Klik & Pay to intervene, with a message or without a body',
        operationId: 'escalateDossier',
        params: dossierParamsSchema,
        body: escalateRequestSchema,
        response: { 200: dossierSchema, ...refusals(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request) => {
      const a = accountOf(request);
      const body = request.body?.body;
      const command: Command = { name: 'customer.escalate', args: body === undefined ? {} : { body } };
      return viewOf(a, await runCommand(ctx, a, request.params.id, command));
    },
  );
}

async function visibleDossier(ctx: ServerContext, a: AccountRow, id: string) {
  const dossier = await findDossier(ctx.db, id);
  // What the caller may not see does not exist for them: 404, never 403, so ids leak nothing.
  if (!dossier || !canSeeDossier(a, dossier)) throw notFound('This dossier');
  return dossier;
}

function messageCommand(
  a: AccountRow,
  body: z.infer<typeof postMessageRequestSchema>,
  attachments: Attachment[],
): Command {
  if (a.role === 'customer' || a.role === 'merchant') {
    if (body.audience !== undefined && body.audience !== 'both') {
      throw new ApiProblem(
        'invalid_request',
        'Customers and merchants do not choose an audience: leave it out.',
      );
    }
    const args = { body: body.body, attachments };
    if (a.role === 'merchant') {
      return { name: 'merchant.message', args: body.proposal ? { ...args, proposal: body.proposal } : args };
    }
    if (body.proposal) throw proposalNotYours();
    return { name: 'customer.message', args };
  }
  if (body.proposal) throw proposalNotYours();
  switch (body.audience) {
    case undefined:
      throw new ApiProblem('invalid_request', 'Choose an audience: customer, merchant, both or internal.', [
        { path: 'body.audience', message: 'is required for Klik & Pay staff' },
      ]);
    case 'internal':
      // Files are evidence for the parties; a note stays text.
      if (attachments.length > 0) {
        throw new ApiProblem(
          'invalid_request',
          'An internal note carries no files: attach them to a reply.',
          [{ path: 'body.attachments', message: 'not accepted on an internal note' }],
        );
      }
      return { name: 'dossier.note', args: { body: body.body } };
    default: {
      const args = { body: body.body, audience: body.audience };
      return { name: 'dossier.reply', args: attachments.length > 0 ? { ...args, attachments } : args };
    }
  }
}

const proposalNotYours = () =>
  new ApiProblem('invalid_request', 'Only the merchant proposes a resolution, with their message.', [
    { path: 'body.proposal', message: 'accepted from merchants only' },
  ]);

function encodeListCursor(p: ListPosition): string {
  return Buffer.from(JSON.stringify([p.createdAt, p.id])).toString('base64url');
}

const listCursorSchema = z.tuple([z.iso.datetime(), z.string().max(64)]);
function decodeListCursor(cursor: string | undefined): ListPosition | null {
  if (cursor === undefined) return null;
  try {
    const [createdAt, id] = listCursorSchema.parse(
      JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')),
    );
    return { createdAt, id };
  } catch {
    throw new ApiProblem('invalid_request', 'This list cursor is not one the server gave.');
  }
}
