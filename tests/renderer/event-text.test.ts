import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src-shared/domain/model';
import { createTranslate } from '../../src-renderer/i18n/translate';
import type { Formatters } from '../../src-renderer/i18n/hooks';
import { describeEvent } from '../../src-renderer/workspace/dossier/event-text';
import { file, later, manualLetters, states, tick } from '../unit/fixtures';

/** The time rules' lines in the timeline say what really happened (letters sent or not). */

const words = (locale: 'en' | 'fr') => ({
  t: createTranslate(locale),
  format: {} as Formatters,
  actorName: () => 'Klik & Pay',
  staffName: (id: string) => id,
  inactivityDays: 120,
});
const line = (e: AuditEvent | undefined, locale: 'en' | 'fr' = 'en') =>
  e ? describeEvent(e, words(locale))?.text : undefined;

describe('the timeline’s lines for the time rules', () => {
  it('says the letters went out when the merchant was late, by default', () => {
    const [overdue, escalated] = tick(file(), later(60)).events;
    expect(line(overdue)).toBe(
      'Merchant overdue: the Good Practices reminder and the customer’s rights information went out automatically',
    );
    expect(line(escalated)).toBe('Escalated to Klik & Pay: the merchant did not answer the reminder');
  });

  it('says no reminder was sent when the department sends them by hand', () => {
    const [overdue, escalated] = tick(file(), later(60), manualLetters).events;
    expect(line(overdue)).toBe('Merchant overdue: the deadline for its answer has passed');
    expect(line(escalated, 'fr')).toBe('Escaladé à Klik & Pay : le marchand n’a pas répondu dans le délai');
  });

  it('reads an escalation recorded before it said whether a reminder came first as one that did', () => {
    const escalated = tick(states.merchantReminded(), later(30)).events[0];
    if (!escalated) throw new Error('no escalation');
    const { afterReminder: _dropped, ...older } = escalated.data;
    expect(line({ ...escalated, data: older })).toBe(
      'Escalated to Klik & Pay: the merchant did not answer the reminder',
    );
  });
});
