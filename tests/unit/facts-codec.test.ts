import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FactsBlock } from '../../src-renderer/cache/facts-codec';
import { codedFields, decodeFacts, encodeFacts, isFactsBlock } from '../../src-renderer/cache/facts-codec';
import type { DeadlineEpisode, DossierFacts } from '../../src-shared/domain/stats-facts';
import { dossierFactsSchema, episodePartySchema } from '../../src-shared/domain/stats-facts';
import {
  closureReasonSchema,
  merchantStageSchema,
  outcomeSchema,
  statusSchema,
  subjectSchema,
} from '../../src-shared/domain/vocabulary';

/**
 * The dashboard's facts in blocks of columns (the snapshot a first look reads): every fact the
 * schema allows comes back as it went in, null, absent and every instant included.
 */

const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const instant = fc.integer({ min: 0, max: 4_102_444_800_000 });
const enumOf = <T extends string>(options: readonly T[]) => fc.constantFrom(...options);

const episode: fc.Arbitrary<DeadlineEpisode> = fc
  .record({
    party: enumOf(episodePartySchema.options),
    start: instant,
    due: instant,
    end: fc.option(instant, { nil: null }),
    assigneeId: fc.option(id, { nil: null }),
    said: fc.boolean(),
  })
  .map(({ said, assigneeId, ...e }) => (said ? { ...e, assigneeId } : e));

const facts: fc.Arbitrary<DossierFacts> = fc.record({
  id,
  version: fc.nat(),
  status: enumOf(statusSchema.options),
  subject: enumOf(subjectSchema.options),
  assigneeId: fc.option(id, { nil: null }),
  merchantId: id,
  // Any text a merchant's name may hold, line breaks and the empty string included.
  merchantName: fc.string({ unit: 'grapheme', maxLength: 20 }),
  createdAt: instant,
  closedAt: fc.option(instant, { nil: null }),
  closureReason: fc.option(enumOf(closureReasonSchema.options), { nil: null }),
  closureOutcome: fc.option(enumOf(outcomeSchema.options), { nil: null }),
  closedBy: fc.option(id, { nil: null }),
  dueAt: fc.option(instant, { nil: null }),
  merchantStage: fc.option(enumOf(merchantStageSchema.options), { nil: null }),
  escalated: fc.boolean(),
  escalations: fc.nat({ max: 9 }),
  firstReplyAt: fc.option(instant, { nil: null }),
  firstReplyBy: fc.option(id, { nil: null }),
  reminders: fc.array(instant, { maxLength: 3 }),
  episodes: fc.array(episode, { maxLength: 4 }),
  merchantAnswers: fc.array(fc.record({ at: instant, since: instant }), { maxLength: 3 }),
});

const decoded = (block: FactsBlock): DossierFacts[] => {
  const out: DossierFacts[] = [];
  decodeFacts(block, (f) => out.push(f));
  return out;
};

/** As IndexedDB gives it back: a structured clone. */
const stored = (block: FactsBlock): unknown => structuredClone(block);

describe('the facts in blocks of columns', () => {
  it('carries every field of the schema', () => {
    expect([...codedFields].sort()).toEqual(Object.keys(dossierFactsSchema.shape).sort());
  });

  it('gives back every fact as it went in, in its order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(facts, { selector: (f) => f.id, maxLength: 30 }), fc.nat(), (all, n) => {
        for (const f of all) dossierFactsSchema.parse(f);
        const block = stored(encodeFacts(all, n));
        expect(isFactsBlock(block)).toBe(true);
        if (!isFactsBlock(block)) return;
        expect(block.n).toBe(n);
        const back = decoded(block);
        expect(back).toEqual(all);
        // `assigneeId` not said stays not said (toEqual alone would not tell it from undefined).
        back.forEach((f, i) =>
          f.episodes.forEach((e, j) =>
            expect('assigneeId' in e, `${i}.${j}`).toBe('assigneeId' in (all[i]?.episodes[j] ?? {})),
          ),
        );
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('refuses a block of another layout, cut short or pointing outside its strings', () => {
    fc.assert(
      fc.property(fc.uniqueArray(facts, { selector: (f) => f.id, minLength: 1, maxLength: 10 }), (all) => {
        const block = encodeFacts(all, 0);
        expect(isFactsBlock({ ...block, codec: 0 })).toBe(false);
        expect(isFactsBlock({ ...block, numbers: block.numbers.subarray(1) })).toBe(false);
        expect(isFactsBlock({ ...block, lengths: block.lengths.subarray(3) })).toBe(false);
        expect(isFactsBlock({ ...block, ids: `${block.ids}\nextra` })).toBe(false);
        expect(isFactsBlock({ ...block, numbers: Array.from(block.numbers) })).toBe(false);
        const codes = Int32Array.from(block.codes);
        codes[0] = block.strings.length;
        expect(isFactsBlock({ ...block, codes })).toBe(false);
        expect(isFactsBlock({ ...block, strings: [] })).toBe(false);
      }),
      { numRuns: 100 },
    );
    expect(isFactsBlock(null)).toBe(false);
    expect(isFactsBlock('block')).toBe(false);
  });

  it('holds an empty block', () => {
    const block = encodeFacts([], 3);
    expect(isFactsBlock(stored(block))).toBe(true);
    expect(decoded(block)).toEqual([]);
  });
});
