import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress.js';

/**
 * The customers' and merchants' portal (src-portal): a web app served by the API at `/portal/`
 * (`--web`), built into out/portal beside the back office's out/renderer by `npm run build`.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src-portal'),
  base: '/portal/',
  plugins: [react(), precompress()],
  // The portal is served by the API only: no public folder of its own.
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, 'out/portal'),
    emptyOutDir: true,
    minify: process.env.KLIKPAY_NO_MINIFY !== '1',
  },
});
