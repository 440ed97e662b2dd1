import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `npm run lint:electron`: Doyensec's electronegativity over the desktop app's sources, for the
 * Electron version actually installed (it cannot find it in this layout, and would assume 0.1.0).
 * Every finding must be explained in scripts/electronegativity-allow.json (by check and file, not
 * line, so the list survives edits, and optionally by a piece of the reported source line); anything
 * else, or a file it could not parse, fails (exit 1).
 */

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/** Scanned together in one pass, so its global checks (CSP, navigation, permissions) see them all. */
const inputs = ['src-main', 'src-preload', 'src-renderer'];
export const allowListFile = join(root, 'scripts', 'electronegativity-allow.json');

export interface Finding {
  id: string;
  file: string;
  /** The reported source line. */
  sample?: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
  description: string;
  shortenedURL?: string;
  manualReview: boolean;
}
interface ScanReport {
  issues: Finding[];
  errors: { file: string; message: string; tolerable: boolean }[];
}
type Electronegativity = (options: {
  input: string;
  electronVersionOverride: string;
  isRelative: boolean;
  parserPlugins: string[];
}) => Promise<ScanReport>;

export interface Allowance {
  check: string;
  file: string;
  /** When given, only a finding whose source line contains this is explained. */
  line?: string;
  reason: string;
}

export function readAllowList(text: string): Allowance[] {
  const parsed = JSON.parse(text) as { allowed?: unknown };
  if (!Array.isArray(parsed.allowed)) throw new Error('the allow-list has no "allowed" array');
  return parsed.allowed.map((entry: Partial<Allowance>, index) => {
    const { check, file, line, reason } = entry;
    if (typeof check !== 'string' || typeof file !== 'string' || typeof reason !== 'string') {
      throw new Error(`allow-list entry ${index}: "check", "file" and "reason" are required`);
    }
    if (line !== undefined && typeof line !== 'string')
      throw new Error(`allow-list entry ${index}: bad "line"`);
    if (reason.trim().length < 40) throw new Error(`allow-list entry ${check} ${file}: explain the reason`);
    return { check, file, line, reason };
  });
}

/** The allow-list entry explaining a finding, if any. */
export function explanationOf(finding: Finding, allowList: readonly Allowance[]): Allowance | undefined {
  return allowList.find(
    (a) =>
      a.check === finding.id &&
      a.file === finding.file &&
      (a.line === undefined || (finding.sample ?? '').includes(a.line)),
  );
}

/**
 * electronegativity recognises a window only as `new BrowserWindow(…)`: the factory's
 * `new electron.BrowserWindow(…)` (an injected Electron API) would escape every per-window check.
 * The scanned copy says it the way the tool reads it.
 */
export function asElectronegativityReadsIt(source: string): string {
  return source.replace(/\bnew\s+[A-Za-z_$][\w$]*\s*\.\s*(BrowserWindow|BrowserView)\b/g, 'new $1');
}

function rewriteWindows(dir: string): number {
  let rewritten = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(ts|tsx|js|cjs|mjs)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const source = readFileSync(path, 'utf8');
    const read = asElectronegativityReadsIt(source);
    if (read !== source) {
      writeFileSync(path, read);
      rewritten += 1;
    }
  }
  return rewritten;
}

interface Scan {
  report: ScanReport;
  /** Files whose `new x.BrowserWindow(` was rewritten for the tool. */
  rewritten: number;
  /** What the tool printed itself (its attempts to reach the network). */
  chatter: string[];
}

async function scan(electronVersion: string): Promise<Scan> {
  const dir = mkdtempSync(join(tmpdir(), 'klikpay-electronegativity-'));
  const log = console.log;
  const chatter: string[] = [];
  try {
    for (const input of inputs) cpSync(join(root, input), join(dir, input), { recursive: true });
    const rewritten = rewriteWindows(dir);
    const run = require('@doyensec/electronegativity') as Electronegativity;
    // It fetches fresh translations and Electron's release list first; offline it goes on without.
    console.log = (...args: unknown[]) => chatter.push(args.map(String).join(' '));
    const report = await run({
      input: dir,
      electronVersionOverride: electronVersion,
      isRelative: true,
      parserPlugins: [],
    });
    for (const issue of report.issues) issue.file = issue.file.replaceAll('\\', '/');
    return { report, rewritten, chatter };
  } finally {
    console.log = log;
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const { version } = require('electron/package.json') as { version: string };
  const allowList = readAllowList(readFileSync(allowListFile, 'utf8'));
  const { report, rewritten, chatter } = await scan(version);

  console.log(`electronegativity, Electron ${version}, over ${inputs.join(', ')}`);
  if (rewritten > 0)
    console.log(
      `  (${rewritten} file(s) make windows as new electron.BrowserWindow: read as new BrowserWindow)`,
    );
  if (chatter.some((line) => line.includes("fetching Electron's releases"))) {
    console.log(
      '  (offline: the check for newer Electron security releases could not fetch the release list)',
    );
  }
  const used = new Set<Allowance>();
  let unexplained = 0;
  for (const issue of report.issues) {
    const where = `${issue.file}:${issue.location.line}:${issue.location.column}`;
    const level = `${issue.severity.name}/${issue.confidence.name}`;
    const explanation = explanationOf(issue, allowList);
    if (explanation) {
      used.add(explanation);
      console.log(`  explained  ${issue.id} ${where} (${level})\n             ${explanation.reason}`);
    } else {
      unexplained += 1;
      console.log(
        `  FINDING    ${issue.id} ${where} (${level}): ${issue.description} ${issue.shortenedURL ?? ''}`,
      );
      if (issue.sample) console.log(`             ${issue.sample.trim()}`);
    }
  }
  for (const entry of allowList.filter((a) => !used.has(a))) {
    console.log(`  note       not reported any more, may leave the allow-list: ${entry.check} ${entry.file}`);
  }
  const unread = report.errors.filter((error) => !error.tolerable);
  for (const error of unread) console.log(`  NOT READ   ${error.file}: ${error.message}`);

  if (unexplained > 0 || unread.length > 0) {
    console.log(
      `lint:electron failed: ${unexplained} unexplained finding(s), ${unread.length} file(s) not read.` +
        ' Fix them, or explain them in scripts/electronegativity-allow.json.',
    );
    return 1;
  }
  console.log(`lint:electron: ${report.issues.length} finding(s), all explained.`);
  return 0;
}

// Run as a script (`tsx scripts/electronegativity.ts`); imported by tests for its pure parts.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
