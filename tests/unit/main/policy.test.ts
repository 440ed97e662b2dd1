import { describe, expect, it } from 'vitest';
import {
  contentTypeOf,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
  permissionAllowed,
  resolveAppAsset,
} from '../../../src-main/policy';

const root = '/opt/klikpay/renderer';

describe('resolveAppAsset: the app:// path-traversal guard', () => {
  it.each([
    ['app://desk/', `${root}/index.html`],
    ['app://desk/index.html', `${root}/index.html`],
    ['app://desk/assets/index-abc.js', `${root}/assets/index-abc.js`],
    ['app://desk/assets/a%20b.css', `${root}/assets/a b.css`],
    ['app://desk/....//x.js', `${root}/..../x.js`],
  ])('serves %s from inside the root', (url, file) => {
    expect(resolveAppAsset(root, url)).toBe(file);
  });

  it.each([
    'app://desk/../../etc/passwd',
    'app://desk/%2e%2e/%2e%2e/etc/passwd',
    'app://desk/%2E%2E%2Fsecret',
    'app://desk/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://desk/..\\..\\windows\\win.ini',
    'app://desk/assets%5c..%5c..%5csecret',
    'app://desk/index.html%00.png',
    'app://desk/%E0%A4%A',
    'app://evil/index.html',
    'app://desk.evil.com/index.html',
    'file:///etc/passwd',
    'https://desk/index.html',
    'javascript:alert(1)',
    'not a url',
  ])('never serves anything outside the root for %s', (url) => {
    const file = resolveAppAsset(root, url);
    // Either refused, or (the URL parser having already resolved the dots) a path inside the root.
    if (file !== null) {
      expect(file.startsWith(`${root}/`)).toBe(true);
      expect(file).not.toMatch(/win\.ini$/);
    }
  });

  it.each([
    'app://desk/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://desk/a/..%5c..%5c..%5cetc',
    'app://desk/x%00.js',
  ])('refuses %s outright', (url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });
});

describe('isAppUrl and isTrustedSender', () => {
  it('accepts only the app origin, or the dev server in development', () => {
    expect(isAppUrl('app://desk/index.html')).toBe(true);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/x', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('app://user:pw@desk/')).toBe(false);
    expect(isAppUrl('app://evil/')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
  });

  it('trusts no sender without a frame URL', () => {
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('https://evil.example/')).toBe(false);
    expect(isTrustedSender('app://desk/index.html')).toBe(true);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://www.fevad.com/mediateur', true],
    ['https://ec.europa.eu/consumers/odr', true],
    ['http://example.com', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['https://user:pw@example.com', false],
    ['https://localhost/', false],
    ['https://127.0.0.1/', false],
    ['https://192.168.1.10/', false],
    ['https://intranet/', false],
    ['app://desk/', false],
    ['smb://share/x', false],
  ])('%s → %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });
});

describe('permissions and content types', () => {
  it('grants no web permission', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      expect(permissionAllowed(p, 'app://desk')).toBe(false);
    }
  });

  it('knows the renderer files it serves', () => {
    expect(contentTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x/unknown.bin')).toBe('application/octet-stream');
  });
});
