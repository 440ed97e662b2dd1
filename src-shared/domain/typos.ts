/**
 * Typo tolerance for local search: how far a typed word may be from a word of the index and still
 * be taken for it. Optimal string alignment distance (insertions, deletions, substitutions and
 * swaps of two neighbouring letters: "dupnot" is one from "dupont"), computed only as far as the
 * bound, since a search compares one typed word with thousands of indexed ones.
 */

/** None under 4 letters (too many short words are one letter apart), 1 up to 7, 2 from 8. */
export function typosAllowed(word: string): number {
  return word.length < 4 ? 0 : word.length < 8 ? 1 : 2;
}

/** The distance between `a` and `b` if it is at most `max`; null when it is more. */
export function editsWithin(a: string, b: string, max: number): number | null {
  if (Math.abs(a.length - b.length) > max) return null;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(width).fill(0);
    current[0] = i;
    let best = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      }
      current[j] = d;
      if (d < best) best = d;
    }
    // Every way on goes through this row: past the bound here, past it at the end.
    if (best > max) return null;
    before = previous;
    previous = current;
  }
  const distance = previous[b.length] ?? Infinity;
  return distance <= max ? distance : null;
}

/**
 * How close a typed word is to an indexed one, as search matches words: the whole word, or its
 * start (a search matches the start of words, so "dupnt" is one from "dupont"'s "dupon"). Null
 * when farther than the word's tolerance.
 */
export function typoDistance(typed: string, indexed: string): number | null {
  const max = typosAllowed(typed);
  if (max === 0) return null;
  let best: number | null = null;
  for (const candidate of [indexed, indexed.slice(0, typed.length), indexed.slice(0, typed.length + 1)]) {
    const d = editsWithin(typed, candidate, max);
    if (d !== null && (best === null || d < best)) best = d;
  }
  return best;
}
