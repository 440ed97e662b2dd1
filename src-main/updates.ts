import type { AppUpdater } from 'electron-updater';
import type { Log } from './log';

/**
 * Updates from the feed built into the installer (`KLIKPAY_UPDATE_URL` at build time) or the one a
 * managed install sets (`updateFeedUrl`), downloaded in the background. The app never restarts on
 * its own, and never offers to while changes wait in the outbox journal: the offer comes once
 * nothing is pending, and is checked again when the agent accepts it. An update not taken installs
 * when the agent quits (the journal keeps whatever was pending for the next start).
 */

export type UpdaterPort = Pick<
  AppUpdater,
  'setFeedURL' | 'checkForUpdates' | 'quitAndInstall' | 'on' | 'autoDownload' | 'autoInstallOnAppQuit'
>;

export interface UpdatesOptions {
  updater: UpdaterPort;
  /** A managed install's feed; null: the installer's own (app-update.yml). */
  feedUrl: string | null;
  /** Changes in the outbox journal not yet taken by the server. */
  pendingCount: () => Promise<number>;
  /** Shows a system notification; `onClick` runs when the agent clicks it. */
  notify: (title: string, body: string, onClick: () => void) => void;
  log: Log;
  locale: 'en' | 'fr';
  /** How often to look for an update (4 h), and to look again at the outbox before offering one (1 min). */
  checkEveryMs?: number;
  pendingRetryMs?: number;
  setTimer?: (fn: () => void, ms: number) => { unref?: () => void };
}

const words = {
  en: {
    ready: (v: string) => `Version ${v} is ready`,
    restart: 'Click to restart and install it now.',
    pending: 'Changes are still being sent: the update will install when you quit.',
  },
  fr: {
    ready: (v: string) => `La version ${v} est prête`,
    restart: 'Cliquez pour redémarrer et l’installer maintenant.',
    pending: 'Des modifications sont encore en cours d’envoi : la mise à jour s’installera à la fermeture.',
  },
};

export function startUpdates(options: UpdatesOptions): { check(): Promise<void>; stop(): void } {
  const { updater, log } = options;
  const text = words[options.locale];
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  let stopped = false;
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  if (options.feedUrl) updater.setFeedURL({ provider: 'generic', url: options.feedUrl });

  const check = async () => {
    try {
      await updater.checkForUpdates();
    } catch (error) {
      log.warn('the update check failed', { error });
    }
  };

  const offer = async (version: string): Promise<void> => {
    if (stopped) return;
    const pending = await options.pendingCount();
    if (pending > 0) {
      log.info('an update waits for the outbox to empty', { version, pending });
      setTimer(() => void offer(version), options.pendingRetryMs ?? 60_000).unref?.();
      return;
    }
    options.notify(text.ready(version), text.restart, () => {
      void options.pendingCount().then((now) => {
        if (now > 0) {
          options.notify(text.ready(version), text.pending, () => undefined);
          return;
        }
        log.info('restarting to install an update', { version });
        updater.quitAndInstall();
      });
    });
  };

  updater.on('update-downloaded', (event) => void offer(event.version));
  updater.on('error', (error) => log.warn('the updater failed', { error }));

  const loop = () => {
    if (stopped) return;
    void check();
    setTimer(loop, options.checkEveryMs ?? 4 * 3_600_000).unref?.();
  };
  loop();
  return {
    check,
    stop: () => {
      stopped = true;
    },
  };
}
