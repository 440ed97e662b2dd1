import type { Reporter as PlaywrightReporter } from '@playwright/test/reporter';
import type { Reporter as VitestReporter, Vitest } from 'vitest/node';

/**
 * Without `DATABASE_URL`, the server suite runs on PGlite only: the `server-postgres` project (the
 * whole server suite again on PostgreSQL, `tests/server/postgres/` included) and the kill test's
 * PostgreSQL half are left out. A local `npm test` says so at its very end, in a box, where it
 * cannot be missed: after Vitest's summary, and again after Playwright's (the last thing `npm test`
 * runs). CI (`.ci/run`) starts a PostgreSQL and sets `DATABASE_URL`, so it never shows there.
 */

export const postgresSkipped = (): boolean => !process.env.DATABASE_URL;

/** The warning, boxed. */
export function postgresNotice(): string {
  const lines = [
    'PostgreSQL suite NOT run: set DATABASE_URL (see README) — CI runs it.',
    'Only PGlite was tested here: the server-postgres project (tests/server on PostgreSQL,',
    'tests/server/postgres/ included) and the kill test on PostgreSQL were skipped.',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '═'.repeat(width + 2);
  const body = lines.map((l) => `║ ${l.padEnd(width)} ║`);
  const text = ['', `╔${bar}╗`, ...body, `╚${bar}╝`, ''].join('\n');
  // Yellow on a terminal; plain in a log file.
  return process.stdout.isTTY ? `\u001b[1;33m${text}\u001b[0m` : text;
}

/** Vitest: after the summary of a run that included the suites PostgreSQL would have run too. */
export class PostgresNoticeReporter implements VitestReporter {
  private vitest: Vitest | null = null;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(): void {
    const ran = this.vitest?.projects.map((p) => p.name) ?? [];
    if (!postgresSkipped() || !ran.some((name) => name === 'server' || name === 'sync')) return;
    const log = this.vitest?.logger;
    const notice = postgresNotice();
    if (log) log.log(notice);
    else process.stdout.write(`${notice}\n`);
  }
}

/** Playwright: the same box after its own summary, when it is the last step of `npm test`. */
export default class PostgresNoticePlaywrightReporter implements PlaywrightReporter {
  printsToStdio(): boolean {
    return false;
  }

  onEnd(): void {
    if (postgresSkipped() && process.env.npm_lifecycle_event === 'test')
      process.stdout.write(`${postgresNotice()}\n`);
  }
}
