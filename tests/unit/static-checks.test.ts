import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../scripts/electronegativity';
import {
  allowListFile,
  asElectronegativityReadsIt,
  explanationOf,
  readAllowList,
} from '../../scripts/electronegativity';

/**
 * The static checks of the desktop shell: the lint rule that keeps window creation in the one
 * window factory (eslint.config.js), run through ESLint's Node API on snippets as `npm run lint`
 * runs it on the sources; and the explained findings of `npm run lint:electron`.
 */

const eslint = new ESLint({
  cwd: resolve(import.meta.dirname, '..', '..'),
  // Only the rule under test; it needs no type information (the snippets are in no tsconfig).
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-syntax',
  overrideConfig: { languageOptions: { parserOptions: { project: false, projectService: false } } },
});

async function windowFactoryErrors(
  code: string,
  filePath: string,
): Promise<{ line: number; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map(({ line, message }) => ({ line, message }));
}

const snippet = `import * as electron from 'electron';
import { BrowserWindow, WebContentsView } from 'electron';
export const a = new BrowserWindow({ webPreferences: { sandbox: false } });
export const b = new electron.BrowserWindow({});
export const c = new WebContentsView();
`;

describe('windows are made by src-main/window.ts only', () => {
  it('refuses new BrowserWindow, new electron.BrowserWindow and web views anywhere else', async () => {
    const errors = await windowFactoryErrors(snippet, 'src-main/other.ts');
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5]);
    for (const { message } of errors)
      expect(message).toMatch(/createMainWindow\(\) from src-main\/window\.ts/);
  });

  it('refuses a renamed import, which would hide the constructor', async () => {
    const errors = await windowFactoryErrors(
      `import { BrowserWindow as Win } from 'electron';\nexport const w = new Win();\n`,
      'src-main/other.ts',
    );
    expect(errors).toEqual([{ line: 1, message: expect.stringMatching(/renamed import/) }]);
  });

  it('applies outside src-main too', async () => {
    expect(await windowFactoryErrors(snippet, 'scripts/tool.ts')).toHaveLength(3);
  });

  it('lets the window factory, and the tests that drive it, make windows', async () => {
    expect(await windowFactoryErrors(snippet, 'src-main/window.ts')).toEqual([]);
    expect(await windowFactoryErrors(snippet, 'tests/unit/main/window.test.ts')).toEqual([]);
  });
});

describe('lint:electron (electronegativity) explanations', () => {
  const allowList = readAllowList(readFileSync(allowListFile, 'utf8'));
  const finding = (id: string, file: string, sample: string): Finding => ({
    id,
    file,
    sample,
    location: { line: 1, column: 0 },
    severity: { name: 'HIGH' },
    confidence: { name: 'FIRM' },
    description: '',
    manualReview: false,
  });

  it('explain each allowed finding, by check and file', () => {
    for (const entry of allowList) {
      expect(entry.reason.length, `${entry.check} ${entry.file}`).toBeGreaterThan(100);
      expect(entry.file).not.toMatch(/:\d/);
    }
    expect(allowList.map((a) => a.check)).toEqual(
      expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']),
    );
  });

  it('explain the window made with helper-built preferences, not an explicit insecure option', () => {
    const made = finding(
      'CONTEXT_ISOLATION_JS_CHECK',
      'src-main/window.ts',
      '  const window = new BrowserWindow({',
    );
    expect(explanationOf(made, allowList)).toBeDefined();
    const explicit = finding(
      'CONTEXT_ISOLATION_JS_CHECK',
      'src-main/window.ts',
      '    contextIsolation: false,',
    );
    expect(explanationOf(explicit, allowList)).toBeUndefined();
    const elsewhere = finding('CONTEXT_ISOLATION_JS_CHECK', 'src-main/other.ts', 'new BrowserWindow({');
    expect(explanationOf(elsewhere, allowList)).toBeUndefined();
  });

  it('show the tool the factory’s injected constructor as the one it recognises', () => {
    expect(asElectronegativityReadsIt('const w = new electron.BrowserWindow({ a });')).toBe(
      'const w = new BrowserWindow({ a });',
    );
    expect(asElectronegativityReadsIt('new deps . BrowserView(x)')).toBe('new BrowserView(x)');
    expect(asElectronegativityReadsIt('new BrowserWindowish()')).toBe('new BrowserWindowish()');
  });

  it('refuse an entry without a reason', () => {
    const text = JSON.stringify({
      allowed: [{ check: 'SANDBOX_JS_CHECK', file: 'src-main/window.ts', reason: 'ok' }],
    });
    expect(() => readAllowList(text)).toThrow(/explain/);
  });
});
