import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rendererCsp } from '../../../src-main/policy';
import { answerAppRequest, registerAppScheme, serveRenderer } from '../../../src-main/protocol';

/** The app:// protocol over a real temporary renderer directory, with electron's protocol faked. */

const electron = { protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() } };

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'klikpay-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Klik &amp; Pay</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'export {};');
  // A secret next to the renderer, which no app:// URL may reach.
  await writeFile(join(base, 'secret.txt'), 'not for the renderer');
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => answerAppRequest(root, new Request(url, { method }));

describe('the app:// protocol', () => {
  it('is registered standard and secure, able to fetch, neither CORS-open nor CSP-exempt', () => {
    registerAppScheme(electron.protocol);
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the renderer through the guard', async () => {
    serveRenderer(electron.protocol, root);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = electron.protocol.handle.mock.calls[0]?.[1] as (r: Request) => Promise<Response>;
    const response = await handler(new Request('app://desk/index.html'));
    expect(response.status).toBe(200);
  });

  it('answers files with their content type, never sniffed', async () => {
    const page = await get('app://desk/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('Klik &amp; Pay');

    const script = await get('app://desk/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('export {};');
    expect(script.headers.get('content-security-policy')).toBeNull();
  });

  it("sends the page's CSP as a header, the same as its meta tag, and framed by nobody", async () => {
    const page = await get('app://desk/');
    expect(page.headers.get('content-security-policy')).toBe(rendererCsp);
    const html = await readFile(resolve('src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(`${meta ?? ''}; frame-ancestors 'none'`).toBe(rendererCsp);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://desk/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it.each([
    'app://desk/missing.js',
    'app://desk/assets/',
    'app://desk/%2e%2e%2fsecret.txt',
    'app://desk/assets/..%2f..%2fsecret.txt',
    'app://desk/..%5csecret.txt',
    'app://desk/index.html%00.js',
    'app://other/index.html',
  ])('answers 404 for %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('not for the renderer');
  });

  it('refuses anything but reading', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await get('app://desk/index.html', method);
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
    }
  });
});
