import type { Bridge } from '../src-shared/contract/bridge';

declare global {
  interface Window {
    /** Present in Electron (exposed by the preload); absent in the browser host. */
    klikpay?: Bridge;
  }
}
