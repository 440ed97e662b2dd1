import { join } from 'node:path';
import type { ServerSetting } from '../src-shared/contract/bridge';
import type { ServerSettings } from './gateway';
import { loadSettings, managedSettingsPath, normalizeServerUrl, saveUserSettings } from './settings';

/**
 * The gateway's view of the settings files (src-main/settings.ts): the server in force, and the
 * agent's choice saved on "Connect to server". `startUrl` is the API `npm start` runs, for an
 * unpackaged app only: used for this run, never saved, never over a managed lock.
 */
export function openServerSettings(options: {
  userData: string;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  startUrl?: string | undefined;
  warn?: (message: string) => void;
}): Promise<ServerSettings & { updateFeedUrl: string | null }> {
  const files = {
    userFile: join(options.userData, 'settings.json'),
    managedFile: managedSettingsPath(options.platform, options.env),
  };
  const loaded = loadSettings(files);
  for (const warning of loaded.warnings) options.warn?.(warning);
  const start = options.startUrl ? normalizeServerUrl(options.startUrl) : null;
  let current: ServerSetting = {
    url: !loaded.locked && start?.ok ? start.url : loaded.serverUrl,
    locked: loaded.locked,
  };
  return Promise.resolve({
    updateFeedUrl: loaded.updateFeedUrl,
    current: () => current,
    normalize: normalizeServerUrl,
    save(url) {
      const saved = saveUserSettings(files.userFile, { serverUrl: url });
      if (!saved.ok) return Promise.reject(new Error(saved.reason));
      current = { url: saved.settings.serverUrl ?? null, locked: false };
      return Promise.resolve();
    },
  });
}
