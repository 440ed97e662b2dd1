import { isAbsolute, normalize, relative, resolve, sep } from 'node:path';

/**
 * Security policies of the desktop shell as pure functions, so they are tested against hostile
 * inputs without Electron (Electron's security checklist; docs/targets.md, Security).
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

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The renderer's dev server, only for an unpackaged app and only on this machine: a packaged app
 * never trusts `ELECTRON_RENDERER_URL`, whoever sets it.
 */
export function devServerUrlFrom(value: string | undefined, isPackaged: boolean): string | undefined {
  if (isPackaged || !value) return undefined;
  const u = parse(value);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || u.username || u.password) return undefined;
  return loopbackHosts.has(u.hostname) ? u.origin : undefined;
}

/** A page of the app itself: only `app://desk/…`, or the dev server electron-vite gives in development. */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  const u = parse(url);
  if (!u || u.username || u.password) return false;
  if (u.protocol === `${appScheme}:`) return u.host === appHost;
  if (!devServerUrl) return false;
  const dev = parse(devServerUrl);
  return dev !== null && (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === dev.origin;
}

/** IPC is answered only for frames showing the app itself. */
export function isTrustedSender(frameUrl: string | undefined, devServerUrl?: string): boolean {
  return frameUrl !== undefined && isAppUrl(frameUrl, devServerUrl);
}

/** Names that only mean something on this machine or a local network. */
const localSuffixes = ['.localhost', '.local', '.internal', '.home.arpa'];

/**
 * Links the app may open in the system browser: https to a named public host, no credentials.
 * IP literals are refused outright (the URL parser has already turned `0x7f.1` or `2130706433`
 * into dotted form), as are single-label intranet names and local-network suffixes.
 */
export function isSafeExternalUrl(url: string): boolean {
  const u = parse(url);
  if (!u || u.protocol !== 'https:' || u.username || u.password) return false;
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') || /^[\d.]+$/.test(host)) return false;
  if (!host.includes('.') || host === 'localhost') return false;
  return !localSuffixes.some((suffix) => host.endsWith(suffix));
}

/**
 * The file behind an `app://desk/…` request, inside `rootDir`, or null. Guards against path
 * traversal (`..`, encoded or not), backslashes, colons (Windows drives and alternate data
 * streams), NUL bytes, absolute paths and foreign hosts; a path the resolver still places outside
 * the root is refused as a last line.
 */
export function resolveAppAsset(rootDir: string, requestUrl: string): string | null {
  const u = parse(requestUrl);
  if (!u || u.protocol !== `${appScheme}:` || u.host !== appHost || u.username || u.password) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (/[\0\\:]/.test(path) || /(^|\/)\.\.(\/|$)/.test(path)) return null;
  const relativePath = path.replace(/^\/+/, '') || 'index.html';
  if (isAbsolute(relativePath)) return null;
  const root = resolve(rootDir);
  const file = resolve(root, normalize(relativePath));
  const inside = relative(root, file);
  if (inside === '' || isAbsolute(inside) || inside.split(sep).includes('..')) return null;
  return file;
}

/**
 * The page's Content Security Policy, sent with every HTML answer of app:// — the one in
 * src-renderer/index.html's meta tag (a test keeps them equal), plus what only a header can say
 * (`frame-ancestors`: the app is framed by nobody). `blob:` only where the parties' files are
 * shown (workspace/dossier/Attachments.tsx): photos as images, PDFs in a frame; nothing else frames.
 */
export const rendererCsp =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
  "connect-src 'self'; frame-src blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** No web permission (camera, geolocation, notifications, clipboard…) is granted to any page. */
export function permissionAllowed(_permission: string, _origin: string): boolean {
  return false;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The content type the renderer's files are served with (module scripts need the right one). */
export function contentTypeOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return contentTypes[dot >= 0 ? file.slice(dot).toLowerCase() : ''] ?? 'application/octet-stream';
}
