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
