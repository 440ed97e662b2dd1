import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { expect, test } from '@playwright/test';
import { createStandIn, toAppUrl, toPageUrl } from './stand-in';

/**
 * The electron stand-in itself: what the electron-host project proves rests on it behaving as
 * Electron does where the app depends on it — IPC that fails when nobody handles a channel, events
 * to the page, the preload in the main frame only, app:// answered by the app's own handler.
 */

let userData: string;
test.beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'klikpay-stand-in-'));
});
test.afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

const page = `<!doctype html><title>t</title><iframe src="https://other.example/frame"></iframe>`;

test('IPC, events, protocol and frames behave as the app expects of Electron', async ({ browser }) => {
  const standIn = createStandIn({ browser, userData, preloadFile: resolve('out/preload/index.cjs') });
  const { electron } = standIn;
  const asked: string[] = [];
  electron.protocol.handle('app', (request) => {
    asked.push(request.url);
    return new Response(page, { headers: { 'content-type': 'text/html' } });
  });
  const window = new electron.BrowserWindow({});
  await window.loadURL('app://desk/index.html');
  const p = standIn.windows[0]?.webContents.page;
  if (!p) throw new Error('no page');
  await p
    .context()
    .route('https://other.example/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>other</title>' }),
    );
  await p.reload();

  // The app's handler saw app:// URLs; the window reports its app:// URL.
  expect(asked[0]).toBe('app://desk/index.html');
  expect(window.webContents.getURL()).toBe('app://desk/index.html');
  expect(toAppUrl(toPageUrl('app://desk/a/b.js?x=1'))).toBe('app://desk/a/b.js?x=1');

  // No handler: Electron rejects the invoke, and the preload turns it into an error value.
  expect(
    await p.evaluate(() =>
      (window as unknown as { klikpay: { getAppInfo(): Promise<unknown> } }).klikpay.getAppInfo(),
    ),
  ).toEqual({
    ok: false,
    error: { code: 'server_error', message: 'The desktop app could not answer.' },
  });

  // A handler sees the calling frame's app:// URL and the payload as it crossed.
  let seen: { url: string | undefined; args: unknown[] } | null = null;
  electron.ipcMain.handle('app:server', (event: IpcMainInvokeEvent, ...args: unknown[]) => {
    seen = { url: event.senderFrame?.url, args };
    return { ok: true, value: { url: null, locked: false } };
  });
  expect(() => electron.ipcMain.handle('app:server', () => null)).toThrow(/second handler/);
  expect(
    await p.evaluate(() =>
      (window as unknown as { klikpay: { server(): Promise<unknown> } }).klikpay.server(),
    ),
  ).toEqual({ ok: true, value: { url: null, locked: false } });
  expect(seen).toEqual({ url: 'app://desk/index.html', args: [] });

  // Events reach the page's listeners.
  await p.evaluate(() => {
    const w = window as unknown as { klikpay: { onPoke(l: () => void): () => void }; pokes: number };
    w.pokes = 0;
    w.klikpay.onPoke(() => w.pokes++);
  });
  window.webContents.send('sync:poke', null);
  await expect.poll(() => p.evaluate(() => (window as unknown as { pokes: number }).pokes)).toBe(1);

  // The preload runs in the main frame only, as Electron's does without nodeIntegrationInSubFrames.
  const frame = p.frames().find((f) => f.url().startsWith('https://other.example'));
  if (!frame) throw new Error('the iframe did not load');
  expect(await frame.evaluate(() => 'klikpay' in window)).toBe(false);
  expect(await p.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe(
    'undefined',
  );

  // The keychain seals, and opens what it sealed; net fails offline like Chromium's network stack.
  const sealed = await electron.safeStorage.encryptStringAsync('token-xyz');
  expect(sealed.toString('latin1')).not.toContain('token-xyz');
  expect((await electron.safeStorage.decryptStringAsync(sealed)).result).toBe('token-xyz');
  standIn.setOnline(false);
  expect(electron.net.isOnline()).toBe(false);
  await expect(electron.net.fetch('https://other.example/')).rejects.toThrow(/DISCONNECTED/);
  await standIn.close();
});
