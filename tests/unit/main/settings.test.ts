import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loadSettings,
  managedSettingsPath,
  normalizeServerUrl,
  normalizeUpdateFeedUrl,
  saveUserSettings,
} from '../../../src-main/settings';

describe('normalizeServerUrl', () => {
  it.each([
    ['https://disputes.klikandpay.com', 'https://disputes.klikandpay.com'],
    ['https://disputes.klikandpay.com/', 'https://disputes.klikandpay.com'],
    ['https://disputes.klikandpay.com///', 'https://disputes.klikandpay.com'],
    ['https://disputes.klikandpay.com/api/v1', 'https://disputes.klikandpay.com'],
    ['https://disputes.klikandpay.com/api/v1/', 'https://disputes.klikandpay.com'],
    ['https://disputes.klikandpay.com/API/V1', 'https://disputes.klikandpay.com'],
    ['  https://DISPUTES.KlikAndPay.com  ', 'https://disputes.klikandpay.com'],
    ['https://disputes.klikandpay.com:443/', 'https://disputes.klikandpay.com'],
    ['https://disputes.klikandpay.com:8443/api/v1', 'https://disputes.klikandpay.com:8443'],
    ['https://10.0.0.5', 'https://10.0.0.5'],
    // Plain http, only on this computer.
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://localhost:8787/api/v1/', 'http://localhost:8787'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://127.1.2.3', 'http://127.1.2.3'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
  ])('%s → %s', (input, url) => {
    expect(normalizeServerUrl(input)).toEqual({ ok: true, url });
  });

  it.each([
    ['', 'Enter the server address.'],
    ['   ', 'Enter the server address.'],
    ['disputes.klikandpay.com', 'not a valid address'],
    ['https://', 'not a valid address'],
    ['ftp://disputes.klikandpay.com', 'must start with https://'],
    ['file:///etc/passwd', 'must start with https://'],
    ['javascript:alert(1)', 'must start with https://'],
    ['http://disputes.klikandpay.com', 'http:// is only allowed for this computer'],
    ['http://10.0.0.5:8787', 'http:// is only allowed for this computer'],
    ['http://0.0.0.0:8787', 'http:// is only allowed for this computer'],
    ['http://localhost.evil.com', 'http:// is only allowed for this computer'],
    ['https://agent:secret@disputes.klikandpay.com', 'must not contain a user name or password'],
    ['https://agent@disputes.klikandpay.com', 'must not contain a user name or password'],
    ['https://disputes.klikandpay.com/?tenant=1', 'must not contain a query'],
    ['https://disputes.klikandpay.com/?', 'must not contain a query'],
    ['https://disputes.klikandpay.com/#', 'must not contain a query'],
    ['https://disputes.klikandpay.com/#/queues', 'must not contain a query'],
    ['https://disputes.klikandpay.com/disputes', 'the server alone (e.g. https://disputes.klikandpay.com)'],
    ['https://disputes.klikandpay.com/api/v2', 'the server alone'],
    ['https://disputes.klikandpay.com/api/v1/dossiers', 'the server alone'],
    [`https://disputes.klikandpay.com/${'a'.repeat(3_000)}`, 'too long'],
  ])('refuses %s', (input, reason) => {
    const result = normalizeServerUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('normalizeUpdateFeedUrl', () => {
  it('keeps the feed folder, without trailing slashes', () => {
    expect(normalizeUpdateFeedUrl('https://updates.klikandpay.com/desk/stable/')).toEqual({
      ok: true,
      url: 'https://updates.klikandpay.com/desk/stable',
    });
    expect(normalizeUpdateFeedUrl('https://updates.klikandpay.com/')).toEqual({
      ok: true,
      url: 'https://updates.klikandpay.com',
    });
  });

  it('has the same rules as the server address', () => {
    expect(normalizeUpdateFeedUrl('http://updates.klikandpay.com/desk').ok).toBe(false);
    expect(normalizeUpdateFeedUrl('https://u:p@updates.klikandpay.com/desk').ok).toBe(false);
    expect(normalizeUpdateFeedUrl('https://updates.klikandpay.com/desk?channel=beta').ok).toBe(false);
  });
});

describe('managedSettingsPath', () => {
  it('is in ProgramData on Windows', () => {
    expect(managedSettingsPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe(
      'D:\\ProgramData\\KlikPay\\DisputeDesk\\settings.json',
    );
    expect(managedSettingsPath('win32', { PROGRAMDATA: 'C:\\ProgramData' })).toBe(
      'C:\\ProgramData\\KlikPay\\DisputeDesk\\settings.json',
    );
  });

  it('falls back to C:\\ProgramData when the variable is missing or relative', () => {
    const expected = 'C:\\ProgramData\\KlikPay\\DisputeDesk\\settings.json';
    expect(managedSettingsPath('win32', {})).toBe(expected);
    expect(managedSettingsPath('win32', { ProgramData: '..\\elsewhere' })).toBe(expected);
  });

  it('is in /Library on macOS and /etc elsewhere', () => {
    expect(managedSettingsPath('darwin', {})).toBe(
      '/Library/Application Support/KlikPay/DisputeDesk/settings.json',
    );
    expect(managedSettingsPath('linux', {})).toBe('/etc/klikpay/dispute-desk/settings.json');
  });
});

describe('loadSettings / saveUserSettings', () => {
  let dir: string;
  let userFile: string;
  let managedFile: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'klikpay-settings-'));
    userFile = join(dir, 'user', 'settings.json');
    managedFile = join(dir, 'managed.json');
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const writeManaged = (value: unknown) => writeFileSync(managedFile, JSON.stringify(value));

  it('has no server before the first connection', () => {
    expect(loadSettings({ userFile, managedFile })).toEqual({
      serverUrl: null,
      updateFeedUrl: null,
      locked: false,
      serverUrlFrom: null,
      warnings: [],
    });
    expect(loadSettings({ userFile, managedFile: null }).serverUrl).toBeNull();
  });

  it('saves the user server normalised, atomically, and loads it back', () => {
    const saved = saveUserSettings(userFile, { serverUrl: 'https://Disputes.KlikAndPay.com/api/v1/' });
    expect(saved).toEqual({ ok: true, settings: { serverUrl: 'https://disputes.klikandpay.com' } });
    expect(JSON.parse(readFileSync(userFile, 'utf8'))).toEqual({
      serverUrl: 'https://disputes.klikandpay.com',
    });
    expect(readdirSync(join(dir, 'user'))).toEqual(['settings.json']);
    expect(loadSettings({ userFile, managedFile })).toMatchObject({
      serverUrl: 'https://disputes.klikandpay.com',
      serverUrlFrom: 'user',
      locked: false,
    });
  });

  it('refuses to save an invalid server and keeps the previous file', () => {
    saveUserSettings(userFile, { serverUrl: 'https://a.example.com' });
    const result = saveUserSettings(userFile, { serverUrl: 'http://b.example.com' });
    expect(result.ok).toBe(false);
    expect(loadSettings({ userFile, managedFile }).serverUrl).toBe('https://a.example.com');
  });

  it('answers a failed write instead of throwing', () => {
    writeFileSync(join(dir, 'blocker'), 'x');
    const result = saveUserSettings(join(dir, 'blocker', 'settings.json'), {
      serverUrl: 'https://a.example.com',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^The settings could not be saved/);
  });

  it('uses an unlocked managed server as a preset the user can override', () => {
    writeManaged({
      serverUrl: 'https://managed.example.com/',
      updateFeedUrl: 'https://updates.example.com/desk/',
    });
    expect(loadSettings({ userFile, managedFile })).toEqual({
      serverUrl: 'https://managed.example.com',
      updateFeedUrl: 'https://updates.example.com/desk',
      locked: false,
      serverUrlFrom: 'managed',
      warnings: [],
    });
    saveUserSettings(userFile, { serverUrl: 'https://mine.example.com' });
    expect(loadSettings({ userFile, managedFile })).toMatchObject({
      serverUrl: 'https://mine.example.com',
      updateFeedUrl: 'https://updates.example.com/desk',
      serverUrlFrom: 'user',
    });
  });

  it('overrides the user file when locked', () => {
    saveUserSettings(userFile, { serverUrl: 'https://mine.example.com' });
    writeManaged({ serverUrl: 'https://managed.example.com', locked: true });
    expect(loadSettings({ userFile, managedFile })).toEqual({
      serverUrl: 'https://managed.example.com',
      updateFeedUrl: null,
      locked: true,
      serverUrlFrom: 'managed',
      warnings: [],
    });
  });

  it('warns about a locked file that sets no server', () => {
    saveUserSettings(userFile, { serverUrl: 'https://mine.example.com' });
    writeManaged({ locked: true });
    const settings = loadSettings({ userFile, managedFile });
    expect(settings).toMatchObject({ serverUrl: null, locked: true, serverUrlFrom: null });
    expect(settings.warnings.join('\n')).toContain('locked but set no valid serverUrl');
  });

  it.each([
    ['not JSON', '{ "locked": tru', 'is not valid JSON'],
    [
      'the wrong shape',
      JSON.stringify({ locked: 'yes', serverUrl: 'https://managed.example.com' }),
      'wrong shape',
    ],
    ['an array', '[]', 'wrong shape'],
  ])('ignores a managed file that is %s, lock included', (_why, content, warning) => {
    saveUserSettings(userFile, { serverUrl: 'https://mine.example.com' });
    writeFileSync(managedFile, content);
    const settings = loadSettings({ userFile, managedFile });
    expect(settings).toMatchObject({ serverUrl: 'https://mine.example.com', locked: false });
    expect(settings.warnings.join('\n')).toContain(warning);
  });

  it('reads a managed file saved with a BOM, and reports unknown keys', () => {
    writeFileSync(
      managedFile,
      `\uFEFF${JSON.stringify({ serverURL: 'https://typo.example.com', locked: false })}`,
    );
    const settings = loadSettings({ userFile, managedFile });
    expect(settings.serverUrl).toBeNull();
    expect(settings.warnings).toEqual([expect.stringContaining('unknown keys ignored: serverURL')]);
  });

  it('drops an invalid managed URL with a warning, keeping the rest', () => {
    writeManaged({
      serverUrl: 'http://managed.example.com',
      updateFeedUrl: 'https://updates.example.com',
      locked: true,
    });
    const settings = loadSettings({ userFile, managedFile });
    expect(settings).toMatchObject({
      serverUrl: null,
      updateFeedUrl: 'https://updates.example.com',
      locked: true,
    });
    expect(settings.warnings[0]).toContain('must use https://');
  });

  it('ignores a corrupt or invalid user file with a warning', () => {
    saveUserSettings(userFile, { serverUrl: 'https://mine.example.com' });
    writeFileSync(userFile, '{"serverUrl": "https://mine.exa');
    expect(loadSettings({ userFile, managedFile })).toMatchObject({ serverUrl: null, serverUrlFrom: null });
    writeFileSync(userFile, JSON.stringify({ serverUrl: 'ftp://mine.example.com' }));
    const settings = loadSettings({ userFile, managedFile });
    expect(settings.serverUrl).toBeNull();
    expect(settings.warnings[0]).toContain('must start with https://');
  });
});
