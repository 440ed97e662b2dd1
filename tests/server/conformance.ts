import type { ValidateFunction } from 'ajv';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Response conformance: an answer of the API (status, content type and body) checked against what
 * its OpenAPI document says the operation answers. The harness's `call` runs it on every answer.
 */

interface MediaType {
  schema?: object;
}
interface Response {
  content?: Record<string, MediaType>;
}
interface Operation {
  operationId?: string;
  responses: Record<string, Response>;
}
interface Route {
  method: string;
  pattern: RegExp;
  operation: Operation;
}

export interface Answer {
  method: string;
  /** The full path, query string included or not. */
  path: string;
  status: number;
  contentType: string | null;
  text: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** OpenAPI 3.0's boolean `exclusiveMinimum`/`exclusiveMaximum` (draft 4) as Ajv's numbers (draft 7). */
function toDraft7(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toDraft7);
  if (!isObject(node)) return node;
  const exclusive = { minimum: 'exclusiveMinimum', maximum: 'exclusiveMaximum' } as const;
  return Object.fromEntries(
    Object.entries(node).flatMap(([key, value]): [string, unknown][] => {
      if (key.startsWith('exclusiveM') && typeof value === 'boolean') return [];
      if ((key === 'minimum' || key === 'maximum') && node[exclusive[key]] === true) {
        return [[exclusive[key], value]];
      }
      return [[key, toDraft7(value)]];
    }),
  );
}

export class Conformance {
  // OpenAPI 3.0 schemas: `nullable` is Ajv's own keyword; `example`, `format: binary` are not checked.
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new WeakMap<object, ValidateFunction>();
  private readonly routes: Route[] = [];
  private readonly errorSchema: object;

  constructor(document: unknown) {
    addFormats(this.ajv);
    if (!isObject(document) || !isObject(document.paths)) throw new Error('not an OpenAPI document');
    for (const [path, item] of Object.entries(document.paths)) {
      if (!isObject(item)) continue;
      // `/dossiers/{id}` matches one path segment where `{id}` stands.
      const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}/]+\}/g, '[^/]*');
      for (const [method, operation] of Object.entries(item)) {
        if (isObject(operation) && isObject(operation.responses))
          this.routes.push({
            method: method.toUpperCase(),
            // The router takes `/dossiers/` for `/dossiers`, and an empty parameter for a parameter.
            pattern: new RegExp(`^${source}/?$`),
            operation: operation as unknown as Operation,
          });
      }
    }
    const health = this.routes.find((r) => r.operation.operationId === 'getHealth');
    const errorSchema = health?.operation.responses['400']?.content?.['application/json']?.schema;
    if (!errorSchema) throw new Error('the document has no error schema (GET /health 400)');
    this.errorSchema = errorSchema;
  }

  /** Throws, saying what differs, when the answer is not one the document describes. */
  check(answer: Answer): void {
    const path = answer.path.split('?')[0] ?? '';
    const where = `${answer.method} ${path} answered ${answer.status}`;
    const route = this.routes.find((r) => r.method === answer.method && r.pattern.test(path));
    if (!route) {
      // No operation there: only the router's 404 (or 400 for an unreadable URL) may answer.
      if (answer.status !== 404 && answer.status !== 400) throw new Error(`${where}: no such operation`);
      this.checkJson(where, this.errorSchema, answer.text);
      return;
    }
    // Node's HTTP parser refuses a request line or headers too large before any route runs: the
    // answer is the error shape, for any operation.
    if (answer.status === 431) {
      this.checkJson(where, this.errorSchema, answer.text);
      return;
    }
    const responses = route.operation.responses;
    const response = responses[String(answer.status)] ?? responses[`${String(answer.status)[0]}XX`];
    if (!response)
      throw new Error(`${where}, a status ${route.operation.operationId ?? ''} does not document`);
    if (!response.content) {
      if (answer.text !== '') throw new Error(`${where} with a body, where the document says none`);
      return;
    }
    const mediaType = (answer.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const media = response.content[mediaType];
    if (!media) {
      const documented = Object.keys(response.content).join(', ');
      throw new Error(`${where} as "${mediaType}", where the document says ${documented}`);
    }
    if (mediaType === 'application/json' && media.schema) this.checkJson(where, media.schema, answer.text);
  }

  private checkJson(where: string, schema: object, text: string): void {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`${where} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(toDraft7(schema) as object);
      this.compiled.set(schema, validate);
    }
    if (!validate(body)) {
      const errors = this.ajv.errorsText(validate.errors, { dataVar: 'body' });
      throw new Error(`${where} with a body the document does not describe: ${errors}`);
    }
  }
}
