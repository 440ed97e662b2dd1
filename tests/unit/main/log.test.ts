import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLog, formatLine } from '../../../src-main/log';

const at = Date.parse('2026-03-02T09:30:00.000Z');

describe('createLog', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'klikpay-log-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const lines = (file: string) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  it('writes JSON lines in call order, creating the directory', () => {
    const logs = join(dir, 'userData', 'logs');
    const log = createLog({ dir: logs, now: () => at });
    log.info('started', { version: '0.1.0' });
    log.warn('slow sync', { ms: 4_200 });
    log.error('update failed');
    expect(log.file).toBe(join(logs, 'main.log'));
    expect(lines(log.file)).toEqual([
      { at: '2026-03-02T09:30:00.000Z', level: 'info', msg: 'started', fields: { version: '0.1.0' } },
      { at: '2026-03-02T09:30:00.000Z', level: 'warn', msg: 'slow sync', fields: { ms: 4200 } },
      { at: '2026-03-02T09:30:00.000Z', level: 'error', msg: 'update failed' },
    ]);
  });

  it('appends to the log of a previous run, counting its size', () => {
    createLog({ dir, now: () => at }).info('first run');
    const log = createLog({ dir, now: () => at, maxBytes: 120 });
    // The first run's line (~70 bytes) plus this one would pass 120: the old file is rotated first.
    log.info('second run');
    expect(lines(log.file).map((l) => l.msg)).toEqual(['second run']);
    expect(lines(join(dir, 'main.1.log')).map((l) => l.msg)).toEqual(['first run']);
  });

  it('rotates before a line would pass maxBytes', () => {
    const log = createLog({ dir, now: () => at, maxBytes: 300 });
    const line = Buffer.byteLength(formatLine(at, 'info', 'entry 0'));
    for (let i = 0; i < 10; i++) log.info(`entry ${i}`);
    const perFile = Math.floor(300 / line); // 4 lines of ~72 bytes: 0–3, 4–7, then 8–9 in main.log
    expect(lines(join(dir, 'main.2.log')).map((l) => l.msg)).toEqual(
      Array.from({ length: perFile }, (_, i) => `entry ${i}`),
    );
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(300);
    // Newest last in main.log, nothing lost across the files kept.
    const all = ['main.2.log', 'main.1.log', 'main.log'].filter((n) => existsSync(join(dir, n)));
    expect(all.flatMap((n) => lines(join(dir, n)).map((l) => l.msg))).toEqual(
      Array.from({ length: 10 }, (_, i) => `entry ${i}`),
    );
  });

  it('keeps `keep` rotated files besides main.log, dropping the oldest', () => {
    const log = createLog({ dir, now: () => at, maxBytes: 1, keep: 3 });
    for (let i = 0; i < 8; i++) log.info(`entry ${i}`);
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.3.log', 'main.log']);
    expect(lines(join(dir, 'main.log'))[0]?.msg).toBe('entry 7');
    expect(lines(join(dir, 'main.1.log'))[0]?.msg).toBe('entry 6');
    expect(lines(join(dir, 'main.3.log'))[0]?.msg).toBe('entry 4');
  });

  it('keeps only main.log with keep = 0', () => {
    const log = createLog({ dir, now: () => at, maxBytes: 1, keep: 0 });
    log.info('a');
    log.info('b');
    expect(readdirSync(dir)).toEqual(['main.log']);
    expect(lines(log.file).map((l) => l.msg)).toEqual(['b']);
  });

  it('redacts secrets by field name, at any depth', () => {
    const log = createLog({ dir, now: () => at });
    log.info('signed in', {
      token: 'abc',
      password: 'hunter2',
      user: { email: 'agent@klikandpay.com', accessToken: 'x', refresh_token: 'y' },
      headers: { Authorization: 'Bearer abc', 'content-type': 'application/json', cookie: 'sid=1' },
      attempts: [{ password: 'p' }],
    });
    const [entry] = lines(log.file);
    expect(entry?.fields).toEqual({
      token: '[redacted]',
      password: '[redacted]',
      user: { email: 'agent@klikandpay.com', accessToken: '[redacted]', refresh_token: '[redacted]' },
      headers: { Authorization: '[redacted]', 'content-type': 'application/json', cookie: '[redacted]' },
      attempts: [{ password: '[redacted]' }],
    });
    expect(readFileSync(log.file, 'utf8')).not.toMatch(/hunter2|Bearer|abc"/);
  });

  it('writes what JSON.stringify would throw on: cycles, bigints, errors', () => {
    const log = createLog({ dir, now: () => at });
    const cycle: Record<string, unknown> = { name: 'loop' };
    cycle.self = cycle;
    const error = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', token: 't' });
    const shared = { id: 1 };
    log.error('odd fields', { cycle, big: 10n ** 20n, error, nan: Number.NaN, twice: [shared, shared] });
    const [entry] = lines(log.file);
    expect(entry?.fields).toMatchObject({
      cycle: { name: 'loop', self: '[circular]' },
      big: '100000000000000000000',
      error: { name: 'Error', message: 'connect ECONNREFUSED', code: 'ECONNREFUSED', token: '[redacted]' },
      nan: 'NaN',
      twice: [{ id: 1 }, { id: 1 }],
    });
  });

  it('cuts a huge line down to its message', () => {
    const log = createLog({ dir, now: () => at });
    log.info('big payload', { body: 'x'.repeat(200_000) });
    const [entry] = lines(log.file);
    expect(entry).toMatchObject({ msg: 'big payload', fields: { truncated: true } });
    expect(statSync(log.file).size).toBeLessThan(1_000);
  });

  it('survives an unwritable directory: no throw, the line goes to stderr', () => {
    // A directory under a regular file cannot be made, whatever the user's rights (root included).
    writeFileSync(join(dir, 'blocker'), 'x');
    const errors: string[] = [];
    const log = createLog({
      dir: join(dir, 'blocker', 'logs'),
      now: () => at,
      stderr: (t) => errors.push(t),
    });
    expect(() => {
      log.info('hello', { password: 'p' });
      log.error('still here');
    }).not.toThrow();
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('[log] cannot write');
    expect(errors[0]).toContain('"msg":"hello"');
    expect(errors[0]).not.toContain('"p"');
  });

  it('survives a stderr that throws too', () => {
    writeFileSync(join(dir, 'blocker'), 'x');
    const log = createLog({
      dir: join(dir, 'blocker'),
      stderr: () => {
        throw new Error('closed');
      },
    });
    expect(() => log.warn('nobody hears')).not.toThrow();
  });

  it('recovers once the directory can be written again', () => {
    const logs = join(dir, 'logs');
    writeFileSync(logs, 'in the way');
    const errors: string[] = [];
    const log = createLog({ dir: logs, now: () => at, stderr: (t) => errors.push(t) });
    log.info('lost');
    rmSync(logs);
    log.info('found');
    expect(errors).toHaveLength(1);
    expect(lines(log.file).map((l) => l.msg)).toEqual(['found']);
  });
});
