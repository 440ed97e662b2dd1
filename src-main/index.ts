import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import { registerIpc } from './ipc';
import { appOrigin, devServerUrlFrom } from './policy';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, hardenWebContents } from './window';

/** The desktop app's entry: one instance, one secure window, the renderer served from app://. */

/** Set by `electron-vite dev`; ignored by a packaged app. */
const devServerUrl = devServerUrlFrom(process.env.ELECTRON_RENDERER_URL, app.isPackaged);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devServerUrl));

  const open = () =>
    createMainWindow({
      preload: join(__dirname, '../preload/index.cjs'),
      url: devServerUrl ?? `${appOrigin}/index.html`,
      devServerUrl,
    });

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    serveRenderer(join(__dirname, '../renderer'));
    registerIpc(devServerUrl);
    open();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open();
    });
  });
}
