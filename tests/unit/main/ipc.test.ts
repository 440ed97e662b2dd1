import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../src-shared/contract/bridge';

const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
vi.mock('electron', () => ({
  app: { getName: () => 'Klik & Pay Dispute Desk', getVersion: () => '0.1.0' },
  ipcMain: {
    handle: (channel: string, h: (event: unknown, ...args: unknown[]) => unknown) => handlers.set(channel, h),
  },
}));

const { registerIpc } = await import('../../../src-main/ipc');

describe('IPC', () => {
  registerIpc();
  const getInfo = handlers.get('app:get-info');

  it('answers the app window', async () => {
    const result = (await getInfo?.({ senderFrame: { url: 'app://desk/index.html' } })) as Result<{
      name: string;
    }>;
    expect(result).toMatchObject({ ok: true, value: { name: 'Klik & Pay Dispute Desk', version: '0.1.0' } });
  });

  it('refuses any other sender with an error value', async () => {
    for (const event of [{ senderFrame: { url: 'https://evil.example/' } }, { senderFrame: null }, {}]) {
      const result = (await getInfo?.(event)) as Result<unknown>;
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});
