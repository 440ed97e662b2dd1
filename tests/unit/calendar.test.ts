import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../src-shared/domain/calendar';
import {
  addBusinessDays,
  addCalendarDays,
  businessCalendarSchema,
  defaultCalendar,
  easterSunday,
  frenchPublicHolidays,
  isBusinessDay,
  localDate,
  nextBusinessDay,
  zonedTimeToUtc,
} from '../../src-shared/domain/calendar';

const paris = defaultCalendar;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('Easter and the French public holidays', () => {
  it.each([
    [2000, '2000-04-23'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('lists the eleven holidays of 2026 and 2027', () => {
    expect(frenchPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
    const y2027 = frenchPublicHolidays(2027);
    expect(y2027).toContain('2027-03-29'); // Easter Monday
    expect(y2027).toContain('2027-05-06'); // Ascension
    expect(y2027).toContain('2027-05-17'); // Whit Monday
    expect(y2027).toHaveLength(11);
  });

  it('knows business days: weekends, 14 July, a weekday 1 May, extra closures', () => {
    expect(isBusinessDay('2026-07-13', paris)).toBe(true); // Monday
    expect(isBusinessDay('2026-07-14', paris)).toBe(false); // Tuesday, Bastille Day
    expect(isBusinessDay('2026-07-18', paris)).toBe(false); // Saturday
    expect(isBusinessDay('2026-05-01', paris)).toBe(false); // Friday, Labour Day
    expect(isBusinessDay('2027-03-29', paris)).toBe(false); // Easter Monday 2027
    expect(isBusinessDay('2026-12-24', { ...paris, extraHolidays: ['2026-12-24'] })).toBe(false);
    expect(isBusinessDay('2026-07-14', { ...paris, publicHolidays: 'none' })).toBe(true);
    expect(nextBusinessDay('2026-12-31', paris)).toBe('2027-01-04');
  });
});

describe('addBusinessDays: Klik & Pay replies within one business day', () => {
  it.each([
    // Monday 13 July 2026 10:00 Paris (08:00Z) → Wednesday 15 July, skipping Bastille Day.
    ['2026-07-13T08:00:00Z', '2026-07-15T08:00:00.000Z'],
    // Friday 15:00 Paris → Monday 15:00.
    ['2026-07-17T13:00:00Z', '2026-07-20T13:00:00.000Z'],
    // Saturday 10:00 → the end of Monday (Tuesday 00:00 Paris).
    ['2026-07-18T08:00:00Z', '2026-07-20T22:00:00.000Z'],
    // Thursday 31 December 17:00 → Monday 4 January 2027 17:00 (1 January is a Friday holiday).
    ['2026-12-31T16:00:00Z', '2027-01-04T16:00:00.000Z'],
    // Friday 27 March 2026 09:00 Paris (08:00Z, winter) → Monday 30 March 09:00 Paris (07:00Z, summer).
    ['2026-03-27T08:00:00Z', '2026-03-30T07:00:00.000Z'],
    // Friday 23 October 2026 09:00 Paris (07:00Z, summer) → Monday 26 October 09:00 (08:00Z, winter).
    ['2026-10-23T07:00:00Z', '2026-10-26T08:00:00.000Z'],
    // Thursday before Easter 2027 → Tuesday after Easter Monday.
    ['2027-03-25T10:00:00Z', '2027-03-26T10:00:00.000Z'],
    ['2027-03-26T10:00:00Z', '2027-03-30T09:00:00.000Z'],
  ])('%s + 1 business day = %s', (from, due) => {
    expect(iso(addBusinessDays(at(from), 1, paris))).toBe(due);
  });

  it('counts several days, other zones and other working weeks', () => {
    expect(iso(addBusinessDays(at('2026-07-10T08:00:00Z'), 3, paris))).toBe('2026-07-16T08:00:00.000Z');
    const newYork: BusinessCalendar = {
      timeZone: 'America/New_York',
      workingDays: [1, 2, 3, 4, 5],
      publicHolidays: 'none',
      extraHolidays: [],
    };
    // Friday 17:00 New York (21:00Z, EDT) → Monday 17:00.
    expect(iso(addBusinessDays(at('2026-07-17T21:00:00Z'), 1, newYork))).toBe('2026-07-20T21:00:00.000Z');
    const sundayToThursday: BusinessCalendar = { ...newYork, timeZone: 'UTC', workingDays: [7, 1, 2, 3, 4] };
    // Thursday → Sunday.
    expect(iso(addBusinessDays(at('2026-07-16T12:00:00Z'), 1, sundayToThursday))).toBe(
      '2026-07-19T12:00:00.000Z',
    );
  });

  it('refuses nonsense', () => {
    expect(() => addBusinessDays(0, 0, paris)).toThrow(RangeError);
    expect(() => addBusinessDays(0, 1.5, paris)).toThrow(RangeError);
  });
});

describe('calendar days and time zones', () => {
  it('keeps the local wall-clock time across DST changes', () => {
    // 25 March 2026 12:00 Paris (11:00Z) + 7 days = 1 April 12:00 Paris (10:00Z): only 167 hours.
    expect(iso(addCalendarDays(at('2026-03-25T11:00:00Z'), 7, paris))).toBe('2026-04-01T10:00:00.000Z');
    expect(iso(addCalendarDays(at('2026-10-22T10:00:00Z'), 7, paris))).toBe('2026-10-29T11:00:00.000Z');
  });

  it('converts local times, through the spring gap and the autumn overlap', () => {
    expect(
      iso(zonedTimeToUtc('2026-07-14', { hour: 10, minute: 0, second: 0, millisecond: 0 }, 'Europe/Paris')),
    ).toBe('2026-07-14T08:00:00.000Z');
    // 02:30 does not exist on 29 March 2026 in Paris: it moves forward by the gap.
    expect(
      iso(zonedTimeToUtc('2026-03-29', { hour: 2, minute: 30, second: 0, millisecond: 0 }, 'Europe/Paris')),
    ).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 25 October 2026: the earlier is taken.
    expect(
      iso(zonedTimeToUtc('2026-10-25', { hour: 2, minute: 30, second: 0, millisecond: 0 }, 'Europe/Paris')),
    ).toBe('2026-10-25T00:30:00.000Z');
    expect(localDate(at('2026-07-14T22:30:00Z'), 'Europe/Paris')).toBe('2026-07-15');
    expect(localDate(at('2026-07-14T22:30:00Z'), 'America/New_York')).toBe('2026-07-14');
  });

  it('validates a configured calendar', () => {
    expect(businessCalendarSchema.safeParse(paris).success).toBe(true);
    expect(businessCalendarSchema.safeParse({ ...paris, timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(businessCalendarSchema.safeParse({ ...paris, workingDays: [] }).success).toBe(false);
    expect(businessCalendarSchema.safeParse({ ...paris, workingDays: [1, 1] }).success).toBe(false);
    expect(businessCalendarSchema.safeParse({ ...paris, workingDays: [8] }).success).toBe(false);
    expect(businessCalendarSchema.safeParse({ ...paris, extraHolidays: ['2026-02-30'] }).success).toBe(false);
  });
});

describe('properties', () => {
  const instant = fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2060-12-31T00:00:00Z') });
  const zones = fc.constantFrom('Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'UTC');

  it('a business deadline is strictly later and lands on a business day, or at the midnight ending one', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 10 }), zones, (from, days, timeZone) => {
        const cal = { ...paris, timeZone };
        const due = addBusinessDays(from, days, cal);
        expect(due).toBeGreaterThan(from);
        const day = localDate(due, timeZone);
        const justBefore = localDate(due - 1, timeZone);
        expect(isBusinessDay(day, cal) || isBusinessDay(justBefore, cal)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('adding n then m business days from a business day equals adding n + m', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), (from, n, m) => {
        fc.pre(isBusinessDay(localDate(from, paris.timeZone), paris));
        expect(addBusinessDays(addBusinessDays(from, n, paris), m, paris)).toBe(
          addBusinessDays(from, n + m, paris),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('n calendar days are n × 24 hours, give or take the DST hour', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 200 }), zones, (from, n, timeZone) => {
        const due = addCalendarDays(from, n, { timeZone });
        expect(due).toBeGreaterThanOrEqual(from + n * 86_400_000 - 3_600_000);
        expect(due).toBeLessThanOrEqual(from + n * 86_400_000 + 3_600_000);
      }),
      { numRuns: 500 },
    );
  });
});
