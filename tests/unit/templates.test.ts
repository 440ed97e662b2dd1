import { describe, expect, it } from 'vitest';
import type { Language, MerchantState, TemplateFacts, TemplateId } from '../../src-shared/domain/templates';
import {
  formatAmount,
  formatDate,
  reasonLabel,
  renderTemplate,
  subjectLabel,
  templateIds,
} from '../../src-shared/domain/templates';
import { reasonSchema, subjectSchema } from '../../src-shared/domain/vocabulary';

const languages = ['fr', 'en'] as const;

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
  merchantState: 'answer_due',
  closedBy: null,
  inactivityDays: 120,
  klikpayReplyBusinessDays: 1,
  automaticLetters: true,
  ...over,
});
const render = (id: TemplateId, language: Language, over: Partial<TemplateFacts> = {}) =>
  renderTemplate(id, facts({ language, ...over }));
// Intl separates French digits and symbols with (narrow) no-break spaces; compare words, not spacing.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const signatures: Record<Language, string> = {
  fr: 'Klik & Pay — service de règlement des litiges',
  en: 'Klik & Pay — Dispute Settlement Department',
};
// Case matters: French 'concernant' and English 'unanswered' contain 'nan'.
const unfilled = /undefined|null|NaN|Invalid Date|\{|\}|\bplaceholder\b|\bTODO\b|\bXXX\b/;

describe('every letter, in both languages', () => {
  for (const id of templateIds) {
    for (const language of languages) {
      it(`${id} (${language}) is filled with the dossier's facts and signed`, () => {
        const text = render(id, language);
        expect(text.length).toBeGreaterThan(150);
        expect(text).not.toMatch(unfilled);
        for (const fact of [
          'KP-2026-000123',
          'La Boutique du Voyageur',
          'BL-204311',
          formatAmount(12_345, 'EUR', language),
          formatDate('2026-06-20T10:00:00Z', language, 'Europe/Paris'),
        ]) {
          expect(text).toContain(fact);
        }
        expect(text.endsWith(signatures[language])).toBe(true);
      });
    }
  }

  it('never leaves a gap, whatever the claim and however many dates are known', () => {
    for (const id of templateIds)
      for (const language of languages)
        for (const subject of subjectSchema.options)
          for (const reason of reasonSchema.options)
            for (const withMerchant of [true, false])
              for (const dates of [{}, { dueAt: null, autoCloseAt: null }]) {
                const text = render(id, language, { subject, reason, withMerchant, ...dates });
                expect(text, `${id} ${language} ${subject} ${reason}`).not.toMatch(unfilled);
                expect(text).toContain('KP-2026-000123');
              }
  });

  it('writes each language in its own words, with no sentence of the other', () => {
    const neutral = { merchantName: 'Nordlicht GmbH', customerName: 'Claire Dumont' };
    for (const id of templateIds) {
      const fr = render(id, 'fr', neutral);
      const en = render(id, 'en', neutral);
      expect(fr, id).toMatch(/^(Bonjour|À l’attention de)/);
      expect(en, id).toMatch(/^(Hello|Dear|For the attention of)/);
      expect(fr, id).not.toMatch(/\b(the|your|and|Kind regards)\b/);
      expect(en, id).not.toMatch(/\b(le|la|les|votre|vous|et|Cordialement)\b/);
    }
  });

  it('produces plain text, never markup or entities', () => {
    for (const id of templateIds)
      for (const language of languages) {
        const text = render(id, language);
        expect(text).not.toMatch(/<\/?[a-z][^>]*>/i);
        expect(text).not.toMatch(/&(amp|lt|gt|quot|#\d+);/);
      }
  });

  it('inserts facts verbatim: markup, quotes and replacement patterns stay as typed', () => {
    const hostile = {
      merchantName: '<script>alert("x")</script> Cash$& Carry',
      customerName: `Seán O'Brien "Jo" <b>`,
      orderReference: '${f.amount} $1 <img src=x onerror=alert(1)>',
    };
    for (const id of templateIds)
      for (const language of languages) {
        const text = render(id, language, hostile);
        expect(text).toContain(hostile.merchantName);
        expect(text).toContain(hostile.orderReference);
        expect(text).not.toMatch(/&(amp|lt|gt|quot|#\d+);/);
      }
    expect(render('filing_acknowledgement', 'en', hostile)).toContain(hostile.customerName);
  });
});

describe('the Good Practices reminder (to the merchant)', () => {
  const due = '2026-07-14T22:30:00Z';

  it('prints the new deadline on the calendar of the recipient’s zone', () => {
    const frParis = plain(render('good_practices_reminder', 'fr', { dueAt: due }));
    expect(frParis).toContain('au plus tard le 15 juillet 2026');
    const enNewYork = render('good_practices_reminder', 'en', { dueAt: due, timeZone: 'America/New_York' });
    expect(enNewYork).toContain('by 14 July 2026');
    expect(enNewYork).not.toContain('15 July');
    expect(render('good_practices_reminder', 'fr', { dueAt: due, timeZone: 'America/New_York' })).toContain(
      '14 juillet 2026',
    );
    expect(render('good_practices_reminder', 'en', { dueAt: due })).toContain('15 July 2026');
  });

  it('lists the Good Practices, says the claim is unanswered and that Klik & Pay will take over', () => {
    const fr = render('good_practices_reminder', 'fr');
    expect(fr).toContain('Bonnes Pratiques du e-commerce');
    expect(fr).toContain('sans réponse');
    expect(fr).toContain('Klik & Pay prendra le dossier en main');
    const en = render('good_practices_reminder', 'en');
    expect(en).toContain('e-commerce Good Practices');
    expect(en).toContain('still unanswered');
    expect(en).toContain('Klik & Pay will take the dossier over');
    for (const text of [fr, en]) {
      expect(text.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(7);
      expect(text).toContain('Claire Dumont');
    }
    expect(en).toMatch(/tracking number/);
    expect(en).toMatch(/legal guarantee of conformity/);
    expect(fr).toMatch(/numéro de suivi/);
  });
});

describe('information on the customer’s rights', () => {
  it('states the legal facts plainly, whatever the reason', () => {
    for (const reason of reasonSchema.options) {
      const fr = plain(render('rights_information', 'fr', { reason }));
      for (const words of ['30 jours', '14 jours', '2 ans', 'médiateur', 'FEVAD', 'rétrofacturation'])
        expect(fr, reason).toContain(words);
      const en = render('rights_information', 'en', { reason });
      for (const words of ['30 days', '14 days', '2 years', 'mediator', 'FEVAD', 'chargeback'])
        expect(en, reason).toContain(words);
    }
  });

  it('puts first the rule that fits the reason', () => {
    const before = (text: string, words: string, list: string) => {
      expect(text.indexOf(words)).toBeGreaterThan(0);
      expect(text.indexOf(words)).toBeLessThan(text.indexOf(list));
    };
    before(render('rights_information', 'en', { reason: 'not_received' }), 'has not arrived', '- Delivery');
    before(render('rights_information', 'fr', { reason: 'not_received' }), 'pas arrivée', '- Livraison');
    for (const reason of ['damaged_or_defective', 'not_as_ordered'] as const) {
      const en = render('rights_information', 'en', { reason });
      before(en, 'legal guarantee of conformity covers', '- Delivery');
      expect(en).not.toContain('has not arrived');
      before(render('rights_information', 'fr', { reason }), 'garantie légale de conformité le couvre', '- ');
    }
  });

  it('says what the merchant actually did, and nothing else', () => {
    const en = (merchantState: MerchantState, over: Partial<TemplateFacts> = {}) =>
      render('rights_information', 'en', { merchantState, ...over });
    const fr = (merchantState: MerchantState, over: Partial<TemplateFacts> = {}) =>
      plain(render('rights_information', 'fr', { merchantState, ...over }));
    expect(en('answer_due')).toMatch(
      /forwarded it to La Boutique du Voyageur, who is asked to answer you by 20 July 2026/,
    );
    expect(en('answer_due')).not.toMatch(/not answered|reminded/);
    expect(en('late')).toContain('has not answered it within the deadline');
    expect(en('late')).not.toMatch(/reminded/);
    expect(en('reminded')).toMatch(
      /has not answered it within the deadline, so Klik & Pay has reminded them of the e-commerce Good Practices/,
    );
    expect(en('answered')).toContain('La Boutique du Voyageur has answered your claim');
    expect(en('answered')).not.toMatch(/not answered|reminded/);
    expect(fr('reminded')).toMatch(/rappelé les Bonnes Pratiques/);
    expect(fr('late')).not.toMatch(/rappel/);
    expect(fr('answered')).toContain('a répondu à votre réclamation');
  });

  it('mentions no reminder on a payment claim: Klik & Pay handles it', () => {
    for (const reason of reasonSchema.options) {
      const payment = { subject: 'payment', reason, merchantState: 'klikpay' } as const;
      const en = render('rights_information', 'en', payment);
      expect(en).toContain('As it concerns the payment itself, Klik & Pay handles it directly.');
      expect(en).not.toMatch(/remind|has not answered|Good Practices/);
      const fr = plain(render('rights_information', 'fr', payment));
      expect(fr).toContain('Klik & Pay la traite directement');
      expect(fr).not.toMatch(/rappel|Bonnes Pratiques|pas répondu/);
    }
  });
});

describe('the other letters say what the rules do', () => {
  it('acknowledges a payment claim with a reply within a business day, a delivery one with the merchant deadline', () => {
    const payment = { subject: 'payment', withMerchant: false } as const;
    expect(render('filing_acknowledgement', 'en', payment)).toMatch(/within one business day/);
    expect(render('filing_acknowledgement', 'fr', payment)).toMatch(/sous un jour ouvré/);
    expect(render('filing_acknowledgement', 'en')).toMatch(/forwarded it to La Boutique du Voyageur/);
    expect(render('filing_acknowledgement', 'en')).toMatch(/by 20 July 2026/);
    expect(render('filing_acknowledgement', 'fr')).toMatch(/au plus tard le 20 juillet 2026/);
  });

  it('never says a claim went to a merchant that cannot be reached', () => {
    const unreachable = { withMerchant: false, subject: 'delivery' } as const;
    const en = render('filing_acknowledgement', 'en', unreachable);
    expect(en).not.toMatch(/forwarded/);
    expect(en).toMatch(/cannot be reached by e-mail/);
    const fr = render('filing_acknowledgement', 'fr', unreachable);
    expect(fr).not.toMatch(/transmise à/);
    expect(fr).toMatch(/ne pouvant être joint/);
  });

  it('tells the merchant what the customer reports and by when to answer', () => {
    const en = render('merchant_forward', 'en', { reason: 'damaged_or_defective' });
    expect(en).toContain('Claire Dumont');
    expect(en).toContain('delivery');
    expect(en).toContain('damaged or defective');
    expect(en).toContain('by 20 July 2026');
    const fr = render('merchant_forward', 'fr', { reason: 'not_as_ordered' });
    expect(fr).toContain('livraison');
    expect(fr).toContain('non conforme à la commande');
    expect(fr).toContain('20 juillet 2026');
  });

  it('asks either party for proof, addressed neutrally', () => {
    const en = render('request_for_proof', 'en');
    expect(en.startsWith('Hello,\n')).toBe(true);
    for (const words of ['receipt', 'tracking number', 'photos', 'correspondence'])
      expect(en).toContain(words);
    const fr = render('request_for_proof', 'fr');
    expect(fr.startsWith('Bonjour,\n')).toBe(true);
    for (const words of ['facture', 'numéro de suivi', 'photos', 'échanges']) expect(fr).toContain(words);
  });

  it('leaves the agent an empty line to write the proposed resolution on', () => {
    const blank = (text: string, label: string) =>
      text.split('\n').some((line) => line.startsWith(label) && line.slice(label.length).trim() === '');
    expect(blank(render('resolution_proposal', 'en'), 'Proposed resolution:')).toBe(true);
    expect(blank(render('resolution_proposal', 'fr'), 'Solution proposée :')).toBe(true);
  });

  it('announces the closures, the reopening and the escalation', () => {
    expect(render('pre_close_notice', 'en')).toContain('closed automatically on 10 November 2026');
    expect(render('pre_close_notice', 'fr')).toContain('clos automatiquement le 10 novembre 2026');
    expect(render('auto_close_notice', 'en')).toContain('120 days');
    expect(render('auto_close_notice', 'fr')).toContain('120 jours');
    expect(render('closure_notice', 'en')).toContain('Klik & Pay has closed dossier KP-2026-000123');
    expect(render('closure_notice', 'fr')).toContain('Klik & Pay a clos le dossier KP-2026-000123');
    expect(render('reopen_notice', 'en')).toContain('reopened');
    expect(render('reopen_notice', 'fr')).toContain('rouvert');
    expect(render('escalation_notice', 'en')).toMatch(/did not answer .* within the deadline/);
    expect(render('escalation_notice', 'en')).toContain('Klik & Pay now takes the dossier over');
    expect(render('escalation_notice', 'fr')).toContain('Klik & Pay prend désormais le dossier en main');
  });

  it('says who closed the dossier', () => {
    const byCustomer = { closedBy: 'customer' } as const;
    expect(render('closure_notice', 'en', byCustomer)).toContain(
      'Claire Dumont has told Klik & Pay that the dispute is resolved',
    );
    expect(render('closure_notice', 'en', byCustomer)).not.toContain('Klik & Pay has closed');
    expect(render('closure_notice', 'fr', byCustomer)).toContain(
      'Claire Dumont a indiqué à Klik & Pay que le litige est résolu',
    );
    expect(render('closure_notice', 'en', { closedBy: 'klikpay' })).toContain(
      'Klik & Pay has closed dossier',
    );
  });

  it('quotes the configured delays, not the defaults', () => {
    expect(render('auto_close_notice', 'en', { inactivityDays: 90 })).toContain('after 90 days');
    expect(render('auto_close_notice', 'en', { inactivityDays: 90 })).not.toContain('120');
    expect(render('auto_close_notice', 'fr', { inactivityDays: 90 })).toContain('après 90 jours');
    const payment = { subject: 'payment', withMerchant: false, klikpayReplyBusinessDays: 2 } as const;
    expect(render('filing_acknowledgement', 'en', payment)).toContain('within 2 business days');
    expect(render('filing_acknowledgement', 'fr', payment)).toContain('sous 2 jours ouvrés');
  });

  it('mentions a reminder in the escalation notice only when one was sent', () => {
    expect(render('escalation_notice', 'en', { merchantReminded: true })).toContain(
      'even after being reminded',
    );
    expect(render('escalation_notice', 'en', { merchantReminded: false })).not.toMatch(/remind/);
    expect(render('escalation_notice', 'fr', { merchantReminded: false })).not.toMatch(/rappel/);
  });

  it('tells the merchant what happens if it stays silent, as the department works', () => {
    expect(render('merchant_forward', 'en')).toMatch(/remind you of the e-commerce Good Practices/);
    expect(render('merchant_forward', 'en', { automaticLetters: false })).toMatch(/we will step in/);
  });
});

describe('formatting', () => {
  it.each([
    [12_345, 'EUR', '123,45 €', '€123.45'],
    [12_345, 'JPY', '12 345 JPY', 'JP¥12,345'],
    [12_345, 'KWD', '12,345 KWD', 'KWD 12.345'],
    [12_345, 'USD', '123,45 $US', 'US$123.45'],
    [12_345, 'GBP', '123,45 £GB', '£123.45'],
    [123_456_789, 'EUR', '1 234 567,89 €', '€1,234,567.89'],
    [1, 'KWD', '0,001 KWD', 'KWD 0.001'],
    [5, 'JPY', '5 JPY', 'JP¥5'],
    [0, 'EUR', '0,00 €', '€0.00'],
  ])('formats %i minor units of %s with the currency’s own decimals', (minor, currency, fr, en) => {
    expect(plain(formatAmount(minor, currency, 'fr'))).toBe(fr);
    expect(plain(formatAmount(minor, currency, 'en'))).toBe(en);
  });

  it('keeps a French amount and its symbol on one line', () => {
    expect(formatAmount(12_345, 'EUR', 'fr')).toMatch(/45[\u00a0\u202f]€$/);
  });

  it('formats long dates in the language and on the calendar of the zone asked', () => {
    expect(formatDate('2026-07-14T10:00:00Z', 'fr', 'Europe/Paris')).toBe('14 juillet 2026');
    expect(formatDate('2026-07-14T10:00:00Z', 'en', 'Europe/Paris')).toBe('14 July 2026');
    expect(formatDate('2026-07-14T22:30:00Z', 'en', 'Europe/Paris')).toBe('15 July 2026');
    expect(formatDate('2026-07-14T22:30:00Z', 'en', 'America/New_York')).toBe('14 July 2026');
    expect(formatDate('2026-12-31T23:30:00Z', 'fr', 'Europe/Paris')).toBe('1er janvier 2027');
  });

  it('writes the first of the month as French does, and only the first', () => {
    expect(formatDate('2026-07-01T10:00:00Z', 'fr', 'Europe/Paris')).toBe('1er juillet 2026');
    expect(formatDate('2026-07-01T10:00:00Z', 'en', 'Europe/Paris')).toBe('1 July 2026');
    expect(formatDate('2026-07-11T10:00:00Z', 'fr', 'Europe/Paris')).toBe('11 juillet 2026');
    expect(formatDate('2026-07-31T10:00:00Z', 'fr', 'Europe/Paris')).toBe('31 juillet 2026');
    expect(render('filing_acknowledgement', 'fr', { transactionDate: '2026-06-30T23:30:00Z' })).toContain(
      'du 1er juillet 2026',
    );
  });

  it('refuses an unreadable instant rather than writing "Invalid Date" in a letter', () => {
    expect(() => formatDate('not a date', 'en', 'Europe/Paris')).toThrow(RangeError);
    expect(() => render('closure_notice', 'en', { transactionDate: '' })).toThrow(RangeError);
  });

  it('names every reason and subject as docs/letters.md does, distinctly, in both languages', () => {
    for (const language of languages) {
      const reasons = reasonSchema.options.map((r) => reasonLabel(r, language));
      expect(new Set(reasons).size).toBe(reasons.length);
      const subjects = subjectSchema.options.map((s) => subjectLabel(s, language));
      expect(new Set(subjects).size).toBe(subjects.length);
    }
    for (const reason of reasonSchema.options) {
      expect(reasonLabel(reason, 'fr')).not.toBe(reasonLabel(reason, 'en'));
    }
    expect(reasonLabel('not_as_ordered', 'fr')).toBe('non conforme à la commande');
    expect(reasonLabel('after_sales', 'fr')).toBe('SAV / garantie');
    expect(reasonLabel('after_sales', 'en')).toBe('after-sales / guarantee');
    expect(subjectLabel('delivery', 'fr')).toBe('livraison');
    expect(subjectLabel('payment', 'en')).toBe('payment');
  });
});
