import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CacheDatabase, cacheSchemas, fromCached, toCached } from '../../src-renderer/cache/db';
import { file } from '../unit/fixtures';

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
      await old.search.put({ dossierId: dossier.id, words: ['colis'] });
      old.close();

      const current = new CacheDatabase(name);
      await current.open();
      expect(current.verno).toBe(cacheSchemas.at(-1)?.version);
      expect((await current.dossiers.toArray()).map(fromCached)).toEqual([dossier]);
      expect(await current.base.toArray()).toEqual([dossier]);
      expect(await current.outbox.toArray()).toMatchObject([{ id: 'm-1', state: 'pending', seq: 1 }]);
      expect(await current.meta.get('cursor')).toEqual({ key: 'cursor', value: 'c1.42' });
      expect(await current.search.count()).toBe(1);
      // The indexes the newer version added answer at once.
      expect(await current.dossiers.where('transaction.amount').aboveOrEqual(0).count()).toBe(1);
      expect(
        await current.dossiers.where('transaction.merchantId').equals(dossier.transaction.merchantId).count(),
      ).toBe(1);
      await current.delete();
    });
  }

  it('declares strictly increasing versions, each naming only tables it keeps', () => {
    const versions = cacheSchemas.map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    for (const s of cacheSchemas) for (const spec of Object.values(s.stores)) expect(spec).not.toBe('');
  });
});
