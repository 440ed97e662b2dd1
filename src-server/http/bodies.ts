import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import type { $ZodType } from 'zod/v4/core';
import { safeParse } from 'zod/v4/core';

/**
 * Request bodies that may be left out (`POST /dossiers/{id}/escalate`, `/resolve`): a call with no
 * body, or an empty one, is a call with nothing to say, not a malformed one.
 */

/** Fastify hands a missing body to the validator as null: an optional body takes it as absent. */
export const validatorCompiler: FastifySchemaCompiler<$ZodType> = (route) => {
  const validate = zodValidatorCompiler(route);
  if (route.httpPart !== 'body' || !safeParse(route.schema, undefined).success) return validate;
  return (data) => validate(data === null ? undefined : data);
};

/** JSON as Fastify reads it (prototype poisoning refused), except that an empty body is no body. */
export function acceptEmptyJson(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body.length === 0) {
      done(null, undefined);
      return;
    }
    void parseJson(request, body.toString(), done);
  });
}
