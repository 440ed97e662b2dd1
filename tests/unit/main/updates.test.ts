import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Log } from '../../../src-main/log';
import type { UpdaterPort } from '../../../src-main/updates';
import { startUpdates } from '../../../src-main/updates';

/** Updates never restart the app while changes wait in the outbox journal. */

function setup(options: { pending: number[]; feedUrl?: string | null; failCheck?: boolean }) {
  const events = new EventEmitter();
  const updater = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(() =>
      options.failCheck ? Promise.reject(new Error('feed down')) : Promise.resolve(null),
    ),
    quitAndInstall: vi.fn(),
    on: (event: string, listener: (...args: unknown[]) => void) => events.on(event, listener),
  };
  const timers: (() => void)[] = [];
  const shown: { title: string; body: string; click: () => void }[] = [];
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), file: '' } satisfies Log;
  const pending = [...options.pending];
  const updates = startUpdates({
    updater: updater as unknown as UpdaterPort,
    feedUrl: options.feedUrl ?? null,
    pendingCount: () => Promise.resolve(pending.length > 1 ? (pending.shift() ?? 0) : (pending[0] ?? 0)),
    notify: (title, body, onClick) => shown.push({ title, body, click: onClick }),
    log,
    locale: 'en',
    setTimer: (fn) => {
      timers.push(fn);
      return {};
    },
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { updater, events, timers, shown, log, updates, settle };
}

describe('updates', () => {
  it('downloads in the background, installs on quit, and uses a managed feed when one is set', () => {
    const { updater } = setup({ pending: [0], feedUrl: 'https://updates.example/desk' });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.setFeedURL).toHaveBeenCalledWith({
      provider: 'generic',
      url: 'https://updates.example/desk',
    });
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
  });

  it('keeps the installer feed when no managed one is set', () => {
    expect(setup({ pending: [0] }).updater.setFeedURL).not.toHaveBeenCalled();
  });

  it('offers the restart only once nothing is pending, and restarts when the agent accepts', async () => {
    const { events, shown, timers, updater, settle } = setup({ pending: [3, 1, 0] });
    events.emit('update-downloaded', { version: '1.4.0' });
    await settle();
    expect(shown).toEqual([]);
    // The outbox is looked at again later (the second timer: the first is the next check).
    timers[1]?.();
    await settle();
    expect(shown).toEqual([]);
    timers[2]?.();
    await settle();
    expect(shown.map((s) => s.title)).toEqual(['Version 1.4.0 is ready']);
    shown[0]?.click();
    await settle();
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('does not restart if a change was made between the offer and the click', async () => {
    const { events, shown, updater, settle } = setup({ pending: [0, 2] });
    events.emit('update-downloaded', { version: '1.4.0' });
    await settle();
    shown[0]?.click();
    await settle();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect(shown[1]?.body).toMatch(/install when you quit/);
  });

  it('logs a failed check or updater error, and never throws', async () => {
    const { events, log, settle } = setup({ pending: [0], failCheck: true });
    await settle();
    events.emit('error', new Error('signature mismatch'));
    expect(log.warn).toHaveBeenCalledWith('the update check failed', expect.any(Object));
    expect(log.warn).toHaveBeenCalledWith('the updater failed', expect.any(Object));
  });
});
