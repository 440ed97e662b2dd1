import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editsWithin, typoDistance, typosAllowed } from '../../src-shared/domain/typos';

/** Typo tolerance of local search: the bounded distance, and how much a word may be off. */

/** The plain optimal-string-alignment distance, for the bounded one to agree with. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, at(i - 2, j - 2) + 1);
      const row = d[i];
      if (row) row[j] = v;
    }
  return at(a.length, b.length);
}

describe('editsWithin', () => {
  it('counts a swap, a missing, an extra and a wrong letter as one', () => {
    expect(editsWithin('dupnot', 'dupont', 1)).toBe(1);
    expect(editsWithin('dupnt', 'dupont', 1)).toBe(1);
    expect(editsWithin('duppont', 'dupont', 1)).toBe(1);
    expect(editsWithin('dupomt', 'dupont', 1)).toBe(1);
    expect(editsWithin('dupont', 'dupont', 0)).toBe(0);
    expect(editsWithin('dpunot', 'dupont', 1)).toBeNull();
    expect(editsWithin('dpunot', 'dupont', 2)).toBe(2);
  });

  it('agrees with the plain distance whenever it is within the bound', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 7 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const plain = osa(a, b);
        expect(editsWithin(a, b, max)).toBe(plain <= max ? plain : null);
        expect(editsWithin(b, a, max)).toBe(editsWithin(a, b, max));
      }),
      { numRuns: 2_000 },
    );
  }, 60_000);
});

describe('typo tolerance', () => {
  it('forgives nothing under 4 letters, one typo up to 7, two from 8', () => {
    expect(['abc', 'abcd', 'abcdefg', 'abcdefgh'].map(typosAllowed)).toEqual([0, 1, 1, 2]);
    expect(typoDistance('lyo', 'lyon')).toBeNull();
    expect(typoDistance('marhcand', 'marchand')).toBe(1);
    expect(typoDistance('mrachnad', 'marchand')).toBe(2);
  });

  it('reads a typed start as the start of the indexed word', () => {
    // "dupnt" is one from "dupont"'s start, "boutiqe" one from "boutique"'s.
    expect(typoDistance('dupnt', 'dupontel')).toBe(1);
    expect(typoDistance('boutiqe', 'boutiques')).toBe(1);
    expect(typoDistance('xavier', 'dupont')).toBeNull();
  });
});
