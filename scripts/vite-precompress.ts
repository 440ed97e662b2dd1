import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Writes a Brotli and a gzip copy beside each text file of a web build, compressed once at the
 * best level: the API serves them to browsers that accept them (@fastify/static `preCompressed`).
 * Used by the back office's renderer (electron.vite.config.ts) and the portal (vite.portal.config.ts).
 */
export function precompress(): Plugin {
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
