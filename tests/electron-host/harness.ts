import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { Desktop } from '../../src-main/desktop';
import { startDesktop } from '../../src-main/desktop';
import { openServerSettings } from '../../src-main/server-settings';
import { serverConfigSchema } from '../../src-server/config';
import type { RunningServer } from '../../src-server/server';
import { startServer } from '../../src-server/server';
import type { StandIn } from './stand-in';
import { createStandIn } from './stand-in';

/**
 * The desktop app as `src-main/index.ts` starts it — `startDesktop` with the built preload and
 * renderer — over the electron stand-in, against the real API on an in-memory database.
 */

export async function startApi(): Promise<RunningServer> {
  return startServer(
    serverConfigSchema.parse({
      port: 0,
      dataDir: 'memory://',
      seed: 'demo',
      clock: 'manual',
      clockStart: '2026-11-24T09:30:00Z',
      logLevel: 'silent',
    }),
  );
}

export interface DesktopRun {
  standIn: StandIn;
  desktop: Desktop;
  userData: string;
  /** The main window's page, once it has loaded. */
  page(): Promise<Page>;
  /** Quits the app (the page closes; the user's files stay for the next start). */
  quit(): Promise<void>;
}

export async function startDesktopApp(
  browser: Browser,
  options: { server: string | null; userData?: string; locale?: string },
): Promise<DesktopRun> {
  const userData = options.userData ?? (await mkdtemp(join(tmpdir(), 'klikpay-desktop-')));
  const standIn = createStandIn({
    browser,
    userData,
    preloadFile: resolve('out/preload/index.cjs'),
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const desktop = await startDesktop(standIn.electron, {
    rendererDir: resolve('out/renderer'),
    preload: resolve('out/preload/index.cjs'),
    userData,
    settings: (dir) =>
      openServerSettings({
        userData: dir,
        platform: process.platform,
        env: {},
        ...(options.server ? { startUrl: options.server } : {}),
      }),
  });
  if (!desktop) throw new Error('the desktop app did not start (single-instance lock refused)');
  return {
    standIn,
    desktop,
    userData,
    async page() {
      const [window] = standIn.windows;
      if (!window) throw new Error('no window was opened');
      await expect.poll(() => window.webContents.page !== null && window.webContents.url !== '').toBe(true);
      const page = window.webContents.page;
      if (!page) throw new Error('the window has no page');
      return page;
    },
    async quit() {
      desktop.stop();
      await standIn.close();
    },
  };
}

export async function removeUserData(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
