import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTextIfAny, writeFileAtomic, writeFileAtomicSync } from '../../../src-main/atomic-file';

describe('writeFileAtomicSync', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'klikpay-atomic-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the directories and the file', () => {
    const file = join(dir, 'a', 'b', 'settings.json');
    writeFileAtomicSync(file, '{"x":1}');
    expect(readFileSync(file, 'utf8')).toBe('{"x":1}');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['settings.json']);
  });

  it('replaces an existing file whole', () => {
    const file = join(dir, 'settings.json');
    writeFileSync(file, 'old content that is longer than the new one');
    writeFileAtomicSync(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('throws when the rename fails, leaving no temporary file and the target untouched', () => {
    // A directory where the file should be: the write of the temporary file works, the rename not.
    const file = join(dir, 'settings.json');
    mkdirSync(file);
    writeFileSync(join(file, 'keep'), 'k');
    expect(() => writeFileAtomicSync(file, 'new')).toThrow();
    expect(readdirSync(dir)).toEqual(['settings.json']);
    expect(readFileSync(join(file, 'keep'), 'utf8')).toBe('k');
  });
});

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'klikpay-atomic-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('replaces a file whole, leaves no temporary file, and reads back', async () => {
    const file = join(dir, 'journal', 'u-1.json');
    expect(await readTextIfAny(file)).toBeNull();
    await writeFileAtomic(file, 'first, and longer than what follows');
    await writeFileAtomic(file, 'second');
    expect(await readTextIfAny(file)).toBe('second');
    expect(readdirSync(join(dir, 'journal'))).toEqual(['u-1.json']);
  });

  it('many writes at once each leave a whole file, never a mix', async () => {
    const file = join(dir, 'race.json');
    const texts = Array.from({ length: 20 }, (_, i) => JSON.stringify({ i, pad: 'x'.repeat(10_000 + i) }));
    await Promise.all(texts.map((t) => writeFileAtomic(file, t)));
    expect(texts).toContain(readFileSync(file, 'utf8'));
    expect(readdirSync(dir)).toEqual(['race.json']);
  });

  it('fails loudly where it cannot write, and leaves nothing behind', async () => {
    const blocker = join(dir, 'not-a-dir');
    writeFileSync(blocker, 'a file where a directory should be');
    await expect(writeFileAtomic(join(blocker, 'x.json'), '{}')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['not-a-dir']);
  });
});
