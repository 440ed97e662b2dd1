import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../src-shared/domain/model';
import { defaultSettings } from '../../src-shared/domain/settings';
import type { Party } from '../../src-portal/domain/claim-status';
import { claimSections, claimStatus } from '../../src-portal/domain/claim-status';
import { makeI18n } from '../../src-portal/i18n/I18nProvider';
import { statusWords, statusTone } from '../../src-portal/ui/status-words';
import { dossier, now } from './portal';

/** Where a claim stands, in the words each party reads: whose move, until when, and late or not. */

const HOUR = 3_600_000;
const at = (ms: number) => new Date(ms).toISOString();
const en = makeI18n('en');
const fr = makeI18n('fr');
const words = (d: Dossier, party: Party, i18n = en) =>
  statusWords(i18n, claimStatus(d, party, now), party, now, defaultSettings);

describe('a claim awaiting the merchant', () => {
  const waiting = dossier({
    status: 'awaiting_merchant',
    merchantStage: 'answer_due',
    dueAt: at(now + 50 * HOUR),
  });

  it('tells the customer the merchant has the move, until when, and that Klik & Pay watches', () => {
    const w = words(waiting, 'customer');
    expect(w.title).toBe('Waiting for the merchant’s answer');
    expect(w.move).toBe('The merchant');
    expect(w.countdown).toBe('in 2 days 2 hours');
    expect(w.detail).toMatch(
      /^The merchant has until .+ to answer\. Klik & Pay is informed and watches the deadline\.$/,
    );
    expect(w.autoClose).toMatch(/^Without any news, the claim closes by itself on Mar 20, 2027\.$/);
  });

  it('tells the merchant it is its move, with the countdown', () => {
    const w = words(waiting, 'merchant');
    expect(w.title).toBe('Your answer is awaited');
    expect(w.move).toBe('Yours');
    expect(claimStatus(waiting, 'merchant', now).yours).toBe(true);
    expect(statusTone(claimStatus(waiting, 'merchant', now))).toBe('merchant');
  });

  it('says the merchant is late once its deadline has passed, even before the scheduler records it', () => {
    const late = { ...waiting, dueAt: at(now - 3 * HOUR) };
    const status = claimStatus(late, 'merchant', now);
    expect(status).toMatchObject({ situation: 'merchant_late', overdue: true });
    expect(statusTone(status)).toBe('late');
    expect(words(late, 'merchant')).toMatchObject({
      title: 'Overdue: your answer is late',
      countdown: 'overdue by 3 hours',
    });
    expect(words(late, 'customer').title).toBe('The merchant is late');
  });

  it('says the merchant was reminded of the Good Practices, with the new deadline', () => {
    const reminded = { ...waiting, merchantStage: 'reminded' as const, remindedAt: at(now - HOUR) };
    expect(words(reminded, 'customer').title).toBe('The merchant has been reminded');
    expect(words(reminded, 'merchant').detail).toMatch(
      /^Klik & Pay reminded you of the e-commerce Good Practices\. Answer by /,
    );
  });
});

describe('the other moves', () => {
  it('Klik & Pay: answers within its deadline, or is due to', () => {
    const klikpay = dossier({ status: 'awaiting_klikpay', merchantStage: null, dueAt: at(now + 5 * HOUR) });
    expect(words(klikpay, 'customer')).toMatchObject({
      title: 'Klik & Pay is looking into it',
      move: 'Klik & Pay',
      countdown: 'in 5 hours',
    });
    const late = { ...klikpay, dueAt: at(now - 30 * 60_000) };
    expect(words(late, 'customer').detail).toBe(
      'Klik & Pay is due to answer and will come back to you as soon as possible.',
    );
    expect(words(klikpay, 'merchant').title).toBe('Klik & Pay is handling it');
  });

  it('the customer: their move, no deadline but the auto-close', () => {
    const yours = dossier({
      status: 'awaiting_customer',
      merchantStage: null,
      dueAt: null,
      lastAnswerBy: 'merchant',
    });
    expect(words(yours, 'customer')).toMatchObject({
      title: 'Your answer is awaited',
      move: 'Yours',
      until: null,
    });
    expect(words(yours, 'merchant')).toMatchObject({
      title: 'Waiting for the customer',
      move: 'The customer',
    });
  });

  it('closed: by whom and when, with nobody to move', () => {
    const closure = {
      outcome: null,
      summary: null,
      at: at(now - 24 * HOUR),
      by: { role: 'customer' as const, id: 'u' },
    };
    const byCustomer = dossier({ status: 'closed', closure: { ...closure, reason: 'resolved_by_client' } });
    expect(words(byCustomer, 'customer')).toMatchObject({
      title: 'Closed: you said the dispute is resolved',
      move: null,
      until: null,
      autoClose: null,
      detail: 'Closed on Nov 23, 2026.',
    });
    expect(words(byCustomer, 'merchant').title).toBe('Closed: the customer said it is resolved');
    const idle = dossier({ status: 'closed', closure: { ...closure, reason: 'inactivity' } });
    expect(words(idle, 'customer').detail).toBe(
      'Closed on Nov 23, 2026, after 120 days without news through Klik & Pay.',
    );
  });

  it('speaks French', () => {
    const late = dossier({ dueAt: at(now - 26 * HOUR) });
    const w = words(late, 'merchant', fr);
    expect(w).toMatchObject({ title: 'En retard : votre réponse est attendue', move: 'À vous' });
    // French puts no-break spaces between a number and its unit.
    expect(w.countdown?.replace(/\s/g, ' ')).toBe('en retard de 1 jour 2 heures');
  });
});

describe('the order of a party’s claims', () => {
  it('puts the party’s own moves first, the most urgent (overdue) at the top, then the others, then the closed', () => {
    const soon = dossier({ id: 'soon', reference: 'KP-2026-000001', dueAt: at(now + HOUR) });
    const overdue = dossier({ id: 'overdue', reference: 'KP-2026-000002', dueAt: at(now - HOUR) });
    const later = dossier({ id: 'later', reference: 'KP-2026-000003', dueAt: at(now + 90 * HOUR) });
    const klikpay = dossier({ id: 'klikpay', status: 'awaiting_klikpay', dueAt: at(now + HOUR) });
    const closed = dossier({
      id: 'closed',
      status: 'closed',
      closure: {
        reason: 'resolved_by_klikpay',
        outcome: null,
        summary: 's',
        at: at(now),
        by: { role: 'agent', id: 'a' },
      },
    });
    const sections = claimSections([later, closed, soon, klikpay, overdue], 'merchant');
    expect(sections.yours.map((d) => d.id)).toEqual(['overdue', 'soon', 'later']);
    expect(sections.others.map((d) => d.id)).toEqual(['klikpay']);
    expect(sections.closed.map((d) => d.id)).toEqual(['closed']);
    expect(claimSections([later, klikpay], 'customer').yours).toEqual([]);
  });
});
