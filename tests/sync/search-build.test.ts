import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaKeys } from '../../src-renderer/cache/db';
import { dossierWords, messageWords, searchDossiers } from '../../src-renderer/cache/search';
import { buildSearchSlice, searchIndexProgress } from '../../src-renderer/cache/search-build';
import type { TestServer } from '../server/harness';
import { dropTestDatabases, startTestServer } from '../server/harness';
import { createClient } from './client';

/**
 * The search index of a first sync is built after it, from the cache: the sync itself writes no
 * index entry; the build ends with exactly the index the pages would have written; pages that
 * arrive meanwhile keep it right; and an interrupted build resumes where it stopped.
 */

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seed: 60 });
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

describe('the search index after a first sync', () => {
  it('is left to a build that resumes where it stopped, and ends complete', async () => {
    const client = await createClient(server, 'agent@klikpay.test', 'demo', 200);
    expect((await client.engine.sync()).ok).toBe(true);
    // The sync wrote the data, not the index: a build is pending, from the start.
    expect((await client.db.meta.get(metaKeys.searchBuiltUpTo))?.value).toBe('');
    expect(await client.db.searchIndex.count()).toBe(0);
    expect(await searchIndexProgress(client.db)).toBe(0);

    // One slice, then an interruption (a reload): the position is kept.
    expect(await buildSearchSlice(client.db, 10)).toBe(true);
    const position = (await client.db.meta.get(metaKeys.searchBuiltUpTo))?.value;
    expect(typeof position).toBe('string');
    const progress = await searchIndexProgress(client.db);
    expect(progress).toBeGreaterThan(0);
    expect(progress).toBeLessThanOrEqual(1);

    await client.engine.searchReady();
    expect(await client.db.meta.get(metaKeys.searchBuiltUpTo)).toBeUndefined();
    expect(await searchIndexProgress(client.db)).toBeNull();

    // Every dossier has the words of its fields and of its messages, as page-by-page indexing gave.
    const dossiers = await client.db.dossiers.toArray();
    expect(await client.db.searchIndex.count()).toBe(dossiers.length);
    for (const d of dossiers.slice(0, 15)) {
      const entry = await client.db.searchIndex.get({ dossierId: d.id });
      const messages = await client.db.messages.where('dossierId').equals(d.id).toArray();
      const merchant = await client.db.merchants.get(d.transaction.merchantId);
      const expected = new Set([
        ...dossierWords(d, merchant?.email),
        ...messages.flatMap((m) => messageWords(m)),
      ]);
      expect(new Set(entry?.words)).toEqual(new Set([...expected].slice(0, 600)));
    }
    const target = dossiers[7];
    if (!target) throw new Error('no dossier');
    expect((await searchDossiers(client.db, target.reference)).map((d) => d.id)).toContain(target.id);
  });

  it('keeps the index right for pages that arrive while it is built', async () => {
    const client = await createClient(server, 'agent@klikpay.test', 'demo', 200);
    expect((await client.engine.sync()).ok).toBe(true);
    expect(await buildSearchSlice(client.db, 10)).toBe(true);
    const position = String((await client.db.meta.get(metaKeys.searchBuiltUpTo))?.value);
    const all = (await client.db.dossiers.toArray()).map((d) => d.id).sort();
    const passed = all.find((id) => id <= position);
    const ahead = all.find((id) => id > position);
    if (!passed || !ahead) throw new Error('the first slice should leave dossiers on both sides');

    // A colleague writes on one dossier the build has passed and on one it has not.
    const supervisor = await server.signIn('supervisor@klikpay.test', 'demo');
    for (const [id, word] of [
      [passed, 'zebulonpassed'],
      [ahead, 'zebulonahead'],
    ] as const) {
      const res = await server.call('POST', '/sync/push', {
        token: supervisor,
        body: {
          clientId: 'colleague',
          mutations: [{ id: crypto.randomUUID(), name: 'dossier.note', args: { dossierId: id, body: word } }],
        },
      });
      expect(res.status).toBe(200);
    }
    expect((await client.engine.sync()).ok).toBe(true);
    await client.engine.searchReady();
    expect((await searchDossiers(client.db, 'zebulonpassed')).map((d) => d.id)).toEqual([passed]);
    expect((await searchDossiers(client.db, 'zebulonahead')).map((d) => d.id)).toEqual([ahead]);
  });
});
