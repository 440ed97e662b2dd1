import { join, relative, resolve, isAbsolute } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentTypeOf,
  devServerUrlFrom,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
  permissionAllowed,
  resolveAppAsset,
} from '../../../src-main/policy';

/** The security policies of the desktop shell against a table of hostile inputs (docs/targets.md). */

const root = resolve('/opt/klikpay/renderer');
const isInside = (file: string) => {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

describe('resolveAppAsset: the app:// path-traversal guard', () => {
  it.each([
    ['app://desk/', 'index.html'],
    ['app://desk', 'index.html'],
    ['app://desk/index.html', 'index.html'],
    ['app://desk/index.html?v=1#top', 'index.html'],
    ['app://desk/assets/index-abc.js', join('assets', 'index-abc.js')],
    ['app://desk/assets/a%20b.css', join('assets', 'a b.css')],
    // Four dots are a (strange) file name, not a parent directory.
    ['app://desk/....//x.js', join('....', 'x.js')],
    // Lookalike dots (fullwidth, one-dot leader) are names too, never `..` to the file system.
    ['app://desk/%EF%BC%8E%EF%BC%8E/x.js', join('\uff0e\uff0e', 'x.js')],
    ['app://desk/%E2%80%A4%E2%80%A4/x.js', join('\u2024\u2024', 'x.js')],
    // Leading slashes do not make an absolute path.
    ['app://desk//etc/passwd', join('etc', 'passwd')],
    ['app://desk/%2F%2Fetc/passwd', join('etc', 'passwd')],
  ])('serves %s from inside the root', (url, file) => {
    expect(resolveAppAsset(root, url)).toBe(join(root, file));
  });

  it.each([
    // Encoded traversal the URL parser leaves alone, for the guard to see after decoding.
    'app://desk/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://desk/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://desk/%2E%2E%2Fsecret',
    // Backslashes (Windows separators), raw or encoded.
    'app://desk/..\\..\\windows\\win.ini',
    'app://desk/assets%5c..%5c..%5csecret',
    'app://desk/a/..%5c..%5c..%5cetc',
    // NUL bytes truncate paths in native code.
    'app://desk/index.html%00.png',
    'app://desk/x%00.js',
    // Drive letters and alternate data streams.
    'app://desk/C:/Windows/win.ini',
    'app://desk/c%3A%5CWindows%5Cwin.ini',
    'app://desk/index.html::$DATA',
    // Malformed or overlong UTF-8 (an old way of spelling `.` and `/`).
    'app://desk/%E0%A4%A',
    'app://desk/%c0%ae%c0%ae/%c0%afetc',
    // Not the app's own origin.
    'app://evil/index.html',
    'app://desk.evil.com/index.html',
    'app://desk:8080/index.html',
    'app://user:pw@desk/index.html',
    'file:///etc/passwd',
    'https://desk/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '/etc/passwd',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });

  it.each([
    'app://desk/../../etc/passwd',
    'app://desk/%2e%2e/%2e%2e/etc/passwd',
    'app://desk/%2e%2e',
    'app://desk/assets/../../../../etc/passwd',
    'app://desk/./././../index.html',
  ])('never leaves the root for %s (the URL parser resolves the dots first)', (url) => {
    const file = resolveAppAsset(root, url);
    expect(file === null || isInside(file)).toBe(true);
  });
});

describe('isAppUrl and isTrustedSender', () => {
  it.each([
    ['app://desk/index.html', undefined, true],
    ['app://desk/', undefined, true],
    ['app://evil/', undefined, false],
    ['app://user:pw@desk/', undefined, false],
    ['app://desk:1/', undefined, false],
    ['file:///index.html', undefined, false],
    ['javascript:alert(1)', undefined, false],
    ['http://localhost:5173/', undefined, false],
    ['http://localhost:5173/x', 'http://localhost:5173', true],
    ['http://localhost:5174/x', 'http://localhost:5173', false],
    ['https://localhost:5173/x', 'http://localhost:5173', false],
    ['http://user:pw@localhost:5173/x', 'http://localhost:5173', false],
    // Opaque origins ("null") must never match each other.
    ['other://anything', 'custom://dev', false],
    ['data:text/html,x', 'http://localhost:5173', false],
  ])('%s with dev server %s → %s', (url, dev, expected) => {
    expect(isAppUrl(url, dev)).toBe(expected);
  });

  it('trusts only frames showing the app', () => {
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('')).toBe(false);
    expect(isTrustedSender('https://evil.example/')).toBe(false);
    expect(isTrustedSender('about:blank')).toBe(false);
    expect(isTrustedSender('app://desk/index.html')).toBe(true);
  });
});

describe('devServerUrlFrom', () => {
  it.each([
    ['http://localhost:5173', false, 'http://localhost:5173'],
    ['http://127.0.0.1:5173/', false, 'http://127.0.0.1:5173'],
    ['http://[::1]:5173', false, 'http://[::1]:5173'],
    ['http://localhost:5173', true, undefined],
    ['https://evil.example', false, undefined],
    ['http://localhost.evil.example:5173', false, undefined],
    ['http://user:pw@localhost:5173', false, undefined],
    ['file:///tmp/index.html', false, undefined],
    ['javascript:alert(1)', false, undefined],
    ['', false, undefined],
    [undefined, false, undefined],
  ])('%s (packaged: %s) → %s', (value, packaged, expected) => {
    expect(devServerUrlFrom(value, packaged)).toBe(expected);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://www.fevad.com/mediateur', true],
    ['https://ec.europa.eu/consumers/odr', true],
    ['https://www.mediateur.example.fr:8443/saisir?ref=KP-1#form', true],
    // A homograph arrives as punycode, which is what the system browser shows.
    ['https://exаmple.com/', true],
    ['http://example.com', false],
    ['HTTP://example.com', false],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    ['file:///etc/passwd', false],
    ['file://server/share', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox', false],
    ['smb://share/x', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['app://desk/', false],
    ['https://user:pw@example.com', false],
    ['https://user@example.com', false],
    ['https://localhost/', false],
    ['https://localhost./', false],
    ['https://app.localhost/', false],
    ['https://printer.local/', false],
    ['https://router.home.arpa/', false],
    ['https://intranet/', false],
    ['https://127.0.0.1/', false],
    ['https://0x7f.1/', false],
    ['https://2130706433/', false],
    ['https://１２７.0.0.1/', false],
    ['https://127。0。0。1/', false],
    ['https://192.168.1.10/', false],
    ['https://10.0.0.1/', false],
    ['https://8.8.8.8/', false],
    ['https://[::1]/', false],
    ['https://[::ffff:127.0.0.1]/', false],
    ['https://', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });
});

describe('permissions and content types', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid'])(
    'grants no %s permission, not even to the app',
    (permission) => {
      expect(permissionAllowed(permission, 'app://desk')).toBe(false);
      expect(permissionAllowed(permission, 'https://evil.example')).toBe(false);
    },
  );

  it('knows the renderer files it serves', () => {
    expect(contentTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('/x/favicon.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('/x/unknown.bin')).toBe('application/octet-stream');
    expect(contentTypeOf('/x/no-extension')).toBe('application/octet-stream');
  });
});
