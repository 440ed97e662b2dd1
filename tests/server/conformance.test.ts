import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from './conformance';
import { Conformance } from './conformance';
import type { TestServer } from './harness';
import { dropTestDatabases, startTestServer } from './harness';

/**
 * The check the harness's `call` runs on every answer of the server suite: what it lets through
 * and what fails the test that made the call.
 */

let server: TestServer;
let conformance: Conformance;

beforeAll(async () => {
  server = await startTestServer();
  conformance = new Conformance(server.app.swagger());
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

const json = 'application/json; charset=utf-8';
const refusal = (code: string) => JSON.stringify({ error: { code, message: 'No.' } });
const answer = (over: Partial<Answer>): Answer => ({
  method: 'GET',
  path: '/api/v1/health',
  status: 200,
  contentType: json,
  text: '{"status":"ok"}',
  ...over,
});

describe('response conformance', () => {
  it('lets through the answers the document describes', () => {
    expect(() => conformance.check(answer({}))).not.toThrow();
    expect(() =>
      conformance.check(answer({ path: '/api/v1/dossiers/d-1', status: 404, text: refusal('not_found') })),
    ).not.toThrow();
    expect(() =>
      conformance.check(
        answer({
          method: 'DELETE',
          path: '/api/v1/sessions/current',
          status: 204,
          contentType: null,
          text: '',
        }),
      ),
    ).not.toThrow();
    expect(() =>
      conformance.check(answer({ path: '/api/v1/nope?x=1', status: 404, text: refusal('not_found') })),
    ).not.toThrow();
  });

  it('fails an undocumented status', () => {
    expect(() => conformance.check(answer({ status: 500, text: refusal('internal') }))).toThrow(
      /does not document/,
    );
    expect(() =>
      conformance.check(answer({ path: '/api/v1/dossiers', status: 409, text: refusal('conflict') })),
    ).toThrow(/listDossiers does not document/);
  });

  it('fails a body that does not match its schema', () => {
    expect(() => conformance.check(answer({ text: '{"status":"fine"}' }))).toThrow(/body\/status/);
    expect(() => conformance.check(answer({ status: 400, text: '{"error":"Bad Request"}' }))).toThrow(
      /does not describe/,
    );
    expect(() => conformance.check(answer({ text: 'ok' }))).toThrow(/not JSON/);
  });

  it('fails an undocumented content type, and a body where none is documented', () => {
    expect(() => conformance.check(answer({ contentType: 'text/html' }))).toThrow(/"text\/html"/);
    expect(() =>
      conformance.check(
        answer({ method: 'DELETE', path: '/api/v1/sessions/current', status: 204, text: '{}' }),
      ),
    ).toThrow(/with a body/);
  });

  it('fails anything but a 404 where there is no operation', () => {
    expect(() => conformance.check(answer({ path: '/api/v1/nope', status: 200 }))).toThrow(
      /no such operation/,
    );
  });

  it("fails the test whose call the harness's check refuses", async () => {
    // The check reads the server's own document: without its 401, an anonymous list is undocumented.
    const doc = server.app.swagger() as unknown as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const responses = doc.paths['/api/v1/dossiers']?.get?.responses ?? {};
    const documented = responses['401'];
    delete responses['401'];
    try {
      await expect(server.call('GET', '/dossiers')).rejects.toThrow(/answered 401, a status listDossiers/);
    } finally {
      responses['401'] = documented;
    }
    expect((await server.call('GET', '/dossiers')).status).toBe(401);
  });
});
