import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronEnv, findElectron } from '../../scripts/electron-binary';
import { startWebHost } from '../e2e/server';

/**
 * The real Electron app (the built out/, as `npm run build` leaves it), driven by Playwright: the
 * window opens on app://desk, its page is isolated and has no Node, a demo agent signs in against
 * an API this spec starts, and a queue shows rows. Where the Electron binary cannot start (no
 * binary: its download comes from GitHub; no display), the test is skipped with the reason, and the
 * same flows are proven by the browser host (tests/e2e) and the electron-host project.
 */

const root = resolve(import.meta.dirname, '..', '..');

const electronApp = findElectron(root);

test('the desktop app opens its window, signs in a demo agent and shows a queue', async () => {
  if ('skip' in electronApp) {
    // The list reporter does not print skip reasons: say it where it shows.
    console.log(`skipped: ${electronApp.skip}`);
    test.skip(true, electronApp.skip);
    return;
  }
  test.setTimeout(180_000);
  expect(existsSync(join(root, 'out', 'main', 'index.js')), 'run `npm run build` first').toBe(true);

  const server = await startWebHost();
  const userData = mkdtempSync(join(tmpdir(), 'klikpay-electron-'));
  // Neither the dev server nor a Node-mode binary: the app as it ships, pointed at this API
  // (an unpackaged app takes its server from KLIKPAY_SERVER_URL, see src-main/index.ts).
  const env = electronEnv({ KLIKPAY_SERVER_URL: server.url });
  const app = await electron.launch({
    executablePath: electronApp.executable,
    // A user data folder of its own (Electron honours --user-data-dir): no session from before.
    args: ['.', `--user-data-dir=${userData}`],
    cwd: root,
    env,
  });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle('Klik & Pay Dispute Desk');
    expect(page.url()).toBe('app://desk/index.html');

    // What only a real Electron shows: the preload's bridge is there (contextBridge refuses to run
    // without context isolation), and the page has no Node (no process, no require).
    expect(
      await page.evaluate(() => [
        typeof Reflect.get(globalThis, 'klikpay'),
        typeof Reflect.get(globalThis, 'process'),
        typeof Reflect.get(globalThis, 'require'),
      ]),
    ).toEqual(['object', 'undefined', 'undefined']);

    await page.getByLabel('E-mail').fill('agent@klikpay.test');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('navigation', { name: 'Queues' })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Up to date');
    await expect(page.locator('.queue-row__open').first()).toBeVisible();
  } finally {
    await app.close();
    await server.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
