import { readFileSync } from 'node:fs';
import { win32 } from 'node:path';
import { z } from 'zod';
import { apiBase } from '../src-shared/contract/api';
import { writeFileAtomicSync } from './atomic-file';

/**
 * The desktop's server settings: which dispute API it talks to and where it looks for updates.
 * The agent sets the server once ("Connect to server"); a managed install (IT deploys the app to a
 * fleet) ships a settings file in a machine-wide folder that can preset it, and lock it.
 */

export type UrlResult = { ok: true; url: string } | { ok: false; reason: string };

const maxUrlLength = 2_048;
const loopbackHosts = new Set(['localhost', '[::1]']);
const isLoopback = (hostname: string): boolean =>
  loopbackHosts.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);

/** Shared checks of both URLs: parseable http(s), https unless loopback, no credentials, query or fragment. */
function parseHttpUrl(input: string, what: string): { ok: true; url: URL } | { ok: false; reason: string } {
  const text = input.trim();
  if (text === '') return { ok: false, reason: `Enter the ${what}.` };
  if (text.length > maxUrlLength) return { ok: false, reason: `The ${what} is too long.` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      reason: `The ${what} is not a valid address (expected e.g. https://disputes.example.com).`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `The ${what} must start with https://.` };
  }
  // Plain http only where nothing crosses a network: a server on this machine (development, demo).
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return {
      ok: false,
      reason: `The ${what} must use https:// (http:// is only allowed for this computer).`,
    };
  }
  if (url.username || url.password) {
    return { ok: false, reason: `The ${what} must not contain a user name or password.` };
  }
  // Checked on the text: the parser drops an empty `?` or `#`, which would hide what was typed.
  if (url.search || url.hash || /[?#]/.test(text)) {
    return { ok: false, reason: `The ${what} must not contain a query (?…) or a fragment (#…).` };
  }
  return { ok: true, url };
}

/**
 * The dispute API's origin from what the agent typed or pasted: `https://disputes.example.com/`,
 * `https://disputes.example.com/api/v1` and `…/api/v1/` all give `https://disputes.example.com`.
 * Any other path is refused rather than kept: the bridge's `ServerSetting.url` is the API's
 * origin, and requests are made to `<origin>/api/v1/…`.
 */
export function normalizeServerUrl(input: string): UrlResult {
  const parsed = parseHttpUrl(input, 'server address');
  if (!parsed.ok) return parsed;
  const { url } = parsed;
  let path = url.pathname.replace(/\/+$/, '');
  if (path.toLowerCase().endsWith(apiBase)) path = path.slice(0, -apiBase.length).replace(/\/+$/, '');
  if (path !== '') {
    return {
      ok: false,
      reason: `The server address must be the server alone (e.g. ${url.origin}), not a page on it.`,
    };
  }
  return { ok: true, url: url.origin };
}

/**
 * The update feed (electron-updater's generic provider): same rules as the server, but its path is
 * kept — a feed is a folder of the update server. Trailing slashes go, so the value compares equal
 * however it was typed.
 */
export function normalizeUpdateFeedUrl(input: string): UrlResult {
  const parsed = parseHttpUrl(input, 'update feed address');
  if (!parsed.ok) return parsed;
  const { url } = parsed;
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/**
 * Where a managed install's settings live: a machine-wide folder that only administrators can
 * write. On Windows `%ProgramData%` (relocatable, so read from the environment when it is an
 * absolute path). The lock is a policy for managed fleets, not a security boundary: a user who can
 * change their own environment or run a portable copy can get around it.
 */
export function managedSettingsPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'win32') {
    // process.env is case-insensitive on Windows; a plain object (tests, a copied env) is not.
    const fromEnv = env.ProgramData ?? env.PROGRAMDATA ?? env.ALLUSERSPROFILE;
    const base = fromEnv && win32.isAbsolute(fromEnv) ? fromEnv : 'C:\\ProgramData';
    return win32.join(base, 'KlikPay', 'DisputeDesk', 'settings.json');
  }
  if (platform === 'darwin') return '/Library/Application Support/KlikPay/DisputeDesk/settings.json';
  return '/etc/klikpay/dispute-desk/settings.json';
}

/** Unknown keys are tolerated (a newer template on an older app) but reported. */
export const managedSettingsSchema = z.object({
  serverUrl: z.string().max(maxUrlLength).optional(),
  updateFeedUrl: z.string().max(maxUrlLength).optional(),
  locked: z.boolean().optional(),
});
export type ManagedSettings = z.infer<typeof managedSettingsSchema>;

export const userSettingsSchema = z.object({
  serverUrl: z.string().max(maxUrlLength).optional(),
});
export type UserSettings = z.infer<typeof userSettingsSchema>;

export interface DeskSettings {
  /** The API's origin, or null before the first "Connect to server". */
  serverUrl: string | null;
  /** Set only by a managed install; null: the feed built into the app. */
  updateFeedUrl: string | null;
  /** The managed file locks the settings: the agent cannot change the server. */
  locked: boolean;
  serverUrlFrom: 'managed' | 'user' | null;
  /** What was ignored and why, for the log (never shown as an error: the app still starts). */
  warnings: string[];
}

type FileRead = { kind: 'missing' } | { kind: 'invalid'; why: string } | { kind: 'ok'; value: unknown };

function readJson(file: string): FileRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR'
      ? { kind: 'missing' }
      : { kind: 'invalid', why: `cannot be read (${code ?? 'error'})` };
  }
  try {
    // A BOM: Notepad on older Windows writes one, and administrators edit this file by hand.
    return { kind: 'ok', value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch {
    return { kind: 'invalid', why: 'is not valid JSON' };
  }
}

function readManaged(file: string | null, warnings: string[]): ManagedSettings {
  if (file === null) return {};
  const read = readJson(file);
  if (read.kind === 'missing') return {};
  if (read.kind === 'invalid') {
    warnings.push(`Managed settings ${file} ${read.why}: ignored.`);
    return {};
  }
  const parsed = managedSettingsSchema.safeParse(read.value);
  if (!parsed.success) {
    warnings.push(
      `Managed settings ${file} have the wrong shape: ignored (${z.prettifyError(parsed.error)}).`,
    );
    return {};
  }
  if (typeof read.value === 'object' && read.value !== null) {
    const unknown = Object.keys(read.value).filter((key) => !(key in managedSettingsSchema.shape));
    if (unknown.length > 0)
      warnings.push(`Managed settings ${file}: unknown keys ignored: ${unknown.join(', ')}.`);
  }
  return parsed.data;
}

function readUser(file: string, warnings: string[]): UserSettings {
  const read = readJson(file);
  if (read.kind === 'missing') return {};
  const parsed = read.kind === 'ok' ? userSettingsSchema.safeParse(read.value) : null;
  if (!parsed?.success) {
    warnings.push(
      `User settings ${file} ${read.kind === 'invalid' ? read.why : 'have the wrong shape'}: ignored.`,
    );
    return {};
  }
  return parsed.data;
}

/** A URL from a file, normalised, or null with a warning: a bad value is as if it were absent. */
function checked(
  value: string | undefined,
  normalize: (input: string) => UrlResult,
  where: string,
  warnings: string[],
): string | null {
  if (value === undefined) return null;
  const result = normalize(value);
  if (result.ok) return result.url;
  warnings.push(`${where}: ${result.reason} Ignored.`);
  return null;
}

/**
 * The settings in force. Precedence:
 * - managed file with `locked: true`: its values only, the user's file is not read (a locked
 *   install that sets no server leaves the app without one — warned, as it is surely a mistake);
 * - otherwise the user's server wins over the managed one, which is only a preset;
 * - the update feed comes from the managed file alone (agents do not choose where code comes from).
 * A missing, unreadable or malformed file counts as absent (with a warning): a broken managed file
 * must not keep the desk from starting, so it also cannot lock anything.
 */
export function loadSettings(files: { userFile: string; managedFile: string | null }): DeskSettings {
  const warnings: string[] = [];
  const managed = readManaged(files.managedFile, warnings);
  const where = `Managed settings ${files.managedFile ?? ''}`.trim();
  const managedServer = checked(managed.serverUrl, normalizeServerUrl, `${where}, serverUrl`, warnings);
  const updateFeedUrl = checked(
    managed.updateFeedUrl,
    normalizeUpdateFeedUrl,
    `${where}, updateFeedUrl`,
    warnings,
  );
  const locked = managed.locked === true;

  if (locked) {
    if (managedServer === null) warnings.push(`${where} are locked but set no valid serverUrl.`);
    return {
      serverUrl: managedServer,
      updateFeedUrl,
      locked,
      serverUrlFrom: managedServer === null ? null : 'managed',
      warnings,
    };
  }
  const user = readUser(files.userFile, warnings);
  const userServer = checked(
    user.serverUrl,
    normalizeServerUrl,
    `User settings ${files.userFile}, serverUrl`,
    warnings,
  );
  const serverUrl = userServer ?? managedServer;
  return {
    serverUrl,
    updateFeedUrl,
    locked,
    serverUrlFrom: userServer !== null ? 'user' : managedServer !== null ? 'managed' : null,
    warnings,
  };
}

/**
 * Saves the user's settings atomically (see writeFileAtomicSync), the server address normalised.
 * An invalid address or a failed write is an answer, not an exception. Whether the settings are
 * locked is the caller's check (it has the loaded `DeskSettings`).
 */
export function saveUserSettings(
  userFile: string,
  settings: UserSettings,
): { ok: true; settings: UserSettings } | { ok: false; reason: string } {
  const shape = userSettingsSchema.safeParse(settings);
  if (!shape.success) return { ok: false, reason: 'The settings have the wrong shape.' };
  const next: UserSettings = {};
  if (shape.data.serverUrl !== undefined) {
    const url = normalizeServerUrl(shape.data.serverUrl);
    if (!url.ok) return url;
    next.serverUrl = url.url;
  }
  try {
    writeFileAtomicSync(userFile, `${JSON.stringify(next, null, 2)}\n`);
    return { ok: true, settings: next };
  } catch (error) {
    return { ok: false, reason: `The settings could not be saved (${(error as Error).message}).` };
  }
}
