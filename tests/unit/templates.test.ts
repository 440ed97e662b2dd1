import { describe, expect, it } from 'vitest';
import type { TemplateFacts } from '../../src-shared/domain/templates';
import {
  formatAmount,
  formatDate,
  reasonLabel,
  renderTemplate,
  templateIds,
} from '../../src-shared/domain/templates';
import { reasonSchema } from '../../src-shared/domain/vocabulary';

const facts = (over: Partial<TemplateFacts> = {}): TemplateFacts => ({
  reference: 'KP-2026-000123',
  language: 'fr',
  customerName: 'Claire Dumont',
  merchantName: 'La Boutique du Voyageur',
  amount: 12_345,
  currency: 'EUR',
  transactionDate: '2026-06-20T10:00:00Z',
  orderReference: 'BL-204311',
  subject: 'delivery',
  reason: 'not_received',
  withMerchant: true,
  dueAt: '2026-07-20T08:00:00Z',
  autoCloseAt: '2026-11-10T08:00:00Z',
  timeZone: 'Europe/Paris',
  ...over,
});
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('every letter, in both languages', () => {
  for (const id of templateIds) {
    for (const language of ['fr', 'en'] as const) {
      it(`${id} (${language}) is filled in completely`, () => {
        const text = renderTemplate(id, facts({ language }));
        expect(text.length).toBeGreaterThan(60);
        expect(text).toContain('KP-2026-000123');
        expect(text).not.toMatch(/undefined|null|NaN|Invalid Date|\{|\}|\$\{/);
        expect(text).toContain(
          language === 'fr' ? 'service de règlement des litiges' : 'Dispute Settlement Department',
        );
      });
    }
  }
});

describe('the Good Practices reminder', () => {
  it('states the Good Practices and the new deadline in the recipient’s zone', () => {
    const due = '2026-07-14T22:30:00Z';
    const fr = renderTemplate('good_practices_reminder', facts({ dueAt: due }));
    expect(fr).toContain('Bonnes Pratiques');
    expect(fr).toContain('15 juillet 2026');
    const en = renderTemplate(
      'good_practices_reminder',
      facts({ language: 'en', dueAt: due, timeZone: 'America/New_York' }),
    );
    expect(en).toContain('Good Practices');
    expect(en).toContain('14 July 2026');
    expect(en).toMatch(/take the dossier over/);
  });
});

describe('information on the customer’s rights', () => {
  it('states the legal facts plainly in both languages', () => {
    const fr = nbsp(renderTemplate('rights_information', facts()));
    for (const word of ['30 jours', '14 jours', '2 ans', 'médiateur', 'FEVAD', 'rétrofacturation'])
      expect(fr).toContain(word);
    const en = renderTemplate('rights_information', facts({ language: 'en' }));
    for (const word of ['30 days', '14 days', '2 years', 'mediator', 'FEVAD', 'chargeback'])
      expect(en).toContain(word);
  });

  it('puts first the rule that fits the reason', () => {
    const delivery = renderTemplate('rights_information', facts({ language: 'en', reason: 'not_received' }));
    const defect = renderTemplate(
      'rights_information',
      facts({ language: 'en', reason: 'damaged_or_defective' }),
    );
    expect(delivery.indexOf('has not arrived')).toBeGreaterThan(0);
    expect(defect.indexOf('legal guarantee of conformity covers')).toBeGreaterThan(0);
  });
});

describe('the acknowledgement routes in words what the rules do', () => {
  it('promises a reply within a business day for a payment claim, the merchant deadline otherwise', () => {
    expect(
      renderTemplate(
        'filing_acknowledgement',
        facts({ language: 'en', subject: 'payment', withMerchant: false }),
      ),
    ).toMatch(/one business day/);
    expect(renderTemplate('filing_acknowledgement', facts({ language: 'en' }))).toMatch(/by 20 July 2026/);
  });

  it('never says a claim went to a merchant that cannot be reached', () => {
    const en = renderTemplate(
      'filing_acknowledgement',
      facts({ language: 'en', withMerchant: false, subject: 'delivery' }),
    );
    expect(en).not.toMatch(/forwarded/);
    expect(en).toMatch(/cannot be reached by e-mail/);
    const fr = renderTemplate('filing_acknowledgement', facts({ withMerchant: false, subject: 'delivery' }));
    expect(fr).not.toMatch(/transmise à/);
    expect(fr).toMatch(/ne pouvant être joint/);
  });
});

describe('formatting', () => {
  it('formats amounts with the currency’s own decimals', () => {
    expect(nbsp(formatAmount(12_345, 'EUR', 'fr'))).toBe('123,45 €');
    expect(formatAmount(12_345, 'EUR', 'en')).toBe('€123.45');
    expect(nbsp(formatAmount(12_345, 'JPY', 'fr'))).toBe('12 345 JPY');
    expect(formatAmount(12_345, 'JPY', 'en')).toBe('JP¥12,345');
    expect(nbsp(formatAmount(12_345, 'KWD', 'en'))).toBe('KWD 12.345');
    expect(formatAmount(999, 'USD', 'en')).toBe('US$9.99');
    expect(formatAmount(999, 'GBP', 'en')).toBe('£9.99');
  });

  it('formats dates in the language and zone asked', () => {
    expect(formatDate('2026-07-14T10:00:00Z', 'fr', 'Europe/Paris')).toBe('14 juillet 2026');
    expect(formatDate('2026-07-14T10:00:00Z', 'en', 'Europe/Paris')).toBe('14 July 2026');
  });

  it('names every reason in both languages', () => {
    for (const reason of reasonSchema.options) {
      expect(reasonLabel(reason, 'fr')).not.toBe(reasonLabel(reason, 'en'));
    }
  });

  it('inserts facts verbatim, as text, never as markup', () => {
    const text = renderTemplate(
      'closure_notice',
      facts({ merchantName: '<script>alert("x")</script> & Co' }),
    );
    expect(text).toContain('<script>alert("x")</script> & Co');
  });
});
