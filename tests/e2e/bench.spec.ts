import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * The benchmark's quick profile: it runs end to end on a tiny workload and produces every figure of
 * docs/targets.md, with its unit and target. It never asserts a time: the figures are for
 * `npm run bench` on the reference workload.
 */

test('npm run bench produces every figure, its JSON and its report', () => {
  test.setTimeout(600_000);
  const out = mkdtempSync(join(tmpdir(), 'klikpay-bench-'));
  try {
    const run = spawnSync('npx', ['tsx', 'bench/run.ts', '--dossiers', '120', '--out', out, '--no-build'], {
      encoding: 'utf8',
      timeout: 540_000,
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toContain('P1');
    const result = JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8')) as {
      workload: { dossiers: number; messages: number };
      figures: {
        id: string;
        value: number | null;
        unit: string;
        target: number;
        met: boolean | null;
        breakdown?: Record<string, number>;
      }[];
    };
    expect(result.workload.dossiers).toBe(120);
    expect(result.workload.messages).toBeGreaterThan(120);
    const ids = result.figures.map((f) => f.id);
    for (const id of [
      'P1',
      'P1.queue',
      'P1.search',
      'P2',
      'P3',
      'P4',
      'P5',
      'P5.bulk',
      'P6',
      'P7',
      'P8.pull',
      'P8.push',
      'P8.page',
      'P9',
      'P9.change',
    ])
      expect(ids).toContain(id);
    for (const f of result.figures) {
      expect(typeof f.value, f.id).toBe('number');
      expect(f.unit.length, f.id).toBeGreaterThan(0);
      expect(typeof f.met, f.id).toBe('boolean');
    }
    // Where the queue and search percentiles come from: each queue and each query, slowest first.
    for (const id of ['P3', 'P4'])
      expect(
        Object.keys(result.figures.find((f) => f.id === id)?.breakdown ?? {}).length,
        id,
      ).toBeGreaterThan(3);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
