import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ApiError, ErrorCode } from '../../src-shared/contract/errors';
import { errorCodes } from '../../src-shared/contract/errors';
import { ApiProblem } from './problem';

/** Every failure answers the contract's one error shape (docs/api.md, Errors). */

const body = (code: ErrorCode, message: string, details?: unknown): ApiError => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

const fastifyCodes: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'too_large', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'invalid_request', message: 'Send the body as application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'invalid_request',
    message: 'The Content-Length does not match the body.',
  },
};

const errorCodeOf: Partial<Record<number, ErrorCode>> = Object.fromEntries(
  Object.entries(errorCodes).map(([code, status]) => [status, code as ErrorCode]),
);

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiProblem | Error, request, reply) => {
    if (error instanceof ApiProblem) {
      return reply.status(error.status).send(body(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: [error.validationContext ?? 'body', ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'is invalid',
      }));
      const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
      return reply.status(400).send(body('invalid_request', `The request is invalid (${summary}).`, details));
    }
    const fastifyError = error as FastifyError;
    const known = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
    if (known) return reply.status(errorCodes[known.code]).send(body(known.code, known.message));
    // Any other refusal of the request (a plugin's 403, Fastify's 415…): its code, or a plain 400.
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = errorCodeOf[status] ?? 'invalid_request';
      const message =
        code === 'invalid_request' ? `The request could not be read: ${error.message}` : error.message;
      return reply.status(errorCodes[code]).send(body(code, message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send(body('internal', 'Something went wrong on the server; nothing was changed.'));
  });
  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send(body('not_found', `There is no ${request.method} ${request.url.split('?')[0] ?? ''}.`));
  });
}
