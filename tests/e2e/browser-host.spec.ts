import { expect, test } from '@playwright/test';
import type { RunningServer } from '../../src-server/server';
import { signInOnPage } from './desk-page';
import { startWebHost } from './server';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startWebHost();
});
test.afterAll(async () => {
  await server.close();
});

test('the browser host serves the back office under a strict CSP, with no script errors', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  const response = await page.goto(server.url);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('Klik & Pay Dispute Desk')).toBeVisible();
  await expect(page.getByText(/^Version 0\.1\.0 · Browser$/)).toBeVisible();
  await page.screenshot({ path: 'test-results/browser-host.png' });
  expect(problems).toEqual([]);
});

test('the sign-in page loads only its own chunk: the workspace and the cache come after, prefetched', async ({
  page,
}) => {
  const html = await (await fetch(server.url)).text();
  const entries = [...html.matchAll(/<script type="module"[^>]* src="\.\/([^"]+)"/g)].map((m) => m[1]);
  const later = [...html.matchAll(/<link rel="prefetch" as="(?:script|style)" href="\.\/([^"]+)"/g)].map(
    (m) => m[1],
  );
  expect(entries).toHaveLength(1);
  expect(later.length).toBeGreaterThan(0);
  const text = async (path: string | undefined) => (await fetch(`${server.url}/${path ?? ''}`)).text();
  // The cache's name and the workspace's queues are in the later chunks, not in the sign-in page's.
  expect(await text(entries[0])).not.toContain('klikpay-cache-');
  const laterCode = (await Promise.all(later.map(text))).join('\n');
  expect(laterCode).toContain('klikpay-cache-');
  expect(laterCode).toContain('queue-row__open');
  // Signed in, the workspace's chunk loads by itself.
  await page.goto(server.url);
  await signInOnPage(page, 'agent@klikpay.test');
});

test('the API documentation renders from the OpenAPI document', async ({ page }) => {
  await page.goto(`${server.url}/api/v1/docs/`);
  await expect(page.getByText('Klik & Pay central dispute API')).toBeVisible();
  await expect(page.getByText('/api/v1/sync/pull').first()).toBeVisible();
});
