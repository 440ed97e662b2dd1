import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueCount, queuePage } from '../../src-renderer/cache/queues';
import { dossierWords, searchDossiers } from '../../src-renderer/cache/search';
import { queryWords, searchWords, textWords } from '../../src-shared/domain/search';
import { typoDistance } from '../../src-shared/domain/typos';
import { searchTolerant } from '../../src-renderer/cache/search-typos';
import type { Dossier } from '../../src-shared/domain/model';
import { compareInQueue, inQueue, queueIds, urgentAt } from '../../src-shared/domain/queues';
import { defaultSettings } from '../../src-shared/domain/settings';
import type { TestServer } from '../server/harness';
import { dropTestDatabases, startTestServer } from '../server/harness';
import { createClient, serverView } from './client';

/** The cache's queues against the shared predicates, on the demo workload (every queue filled). */

let server: TestServer;
let client: Awaited<ReturnType<typeof createClient>>;
let all: Dossier[];
const now = Date.parse('2026-11-24T09:30:00Z');
const viewer = { userId: 'u-agent' };

beforeAll(async () => {
  server = await startTestServer({ seed: 'demo', clockStart: '2026-11-24T09:30:00Z' });
  client = await createClient(server, 'agent@klikpay.test', 'demo');
  await client.engine.sync();
  // A first sync leaves the search index to be built after it.
  await client.engine.searchReady();
  all = (await serverView(server, await server.signIn('agent@klikpay.test', 'demo'))).dossiers;
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

describe('queues over the cache', () => {
  for (const q of queueIds) {
    it(`${q}: the same members, count and order as the shared rules`, async () => {
      const expected = all.filter((d) => inQueue(q, d, now, viewer, defaultSettings)).sort(compareInQueue(q));
      expect(expected.length, `${q} should not be empty in the demo data`).toBeGreaterThan(0);
      expect(await queueCount(client.db, q, now, viewer, defaultSettings)).toBe(expected.length);
      const first = await queuePage(client.db, q, now, viewer, defaultSettings, { offset: 0, limit: 20 });
      const rest = await queuePage(client.db, q, now, viewer, defaultSettings, { offset: 20, limit: 10_000 });
      const got = [...first, ...rest];
      expect(new Set(got.map((d) => d.id))).toEqual(new Set(expected.map((d) => d.id)));
      expect(got).toHaveLength(expected.length);
      // Same order of urgency (ties may fall either way).
      const key = (d: Dossier) =>
        q === 'recently_closed' ? -Date.parse(d.closure?.at ?? '') : (urgentAt(d) ?? Infinity);
      expect(got.map(key)).toEqual(expected.map(key));
    });
  }
});

describe('local search', () => {
  it('finds by reference, order reference, names without accents, and words of the correspondence', async () => {
    const target = all.find(
      (d) => d.transaction.customerName.normalize('NFD') !== d.transaction.customerName,
    );
    if (!target) throw new Error('the demo data has accented names');
    const folded = target.transaction.customerName
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toUpperCase();
    expect((await searchDossiers(client.db, folded)).map((d) => d.id)).toContain(target.id);
    expect((await searchDossiers(client.db, target.reference.slice(-6))).map((d) => d.id)).toContain(
      target.id,
    );
    expect((await searchDossiers(client.db, target.transaction.orderReference)).map((d) => d.id)).toContain(
      target.id,
    );
    // A word only the correspondence has.
    const tracked = await searchDossiers(client.db, '1Z999AA10123456784');
    expect(tracked.length).toBeGreaterThan(0);
    for (const d of tracked.slice(0, 5)) {
      const messages = await client.db.messages
        .where('[dossierId+createdAt]')
        .between([d.id, ''], [d.id, '\uffff'])
        .toArray();
      expect(messages.some((m) => m.body.includes('1Z999AA10123456784'))).toBe(true);
    }
  });

  it('forgives a typo in a name: nothing matches as typed, so it reads the closest word and says so', async () => {
    // A customer's last name of 6 or 7 letters, its 3rd and 4th letters swapped ("Dupnot" for "Dupont").
    const target = all.find((d) => {
      const last = searchWords(d.transaction.customerName).at(-1) ?? '';
      return last.length >= 6 && last.length <= 7 && last[2] !== last[3];
    });
    const name = searchWords(target?.transaction.customerName ?? '').at(-1);
    if (!target || !name) throw new Error('the demo data has customers with such names');
    const typo = `${name.slice(0, 2)}${name[3] ?? ''}${name[2] ?? ''}${name.slice(4)}`;
    expect(await searchDossiers(client.db, typo)).toEqual([]);
    const answer = await searchTolerant(client.db, typo, 500);
    expect(answer.corrected).not.toBeNull();
    expect(answer.dossiers.length).toBeGreaterThan(0);
    // Whatever word it chose, its results are that word's, and one away from what was typed.
    const chosen = searchWords(answer.corrected ?? '')[0] ?? '';
    expect(typoDistance(typo, chosen)).toBe(1);
    expect(answer.dossiers.map((d) => d.id)).toEqual(
      (await searchDossiers(client.db, chosen, 500)).map((d) => d.id),
    );
    // What matches as typed is never corrected; nor is a reference, nor a word far from any.
    expect((await searchTolerant(client.db, name)).corrected).toBeNull();
    expect(await searchTolerant(client.db, 'KP-2026-999999')).toEqual({ dossiers: [], corrected: null });
    expect(await searchTolerant(client.db, 'qxzqxzqxz')).toEqual({ dossiers: [], corrected: null });
  });

  it('gives a whole reference alone, first, even though its year matches every dossier', async () => {
    const target = all[3];
    if (!target) throw new Error('no dossier');
    expect((await searchDossiers(client.db, target.reference)).map((d) => d.id)).toEqual([target.id]);
    expect((await searchDossiers(client.db, ` ${target.reference.toLowerCase()} `)).map((d) => d.id)).toEqual(
      [target.id],
    );
  });

  it('finds merchants by e-mail and closed dossiers by their resolution summary', async () => {
    const merchant = await client.db.merchants.get(all[0]?.transaction.merchantId ?? '');
    if (!merchant) throw new Error('no merchant');
    const byEmail = await searchDossiers(client.db, merchant.email, 500);
    expect(byEmail.length).toBeGreaterThan(0);
    expect(byEmail.every((d) => d.transaction.merchantId === merchant.id)).toBe(true);
    const closed = all.find((d) => d.closure?.summary && d.closure.summary.length > 20);
    if (!closed?.closure?.summary) throw new Error('the demo data has closed dossiers with a summary');
    const summaryWords = textWords(closed.closure.summary).slice(0, 4).join(' ');
    expect(
      (await searchDossiers(client.db, `${summaryWords} ${closed.reference.slice(-6)}`)).map((d) => d.id),
    ).toEqual([closed.id]);
  });

  it('takes status:, merchant: and tag: as operators, in any order with the words', async () => {
    const merchantWord = queryWords(all[0]?.transaction.merchantName ?? '')[0] ?? '';
    const expectFiltered = async (query: string, words: string, keep: (d: Dossier) => boolean) => {
      const plain = words ? await searchDossiers(client.db, words, 5_000, { strategy: 'load' }) : all;
      const expected = plain.filter(keep).sort(compareInQueue('all')).slice(0, 20);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(
        (await searchDossiers(client.db, query, 20)).map((d) => d.id),
        query,
      ).toEqual(expected.map((d) => d.id));
    };
    await expectFiltered('status:closed la', 'la', (d) => d.status === 'closed');
    await expectFiltered('la status:awaiting_merchant', 'la', (d) => d.status === 'awaiting_merchant');
    await expectFiltered('statut:ouvert la', 'la', (d) => d.status !== 'closed');
    await expectFiltered(`merchant:${merchantWord}`, merchantWord, (d) =>
      queryWords(d.transaction.merchantName).some((w) => w.startsWith(merchantWord)),
    );
    await expectFiltered('status:awaiting_klikpay', '', (d) => d.status === 'awaiting_klikpay');
    await expectFiltered('status:closed', '', (d) => d.status === 'closed');
    const tagged = all.find((d) => d.tags.length > 0);
    const tag = tagged?.tags[0];
    if (!tag) throw new Error('the demo data has tags');
    await expectFiltered(`tag:"${tag}"`, queryWords(tag).join(' '), (d) =>
      d.tags.some((t) => queryWords(t).join(' ').startsWith(queryWords(tag).join(' '))),
    );
    // A status nobody has finds nothing (a typo never widens a search to everything).
    expect(await searchDossiers(client.db, 'status:clossed la')).toEqual([]);
  });

  it('needs every word of the query, by prefix, and ignores noise', async () => {
    const d = all[0];
    if (!d) throw new Error('no dossier');
    const name = d.transaction.customerName.split(' ')[0] ?? '';
    const query = `${name.slice(0, 3)} ${d.reference}`;
    const both = await searchDossiers(client.db, query);
    expect(both.map((x) => x.id)).toContain(d.id);
    for (const x of both) {
      const words = dossierWords(x);
      for (const w of queryWords(query))
        expect(
          words.some((word) => word.startsWith(w)),
          `${x.reference} ${w}`,
        ).toBe(true);
    }
    expect(await searchDossiers(client.db, `${d.reference} zzzqqq`)).toEqual([]);
    expect(await searchDossiers(client.db, '  -- ')).toEqual([]);
  });

  it('finds the same first results from the ranked index, by every path, as by reading them all', async () => {
    for (const query of ['la', 'ma', 'kp', 'de', 'boutique', 'claire']) {
      const loaded = await searchDossiers(client.db, query, 20, { strategy: 'load' });
      expect(loaded.length, query).toBeGreaterThan(0);
      for (const limit of [1, 5, 20]) {
        const expected = loaded.slice(0, limit).map((x) => x.id);
        // Thresholds that send these queries down the merge and walk paths too.
        const walked = await searchDossiers(client.db, query, limit, { fewMatches: 2, fewWords: 1 });
        expect(
          walked.map((x) => x.id),
          `walk ${query} ${String(limit)}`,
        ).toEqual(expected);
        const ranked = await searchDossiers(client.db, query, limit);
        expect(
          ranked.map((x) => x.id),
          `rank ${query} ${String(limit)}`,
        ).toEqual(expected);
      }
    }
  });

  it('ranks what changed since the last search', async () => {
    const before = await searchDossiers(client.db, 'la', 5);
    const last = (await searchDossiers(client.db, 'la', 1_000, { strategy: 'load' })).at(-1);
    if (!last) throw new Error('no match');
    expect(before.map((x) => x.id)).not.toContain(last.id);
    // A change of the agent's, not synced yet, makes the last match the most urgent in the cache:
    // the search must rank it where it now sorts, before the server's state comes back.
    const row = await client.db.dossiers.get(last.id);
    if (!row) throw new Error('not cached');
    await client.db.dossiers.put({ ...row, urgency: -1 });
    const seq = await client.db.outbox.add({
      id: 'm-local',
      name: 'dossier.note',
      args: { dossierId: last.id, body: 'Local.' },
      dossierId: last.id,
      actor: { role: 'agent', id: 'u-1', name: 'Agent' },
      createdAt: '2026-11-25T10:00:00.000Z',
      state: 'pending',
    });
    try {
      const after = await searchDossiers(client.db, 'la', 5);
      expect(after.map((x) => x.id)).toContain(last.id);
      expect(
        (await searchDossiers(client.db, 'la', 5, { fewMatches: 2, fewWords: 1 })).map((x) => x.id),
      ).toEqual(after.map((x) => x.id));
    } finally {
      await client.db.outbox.delete(seq);
      await client.db.dossiers.put(row);
    }
  });
});
