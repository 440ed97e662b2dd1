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
