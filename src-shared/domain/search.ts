import type { Dossier } from './model';
import type { Status } from './vocabulary';
import { statuses } from './vocabulary';

/**
 * Words for local search: lower case, accents folded, split on anything that is not a letter or a
 * digit — so "Hélène", "helene" and "HELENE" meet, and "KP-2026-000123" is found by "000123".
 */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);
}

/**
 * A search as typed, taken apart: the words (each must start a word of the dossier) and the
 * operators `status:` (a status, or `open`), `merchant:` (the merchant's name starts with it, word
 * by word) and `tag:` (a tag starts with it). An operator with nothing after it is ignored; an
 * unknown status is kept as said (`status: null` never matches), so a typo finds nothing rather
 * than everything.
 */
export interface ParsedSearch {
  words: string[];
  status?: Status | 'open' | null;
  merchant?: string[];
  tag?: string;
  /** A whole dossier reference (KP-2026-000123), in the form dossiers carry it. */
  reference?: string;
}

const operator = /(?:^|\s)(status|statut|merchant|marchand|tag):(?:"([^"]*)"|(\S*))/giu;

export function parseSearch(query: string): ParsedSearch {
  const parsed: ParsedSearch = { words: [] };
  const rest = query.replace(
    operator,
    (_all, name: string, quoted: string | undefined, bare: string | undefined) => {
      const value = (quoted ?? bare ?? '').trim();
      if (!value) return ' ';
      const key = name.toLowerCase();
      if (key === 'status' || key === 'statut') {
        const folded = searchWords(value).join('_');
        parsed.status =
          folded === 'open' || folded === 'ouvert'
            ? 'open'
            : (statuses as readonly string[]).includes(folded)
              ? (folded as Status)
              : null;
      } else if (key === 'merchant' || key === 'marchand') parsed.merchant = searchWords(value);
      else parsed.tag = searchWords(value).join(' ');
      return ' ';
    },
  );
  const reference = /^\s*(kp)-(\d{4})-(\d{6,})\s*$/iu.exec(rest);
  if (reference) parsed.reference = `KP-${reference[2] ?? ''}-${reference[3] ?? ''}`;
  const words = queryWords(rest);
  // The index leaves out the common little words of written text; typed among others, they would
  // only fail the match. The last word stays: it may be the start of a longer one being typed.
  parsed.words = words.filter((w, i) => i === words.length - 1 || !stopWords.has(w));
  return parsed;
}

/** Whether a dossier passes a search's operators (its words are the index's business). */
export function passesOperators(d: Dossier, s: ParsedSearch): boolean {
  if (s.status !== undefined) {
    if (s.status === null) return false;
    if (s.status === 'open' ? d.status === 'closed' : d.status !== s.status) return false;
  }
  if (s.merchant) {
    const name = searchWords(d.transaction.merchantName);
    if (!s.merchant.every((w) => name.some((x) => x.startsWith(w)))) return false;
  }
  if (s.tag !== undefined) {
    const wanted = s.tag;
    if (!d.tags.some((t) => searchWords(t).join(' ').startsWith(wanted))) return false;
  }
  return true;
}

/** Whether a search has operators to check on the dossiers it finds. */
export const hasOperators = (s: ParsedSearch): boolean =>
  s.status !== undefined || s.merchant !== undefined || s.tag !== undefined;

/** The words a query looks for: every one must match the start of a word of the dossier. */
export function queryWords(query: string): string[] {
  return [...new Set(searchWords(query))].slice(0, 8);
}

/**
 * Words so common in the parties' letters that searching by them finds nearly every dossier:
 * left out of the index of written text (names, references and e-mails keep every word).
 */
const stopWords = new Set(
  (
    'le la les un une des du de d l au aux et ou en dans sur par pour pas ne que qui quoi ce cet cette ' +
    'ces se sa son ses leur leurs nous vous ils elles il elle je tu on mon ma mes ton ta tes votre vos ' +
    'notre nos est sont ete etre avoir avez avons ai as a y mais donc or ni car si plus tres bien ' +
    'the a an and or of to in on at by for with from is are was were be been it its this that these ' +
    'those we you they he she i my your our their me us them not no but as if so do does did have has had'
  ).split(' '),
);

/** The words of written text (a description, a message) worth a place in the search index. */
export function textWords(text: string): string[] {
  return searchWords(text).filter((w) => !stopWords.has(w));
}
