import type { FastifyDynamicSwaggerOptions, SwaggerTransform } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { $ZodType, safeParse } from 'zod/v4/core';
import { apiErrorSchema } from '../../src-shared/contract/errors';
import { sessionCookieName } from './cookies';

/**
 * The OpenAPI document at /api/v1/openapi.json, generated from the routes' zod schemas and made
 * exact where the generator is not: optional bodies, 204s, `null` in nullable enums, and a
 * description for every answer. `npm run lint:openapi` lints it; the server tests check every
 * answer against it (tests/server/conformance.ts).
 */

/** The refusals an operation may answer, each in the contract's one error shape. */
export type Refusal = 400 | 401 | 403 | 404 | 409 | 413 | 429;

/** `response: { 200: …, ...refusals(400, 401) }`: the statuses listed are those the operation can answer. */
export function refusals<S extends Refusal>(...statuses: S[]): Record<S, typeof apiErrorSchema> {
  return Object.fromEntries(statuses.map((s) => [s, apiErrorSchema])) as Record<S, typeof apiErrorSchema>;
}

/** A response body of raw bytes (an attachment), documented as such. */
export const binaryBody = z.instanceof(Buffer).meta({ type: 'string', format: 'binary' });

const descriptions: Record<string, string> = {
  '200': 'OK.',
  '201': 'Created.',
  '204': 'Done; no content.',
  '400':
    '`invalid_request`: the request could not be read or does not match its schema (`details` lists the fields).',
  '401':
    "`unauthenticated`: no valid session (`Authorization: Bearer <token>`, or the portal's session cookie).",
  '403':
    "`forbidden`: the caller's role may not do this; or, on a cookie session, an unsafe call without the session's `X-CSRF-Token` or from another origin (`details.reason`: `csrf`).",
  '404': '`not_found`: no such resource, or not one the caller may see.',
  '409':
    '`conflict`: the action does not fit the current state of what it acts on (a dossier, an upload id, a team item).',
  '413': '`too_large`: the request body is too large.',
  '429': '`rate_limited`: too many attempts; `Retry-After` says in how many seconds to try again.',
};

/** Per route: zod to JSON Schema, then what the generator cannot know from the schema alone. */
const transform: SwaggerTransform = (document) => {
  const { schema, url } = jsonSchemaTransform(document);
  const { body } = document.schema;
  // A body that may be left out (fastify-swagger marks every body required): see transformObject.
  if (body instanceof $ZodType && safeParse(body, undefined).success) {
    Object.assign(schema, { 'x-klikpay-optional-body': true });
  }
  // A 204 has no content, whatever its schema says.
  if (schema.response && typeof schema.response === 'object' && '204' in schema.response) {
    Object.assign(schema.response, { 204: { type: 'null', description: descriptions['204'] } });
  }
  return { schema, url };
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (value: unknown): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** OpenAPI 3.0's `nullable` does not reach `enum`: a nullable enum lists null itself to allow it. */
function nullableEnums(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(nullableEnums);
    return;
  }
  if (!isObject(node)) return;
  if (node.nullable === true && Array.isArray(node.enum) && !node.enum.includes(null)) node.enum.push(null);
  Object.values(node).forEach(nullableEnums);
}

/** The whole document: descriptions, optional bodies, Retry-After, nullable enums. */
const transformObject: NonNullable<FastifyDynamicSwaggerOptions['transformObject']> = (document) => {
  if (!('openapiObject' in document)) throw new Error('The API publishes an OpenAPI document.');
  const doc = document.openapiObject;
  for (const item of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(item ?? {})) {
      if (!isObject(operation)) continue;
      if ('x-klikpay-optional-body' in operation) {
        delete operation['x-klikpay-optional-body'];
        if (isObject(operation.requestBody)) operation.requestBody.required = false;
      }
      const responses = isObject(operation.responses) ? operation.responses : {};
      for (const [status, response] of Object.entries(responses)) {
        if (!isObject(response)) continue;
        if (response.description === 'Default Response')
          response.description = descriptions[status] ?? status;
        if (status === '429') {
          response.headers = {
            'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', minimum: 1 } },
          };
        }
      }
    }
  }
  nullableEnums(doc);
  return doc;
};

export const openApiOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.0.3',
    info: {
      title: 'Klik & Pay central dispute API',
      version: '1.0.0',
      description: 'The system of record of the dispute settlement department (contract v1).',
    },
    // Paths already begin with /api/v1: the server is the origin the document is served from.
    servers: [{ url: '/', description: 'This server' }],
    tags: [
      { name: 'system', description: 'Health, the rules and the test clock.' },
      { name: 'sessions', description: 'Sign-in and sign-out.' },
      {
        name: 'resources',
        description: 'Transactions and dossiers, for customers, merchants and integrations.',
      },
      {
        name: 'sync',
        description:
          "The back office's sync: pull, push, the event stream, presence, and the files its replies attach.",
      },
      {
        name: 'stats',
        description: "The supervisors' figures and team operations, for the browser host and integrations.",
      },
      {
        name: 'team',
        description:
          "The team's shared views and macros, which the back office also gets through the sync feed.",
      },
    ],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The token `POST /api/v1/sessions` answers.' },
        cookie: {
          type: 'apiKey',
          in: 'cookie',
          name: sessionCookieName,
          description:
            'The portal\'s session (customers and merchants): set by `POST /api/v1/sessions` with `"session": "cookie"`. A bearer header wins over it. POST, PUT, PATCH and DELETE on it need the `X-CSRF-Token` header (from sign-in or `GET /api/v1/sessions/current`), and an `Origin`, if sent, of this server.',
        },
      },
    },
    security: [{ bearer: [] }, { cookie: [] }],
  },
  stripBasePath: false,
  transform,
  transformObject,
};
