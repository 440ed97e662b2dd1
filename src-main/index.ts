import { join } from 'node:path';
import * as electron from 'electron';
import { startDesktop } from './desktop';
import { devServerUrlFrom } from './policy';
import { openServerSettings } from './server-settings';

/** The desktop app's entry: the real electron module handed to the app's modules (src-main/desktop.ts). */

void startDesktop(electron, {
  rendererDir: join(__dirname, '../renderer'),
  preload: join(__dirname, '../preload/index.cjs'),
  // Set by `electron-vite dev`; ignored by a packaged app.
  devServerUrl: devServerUrlFrom(process.env.ELECTRON_RENDERER_URL, electron.app.isPackaged),
  argv: process.argv,
  settings: (userData) =>
    openServerSettings({
      userData,
      platform: process.platform,
      env: process.env,
      // `npm start` points an unpackaged app at the API it started; a packaged app asks the agent.
      startUrl: electron.app.isPackaged ? undefined : process.env.KLIKPAY_SERVER_URL,
    }),
});
