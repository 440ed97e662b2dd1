import Dexie from 'dexie';
import type { Dossier, Message } from '../../src-shared/domain/model';
import { compareInQueue } from '../../src-shared/domain/queues';
import { queryWords, searchWords, textWords } from '../../src-shared/domain/search';
import type { CacheDatabase, CachedDossier } from './db';
import { closedUrgency, fromCached, metaKeys } from './db';

/**
 * Local search over reference, transaction and order ids, names, e-mails and the words of the
 * correspondence. Each dossier has one entry whose words feed a multi-entry index; a query matches
 * dossiers having, for every query word, a word that starts with it.
 */

/** The search build's position (see cache/search-build.ts): null when the index is complete. */
export async function searchBuiltUpTo(db: CacheDatabase): Promise<string | null> {
  const entry = await db.meta.get(metaKeys.searchBuiltUpTo);
  return typeof entry?.value === 'string' ? entry.value : null;
}

/** Most words kept per dossier: a long thread stays searchable without bloating the index. */
export const maxWords = 600;

export function dossierWords(d: Dossier, merchantEmail?: string): string[] {
  const names = searchWords(
    [
      d.reference,
      d.id,
      d.transaction.id,
      d.transaction.orderReference,
      d.transaction.customerName,
      d.transaction.merchantName,
      merchantEmail ?? '',
      ...d.tags,
    ].join(' '),
  );
  return [...names, ...textWords(d.description)];
}

/** Letters are the same words in every dossier: only what people wrote is worth searching. */
const letterKinds = new Set<Message['kind']>(['notice', 'good_practices_reminder', 'rights_information']);

/** The words a message adds to its dossier's entry: none for the system's notices and letters. */
export function messageWords(m: Message): string[] {
  if (m.author.role === 'system' || letterKinds.has(m.kind)) return [];
  return textWords(m.body);
}

/**
 * Adds the words of new dossier states and messages to the entries of their dossiers — only of
 * those the search build has passed, while one runs (cache/search-build.ts): it indexes the others.
 * Call inside a transaction that includes `meta` and `search`, or alone.
 */
export async function indexForSearch(
  db: CacheDatabase,
  dossiers: readonly Dossier[],
  messages: readonly Message[],
): Promise<void> {
  const builtUpTo = await searchBuiltUpTo(db);
  const fresh = new Map<string, Set<string>>();
  const add = (dossierId: string, words: readonly string[]) => {
    if (builtUpTo !== null && dossierId > builtUpTo) return;
    let set = fresh.get(dossierId);
    if (!set) fresh.set(dossierId, (set = new Set()));
    for (const w of words) set.add(w);
  };
  for (const d of dossiers) add(d.id, dossierWords(d));
  for (const m of messages) add(m.dossierId, messageWords(m));
  if (fresh.size === 0) return;
  const existing = await db.search.bulkGet([...fresh.keys()]);
  const entries = [...fresh.entries()].map(([dossierId, words], i) => {
    const merged = new Set([...(existing[i]?.words ?? []), ...words]);
    return { dossierId, words: [...merged].slice(0, maxWords) };
  });
  await db.search.bulkPut(entries);
}

export interface SearchOptions {
  /**
   * How the first results are found among the candidates: `rank` (default) orders them from index
   * keys alone (`firstInOrder`) and reads only the dossiers shown; `load` reads every candidate
   * dossier; `walk` reads the urgency index in order until enough match.
   */
  strategy?: 'rank' | 'load' | 'walk';
}

/**
 * The "All" order from primary keys alone (`getAllKeys`, one request each, no document read): the
 * urgency index's order — the open dossiers by urgency, then the closed ones — the reference
 * index's order, and how many are open (a count below the closed dossiers' urgency).
 */
interface Order {
  byUrgency: string[];
  byReference: string[];
  open: number;
}

/** Kept until the cache's dossiers change (in this window or another). */
const orders = new Map<string, Promise<Order>>();
let listening = false;

function orderOf(db: CacheDatabase): Promise<Order> {
  if (!listening) {
    listening = true;
    Dexie.on('storagemutated', (parts: Record<string, unknown>) => {
      for (const key of Object.keys(parts)) {
        const [, name, table] = /^idb:\/\/([^/]+)\/([^/]+)/.exec(key) ?? [];
        if (name !== undefined && table === 'dossiers') orders.delete(name);
      }
    });
  }
  let known = orders.get(db.name);
  if (!known) {
    known = db.transaction('r', db.dossiers, async () => {
      const [byUrgency, byReference, open] = await Promise.all([
        db.dossiers.orderBy('urgency').primaryKeys(),
        db.dossiers.orderBy('reference').primaryKeys(),
        db.dossiers.where('urgency').below(closedUrgency).count(),
      ]);
      return { byUrgency, byReference, open };
    });
    orders.set(db.name, known);
    known.catch(() => orders.delete(db.name));
  }
  return known;
}

/**
 * The first `limit` of `ids` in the "All" order (urgency, then reference), reading only those
 * dossiers and the few that tie with the last: open candidates along the urgency order, then
 * closed ones (all of the same urgency) along the reference order.
 */
async function firstInOrder(
  db: CacheDatabase,
  ids: readonly string[],
  limit: number,
): Promise<CachedDossier[]> {
  const { byUrgency, byReference, open } = await orderOf(db);
  const wanted = new Set(ids);
  const openPicks: string[] = [];
  let next = 0;
  for (; next < open && openPicks.length < limit; next++) {
    const id = byUrgency[next];
    if (id !== undefined && wanted.has(id)) openPicks.push(id);
  }
  const found = (await db.dossiers.bulkGet(openPicks)).filter((d) => d !== undefined);
  const last = found.at(-1);
  if (found.length === limit && last) {
    // Ties with the last one may sort before it by reference: read on while the urgency ties.
    for (let tied = true; tied && next < open;) {
      const more: string[] = [];
      for (; next < open && more.length < 20; next++) {
        const id = byUrgency[next];
        if (id !== undefined && wanted.has(id)) more.push(id);
      }
      const read = (await db.dossiers.bulkGet(more)).filter((d) => d !== undefined);
      const same = read.filter((d) => d.urgency === last.urgency);
      found.push(...same);
      tied = same.length === read.length && read.length > 0;
    }
    return found;
  }
  // Fewer open matches than asked: the rest are closed, in reference order.
  const closed = new Set(byUrgency.slice(open));
  const closedPicks: string[] = [];
  for (const id of byReference) {
    if (found.length + closedPicks.length >= limit) break;
    if (wanted.has(id) && closed.has(id)) closedPicks.push(id);
  }
  found.push(...(await db.dossiers.bulkGet(closedPicks)).filter((d) => d !== undefined));
  return found;
}

export async function searchDossiers(
  db: CacheDatabase,
  query: string,
  limit = 50,
  { strategy = 'rank' }: SearchOptions = {},
): Promise<Dossier[]> {
  const words = queryWords(query);
  if (words.length === 0) return [];
  // The longest word narrows most; the others are checked on the candidates.
  const [first, ...others] = [...words].sort((a, b) => b.length - a.length);
  if (first === undefined) return [];
  let ids: string[];
  if (others.length === 0) {
    // One word: the index's keys are enough, no entry is read.
    ids = [...new Set(await db.search.where('words').startsWith(first).primaryKeys())];
  } else {
    const candidates = await db.search.where('words').startsWith(first).distinct().toArray();
    ids = candidates
      .filter((e) => others.every((w) => e.words.some((x) => x.startsWith(w))))
      .map((e) => e.dossierId);
  }
  const found =
    strategy === 'walk'
      ? await firstInUrgencyOrder(db, new Set(ids), limit)
      : strategy === 'load' || ids.length <= limit
        ? (await db.dossiers.bulkGet(ids)).filter((d) => d !== undefined)
        : await firstInOrder(db, ids, limit);
  return found.map(fromCached).sort(compareInQueue('all')).slice(0, limit);
}

/**
 * The first `limit` of `ids` in the "All" order, read along the urgency index: the walk stops at
 * the first match past the `limit`-th one's urgency (ties are kept for the final sort).
 */
async function firstInUrgencyOrder(
  db: CacheDatabase,
  ids: ReadonlySet<string>,
  limit: number,
): Promise<CachedDossier[]> {
  const picked: CachedDossier[] = [];
  let boundary: number | null = null;
  await db.dossiers
    .orderBy('urgency')
    .filter((d) => ids.has(d.id))
    .until((d) => boundary !== null && d.urgency > boundary)
    .each((d) => {
      picked.push(d);
      if (picked.length === limit) boundary = d.urgency;
    });
  return picked;
}
