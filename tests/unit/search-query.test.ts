import { describe, expect, it } from 'vitest';
import { parseSearch } from '../../src-shared/domain/search';

/** A search as typed, taken apart into words and operators (issue 12, item 7). */

describe('parseSearch', () => {
  it('takes operators out of the words, in either language, quoted or not', () => {
    expect(parseSearch('colis status:closed merchant:Lumière')).toEqual({
      words: ['colis'],
      status: 'closed',
      merchant: ['lumiere'],
    });
    expect(parseSearch('statut:ouvert marchand:"Boutique Lumière" tag:Transporteur')).toEqual({
      words: [],
      status: 'open',
      merchant: ['boutique', 'lumiere'],
      tag: 'transporteur',
    });
    expect(parseSearch('STATUS:Awaiting_Merchant')).toMatchObject({ status: 'awaiting_merchant' });
  });

  it('keeps an unknown status as one that matches nothing, and ignores an empty operator', () => {
    expect(parseSearch('status:clossed colis')).toEqual({ words: ['colis'], status: null });
    expect(parseSearch('colis status:')).toEqual({ words: ['colis'] });
  });

  it('recognises a whole reference, whatever its case and spaces', () => {
    expect(parseSearch('  kp-2026-000123 ')).toMatchObject({ reference: 'KP-2026-000123' });
    expect(parseSearch('KP-2026-000123 colis').reference).toBeUndefined();
  });

  it('drops the little words the index leaves out, but not the last one (still being typed)', () => {
    expect(parseSearch('le colis de Marie').words).toEqual(['colis', 'marie']);
    expect(parseSearch('colis le').words).toEqual(['colis', 'le']);
  });
});
