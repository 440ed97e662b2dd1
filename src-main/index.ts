import { join } from 'node:path';
import * as electron from 'electron';
import { startDesktop } from './desktop';
import { devServerUrlFrom } from './policy';
import { openServerSettings } from './server-settings';
import { startUpdates } from './updates';

/** The desktop app's entry: the real electron module handed to the app's modules (src-main/desktop.ts). */

let updateFeedUrl: string | null = null;

void startDesktop(electron, {
  rendererDir: join(__dirname, '../renderer'),
  preload: join(__dirname, '../preload/index.cjs'),
  // Set by `electron-vite dev`; ignored by a packaged app.
  devServerUrl: devServerUrlFrom(process.env.ELECTRON_RENDERER_URL, electron.app.isPackaged),
  argv: process.argv,
  settings: async (userData, log) => {
    const settings = await openServerSettings({
      userData,
      platform: process.platform,
      env: process.env,
      // `npm start` points an unpackaged app at the API it started; a packaged app asks the agent.
      startUrl: electron.app.isPackaged ? undefined : process.env.KLIKPAY_SERVER_URL,
      warn: (message) => log.warn(message),
    });
    updateFeedUrl = settings.updateFeedUrl;
    return settings;
  },
})
  .then(async (desktop) => {
    // Only an installed app updates itself (an unpackaged one has no app-update.yml to read).
    if (!desktop || !electron.app.isPackaged) return;
    const { autoUpdater } = await import('electron-updater');
    startUpdates({
      updater: autoUpdater,
      feedUrl: updateFeedUrl,
      pendingCount: () => desktop.journal.pendingCount(),
      notify: (title, body, onClick) => desktop.notify(title, body, onClick),
      log: desktop.log,
      locale: desktop.locale,
    });
  })
  .catch((error: unknown) => {
    console.error('the desktop app could not start', error);
    electron.app.exit(1);
  });
