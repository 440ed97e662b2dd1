import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { get as httpGet } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '../../src-shared/domain/model';
import type { TestServer, World } from './harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from './harness';

/** The edges of HTTP itself: what arrives on the wire, however it is framed, gets a contract answer. */

let server: TestServer;
let world: World;
let customer: string;
const script = `console.log(${JSON.stringify('Klik & Pay '.repeat(400))});`;

beforeAll(async () => {
  // With the browser host too: its static files answer every path the API does not.
  const webRoot = mkdtempSync(join(tmpdir(), 'klikpay-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Desk</title>');
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'assets', 'index-Ab3dE_9x.js'), script);
  writeFileSync(join(webRoot, 'assets', 'index-Ab3dE_9x.js.br'), brotliCompressSync(script));
  writeFileSync(join(webRoot, 'assets', 'index-Ab3dE_9x.js.gz'), gzipSync(script));
  server = await startTestServer({ web: true, webRoot });
  world = await buildWorld(server);
  customer = await server.signIn(world.users.alice.email);
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

/** A POST exactly as a plain client sends it with nothing to say: no body, no content-type. */
const bare = (path: string, token: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...headers },
  });

describe('optional bodies', () => {
  it('escalates with no body and no content-type, as the contract shows the call', async () => {
    const dossier = await fileClaim(server, customer, world.transactions.alice1, { subject: 'delivery' });
    const res = await bare(`/dossiers/${dossier.id}/escalate`, customer);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as Dossier).escalatedAt).not.toBeNull();
  });

  it('takes an empty JSON body as no body (resolve, escalate)', async () => {
    const dossier = await fileClaim(server, customer, world.transactions.alice2, { subject: 'delivery' });
    const json = { 'content-type': 'application/json' };
    const escalated = await bare(`/dossiers/${dossier.id}/escalate`, customer, json);
    expect(escalated.status, await escalated.clone().text()).toBe(200);
    const resolved = await bare(`/dossiers/${dossier.id}/resolve`, customer, json);
    expect(resolved.status, await resolved.clone().text()).toBe(200);
    expect(((await resolved.json()) as Dossier).status).toBe('closed');
  });

  it('still refuses a missing body where one is required, in the error shape', async () => {
    const res = await bare('/dossiers', customer, { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'invalid_request', details: [{ path: 'body' }] },
    });
  });
});

const errorShape = { error: { code: expect.any(String), message: expect.any(String) } };

describe('paths with an empty segment', () => {
  const paths = [
    '/api/v1//dossiers',
    '//api/v1/health',
    '/api/v1/dossiers//x',
    '/api/v1/dossiers/x//events',
    '/api/v1/health//',
    '/api/v1/docs//',
    '//',
    '//index.html',
  ];
  for (const path of paths) {
    it(`GET ${path} answers 404 in the error shape`, async () => {
      for (const headers of [{}, { authorization: `Bearer ${customer}` }] as Record<string, string>[]) {
        const res = await fetch(`${server.url}${path}`, { headers });
        expect(res.status).toBe(404);
        expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
      }
    });
  }
});

describe("the browser host's static files", () => {
  it('send the build’s compressed copies to browsers that take them, and cache hashed assets for good', async () => {
    // Raw bytes (fetch would decompress them): what a browser asking for Brotli receives.
    const brotli = await rawGet('/assets/index-Ab3dE_9x.js', { 'accept-encoding': 'br, gzip' });
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotli.body.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(brotli.body).toString()).toBe(script);

    const plain = await fetch(`${server.url}/assets/index-Ab3dE_9x.js`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);

    // The page names the assets: revalidated at every load, so a new version is seen at once.
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<title>Desk</title>');
  });

  it('refuse a path they will not serve with a 4xx in the error shape, never a 500', async () => {
    for (const path of ['/index.html%00', '/a%5c..%5c..%5cetc']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(await res.json()).toMatchObject(errorShape);
    }
  });
});

function rawGet(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpGet(`${server.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

interface RawAnswer {
  status: number;
  headers: string;
  body: string;
}

/** Sends bytes as they are and reads the answer until the server closes or goes quiet. */
function raw(bytes: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    socket.setTimeout(2_000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, headers: head.toLowerCase(), body });
    });
  });
}

const request = (head: string, body = '') => `${head.trim().split('\n').join('\r\n')}\r\n\r\n${body}`;

describe('malformed HTTP', () => {
  // Each is refused with a 4xx in the contract's shape, whether Node's parser or Fastify saw it first.
  const cases: [string, string, number][] = [
    [
      'a Content-Length that is not a number',
      request('POST /api/v1/sessions HTTP/1.1\nHost: x\nContent-Type: application/json\nContent-Length: abc'),
      400,
    ],
    [
      'a negative Content-Length',
      request('POST /api/v1/sessions HTTP/1.1\nHost: x\nContent-Length: -1'),
      400,
    ],
    [
      'two different Content-Lengths',
      request(
        'POST /api/v1/sessions HTTP/1.1\nHost: x\nContent-Type: application/json\nContent-Length: 2\nContent-Length: 3',
        '{}x',
      ),
      400,
    ],
    [
      'Content-Length beside chunked',
      request(
        'POST /api/v1/sessions HTTP/1.1\nHost: x\nContent-Type: application/json\nContent-Length: 3\nTransfer-Encoding: chunked',
        '2\r\n{}\r\n0\r\n\r\n',
      ),
      400,
    ],
    [
      'chunked garbage',
      request(
        'POST /api/v1/sessions HTTP/1.1\nHost: x\nContent-Type: application/json\nTransfer-Encoding: chunked',
        'zz\r\nhello\r\n0\r\n\r\n',
      ),
      400,
    ],
    [
      'a header line without a colon',
      request('GET /api/v1/health HTTP/1.1\nHost: x\nthis is not a header'),
      400,
    ],
    [
      'an over-long header',
      request(`GET /api/v1/health HTTP/1.1\nHost: x\nX-Long: ${'a'.repeat(20_000)}`),
      431,
    ],
    [
      'invalid JSON',
      request(
        'POST /api/v1/sessions HTTP/1.1\nHost: x\nContent-Type: application/json\nContent-Length: 8\nConnection: close',
        '{"email"',
      ),
      400,
    ],
    [
      'JSON that is cut short by its Content-Length',
      request(
        'POST /api/v1/sessions HTTP/1.1\nHost: x\nContent-Type: application/json\nContent-Length: 3\nConnection: close',
        '{"email":"a"}',
      ),
      400,
    ],
    [
      'a body on GET',
      request('GET /api/v1/health HTTP/1.1\nHost: x\nContent-Length: 5\nConnection: close', 'hello'),
      400,
    ],
    [
      'a body on DELETE',
      request(
        'DELETE /api/v1/sessions/current HTTP/1.1\nHost: x\nContent-Type: application/json\nContent-Length: 2\nConnection: close',
        '{}',
      ),
      400,
    ],
    [
      'a chunked body on GET',
      request(
        'GET /api/v1/health HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\nConnection: close',
        '5\r\nhello\r\n0\r\n\r\n',
      ),
      400,
    ],
    [
      'bad percent-encoding in the path',
      request('GET /api/v1/dossiers/%E0%A4%A HTTP/1.1\nHost: x\nConnection: close'),
      400,
    ],
    ['a lone % in the path', request('GET /api/v1/%zz HTTP/1.1\nHost: x\nConnection: close'), 400],
    [
      'an empty segment in the path',
      request('GET /api/v1//health HTTP/1.1\nHost: x\nConnection: close'),
      404,
    ],
  ];
  for (const [what, bytes, status] of cases) {
    it(`answers ${status} in the error shape to ${what}`, async () => {
      const res = await raw(bytes);
      expect(res.status, res.headers).toBe(status);
      expect(res.headers).toContain('content-type: application/json');
      expect(JSON.parse(res.body)).toMatchObject(errorShape);
    });
  }
});
