import { readFile } from 'node:fs/promises';
import type { ElectronApi } from './electron-api';
import { appScheme, contentTypeOf, rendererCsp, resolveAppAsset } from './policy';

/** The renderer is served from `app://desk/`, never `file://` (Electron's security checklist). */

/** Before `ready`: a standard, secure origin of its own, able to `fetch`; not opened to CORS. */
export function registerAppScheme(protocol: ElectronApi['protocol']): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });

/** Answers an `app://` request with a file of the built renderer in `rootDir`, or 404/405. */
export async function answerAppRequest(rootDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
  }
  const file = resolveAppAsset(rootDir, request.url);
  if (!file) return notFound();
  try {
    const body = await readFile(file);
    const type = contentTypeOf(file);
    return new Response(request.method === 'HEAD' ? null : body, {
      headers: {
        'content-type': type,
        'x-content-type-options': 'nosniff',
        ...(type.startsWith('text/html') ? { 'content-security-policy': rendererCsp } : {}),
      },
    });
  } catch {
    // Missing file or a directory: nothing to show either way.
    return notFound();
  }
}

export function serveRenderer(protocol: ElectronApi['protocol'], rootDir: string): void {
  protocol.handle(appScheme, (request) => answerAppRequest(rootDir, request));
}
