import type { AppInfo, Bridge, Result } from '../../src-shared/contract/bridge';

/**
 * The renderer's one door to the world: Electron's preload bridge when there is one, else the
 * browser host's own implementation (same contract, talking HTTP to the API that served the page).
 */
const browserBridge: Bridge = {
  host: 'browser',
  getAppInfo(): Promise<Result<AppInfo>> {
    return Promise.resolve({
      ok: true,
      value: {
        name: 'Klik & Pay Dispute Desk',
        version: __APP_VERSION__,
        platform: navigator.platform || 'web',
      },
    });
  },
};

export const bridge: Bridge = window.klikpay ?? browserBridge;
