import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../src-shared/contract/bridge';
import { createJournalFiles } from '../../../src-main/journal-file';

/** The outbox journal of the desktop app, on a real temporary directory. */

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klikpay-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entry = (id: string, actorId = 'u-1'): JournalEntry => ({
  clientId: 'c-1',
  id,
  name: 'dossier.note',
  args: { dossierId: 'd-1', body: `note ${id}` },
  actor: { role: 'agent', id: actorId, name: 'Camille' },
  createdAt: '2026-11-24T09:30:00.000Z',
});

describe('the journal files', () => {
  it('keeps each agent its own file, in order, across a restart of the app', async () => {
    const journal = createJournalFiles(dir);
    expect(await journal.read('u-1')).toEqual({ ok: true, value: [] });
    await journal.append('u-1', [entry('m1'), entry('m2')]);
    await journal.append('u-2', [entry('m9', 'u-2')]);
    await journal.append('u-1', [entry('m3')]);
    await journal.remove('u-1', ['m2']);
    const again = createJournalFiles(dir);
    expect((await again.read('u-1')).ok && (await again.read('u-1'))).toEqual({
      ok: true,
      value: [entry('m1'), entry('m3')],
    });
    expect(await again.read('u-2')).toEqual({ ok: true, value: [entry('m9', 'u-2')] });
    expect((await readdir(dir)).sort()).toEqual(['u-1.json', 'u-2.json']);
  });

  it('applies changes one after the other, even when asked all at once', async () => {
    const journal = createJournalFiles(dir);
    const ids = Array.from({ length: 50 }, (_, i) => `m${i}`);
    await Promise.all(ids.map((id) => journal.append('u-1', [entry(id)])));
    await Promise.all(ids.filter((_, i) => i % 2 === 0).map((id) => journal.remove('u-1', [id])));
    const kept = JSON.parse(await readFile(join(dir, 'u-1.json'), 'utf8')) as JournalEntry[];
    expect(kept.map((e) => e.id)).toEqual(ids.filter((_, i) => i % 2 === 1));
  });

  it('removes the file once nothing is left', async () => {
    const journal = createJournalFiles(dir);
    await journal.append('u-1', [entry('m1')]);
    await journal.remove('u-1', ['m1']);
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a journal it cannot read, and never overwrites it', async () => {
    await writeFile(join(dir, 'u-1.json'), '{"half": [');
    const journal = createJournalFiles(dir);
    expect(await journal.read('u-1')).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await journal.append('u-1', [entry('m1')])).toMatchObject({ ok: false });
    expect(await readFile(join(dir, 'u-1.json'), 'utf8')).toBe('{"half": [');
    // Counted as pending: it may hold changes.
    expect(await journal.pendingCount()).toBe(1);
  });

  it('refuses a user id that would leave the directory', async () => {
    const journal = createJournalFiles(dir);
    expect(await journal.append('../evil', [entry('m1')])).toMatchObject({ ok: false });
    expect(await journal.read('..')).toMatchObject({ ok: false });
    expect(await readdir(dir)).toEqual([]);
  });

  it('counts what still waits for the server, all agents together, discarded ones aside', async () => {
    const journal = createJournalFiles(dir);
    await journal.append('u-1', [
      entry('m1'),
      { ...entry('m2'), discarded: { at: '2026-11-24T10:00:00Z', why: 'x' } },
    ]);
    await journal.append('u-2', [entry('m3', 'u-2')]);
    expect(await createJournalFiles(dir).pendingCount()).toBe(2);
  });

  it('answers an error value when the disk refuses the write', async () => {
    const blocked = join(dir, 'blocked');
    await writeFile(blocked, 'a file where the journal directory should be');
    const journal = createJournalFiles(blocked);
    expect(await journal.append('u-1', [entry('m1')])).toMatchObject({
      ok: false,
      error: { code: 'server_error' },
    });
  });
});
