import { describe, expect, it } from 'vitest';
import {
  deepLinkFromArgv,
  deepLinkScheme,
  dossierDeepLink,
  maxDeepLinkLength,
  parseDeepLink,
} from '../../../src-main/deep-link';

/** Deep links come from outside the app: one exact shape is accepted, everything else refused. */

describe('parseDeepLink', () => {
  it.each([
    ['klikpay-disputes://dossier/KP-2026-000123', 'KP-2026-000123'],
    // One trailing slash: some Windows launchers append it to custom-scheme URLs.
    ['klikpay-disputes://dossier/KP-2026-000123/', 'KP-2026-000123'],
    // The scheme is case-insensitive (RFC 3986).
    ['KLIKPAY-DISPUTES://dossier/KP-2026-000123', 'KP-2026-000123'],
    ['Klikpay-Disputes://dossier/KP-1999-123456789012', 'KP-1999-123456789012'],
  ])('opens %s', (url, reference) => {
    expect(parseDeepLink(url)).toEqual({ kind: 'dossier', reference });
  });

  it.each([
    ['empty', ''],
    ['the scheme alone', 'klikpay-disputes://'],
    ['no reference', 'klikpay-disputes://dossier/'],
    ['another scheme', 'https://dossier/KP-2026-000123'],
    ['a lookalike scheme', 'klikpay-dispute://dossier/KP-2026-000123'],
    ['a scheme with a suffix', 'klikpay-disputes-evil://dossier/KP-2026-000123'],
    ['no slashes', 'klikpay-disputes:dossier/KP-2026-000123'],
    ['one slash', 'klikpay-disputes:/dossier/KP-2026-000123'],
    ['three slashes', 'klikpay-disputes:///dossier/KP-2026-000123'],
    ['another kind', 'klikpay-disputes://settings/KP-2026-000123'],
    ['an uppercase host', 'klikpay-disputes://DOSSIER/KP-2026-000123'],
    ['a lowercase reference', 'klikpay-disputes://dossier/kp-2026-000123'],
    ['a mixed-case reference', 'klikpay-disputes://dossier/Kp-2026-000123'],
    ['a short number', 'klikpay-disputes://dossier/KP-2026-12345'],
    ['a 13-digit number', 'klikpay-disputes://dossier/KP-2026-1234567890123'],
    ['a short year', 'klikpay-disputes://dossier/KP-26-000123'],
    ['an extra path part', 'klikpay-disputes://dossier/KP-2026-000123/delete'],
    ['a path before', 'klikpay-disputes://dossier/x/KP-2026-000123'],
    ['two trailing slashes', 'klikpay-disputes://dossier/KP-2026-000123//'],
    ['a dot segment', 'klikpay-disputes://dossier/../KP-2026-000123'],
    ['credentials', 'klikpay-disputes://user:pass@dossier/KP-2026-000123'],
    ['a user', 'klikpay-disputes://user@dossier/KP-2026-000123'],
    ['a port', 'klikpay-disputes://dossier:80/KP-2026-000123'],
    ['a query', 'klikpay-disputes://dossier/KP-2026-000123?action=close'],
    ['an empty query', 'klikpay-disputes://dossier/KP-2026-000123?'],
    ['a query before the reference', 'klikpay-disputes://dossier?/KP-2026-000123'],
    ['a fragment', 'klikpay-disputes://dossier/KP-2026-000123#x'],
    ['an encoded slash', 'klikpay-disputes://dossier%2FKP-2026-000123'],
    ['an encoded slash in the reference', 'klikpay-disputes://dossier/KP-2026%2F000123'],
    ['an encoded letter', 'klikpay-disputes://dossier/%4BP-2026-000123'],
    ['a backslash', 'klikpay-disputes://dossier\\KP-2026-000123'],
    ['leading whitespace', ' klikpay-disputes://dossier/KP-2026-000123'],
    ['trailing whitespace', 'klikpay-disputes://dossier/KP-2026-000123 '],
    ['a newline', 'klikpay-disputes://dossier/KP-2026-000123\n'],
    ['a NUL', 'klikpay-disputes://dossier/KP-2026-000123\0'],
    ['an argv injection', 'klikpay-disputes://dossier/KP-2026-000123" --gpu-launcher="calc'],
    ['fullwidth digits', 'klikpay-disputes://dossier/KP-２０２６-000123'],
  ])('refuses %s', (_why, url) => {
    expect(parseDeepLink(url)).toBeNull();
  });

  it('refuses overlong input before looking at it', () => {
    expect(parseDeepLink(`klikpay-disputes://dossier/KP-2026-${'1'.repeat(100)}`)).toBeNull();
    expect(parseDeepLink(`klikpay-disputes://dossier/KP-2026-000123${'/'.repeat(10_000)}`)).toBeNull();
    expect(parseDeepLink('x'.repeat(maxDeepLinkLength + 1))).toBeNull();
  });

  it('round-trips the canonical link', () => {
    const link = dossierDeepLink('KP-2026-000123');
    expect(link).toBe(`${deepLinkScheme}://dossier/KP-2026-000123`);
    expect(parseDeepLink(link ?? '')).toEqual({ kind: 'dossier', reference: 'KP-2026-000123' });
    expect(dossierDeepLink('KP-2026-0001/../x')).toBeNull();
  });
});

describe('deepLinkFromArgv', () => {
  const link = 'klikpay-disputes://dossier/KP-2026-000123';

  it('finds the link among the executable, the app path and Chromium switches', () => {
    expect(deepLinkFromArgv(['C:\\Program Files\\Dispute Desk\\Dispute Desk.exe', link])).toBe(link);
    expect(
      deepLinkFromArgv([
        'C:\\Program Files\\Dispute Desk\\Dispute Desk.exe',
        '--allow-file-access-from-files',
        '--original-process-start-time=13371337',
        link,
      ]),
    ).toBe(link);
    // Development: `electron.exe . <link>`, and the `--` separator setAsDefaultProtocolClient adds.
    expect(deepLinkFromArgv(['electron.exe', '.', '--', link])).toBe(link);
  });

  it('is null when there is no link', () => {
    expect(deepLinkFromArgv([])).toBeNull();
    expect(deepLinkFromArgv(['Dispute Desk.exe', '--allow-file-access-from-files'])).toBeNull();
    expect(deepLinkFromArgv(['Dispute Desk.exe', 'https://example.com/KP-2026-000123'])).toBeNull();
  });

  it('ignores a link hidden in a switch', () => {
    expect(deepLinkFromArgv(['Dispute Desk.exe', `--url=${link}`])).toBeNull();
  });

  it('refuses a candidate that does not parse', () => {
    expect(deepLinkFromArgv(['Dispute Desk.exe', `${link}?x=1`])).toBeNull();
    expect(deepLinkFromArgv(['Dispute Desk.exe', 'klikpay-disputes:whatever'])).toBeNull();
  });

  it('refuses two candidates, even when one of them parses', () => {
    expect(deepLinkFromArgv(['Dispute Desk.exe', link, link])).toBeNull();
    expect(
      deepLinkFromArgv(['Dispute Desk.exe', link, 'klikpay-disputes://dossier/KP-2026-999999']),
    ).toBeNull();
    expect(deepLinkFromArgv(['Dispute Desk.exe', 'KLIKPAY-DISPUTES://bad', link])).toBeNull();
  });
});
