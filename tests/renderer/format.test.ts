import { describe, expect, it } from 'vitest';
import { countdownText, countdownTone } from '../../src-renderer/i18n/countdown';
import {
  currencyDigits,
  formatAmount,
  formatDateTime,
  formatMoment,
  formatRelative,
  formatTime,
} from '../../src-renderer/i18n/format';
import { createTranslate } from '../../src-renderer/i18n/translate';
import { plain } from './providers';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('amounts', () => {
  it('use the currency’s own minor units', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
  });

  it('write euros in English and French', () => {
    expect(formatAmount('en', 123_456, 'EUR')).toBe('€1,234.56');
    expect(plain(formatAmount('fr', 123_456, 'EUR'))).toBe('1 234,56 €');
    expect(formatAmount('en', 5, 'EUR')).toBe('€0.05');
  });

  it('write yen without decimals: a JPY amount is already in yen', () => {
    expect(formatAmount('en', 1500, 'JPY')).toBe('¥1,500');
    expect(plain(formatAmount('fr', 1500, 'JPY'))).toMatch(/^1 500 (JPY|¥)$/);
  });

  it('write three-decimal currencies and large amounts exactly', () => {
    expect(plain(formatAmount('en', 1234, 'KWD'))).toBe('KWD 1.234');
    expect(formatAmount('en', Number.MAX_SAFE_INTEGER, 'EUR')).toBe('€90,071,992,547,409.91');
  });
});

describe('dates and times', () => {
  const instant = '2026-03-12T13:05:00Z';

  it('are written in the given time zone', () => {
    expect(plain(formatDateTime('en', instant, 'Europe/Paris'))).toBe('Mar 12, 2026, 2:05 PM');
    expect(plain(formatDateTime('en', instant, 'America/New_York'))).toBe('Mar 12, 2026, 9:05 AM');
    expect(plain(formatDateTime('fr', instant, 'Europe/Paris'))).toMatch(/^12 mars 2026(,| à) 14:05$/);
    expect(formatTime('fr', instant, 'Asia/Tokyo')).toBe('22:05');
  });

  it('default to the agent’s own time zone', () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(formatDateTime('en', instant)).toBe(formatDateTime('en', instant, zone));
    expect(formatDateTime('fr', instant)).toBe(formatDateTime('fr', instant, zone));
  });

  it('give the time alone on the same day, else the date too', () => {
    const now = Date.parse('2026-03-12T18:00:00Z');
    expect(formatMoment('en', instant, now, 'Europe/Paris')).toBe(formatTime('en', instant, 'Europe/Paris'));
    const nextDay = Date.parse('2026-03-13T09:00:00Z');
    expect(formatMoment('en', instant, nextDay, 'Europe/Paris')).toBe(
      formatDateTime('en', instant, 'Europe/Paris'),
    );
  });

  it('are written relative to now in both languages', () => {
    const now = Date.parse(instant);
    expect(formatRelative('en', now - 5 * MIN, now)).toBe('5 minutes ago');
    expect(formatRelative('fr', now - 5 * MIN, now)).toBe('il y a 5 minutes');
    expect(formatRelative('en', now + 3 * DAY, now)).toBe('in 3 days');
    expect(formatRelative('fr', now + 3 * DAY, now)).toBe('dans 3 jours');
    expect(formatRelative('fr', now + 2 * DAY, now)).toBe('après-demain');
    expect(formatRelative('en', now - DAY, now)).toBe('yesterday');
    expect(formatRelative('fr', now - DAY, now)).toBe('hier');
    expect(formatRelative('en', now - 10_000, now)).toBe('now');
  });
});

describe('deadline countdowns', () => {
  const en = createTranslate('en');
  const fr = createTranslate('fr');
  const now = Date.parse('2026-03-12T13:05:00Z');
  const due = (ms: number) => new Date(now + ms).toISOString();

  it('count down in English and French', () => {
    const cases: [number, string, string][] = [
      [3 * HOUR + 20 * MIN + 30_000, 'in 3 h 20 min', 'dans 3 h 20 min'],
      [3 * HOUR, 'in 3 h', 'dans 3 h'],
      [2 * DAY + 4 * HOUR + 10 * MIN, 'in 2 d 4 h', 'dans 2 j 4 h'],
      [5 * MIN, 'in 5 min', 'dans 5 min'],
      [45_000, 'in less than 1 min', 'dans moins d’1 min'],
      [-2 * DAY, 'overdue by 2 d', 'en retard de 2 j'],
      [-(HOUR + 15 * MIN), 'overdue by 1 h 15 min', 'en retard de 1 h 15 min'],
      [0, 'overdue by less than 1 min', 'en retard de moins d’1 min'],
    ];
    for (const [offset, english, french] of cases) {
      expect(countdownText(en, due(offset), now)).toBe(english);
      expect(countdownText(fr, due(offset), now)).toBe(french);
    }
  });

  it('accept instants as ISO strings, numbers or dates', () => {
    expect(countdownText(en, now + 7 * DAY, now)).toBe('in 7 d');
    expect(countdownText(en, new Date(now - 30 * MIN), now)).toBe('overdue by 30 min');
  });

  it('tell how pressing a deadline is', () => {
    expect(countdownTone(due(-1), now)).toBe('overdue');
    expect(countdownTone(due(0), now)).toBe('overdue');
    expect(countdownTone(due(3 * HOUR), now)).toBe('soon');
    expect(countdownTone(due(5 * HOUR), now)).toBe('later');
    expect(countdownTone(due(5 * HOUR), now, DAY)).toBe('soon');
  });
});
