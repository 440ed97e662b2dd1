import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { version } from './package.json';

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

/**
 * Writes a Brotli and a gzip copy beside each text file of the renderer build, compressed once at
 * the best level: the browser host's API serves them to browsers that accept them (src-server/web.ts).
 */
function precompress(): Plugin {
  return {
    name: 'klikpay:precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      for (const [fileName, output] of Object.entries(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const content = output.type === 'chunk' ? output.code : output.source;
        const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
        if (bytes.length < 1024) continue;
        const path = join(dir, fileName);
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
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
    plugins: [react(), devCspNonce(), precompress()],
    base: './',
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified; this bundle also crosses the network to the browser host.
      minify: process.env.KLIKPAY_NO_MINIFY !== '1',
      // One bundle for a desktop app and its browser host (React, Dexie, zod, the rules): ~0.6 MB.
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
