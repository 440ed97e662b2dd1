import { isAbsolute, normalize, relative, resolve, sep } from 'node:path';

/**
 * Security policies of the desktop shell as pure functions, so they are tested against hostile
 * inputs without Electron (style.md §6; Electron's security checklist).
 */

export const appScheme = 'app';
export const appHost = 'desk';
export const appOrigin = `${appScheme}://${appHost}`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A page of the app itself: only `app://desk/…`, or the dev server electron-vite gives in development. */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${appScheme}:` && u.host === appHost && !u.username && !u.password) return true;
  if (!devServerUrl) return false;
  const dev = parse(devServerUrl);
  return dev !== null && u.origin === dev.origin;
}

const privateHost =
  /^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|\[?::1\]?$|0\.0\.0\.0)/i;

/** Links the app may open in the system browser: plain https to a public host, no credentials. */
export function isSafeExternalUrl(url: string): boolean {
  const u = parse(url);
  if (!u || u.protocol !== 'https:') return false;
  if (u.username || u.password || !u.hostname.includes('.')) return false;
  return !privateHost.test(u.hostname);
}

/**
 * The file behind an `app://desk/…` request, inside `rootDir`, or null. Guards against path
 * traversal (`..`, encoded or not), backslashes, NUL bytes, absolute paths and foreign hosts.
 */
export function resolveAppAsset(rootDir: string, requestUrl: string): string | null {
  const u = parse(requestUrl);
  if (!u || u.protocol !== `${appScheme}:` || u.host !== appHost) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\') || /(^|\/)\.\.(\/|$)/.test(path)) return null;
  const relativePath = path === '/' || path === '' ? 'index.html' : path.replace(/^\/+/, '');
  if (isAbsolute(relativePath)) return null;
  const root = resolve(rootDir);
  const file = resolve(root, normalize(relativePath));
  const inside = relative(root, file);
  if (inside === '' || isAbsolute(inside) || inside.split(sep).includes('..')) return null;
  return file;
}

/** No web permission (camera, geolocation, notifications through the web API…) is granted to pages. */
export function permissionAllowed(_permission: string, _origin: string): boolean {
  return false;
}

/** IPC is answered only for the app's own top frame. */
export function isTrustedSender(frameUrl: string | undefined, devServerUrl?: string): boolean {
  return frameUrl !== undefined && isAppUrl(frameUrl, devServerUrl);
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export function contentTypeOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return contentTypes[dot >= 0 ? file.slice(dot).toLowerCase() : ''] ?? 'application/octet-stream';
}
