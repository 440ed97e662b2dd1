import { defineConfig } from '@playwright/test';

/**
 * Browser tests of the back office through its browser host, in Debian's Chromium (Playwright's own
 * browser download does not work on our machines). CHROMIUM_PATH points at another Chrome or Edge.
 * `electron-app` drives the real Electron app where its binary can start (skipped, with the reason,
 * where it cannot).
 */
export default defineConfig({
  projects: [
    { name: 'browser', testDir: 'tests/e2e' },
    // The desktop app's real main-process modules over an electron stand-in (tests/electron-host).
    { name: 'electron-host', testDir: 'tests/electron-host' },
    { name: 'electron-app', testDir: 'tests/electron' },
  ],
  fullyParallel: false,
  workers: 1,
  // The last step of `npm test`: without DATABASE_URL, its last words say the PostgreSQL suite did not run.
  reporter: [['list'], ['./tests/postgres-notice.ts']],
  timeout: 60_000,
  // Web-first assertions wait 5 s by default: too little on a loaded 2-core machine.
  expect: { timeout: 30_000 },
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
