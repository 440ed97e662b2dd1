import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentTypes } from '../../src-shared/domain/model';
import type { TestServer } from './harness';
import { dropTestDatabases, startTestServer } from './harness';

/** The OpenAPI document says exactly what the API answers (linted by `npm run lint:openapi`). */

interface Operation {
  operationId?: string;
  security?: unknown[];
  requestBody?: { required?: boolean };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}
interface Document {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
}

let server: TestServer;
let doc: Document;
const operations: Record<string, Operation & { method: string; path: string }> = {};

beforeAll(async () => {
  server = await startTestServer();
  doc = (await server.call<Document>('GET', '/openapi.json')).body;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      operations[operation.operationId ?? `${method} ${path}`] = { ...operation, method, path };
    }
  }
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

/** Every schema node of the document, wherever it sits. */
function* nodes(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) for (const item of value) yield* nodes(item);
  else if (typeof value === 'object' && value !== null) {
    yield value as Record<string, unknown>;
    for (const child of Object.values(value)) yield* nodes(child);
  }
}

describe('the OpenAPI document', () => {
  it('names its server; paths carry /api/v1 themselves', () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(Object.keys(doc.paths).every((p) => p.startsWith('/api/v1/'))).toBe(true);
  });

  it('gives every operation a unique operationId', () => {
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((o) => o.operationId));
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists null in every nullable enum', () => {
    const nullableEnums = [...nodes(doc)].filter((n) => n.nullable === true && Array.isArray(n.enum));
    expect(nullableEnums.length).toBeGreaterThan(0);
    for (const node of nullableEnums) expect(node.enum).toContain(null);
  });

  it('describes an attachment download as bytes in its type, and sign-out as 204 without content', () => {
    const download = operations.downloadAttachment?.responses['200'];
    expect(Object.keys(download?.content ?? {}).sort()).toEqual([...attachmentTypes].sort());
    for (const media of Object.values(download?.content ?? {}))
      expect(media.schema).toEqual({ type: 'string', format: 'binary' });
    const signOut = operations.signOut?.responses;
    expect(Object.keys(signOut ?? {})).toContain('204');
    expect(signOut?.['204']?.content).toBeUndefined();
    expect(Object.keys(operations.openSyncStream?.responses['200']?.content ?? {})).toEqual([
      'text/event-stream',
    ]);
  });

  it('marks the bodies that may be left out as not required', () => {
    expect(operations.escalateDossier?.requestBody?.required).toBe(false);
    expect(operations.resolveDossier?.requestBody).toBeUndefined();
    expect(operations.fileClaim?.requestBody?.required).toBe(true);
  });

  it('opens only health, the document, sign-in and the test clock without a session', () => {
    const open = Object.entries(operations)
      .filter(([, o]) => Array.isArray(o.security) && o.security.length === 0)
      .map(([id]) => id)
      .sort();
    expect(open).toEqual(['getHealth', 'getOpenApiDocument', 'setTestClock', 'signIn']);
  });

  it('lists every refusal each operation can answer, with the error shape', () => {
    const expected: Record<string, string[]> = {
      getHealth: ['400'],
      getOpenApiDocument: ['400'],
      getRules: ['400', '401'],
      setTestClock: ['400', '413'],
      signIn: ['400', '401', '403', '413', '429'],
      getCurrentSession: ['400', '401'],
      signOut: ['400', '401', '403'],
      listTransactions: ['400', '401', '403'],
      fileClaim: ['400', '401', '403', '404', '409', '413'],
      listDossiers: ['400', '401'],
      getDossier: ['400', '401', '404'],
      listDossierEvents: ['400', '401', '403', '404'],
      postMessage: ['400', '401', '403', '404', '409', '413'],
      downloadAttachment: ['400', '401', '404'],
      resolveDossier: ['400', '401', '403', '404', '409', '413'],
      escalateDossier: ['400', '401', '403', '404', '409', '413'],
      pullChanges: ['400', '401', '403'],
      pushMutations: ['400', '401', '403', '413'],
      openSyncStream: ['400', '401'],
      putPresence: ['400', '401', '403', '404', '413'],
      putUpload: ['400', '401', '403', '409', '413'],
      getStatsOverview: ['400', '401', '403'],
      setAbsence: ['400', '401', '403', '404', '413'],
      listTeamViews: ['400', '401', '403'],
      putTeamView: ['400', '401', '403', '409', '413'],
      deleteTeamView: ['400', '401', '403', '404'],
      listMacros: ['400', '401', '403'],
      putMacro: ['400', '401', '403', '409', '413'],
      deleteMacro: ['400', '401', '403', '404'],
    };
    expect(Object.keys(operations).sort()).toEqual(Object.keys(expected).sort());
    const errorSchema = operations.getHealth?.responses['400']?.content?.['application/json']?.schema;
    expect(errorSchema).toMatchObject({ required: ['error'] });
    for (const [id, operation] of Object.entries(operations)) {
      const refusals = Object.keys(operation.responses).filter((s) => s.startsWith('4'));
      expect(refusals, id).toEqual(expected[id]);
      for (const status of refusals) {
        const response = operation.responses[status];
        expect(response?.description, `${id} ${status}`).not.toBe('Default Response');
        expect(response?.content, `${id} ${status}`).toEqual({ 'application/json': { schema: errorSchema } });
      }
    }
  });
});
