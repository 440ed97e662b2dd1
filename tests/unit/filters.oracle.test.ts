import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DossierFilter, DossierSort } from '../../src-shared/domain/filters';
import { compareBy, legacyAmountCurrency, matchesFilter, sortKeys } from '../../src-shared/domain/filters';
import type { Dossier } from '../../src-shared/domain/model';
import type { QueueId, Viewer } from '../../src-shared/domain/queues';
import { queueIds } from '../../src-shared/domain/queues';
import type { Reason, Subject } from '../../src-shared/domain/vocabulary';
import { reasonSchema, subjectSchema } from '../../src-shared/domain/vocabulary';
import type { FilterField } from './filter-oracle';
import { filterMisses, oracleMatches, oracleOrder } from './filter-oracle';
import { file, iso, later, MONDAY, transaction } from './fixtures';

/**
 * `matchesFilter` and `compareBy` against an oracle written from what each field of a filter means
 * (`filter-oracle.ts`, which calls neither): first a table of hand-made dossiers whose answers are
 * written out, field by field, then random dossiers under random filters and sorts.
 */

const me: Viewer = { userId: 'a1' };
const colleague: Viewer = { userId: 'a2' };

/** The fields a filter reads, on top of a dossier the rules filed (every other field real). */
interface Shape {
  subject?: Subject;
  reason?: Reason;
  merchantId?: string;
  currency?: string;
  amount?: number;
  tags?: string[];
  assigneeId?: string | null;
  followUps?: Record<string, string>;
  closed?: boolean;
}

const filed = file();
function dossier(shape: Shape = {}): Dossier {
  const d = filed;
  return {
    ...d,
    subject: shape.subject ?? 'delivery',
    reason: shape.reason ?? 'not_received',
    transaction: transaction({
      merchantId: shape.merchantId ?? 'm-1',
      currency: shape.currency ?? 'EUR',
      amount: shape.amount ?? 12_990,
    }),
    tags: shape.tags ?? [],
    assigneeId: shape.assigneeId === undefined ? null : shape.assigneeId,
    followUps: shape.followUps ?? {},
    ...(shape.closed
      ? {
          status: 'closed' as const,
          dueAt: null,
          closure: {
            reason: 'resolved_by_klikpay' as const,
            outcome: null,
            summary: 'Réglé.',
            at: iso(later(2)),
            by: { role: 'agent' as const, id: 'a1' },
          },
        }
      : {}),
  };
}

type Case = [what: string, d: Dossier, f: DossierFilter, viewer: Viewer, expected: boolean];

/** Known answers, written by hand, one block per field of the filter. */
const table: Record<FilterField | 'none' | 'all together', Case[]> = {
  none: [
    ['an empty filter keeps an open dossier', dossier(), {}, me, true],
    ['an empty filter keeps a closed one', dossier({ closed: true }), {}, me, true],
    [
      'empty lists do not filter',
      dossier(),
      { subjects: [], reasons: [], merchantIds: [], tags: [] },
      me,
      true,
    ],
  ],
  subject: [
    ['payment kept by payment', dossier({ subject: 'payment' }), { subjects: ['payment'] }, me, true],
    ['delivery left out by payment', dossier({ subject: 'delivery' }), { subjects: ['payment'] }, me, false],
    ['delivery kept by either', dossier(), { subjects: ['payment', 'delivery'] }, me, true],
  ],
  reason: [
    ['its reason listed', dossier({ reason: 'not_received' }), { reasons: ['not_received'] }, me, true],
    ['another reason', dossier({ reason: 'damaged_or_defective' }), { reasons: ['not_received'] }, me, false],
    [
      'one of several reasons',
      dossier({ reason: 'damaged_or_defective' }),
      { reasons: ['not_received', 'damaged_or_defective'] },
      me,
      true,
    ],
    ['a reason no dossier has here', dossier(), { reasons: ['other'] }, me, false],
  ],
  merchant: [
    ['its merchant', dossier({ merchantId: 'm-1' }), { merchantIds: ['m-1'] }, me, true],
    ['another merchant', dossier({ merchantId: 'm-2' }), { merchantIds: ['m-1'] }, me, false],
    ['one of several merchants', dossier({ merchantId: 'm-2' }), { merchantIds: ['m-1', 'm-2'] }, me, true],
  ],
  currency: [
    ['its currency alone', dossier({ currency: 'USD' }), { currency: 'USD' }, me, true],
    ['another currency alone', dossier({ currency: 'EUR' }), { currency: 'USD' }, me, false],
    [
      '12,990 yen is not €129.90',
      dossier({ currency: 'JPY', amount: 12_990 }),
      { currency: 'EUR', amountMin: 10_000, amountMax: 20_000 },
      me,
      false,
    ],
    [
      'old bounds without a currency are in euros: a dollar amount is left out',
      dossier({ currency: 'USD', amount: 12_990 }),
      { amountMin: 10_000 },
      me,
      false,
    ],
  ],
  amount: [
    [
      'within both bounds',
      dossier({ amount: 12_990 }),
      { currency: 'EUR', amountMin: 10_000, amountMax: 20_000 },
      me,
      true,
    ],
    [
      'the minimum is inclusive',
      dossier({ amount: 12_990 }),
      { currency: 'EUR', amountMin: 12_990 },
      me,
      true,
    ],
    [
      'one cent below the minimum',
      dossier({ amount: 12_989 }),
      { currency: 'EUR', amountMin: 12_990 },
      me,
      false,
    ],
    [
      'the maximum is inclusive',
      dossier({ amount: 12_990 }),
      { currency: 'EUR', amountMax: 12_990 },
      me,
      true,
    ],
    [
      'one cent above the maximum',
      dossier({ amount: 12_991 }),
      { currency: 'EUR', amountMax: 12_990 },
      me,
      false,
    ],
    [
      'a minimum above the maximum keeps nothing',
      dossier({ amount: 15_000 }),
      { currency: 'EUR', amountMin: 20_000, amountMax: 10_000 },
      me,
      false,
    ],
    ['whole yen', dossier({ currency: 'JPY', amount: 500 }), { currency: 'JPY', amountMax: 500 }, me, true],
    [
      'old bounds without a currency, on a euro amount within them',
      dossier({ currency: 'EUR', amount: 12_990 }),
      { amountMin: 10_000, amountMax: 13_000 },
      me,
      true,
    ],
    [
      'old bounds without a currency, on a euro amount above them',
      dossier({ currency: 'EUR', amount: 12_990 }),
      { amountMax: 12_000 },
      me,
      false,
    ],
  ],
  tags: [
    ['its one tag', dossier({ tags: ['vip', 'chargeback'] }), { tags: ['vip'] }, me, true],
    ['all its tags', dossier({ tags: ['vip', 'chargeback'] }), { tags: ['chargeback', 'vip'] }, me, true],
    [
      'some but not all of the tags listed: every tag must be there',
      dossier({ tags: ['vip', 'chargeback'] }),
      { tags: ['vip', 'fraud'] },
      me,
      false,
    ],
    ['none of the tags', dossier({ tags: ['vip'] }), { tags: ['fraud'] }, me, false],
    ['a dossier without tags', dossier({ tags: [] }), { tags: ['vip'] }, me, false],
  ],
  assignee: [
    ['me: assigned to the viewer', dossier({ assigneeId: 'a1' }), { assignee: 'me' }, me, true],
    [
      'me: the same dossier seen by a colleague',
      dossier({ assigneeId: 'a1' }),
      { assignee: 'me' },
      colleague,
      false,
    ],
    ['me: unassigned', dossier({ assigneeId: null }), { assignee: 'me' }, me, false],
    [
      'me: a follow-up does not assign the dossier to its author',
      dossier({ assigneeId: null, followUps: { a1: iso(MONDAY - 1) } }),
      { assignee: 'me' },
      me,
      false,
    ],
    [
      'me: snoozed by the viewer, still assigned to them',
      dossier({ assigneeId: 'a1', followUps: { a1: iso(later(30)) } }),
      { assignee: 'me' },
      me,
      true,
    ],
    ['none: unassigned', dossier({ assigneeId: null }), { assignee: 'none' }, me, true],
    ['none: assigned to the viewer', dossier({ assigneeId: 'a1' }), { assignee: 'none' }, me, false],
    ['none: assigned to a colleague', dossier({ assigneeId: 'a2' }), { assignee: 'none' }, me, false],
    [
      'none: unassigned but followed up',
      dossier({ assigneeId: null, followUps: { a2: iso(later(1)) } }),
      { assignee: 'none' },
      me,
      true,
    ],
    ['an agent: theirs', dossier({ assigneeId: 'a2' }), { assignee: 'a2' }, me, true],
    ['an agent: someone else’s', dossier({ assigneeId: 'a1' }), { assignee: 'a2' }, me, false],
    ['an agent: unassigned', dossier({ assigneeId: null }), { assignee: 'a2' }, me, false],
  ],
  'all together': [],
};

// Every field at once: one dossier matching them all, then each field alone made to miss.
const everything: DossierFilter = {
  subjects: ['payment'],
  reasons: ['not_as_ordered', 'other'],
  merchantIds: ['m-3'],
  currency: 'GBP',
  amountMin: 1_000,
  amountMax: 2_000,
  tags: ['vip', 'fraud'],
  assignee: 'none',
};
const matching: Shape = {
  subject: 'payment',
  reason: 'other',
  merchantId: 'm-3',
  currency: 'GBP',
  amount: 1_500,
  tags: ['fraud', 'litige', 'vip'],
  assigneeId: null,
};
table['all together'].push(['a dossier meeting every field', dossier(matching), everything, me, true]);
const eachFieldOff: [FilterField, Shape][] = [
  ['subject', { subject: 'delivery' }],
  ['reason', { reason: 'not_received' }],
  ['merchant', { merchantId: 'm-1' }],
  ['currency', { currency: 'EUR' }],
  ['amount', { amount: 2_001 }],
  ['tags', { tags: ['litige', 'vip'] }],
  ['assignee', { assigneeId: 'a2' }],
];
for (const [what, off] of eachFieldOff) {
  table['all together'].push([
    `every field but its ${what}`,
    dossier({ ...matching, ...off }),
    everything,
    me,
    false,
  ]);
}

describe('the filter on hand-made dossiers with known answers', () => {
  it('reads bounds saved without a currency in the currency of the old amount bar', () => {
    // The oracle's own reading of old views; the table's answers above rely on it.
    expect(legacyAmountCurrency).toBe('EUR');
  });

  for (const [field, cases] of Object.entries(table)) {
    describe(field, () => {
      it.each(cases)('%s', (_what, d, f, viewer, expected) => {
        // The oracle agrees with the written answer (it is checked too), and so must the rules.
        expect(oracleMatches(d, f, viewer), 'oracle').toBe(expected);
        expect(matchesFilter(d, f, viewer), 'matchesFilter').toBe(expected);
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Random dossiers and filters, from small pools so every field both keeps and leaves out.

const tagPool = ['vip', 'fraud', 'chargeback', 'litige'];
const merchantPool = ['m-1', 'm-2', 'm-3'];
const currencyPool = ['EUR', 'USD', 'JPY'];
const agentPool = ['a1', 'a2', 'a3'];
const amount = fc.integer({ min: 1, max: 40 }).map((n) => n * 50);
const instant = fc.integer({ min: -20, max: 200 }).map((days) => iso(later(days)));

const randomDossier: fc.Arbitrary<Dossier> = fc
  .record({
    subject: fc.constantFrom(...subjectSchema.options),
    reason: fc.constantFrom(...reasonSchema.options),
    merchantId: fc.constantFrom(...merchantPool),
    currency: fc.constantFrom(...currencyPool),
    amount,
    tags: fc.subarray(tagPool),
    assigneeId: fc.constantFrom(null, ...agentPool),
    followUps: fc.dictionary(fc.constantFrom(...agentPool), instant, { maxKeys: 2 }),
    closed: fc.boolean(),
    reference: fc.integer({ min: 100, max: 130 }).map((n) => `KP-2026-000${String(n)}`),
    id: fc.constantFrom('d-1', 'd-2', 'd-3', 'd-10'),
    dueAt: fc.option(instant, { nil: null }),
    autoCloseAt: fc.option(instant, { nil: null }),
    createdAt: instant,
    updatedAt: instant,
  })
  .map(({ reference, id, dueAt, autoCloseAt, createdAt, updatedAt, ...shape }) => {
    const d = dossier(shape);
    return { ...d, reference, id, dueAt, autoCloseAt, createdAt, updatedAt };
  });

/** Filters as stored, old ones included (bounds without a currency, read in euros). */
const randomFilter: fc.Arbitrary<DossierFilter> = fc.record(
  {
    subjects: fc.subarray([...subjectSchema.options]),
    reasons: fc.subarray([...reasonSchema.options], { maxLength: 3 }),
    merchantIds: fc.subarray(merchantPool, { maxLength: 2 }),
    currency: fc.constantFrom(...currencyPool),
    amountMin: amount,
    amountMax: amount,
    tags: fc.subarray(tagPool, { maxLength: 3 }),
    assignee: fc.constantFrom('me' as const, 'none' as const, ...agentPool),
  },
  { requiredKeys: [] },
);

/** A filter drawn around a dossier: each field most often lets it through, sometimes only just. */
function filterNear(d: Dossier): fc.Arbitrary<DossierFilter> {
  const maybeWith = <T>(list: fc.Arbitrary<T[]>, value: T) =>
    fc.tuple(list, fc.nat(3)).map(([xs, n]) => (n === 0 || xs.includes(value) ? xs : [...xs, value]));
  const { amount: own, currency: its } = d.transaction;
  const bound = fc.integer({ min: -2, max: 2 }).map((k) => Math.max(0, own + k * 50));
  const assignees = ['me' as const, 'none' as const, ...agentPool];
  return fc.record(
    {
      subjects: maybeWith(fc.subarray([...subjectSchema.options], { maxLength: 1 }), d.subject),
      reasons: maybeWith(fc.subarray([...reasonSchema.options], { maxLength: 2 }), d.reason),
      merchantIds: maybeWith(fc.subarray(merchantPool, { maxLength: 1 }), d.transaction.merchantId),
      currency: fc.oneof({ weight: 3, arbitrary: fc.constant(its) }, fc.constantFrom(...currencyPool)),
      amountMin: bound,
      amountMax: bound,
      // Most often tags the dossier has; one in four times another one too.
      tags: fc
        .tuple(fc.subarray(d.tags), fc.nat(3), fc.constantFrom(...tagPool))
        .map(([xs, n, extra]) => (n === 0 && !xs.includes(extra) ? [...xs, extra] : xs)),
      assignee: fc.oneof(
        {
          weight: 3,
          arbitrary: fc.constant(d.assigneeId === null ? ('none' as const) : d.assigneeId),
        },
        fc.constantFrom(...assignees),
      ),
    },
    { requiredKeys: [] },
  );
}

/** The filter cut into what each field asks alone (the currency with its bounds). */
function byField(f: DossierFilter): [FilterField, DossierFilter][] {
  const parts: [FilterField, DossierFilter][] = [];
  const { subjects, reasons, merchantIds, currency, amountMin, amountMax, tags, assignee } = f;
  if (subjects) parts.push(['subject', { subjects }]);
  if (reasons) parts.push(['reason', { reasons }]);
  if (merchantIds) parts.push(['merchant', { merchantIds }]);
  if (currency !== undefined) parts.push(['currency', { currency }]);
  if (amountMin !== undefined || amountMax !== undefined)
    parts.push([
      'amount',
      {
        ...(currency === undefined ? {} : { currency }),
        ...(amountMin === undefined ? {} : { amountMin }),
        ...(amountMax === undefined ? {} : { amountMax }),
      },
    ]);
  if (tags) parts.push(['tags', { tags }]);
  if (assignee !== undefined) parts.push(['assignee', { assignee }]);
  return parts;
}

const viewerArbitrary = fc.constantFrom<Viewer>(me, colleague, { userId: 'a3' });

describe('the filter on random dossiers and filters, against the oracle', () => {
  it('keeps exactly the dossiers the oracle keeps, for the whole filter and for each field alone', () => {
    /** How often each field kept and left out a dossier: a field never seen both ways proves little. */
    const answers = new Map<string, number>();
    const saw = (key: string) => answers.set(key, (answers.get(key) ?? 0) + 1);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(randomDossier, randomFilter),
          randomDossier.chain((d) => fc.tuple(fc.constant(d), filterNear(d))),
        ),
        viewerArbitrary,
        ([d, f], viewer) => {
          const expected = oracleMatches(d, f, viewer);
          expect(matchesFilter(d, f, viewer), `misses: ${filterMisses(d, f, viewer).join(', ')}`).toBe(
            expected,
          );
          saw(`whole ${String(expected)}`);
          for (const [field, part] of byField(f)) {
            const alone = oracleMatches(d, part, viewer);
            expect(matchesFilter(d, part, viewer), `${field} alone: ${JSON.stringify(part)}`).toBe(alone);
            saw(`${field} ${String(alone)}`);
          }
        },
      ),
      { numRuns: 3_000 },
    );
    const fields: FilterField[] = ['subject', 'reason', 'merchant', 'currency', 'amount', 'tags', 'assignee'];
    for (const key of ['whole', ...fields])
      for (const answer of ['true', 'false'])
        expect(answers.get(`${key} ${answer}`) ?? 0, `${key} ${answer}`).toBeGreaterThan(50);
  }, 60_000);

  it('orders any two dossiers as the oracle does, for every sort and queue', () => {
    const sort: fc.Arbitrary<DossierSort> = fc.record({
      key: fc.constantFrom(...sortKeys),
      direction: fc.constantFrom('asc' as const, 'desc' as const),
    });
    fc.assert(
      fc.property(
        sort,
        fc.constantFrom<QueueId>(...queueIds),
        randomDossier,
        randomDossier,
        (s, queue, a, b) => {
          expect(Math.sign(compareBy(s, queue)(a, b)) || 0).toBe(oracleOrder(s, queue, a, b));
        },
      ),
      { numRuns: 3_000 },
    );
  }, 60_000);
});
