import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { markUnread, unreadDossierIds } from '../../src-renderer/cache/reads';
import { CacheDatabase, cacheSchemas, fromCached, toCached } from '../../src-renderer/cache/db';
import { draftDossierIds, readDraft, saveDraft } from '../../src-renderer/cache/drafts';
import {
  currenciesInCache,
  currencyCountedUpTo,
  savedViews,
  tagsInCache,
} from '../../src-renderer/cache/lists';
import { countQuery } from '../../src-renderer/cache/queues';
import type { SavedView } from '../../src-shared/domain/filters';
import { defaultSettings } from '../../src-shared/domain/settings';
import { file, transaction } from '../unit/fixtures';

/**
 * The cache's versioned schema: a cache written by any older version of the app opens under this
 * one with every row kept (outbox first: it holds what the server has not accepted yet) and the
 * newer indexes usable.
 */

describe('cache schema migrations', () => {
  for (const older of cacheSchemas.slice(0, -1)) {
    it(`upgrades a version ${older.version} cache without losing a row`, async () => {
      const name = `schema-${randomUUID()}`;
      const schemas = cacheSchemas.filter((s) => s.version <= older.version);
      const old = new CacheDatabase(name, { schemas });
      const dossier = file();
      await old.dossiers.put(toCached(dossier));
      await old.base.put(dossier);
      await old.outbox.add({
        id: 'm-1',
        name: 'dossier.note',
        args: { dossierId: dossier.id, body: 'Pending across the upgrade.' },
        dossierId: dossier.id,
        actor: { role: 'agent', id: 'u-1', name: 'Agent' },
        createdAt: '2026-11-25T10:00:00.000Z',
        state: 'pending',
      });
      await old.meta.bulkPut([
        { key: 'cursor', value: 'c1.42' },
        { key: 'clientId', value: 'client-1' },
      ]);
      // The search index of the version (keyed by dossier before version 6, by rank since).
      if (older.version < 6) await old.table('search').put({ dossierId: dossier.id, words: ['colis'] });
      // A refused change keeps its text (what the agent wrote must survive the upgrade too).
      const rejection = {
        id: 'm-0',
        dossierId: dossier.id,
        name: 'dossier.reply' as const,
        code: 'conflict',
        message: 'the merchant answered meanwhile.',
        at: '2026-11-25T09:00:00.000Z',
        args: { dossierId: dossier.id, body: 'Réponse refusée 🙂', audience: 'customer' },
      };
      await old.rejections.put(rejection);
      // Saved views (from version 2) were stored with amount bounds and no currency.
      const hasViews = schemas.some((s) => 'views' in s.stores);
      const legacyView = {
        id: 'v-1',
        name: 'Gros montants',
        queue: 'all',
        filter: { amountMin: 10_000 },
        sort: { key: 'amount', direction: 'desc' },
      } as SavedView;
      if (hasViews) await old.table('views').put(legacyView);
      old.close();

      const current = new CacheDatabase(name);
      await current.open();
      expect(current.verno).toBe(cacheSchemas.at(-1)?.version);
      expect((await current.dossiers.toArray()).map(fromCached)).toEqual([dossier]);
      expect(await current.base.toArray()).toEqual([dossier]);
      expect(await current.outbox.toArray()).toMatchObject([{ id: 'm-1', state: 'pending', seq: 1 }]);
      expect(await current.meta.get('cursor')).toEqual({ key: 'cursor', value: 'c1.42' });
      // An index keyed the old way is dropped and marked to be built again from the cache.
      if (older.version < 6) {
        expect(await current.searchIndex.count()).toBe(0);
        expect(await current.meta.get('searchBuiltUpTo')).toEqual({ key: 'searchBuiltUpTo', value: '' });
      }
      expect(await current.rejections.toArray()).toEqual([rejection]);
      // Drafts (version 4) start empty and are kept from then on.
      expect(await draftDossierIds(current)).toEqual(new Set());
      const draft = {
        dossierId: dossier.id,
        body: 'Bonjour,\n',
        audience: 'customer' as const,
        letter: null,
        language: null,
        updatedAt: '2026-11-25T10:00:00.000Z',
      };
      await saveDraft(current, draft);
      expect(await readDraft(current, dossier.id)).toEqual(draft);
      expect(await draftDossierIds(current)).toEqual(new Set([dossier.id]));
      // What the agent has read (version 9) starts empty, and its index answers at once.
      expect(await unreadDossierIds(current)).toEqual([]);
      await markUnread(current, dossier.id, '2026-11-25T10:00:00.000Z');
      expect(await unreadDossierIds(current)).toEqual([dossier.id]);
      // The indexes the newer version added answer at once.
      expect(await current.dossiers.where('transaction.amount').aboveOrEqual(0).count()).toBe(1);
      expect(
        await current.dossiers.where('transaction.merchantId').equals(dossier.transaction.merchantId).count(),
      ).toBe(1);
      expect(
        await current.dossiers
          .where('[transaction.currency+transaction.amount]')
          .between(['EUR', 12_990], ['EUR', 12_990], true, true)
          .count(),
      ).toBe(1);
      expect(await currenciesInCache(current)).toEqual([{ currency: 'EUR', count: 1 }]);
      // An old saved view loads, its bounds read in EUR, and its filter runs over the new index.
      expect(await savedViews(current)).toEqual(
        hasViews ? [{ ...legacyView, filter: { amountMin: 10_000, currency: 'EUR' } }] : [],
      );
      const ctx = {
        now: Date.parse('2026-11-25T10:00:00.000Z'),
        viewer: { userId: 'u-1' },
        settings: defaultSettings,
      };
      expect(await countQuery(current, { queue: 'all', filter: legacyView.filter }, ctx)).toBe(1);
      expect(await countQuery(current, { queue: 'all', filter: { currency: 'JPY' } }, ctx)).toBe(0);
      await current.delete();
    });
  }

  it('lists the currencies of a cache most frequent first, from the index alone', async () => {
    const db = new CacheDatabase(`schema-${randomUUID()}`);
    const inCurrency = (i: number, currency: string) =>
      toCached(
        file({
          id: `d-${i}`,
          reference: `KP-2026-${String(i).padStart(6, '0')}`,
          transaction: transaction({ id: `t-${i}`, currency, amount: 100 + i }),
        }),
      );
    await db.dossiers.bulkPut(
      ['JPY', 'EUR', 'USD', 'EUR', 'JPY', 'EUR', 'CHF', 'USD', 'EUR'].map((c, i) => inCurrency(i, c)),
    );
    expect(await currenciesInCache(db)).toEqual([
      { currency: 'EUR', count: 4 },
      { currency: 'JPY', count: 2 },
      { currency: 'USD', count: 2 },
      { currency: 'CHF', count: 1 },
    ]);
    await db.dossiers.clear();
    expect(await currenciesInCache(db)).toEqual([]);
    // Counted only up to a bound (a full count walks the whole index): past it, by code.
    await db.dossiers.bulkPut(
      [
        ...Array.from({ length: currencyCountedUpTo + 5 }, () => 'USD'),
        ...Array.from({ length: currencyCountedUpTo + 1 }, () => 'EUR'),
        'CHF',
      ].map((c, i) => inCurrency(i, c)),
    );
    expect(await currenciesInCache(db)).toEqual([
      { currency: 'EUR', count: currencyCountedUpTo },
      { currency: 'USD', count: currencyCountedUpTo },
      { currency: 'CHF', count: 1 },
    ]);
    await db.delete();
  });

  it('lists the tags in use once each, in order, by seeking from one to the next', async () => {
    const db = new CacheDatabase(`schema-${randomUUID()}`);
    const tagged = (i: number, tags: string[]) =>
      toCached({ ...file({ id: `d-${i}`, reference: `KP-2026-${String(i).padStart(6, '0')}` }), tags });
    await db.dossiers.bulkPut([
      tagged(1, ['urgent', 'colis']),
      tagged(2, ['colis']),
      tagged(3, []),
      tagged(4, ['colis perdu', 'urgent']),
      ...Array.from({ length: 300 }, (_, i) => tagged(10 + i, ['colis'])),
    ]);
    expect(await tagsInCache(db)).toEqual(['colis', 'colis perdu', 'urgent']);
    await db.delete();
  });

  it('keeps, in each version, every index of the version before on the tables it declares again', () => {
    const indexes = (spec: string) => spec.split(',').map((part) => part.trim());
    for (let i = 1; i < cacheSchemas.length; i++) {
      const [before, after] = [cacheSchemas[i - 1], cacheSchemas[i]];
      if (!before || !after) continue;
      for (const [table, spec] of Object.entries(after.stores)) {
        // A table dropped (null) keeps nothing: its rows went to the table that replaces it.
        if (spec === null) continue;
        const previous = cacheSchemas
          .slice(0, i)
          .map((s) => s.stores[table])
          .filter((x): x is string => typeof x === 'string')
          .at(-1);
        if (previous)
          expect(indexes(spec), `${table} v${after.version}`).toEqual(
            expect.arrayContaining(indexes(previous)),
          );
      }
    }
    // Each table as the latest version that declares it has it.
    const latest = (table: string) => cacheSchemas.findLast((s) => table in s.stores)?.stores[table];
    expect(latest('dossiers')).toContain('[transaction.currency+transaction.amount]');
    expect(latest('drafts')).toBe('&dossierId');
  });

  it('declares strictly increasing versions, each naming only tables it keeps', () => {
    const versions = cacheSchemas.map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    for (const s of cacheSchemas) for (const spec of Object.values(s.stores)) expect(spec).not.toBe('');
  });
});
