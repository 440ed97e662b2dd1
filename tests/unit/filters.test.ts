import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DossierFilter, SavedView } from '../../src-shared/domain/filters';
import {
  deadlineFilters,
  defaultSort,
  dossierFilterSchema,
  filterCurrency,
  isEmptyFilter,
  legacyAmountCurrency,
  matchesFilter,
  savedViewSchema,
  upgradeStoredFilter,
  upgradeStoredView,
} from '../../src-shared/domain/filters';
import { file, MONDAY, settings, transaction } from './fixtures';

/**
 * The amount filter is about one currency, the deadline filter one of the dashboard's breaches: the
 * shared schema, predicate and reading of old views.
 */

const viewer = { userId: 'a1' };
/** The filter as the agent `a1` reads it, on Monday 13 July 2026 at 10:00 in Paris. */
const ctx = { viewer, now: MONDAY, settings };
const dossierIn = (currency: string, amount: number) =>
  file({ transaction: transaction({ currency, amount }) });
const eur = dossierIn('EUR', 12_990);
const jpy = dossierIn('JPY', 12_990);
const usd = dossierIn('USD', 500);

describe('the filter schema', () => {
  it('refuses amount bounds without a currency, saying why', () => {
    for (const bounds of [{ amountMin: 100 }, { amountMax: 500 }, { amountMin: 100, amountMax: 500 }]) {
      const parsed = dossierFilterSchema.safeParse(bounds);
      expect(parsed.success, JSON.stringify(bounds)).toBe(false);
      expect(parsed.error?.issues).toEqual([
        expect.objectContaining({
          path: ['currency'],
          message: 'an amount bound needs a currency: amounts in different currencies cannot be compared',
        }),
      ]);
    }
  });

  it('accepts bounds with their currency, and a currency alone', () => {
    expect(dossierFilterSchema.parse({ currency: 'JPY', amountMin: 100, amountMax: 500 })).toEqual({
      currency: 'JPY',
      amountMin: 100,
      amountMax: 500,
    });
    expect(dossierFilterSchema.parse({ currency: 'USD' })).toEqual({ currency: 'USD' });
  });

  it('takes ISO 4217 codes only', () => {
    for (const currency of ['eur', 'EURO', '€', '', 'E1R']) {
      expect(dossierFilterSchema.safeParse({ currency }).success, currency).toBe(false);
    }
  });

  it('counts a currency alone as a filter', () => {
    expect(isEmptyFilter({ currency: 'USD' })).toBe(false);
    expect(isEmptyFilter({})).toBe(true);
  });

  it('takes one of the three deadlines, and counts it alone as a filter', () => {
    for (const deadline of deadlineFilters) {
      expect(dossierFilterSchema.parse({ deadline })).toEqual({ deadline });
      expect(isEmptyFilter({ deadline })).toBe(false);
    }
    for (const deadline of ['late', 'KLIKPAY_LATE', '', null]) {
      expect(dossierFilterSchema.safeParse({ deadline }).success, String(deadline)).toBe(false);
    }
  });

  it('still reads a view saved before the deadline filter, which has none', () => {
    const view = {
      id: 'v-1',
      name: 'Livraisons',
      queue: 'all',
      filter: { subjects: ['delivery'] },
      sort: defaultSort,
    };
    expect(savedViewSchema.parse(view)).toEqual(view);
  });
});

describe('matching a dossier', () => {
  it('keeps only dossiers in the filter’s currency', () => {
    expect(matchesFilter(usd, { currency: 'USD' }, ctx)).toBe(true);
    expect(matchesFilter(eur, { currency: 'USD' }, ctx)).toBe(false);
  });

  it('compares amounts within the currency only: 12,990 yen is not €129.90', () => {
    const range: DossierFilter = { currency: 'EUR', amountMin: 10_000, amountMax: 20_000 };
    expect(matchesFilter(eur, range, ctx)).toBe(true);
    expect(matchesFilter(jpy, range, ctx)).toBe(false);
    expect(matchesFilter(jpy, { ...range, currency: 'JPY' }, ctx)).toBe(true);
    expect(matchesFilter(eur, { ...range, amountMin: 12_991 }, ctx)).toBe(false);
    expect(matchesFilter(eur, { ...range, amountMax: 12_990 }, ctx)).toBe(true);
  });
});

describe('filters and views stored before the currency was part of the filter', () => {
  const legacy: DossierFilter = { subjects: ['delivery'], amountMin: 10_000 };
  const view: SavedView = {
    id: 'v-1',
    name: 'Gros montants',
    queue: 'all',
    filter: legacy,
    sort: { key: 'amount', direction: 'desc' },
  };

  it('read their bounds in EUR, the currency the bar typed them in', () => {
    expect(legacyAmountCurrency).toBe('EUR');
    expect(filterCurrency(legacy)).toBe('EUR');
    expect(upgradeStoredFilter(legacy)).toEqual({ ...legacy, currency: 'EUR' });
    const upgraded = upgradeStoredView(view);
    expect(upgraded).toEqual({ ...view, filter: { ...legacy, currency: 'EUR' } });
    // As read, the view is valid again; as stored, it is not.
    expect(savedViewSchema.safeParse(view).success).toBe(false);
    expect(savedViewSchema.parse(upgraded)).toEqual(upgraded);
  });

  it('leave filters that need nothing unchanged', () => {
    for (const f of [{}, { currency: 'USD' }, { currency: 'JPY', amountMax: 5 }, { tags: ['vip'] }]) {
      expect(upgradeStoredFilter(f)).toBe(f);
    }
    const current: SavedView = { ...view, filter: { currency: 'GBP', amountMin: 1 } };
    expect(upgradeStoredView(current)).toBe(current);
  });

  it('match exactly as their upgraded form, whatever the dossier', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('EUR', 'JPY', 'USD', 'GBP'),
        fc.integer({ min: 1, max: 300_000 }),
        fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: undefined }),
        (currency, amount, amountMin, amountMax) => {
          const d = dossierIn(currency, amount);
          const f: DossierFilter = {
            ...(amountMin === undefined ? {} : { amountMin }),
            ...(amountMax === undefined ? {} : { amountMax }),
          };
          expect(matchesFilter(d, f, ctx)).toBe(matchesFilter(d, upgradeStoredFilter(f), ctx));
          if (currency !== 'EUR' && (amountMin !== undefined || amountMax !== undefined)) {
            expect(matchesFilter(d, f, ctx)).toBe(false);
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});
