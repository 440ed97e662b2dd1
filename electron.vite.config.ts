import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { version } from './package.json';
import { prefetchLaterChunks } from './scripts/vite-prefetch';
import { precompress } from './scripts/vite-precompress';

/**
 * Development only: Vite's dev server injects stylesheets (and React's refresh preamble) as inline
 * tags, which the page's strict CSP refuses. Vite stamps them with a nonce (`html.cspNonce`); this
 * lets that nonce, new for every server start, into the page's CSP. Production builds are untouched.
 */
function devCspNonce(): Plugin {
  const nonce = randomBytes(18).toString('base64');
  return {
    name: 'klikpay:dev-csp-nonce',
    apply: 'serve',
    config: () => ({ html: { cspNonce: nonce } }),
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", `script-src 'self' 'nonce-${nonce}'`)
        .replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'`),
  };
}

/** The three Electron entries. The renderer is also the browser host's page (served by the API with --web). */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing but electron: bundle everything else into one
      // CommonJS file (`.cjs`, since package.json says "type": "module").
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react(), devCspNonce(), prefetchLaterChunks(), precompress()],
    base: './',
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified; this bundle also crosses the network to the browser host.
      minify: process.env.KLIKPAY_NO_MINIFY !== '1',
      // The sign-in page's chunk, and the workspace's loaded after it (App.tsx).
      chunkSizeWarningLimit: 1024,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-renderer/index.html'),
          // The browser host's service worker, at a fixed name beside the page (its scope is `/`).
          sw: resolve(__dirname, 'src-renderer/sw/service-worker.ts'),
        },
        output: {
          entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
        },
      },
    },
  },
});
