import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from './harness';
import { dropTestDatabases, startTestServer } from './harness';

/** The parties' portal served at /portal/ beside the back office (`--web`): its pages, assets and 404s. */

let server: TestServer;
const page =
  '<!doctype html><title>Portal</title><script type="module" src="/portal/assets/app-Xy12_ab.js"></script>';
const script = `console.log(${JSON.stringify('portal '.repeat(400))});`;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'klikpay-sites-'));
  const webRoot = join(dir, 'renderer');
  const portalRoot = join(dir, 'portal');
  mkdirSync(webRoot);
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Desk</title>');
  mkdirSync(join(portalRoot, 'assets'), { recursive: true });
  writeFileSync(join(portalRoot, 'index.html'), page);
  writeFileSync(join(portalRoot, 'assets', 'app-Xy12_ab.js'), script);
  writeFileSync(join(portalRoot, 'assets', 'app-Xy12_ab.js.br'), brotliCompressSync(script));
  server = await startTestServer({ web: true, webRoot, portalRoot });
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers, redirect: 'manual' });

describe('the portal at /portal/', () => {
  it('sends /portal to /portal/, which is the portal and not the back office', async () => {
    const bare = await get('/portal');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/portal/');
    const res = await get('/portal/');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(page);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await (await get('/')).text()).toContain('<title>Desk</title>');
  });

  it('answers its client routes with its page, under the same CSP as the API', async () => {
    for (const path of ['/portal/claims/d-1', '/portal/transactions/t-1/claim', '/portal/claims?filed=1']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(res.headers.get('content-security-policy'), path).toContain("script-src 'self'");
      expect(await res.text(), path).toBe(page);
    }
  });

  it('serves its hashed assets compressed and cached for good; a missing asset stays a 404', async () => {
    const res = await get('/portal/assets/app-Xy12_ab.js', { 'accept-encoding': 'br' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await get('/portal/assets/gone-Ab12.js');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await fetch(`${server.url}/portal/x`, { method: 'POST' })).status).toBe(404);
  });

  it('leaves the API alone', async () => {
    expect((await get('/api/v1/health')).status).toBe(200);
    expect(await (await get('/api/v1/nothing-here')).json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
