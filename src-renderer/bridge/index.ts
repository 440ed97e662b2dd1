import type { Bridge } from '../../src-shared/contract/bridge';
import { createHttpBridge } from './http';

/**
 * The renderer's one door to the world: Electron's preload bridge when there is one, else the
 * browser host's own implementation (same contract, talking HTTP to the API that served the page).
 */
export const bridge: Bridge =
  window.klikpay ??
  createHttpBridge({
    baseUrl: '',
    storage: window.localStorage,
    appVersion: __APP_VERSION__,
    platform: navigator.platform || 'web',
  });
