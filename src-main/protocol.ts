import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { appScheme, contentTypeOf, resolveAppAsset } from './policy';

/** The renderer is served from `app://desk/`, never `file://` (Electron's security checklist). */

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rootDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const file = resolveAppAsset(rootDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: { 'content-type': contentTypeOf(file), 'x-content-type-options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
