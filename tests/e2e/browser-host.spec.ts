import { expect, test } from '@playwright/test';
import type { RunningServer } from '../../src-server/server';
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

test('the API documentation renders from the OpenAPI document', async ({ page }) => {
  await page.goto(`${server.url}/api/v1/docs/`);
  await expect(page.getByText('Klik & Pay central dispute API')).toBeVisible();
  await expect(page.getByText('/api/v1/sync/pull').first()).toBeVisible();
});
