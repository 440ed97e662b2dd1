import { afterEach, describe, expect, it } from 'vitest';
import { CacheDatabase, toCached } from '../../src-renderer/cache/db';
import { indexForSearch, searchDossiers } from '../../src-renderer/cache/search';
import type { Dossier } from '../../src-shared/domain/model';
import { DAY, MONDAY, file } from '../unit/fixtures';

/**
 * Search results are the first matches in the "All" order (urgency, then reference) however they
 * are found: by reading every match, from the rarest word's keys, by merging a common prefix's
 * words, or by walking the index in rank order (whole or cut short) — with urgencies that tie
 * across the limit and more closed matches than open ones.
 */

const opened: CacheDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});
const iso = (t: number) => new Date(t).toISOString();

function workload(): Dossier[] {
  const all: Dossier[] = [];
  for (let i = 0; i < 120; i++) {
    const base = file();
    const closed = i >= 40;
    all.push({
      ...base,
      id: `d-${String(i).padStart(4, '0')}`,
      // References against the ids' order: ties must fall by reference.
      reference: `KP-2026-${String(9_999 - i).padStart(6, '0')}`,
      // Half the open ones on one deadline: ties across any limit.
      dueAt: closed ? null : iso(MONDAY + (i % 2 === 0 ? 3 * DAY : (i % 11) * 3_600_000)),
      autoCloseAt: closed ? null : base.autoCloseAt,
      status: closed ? 'closed' : base.status,
      description: i % 3 === 0 ? 'Colis jamais reçu, lumière éteinte' : 'Colis abîmé',
    });
  }
  return all;
}

describe('search order', () => {
  it('is the same however the first matches are found', async () => {
    const db = new CacheDatabase(`search-order-${Date.now()}`);
    opened.push(db);
    const all = workload();
    await db.dossiers.bulkPut(all.map(toCached));
    await indexForSearch(db, all, []);
    for (const query of ['colis', 'lumière', 'colis abî']) {
      for (const limit of [1, 7, 20, 39, 41, 60, 200]) {
        const loaded = await searchDossiers(db, query, limit, { strategy: 'load' });
        expect(loaded.length, `${query} ${String(limit)}`).toBeGreaterThan(0);
        const ranked = await searchDossiers(db, query, limit);
        expect(
          ranked.map((d) => d.id),
          `rank ${query} ${String(limit)}`,
        ).toEqual(loaded.map((d) => d.id));
        const merged = await searchDossiers(db, query, limit, { fewMatches: 3 });
        expect(
          merged.map((d) => d.id),
          `merge ${query} ${String(limit)}`,
        ).toEqual(loaded.map((d) => d.id));
        const cut = await searchDossiers(db, query, limit, { fewMatches: 3, fewWords: 0, walkLimit: 10 });
        expect(
          cut.map((d) => d.id),
          `walk cut short ${query} ${String(limit)}`,
        ).toEqual(loaded.map((d) => d.id));
        const walked = await searchDossiers(db, query, limit, { fewMatches: 3, fewWords: 0 });
        expect(
          walked.map((d) => d.id),
          `walk ${query} ${String(limit)}`,
        ).toEqual(loaded.map((d) => d.id));
      }
    }
  });
});
