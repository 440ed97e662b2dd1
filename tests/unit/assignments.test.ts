import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadAssignments } from '../../src-shared/domain/assignments';

const dossiers = (n: number, assigneeId: string | null = 'u-away') =>
  Array.from({ length: n }, (_, i) => ({ id: `d-${i}`, assigneeId }));
const counts = (plan: Map<string, string>) => {
  const c = new Map<string, number>();
  for (const to of plan.values()) c.set(to, (c.get(to) ?? 0) + 1);
  return c;
};

describe('spreading dossiers over agents', () => {
  it('evenly: one each in turn', () => {
    const plan = spreadAssignments(dossiers(7), ['a', 'b', 'c'], 'even');
    expect(Object.fromEntries(counts(plan))).toEqual({ a: 3, b: 2, c: 2 });
    expect(plan.get('d-0')).toBe('a');
    expect(plan.get('d-1')).toBe('b');
  });

  it('by load: the least loaded first, until the loads are level', () => {
    // a has 10 open, b 4, c 0: c is given 4 (level with b), then b and c in turn: both end at 6.
    const plan = spreadAssignments(
      dossiers(8),
      ['a', 'b', 'c'],
      'load',
      new Map([
        ['a', 10],
        ['b', 4],
        ['c', 0],
      ]),
    );
    const given = counts(plan);
    expect(given.get('a') ?? 0).toBe(0);
    const b = 4 + (given.get('b') ?? 0);
    const c = given.get('c') ?? 0;
    expect(b + c).toBe(12);
    expect(Math.abs(b - c)).toBeLessThanOrEqual(1);
  });

  it('keeps a dossier with one of the chosen agents, and spreads the others', () => {
    const plan = spreadAssignments(
      [
        { id: 'x', assigneeId: 'b' },
        { id: 'y', assigneeId: null },
        { id: 'z', assigneeId: 'u-away' },
      ],
      ['a', 'b'],
      'even',
    );
    expect(plan.get('x')).toBe('b');
    expect(plan.get('y')).toBe('a');
    expect(plan.get('z')).toBe('b');
  });

  it('gives nothing to nobody', () => {
    expect(spreadAssignments(dossiers(3), [], 'even').size).toBe(0);
  });

  it('holds its promises for any selection, agents and loads', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 5, maxLength: 5 }),
        fc.constantFrom('even' as const, 'load' as const),
        (n, agents, raw, mode) => {
          const loads = new Map(['a', 'b', 'c', 'd', 'e'].map((a, i) => [a, raw[i] ?? 0]));
          const plan = spreadAssignments(dossiers(n), agents, mode, loads);
          // Every dossier goes to one of the chosen agents.
          expect(plan.size).toBe(n);
          for (const to of plan.values()) expect(agents).toContain(to);
          const given = counts(plan);
          if (mode === 'even') {
            const c = agents.map((a) => given.get(a) ?? 0);
            expect(Math.max(...c) - Math.min(...c)).toBeLessThanOrEqual(1);
          } else {
            // Nobody was given a dossier while someone else ended two or more below them.
            const final = new Map(agents.map((a) => [a, (loads.get(a) ?? 0) + (given.get(a) ?? 0)]));
            for (const x of agents)
              for (const y of agents)
                if ((given.get(x) ?? 0) > 0)
                  expect(final.get(x) ?? 0).toBeLessThanOrEqual((final.get(y) ?? 0) + 1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
