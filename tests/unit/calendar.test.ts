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
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const addDays = (date: string, n: number) => iso(Date.parse(`${date}T00:00:00Z`) + n * DAY).slice(0, 10);
const time = (hour: number, minute = 0, second = 0, millisecond = 0) => ({
  hour,
  minute,
  second,
  millisecond,
});
const midnight = time(0);

// An oracle independent of the module under test: the wall clock straight from Intl, with milliseconds.
const formats = new Map<string, Intl.DateTimeFormat>();
function wall(instant: number, timeZone: string) {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      fractionalSecondDigits: 3,
    });
    formats.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const n = (type: string) => Number(p[type]);
  const date = `${String(p.year)}-${String(p.month)}-${String(p.day)}`;
  const t = time(n('hour'), n('minute'), n('second'), n('fractionalSecond'));
  /** The wall clock read as if it were UTC: differences of these are wall-clock durations. */
  const naive =
    Date.parse(`${date}T00:00:00Z`) + ((t.hour * 60 + t.minute) * 60 + t.second) * 1000 + t.millisecond;
  return { date, time: t, naive, offset: naive - instant };
}
const naiveOf = (date: string, t: ReturnType<typeof time>) =>
  Date.parse(`${date}T00:00:00Z`) + ((t.hour * 60 + t.minute) * 60 + t.second) * 1000 + t.millisecond;

describe('Easter and the French public holidays', () => {
  it.each([
    [2000, '2000-04-23'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2011, '2011-04-24'], // the latest possible date
    [2285, '2285-03-22'], // the earliest possible date
  ])('Easter %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('lists the eleven holidays of 2026 and of 2027, sorted', () => {
    expect(frenchPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-06', // Easter Monday
      '2026-05-01',
      '2026-05-08',
      '2026-05-14', // Ascension
      '2026-05-25', // Whit Monday
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
    expect(frenchPublicHolidays(2027)).toEqual([
      '2027-01-01',
      '2027-03-29', // Easter Monday
      '2027-05-01',
      '2027-05-06', // Ascension, before 8 May this year
      '2027-05-08',
      '2027-05-17', // Whit Monday
      '2027-07-14',
      '2027-08-15',
      '2027-11-01',
      '2027-11-11',
      '2027-12-25',
    ]);
  });

  it('lists a date once when two holidays share it', () => {
    // Easter 2008 was on 23 March, so Ascension fell on 1 May.
    expect(easterSunday(2008)).toBe('2008-03-23');
    expect(frenchPublicHolidays(2008)).toEqual([
      '2008-01-01',
      '2008-03-24',
      '2008-05-01',
      '2008-05-08',
      '2008-05-12',
      '2008-07-14',
      '2008-08-15',
      '2008-11-01',
      '2008-11-11',
      '2008-12-25',
    ]);
  });

  it('hands out a copy: editing the list does not change business days', () => {
    frenchPublicHolidays(2026).splice(0);
    expect(isBusinessDay('2026-07-14', paris)).toBe(false);
    expect(frenchPublicHolidays(2026)).toHaveLength(11);
  });

  it('puts Easter on a Sunday between 22 March and 25 April, and its holidays on the right weekdays', () => {
    const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (year) => {
        const easter = easterSunday(year);
        expect(weekday(easter)).toBe(0);
        expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
        const days = frenchPublicHolidays(year);
        // Eleven holidays, ten dates when Ascension falls on 1 or 8 May.
        const ascensionInMay = [`${year}-05-01`, `${year}-05-08`].includes(addDays(easter, 39));
        expect(days).toHaveLength(ascensionInMay ? 10 : 11);
        expect(new Set(days).size).toBe(days.length);
        expect([...days].sort()).toEqual(days);
        expect(days.every((d) => d.startsWith(`${year}-`))).toBe(true);
        expect(weekday(addDays(easter, 1))).toBe(1);
        expect(days).toContain(addDays(easter, 1));
        expect(days).toContain(addDays(easter, 39));
        expect(weekday(addDays(easter, 39))).toBe(4); // Ascension is a Thursday
        expect(days).toContain(addDays(easter, 50));
        expect(weekday(addDays(easter, 50))).toBe(1);
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});

describe('business days', () => {
  it.each([
    ['2026-07-13', true], // Monday
    ['2026-07-14', false], // Tuesday, Bastille Day
    ['2026-07-18', false], // Saturday
    ['2026-07-19', false], // Sunday
    ['2026-05-01', false], // Friday, Labour Day
    ['2026-05-08', false], // Friday, Victory in Europe Day
    ['2026-04-03', true], // Good Friday is not a public holiday in France
    ['2026-11-11', false], // Wednesday, Armistice Day
    ['2026-12-24', true],
    ['2026-12-25', false], // Friday, Christmas
    ['2027-01-01', false], // Friday, New Year
    ['2027-03-29', false], // Easter Monday 2027
    ['2027-05-06', false], // Ascension 2027
    ['2027-05-17', false], // Whit Monday 2027
  ])('in Paris, %s is a business day: %s', (date, expected) => {
    expect(isBusinessDay(date, paris)).toBe(expected);
  });

  it('honours extra closures, calendars without holidays and other working weeks', () => {
    expect(isBusinessDay('2026-12-24', { ...paris, extraHolidays: ['2026-12-24'] })).toBe(false);
    expect(isBusinessDay('2026-07-14', { ...paris, publicHolidays: 'none' })).toBe(true);
    const sundayToThursday = { ...paris, publicHolidays: 'none', workingDays: [7, 1, 2, 3, 4] } as const;
    expect(isBusinessDay('2026-07-19', sundayToThursday)).toBe(true); // Sunday: ISO weekday 7, not 0
    expect(isBusinessDay('2026-07-17', sundayToThursday)).toBe(false); // Friday
  });

  it('finds the next business day, strictly after the given one', () => {
    expect(nextBusinessDay('2026-07-13', paris)).toBe('2026-07-15');
    expect(nextBusinessDay('2026-07-15', paris)).toBe('2026-07-16');
    expect(nextBusinessDay('2026-07-17', paris)).toBe('2026-07-20');
    expect(nextBusinessDay('2026-12-24', paris)).toBe('2026-12-28');
    expect(nextBusinessDay('2026-12-31', paris)).toBe('2027-01-04');
    expect(nextBusinessDay('2026-07-13', { ...paris, publicHolidays: 'none' })).toBe('2026-07-14');
  });

  it('gives up with a RangeError when no business day is ever reached', () => {
    expect(() => nextBusinessDay('2026-07-13', { ...paris, workingDays: [] })).toThrow(RangeError);
    // Valid by the schema, yet every working Sunday of the next four years is a closure.
    const sundays = Array.from({ length: 4 * 53 }, (_, i) => addDays('2026-07-19', 7 * i));
    const closed: BusinessCalendar = { ...paris, workingDays: [7], extraHolidays: sundays };
    expect(businessCalendarSchema.safeParse(closed).success).toBe(true);
    expect(() => addBusinessDays(at('2026-07-13T08:00:00Z'), 1, closed)).toThrow(RangeError);
  });
});

describe('addBusinessDays: Klik & Pay replies within one business day (Europe/Paris)', () => {
  it.each([
    [
      'Monday 13 July 10:00 → Wednesday 15 July, over Bastille Day',
      '2026-07-13T08:00:00Z',
      '2026-07-15T08:00:00Z',
    ],
    ['Friday 15:00 → Monday 15:00', '2026-07-17T13:00:00Z', '2026-07-20T13:00:00Z'],
    ['Friday 23:30 → Monday 23:30', '2026-07-17T21:30:00Z', '2026-07-20T21:30:00Z'],
    ['Monday 01:00 (still Sunday in UTC) → Wednesday 01:00', '2026-07-12T23:00:00Z', '2026-07-14T23:00:00Z'],
    ['Saturday 10:00 → Tuesday 00:00, the end of Monday', '2026-07-18T08:00:00Z', '2026-07-20T22:00:00Z'],
    ['Saturday 00:00 → Tuesday 00:00', '2026-07-17T22:00:00Z', '2026-07-20T22:00:00Z'],
    ['Sunday 23:59 → Tuesday 00:00', '2026-07-19T21:59:00Z', '2026-07-20T22:00:00Z'],
    [
      'Saturday 11 July → Wednesday 15 July 00:00, as if filed Monday 00:00',
      '2026-07-11T08:00:00Z',
      '2026-07-14T22:00:00Z',
    ],
    ['Bastille Day itself → Thursday 00:00', '2026-07-14T08:00:00Z', '2026-07-15T22:00:00Z'],
    ['Thursday 30 April → Monday 4 May, over 1 May', '2026-04-30T10:00:00Z', '2026-05-04T10:00:00Z'],
    ['Thursday 7 May → Monday 11 May, over 8 May', '2026-05-07T10:00:00Z', '2026-05-11T10:00:00Z'],
    ['Wednesday 13 May → Friday 15 May, over Ascension', '2026-05-13T10:00:00Z', '2026-05-15T10:00:00Z'],
    [
      'Thursday 24 December 17:00 → Monday 28 December, over Christmas',
      '2026-12-24T16:00:00Z',
      '2026-12-28T16:00:00Z',
    ],
    ['Thursday 31 December 17:00 → Monday 4 January 2027', '2026-12-31T16:00:00Z', '2027-01-04T16:00:00Z'],
    [
      'Friday 27 March 09:00 (CET) → Monday 30 March 09:00 (CEST)',
      '2026-03-27T08:00:00Z',
      '2026-03-30T07:00:00Z',
    ],
    [
      'Friday 23 October 09:00 (CEST) → Monday 26 October 09:00 (CET)',
      '2026-10-23T07:00:00Z',
      '2026-10-26T08:00:00Z',
    ],
    [
      'Friday 26 March 2027 → Tuesday 30 March, over Easter Monday',
      '2027-03-26T10:00:00Z',
      '2027-03-30T09:00:00Z',
    ],
  ])('%s', (_, from, due) => {
    expect(iso(addBusinessDays(at(from), 1, paris))).toBe(iso(at(due)));
  });

  it('counts several business days', () => {
    // Friday 10 July → Monday 13 (1), Wednesday 15 (2), Thursday 16 (3).
    expect(iso(addBusinessDays(at('2026-07-10T08:00:00Z'), 3, paris))).toBe('2026-07-16T08:00:00.000Z');
    // Monday 21 December → 22, 23, 24, 28, 29 December.
    expect(iso(addBusinessDays(at('2026-12-21T08:00:00Z'), 5, paris))).toBe('2026-12-29T08:00:00.000Z');
    // Saturday 2 January 2027 → clock starts Monday 4; 10 business days later is Monday 18, 00:00.
    expect(iso(addBusinessDays(at('2027-01-02T12:00:00Z'), 10, paris))).toBe('2027-01-17T23:00:00.000Z');
  });

  it('skips extra closures', () => {
    const closures = { ...paris, extraHolidays: ['2026-12-24', '2026-12-31'] };
    expect(iso(addBusinessDays(at('2026-12-23T09:00:00Z'), 1, closures))).toBe('2026-12-28T09:00:00.000Z');
    expect(iso(addBusinessDays(at('2026-12-30T09:00:00Z'), 1, closures))).toBe('2027-01-04T09:00:00.000Z');
  });

  it('works in other zones and working weeks', () => {
    const newYork: BusinessCalendar = { ...paris, timeZone: 'America/New_York', publicHolidays: 'none' };
    // Friday 17:00 EDT → Monday 17:00; 14 July is an ordinary Tuesday there.
    expect(iso(addBusinessDays(at('2026-07-17T21:00:00Z'), 1, newYork))).toBe('2026-07-20T21:00:00.000Z');
    expect(iso(addBusinessDays(at('2026-07-13T14:00:00Z'), 1, newYork))).toBe('2026-07-14T14:00:00.000Z');
    // Friday 6 March 09:00 EST → Monday 9 March 09:00 EDT (DST began on Sunday 8 March).
    expect(iso(addBusinessDays(at('2026-03-06T14:00:00Z'), 1, newYork))).toBe('2026-03-09T13:00:00.000Z');
    // Saturday 7 March → Tuesday 10 March 00:00 EDT.
    expect(iso(addBusinessDays(at('2026-03-07T15:00:00Z'), 1, newYork))).toBe('2026-03-10T04:00:00.000Z');
    // Friday 21:00 in New York is already Saturday in Paris: the zone decides the day.
    expect(iso(addBusinessDays(at('2026-07-18T01:00:00Z'), 1, newYork))).toBe('2026-07-21T01:00:00.000Z');
    expect(iso(addBusinessDays(at('2026-07-18T01:00:00Z'), 1, paris))).toBe('2026-07-20T22:00:00.000Z');

    const jerusalem: BusinessCalendar = {
      ...newYork,
      timeZone: 'Asia/Jerusalem',
      workingDays: [7, 1, 2, 3, 4],
    };
    // Thursday 12:00 → Sunday 12:00; Friday → Monday 00:00 (the end of Sunday).
    expect(iso(addBusinessDays(at('2026-07-16T09:00:00Z'), 1, jerusalem))).toBe('2026-07-19T09:00:00.000Z');
    expect(iso(addBusinessDays(at('2026-07-17T07:00:00Z'), 1, jerusalem))).toBe('2026-07-19T21:00:00.000Z');
  });

  it('moves a due time that falls in a DST gap forward, and takes the first of a repeated one', () => {
    const everyDay: BusinessCalendar = {
      ...paris,
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      publicHolidays: 'none',
    };
    // Saturday 28 March 02:30 CET → Sunday 02:30 does not exist → 03:30 CEST: 24 hours later.
    expect(iso(addBusinessDays(at('2026-03-28T01:30:00Z'), 1, everyDay))).toBe('2026-03-29T01:30:00.000Z');
    // Saturday 24 October 02:30 CEST → Sunday 02:30 happens twice → the first, in CEST.
    expect(iso(addBusinessDays(at('2026-10-24T00:30:00Z'), 1, everyDay))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses a count that is not a whole number of at least one', () => {
    for (const days of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addBusinessDays(at('2026-07-13T08:00:00Z'), days, paris)).toThrow(RangeError);
    }
  });
});

describe('calendar days, local dates and wall-clock times', () => {
  it('keeps the local wall-clock time across DST changes', () => {
    // 25 March 12:00 Paris + 7 days = 1 April 12:00 Paris: only 167 hours.
    expect(iso(addCalendarDays(at('2026-03-25T11:00:00Z'), 7, paris))).toBe('2026-04-01T10:00:00.000Z');
    expect(iso(addCalendarDays(at('2026-04-01T10:00:00Z'), -7, paris))).toBe('2026-03-25T11:00:00.000Z');
    // 22 October 12:00 Paris + 7 days = 29 October 12:00 Paris: 169 hours.
    expect(iso(addCalendarDays(at('2026-10-22T10:00:00Z'), 7, paris))).toBe('2026-10-29T11:00:00.000Z');
    // Saturday 28 March 02:30 + 1 day: 02:30 does not exist on the 29th, 03:30 CEST does.
    expect(iso(addCalendarDays(at('2026-03-28T01:30:00Z'), 1, paris))).toBe('2026-03-29T01:30:00.000Z');
    const newYork = { timeZone: 'America/New_York' };
    expect(iso(addCalendarDays(at('2026-03-07T17:00:00Z'), 1, newYork))).toBe('2026-03-08T16:00:00.000Z');
    // Holidays and weekends do not matter to calendar days.
    expect(iso(addCalendarDays(at('2026-12-31T16:00:00Z'), 1, paris))).toBe('2027-01-01T16:00:00.000Z');
    expect(addCalendarDays(at('2026-07-14T08:00:00Z'), 0, paris)).toBe(at('2026-07-14T08:00:00Z'));
    expect(() => addCalendarDays(0, 1.5, paris)).toThrow(RangeError);
  });

  it('reads the local date of an instant', () => {
    expect(localDate(at('2026-07-14T22:30:00Z'), 'Europe/Paris')).toBe('2026-07-15');
    expect(localDate(at('2026-07-14T22:30:00Z'), 'America/New_York')).toBe('2026-07-14');
    expect(localDate(at('2026-07-14T14:00:00Z'), 'Australia/Sydney')).toBe('2026-07-15');
    expect(localDate(at('2026-03-28T22:59:59.999Z'), 'Europe/Paris')).toBe('2026-03-28');
    expect(localDate(at('2026-03-28T23:00:00Z'), 'Europe/Paris')).toBe('2026-03-29');
    expect(localDate(at('2026-12-31T23:00:00Z'), 'Europe/Paris')).toBe('2027-01-01');
  });

  it.each([
    ['a summer time', '2026-07-14', time(10), 'Europe/Paris', '2026-07-14T08:00:00.000Z'],
    [
      'a winter time, to the millisecond',
      '2026-01-15',
      time(23, 59, 59, 999),
      'Europe/Paris',
      '2026-01-15T22:59:59.999Z',
    ],
    ['Tokyo', '2026-01-01', midnight, 'Asia/Tokyo', '2025-12-31T15:00:00.000Z'],
    [
      'the Paris spring gap, moved forward',
      '2026-03-29',
      time(2, 30),
      'Europe/Paris',
      '2026-03-29T01:30:00.000Z',
    ],
    ['the end of the Paris gap', '2026-03-29', time(3), 'Europe/Paris', '2026-03-29T01:00:00.000Z'],
    [
      'the Paris autumn overlap, the earlier',
      '2026-10-25',
      time(2, 30),
      'Europe/Paris',
      '2026-10-25T00:30:00.000Z',
    ],
    ['just after the overlap', '2026-10-25', time(3), 'Europe/Paris', '2026-10-25T02:00:00.000Z'],
    ['the New York spring gap', '2026-03-08', time(2, 30), 'America/New_York', '2026-03-08T07:30:00.000Z'],
    [
      'the New York autumn overlap',
      '2026-11-01',
      time(1, 30),
      'America/New_York',
      '2026-11-01T05:30:00.000Z',
    ],
  ])('converts %s', (_, date, t, zone, expected) => {
    expect(iso(zonedTimeToUtc(date, t, zone))).toBe(expected);
  });

  it('validates a configured calendar', () => {
    const ok = (cal: unknown) => businessCalendarSchema.safeParse(cal).success;
    expect(businessCalendarSchema.parse(paris)).toEqual(paris);
    expect(ok({ ...paris, timeZone: 'America/New_York', workingDays: [7, 1, 2, 3, 4] })).toBe(true);
    expect(ok({ ...paris, timeZone: 'UTC', extraHolidays: ['2024-02-29'] })).toBe(true);
    for (const timeZone of ['Mars/Olympus', 'Europe/Pariss', '', '+01:00'])
      expect(ok({ ...paris, timeZone })).toBe(false);
    for (const workingDays of [[], [1, 1], [0], [8], [1.5]])
      expect(ok({ ...paris, workingDays })).toBe(false);
    expect(ok({ ...paris, publicHolidays: 'DE' })).toBe(false);
    for (const day of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-2-3', 'abc', '']) {
      expect(ok({ ...paris, extraHolidays: [day] })).toBe(false);
    }
  });
});

describe('properties', () => {
  const instant = fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2060-12-31T00:00:00Z') });
  const zones = fc.constantFrom(
    'Europe/Paris',
    'America/New_York',
    'Asia/Tokyo',
    'Australia/Sydney',
    'Australia/Lord_Howe', // a half-hour DST shift
    'America/Sao_Paulo', // DST at midnight until 2019: 00:00 did not always exist
    'Asia/Kolkata',
    'UTC',
  );
  const calendar = fc.record({
    timeZone: zones,
    workingDays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
    publicHolidays: fc.constantFrom('FR' as const, 'none' as const),
    closures: fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 6 }),
  });

  /*
   * The exact property: the clock starts on `from`'s local date if it is a business day (at `from`'s
   * wall-clock time), else on the first business day after it (at 00:00). The result is on the business
   * day with exactly `days` business days in (start, result], so its local date is always a business day;
   * and it is strictly after `from`.
   */
  it('a business deadline is the days-th business day after the start, strictly later than from', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 10 }), calendar, (from, days, c) => {
        const d0 = localDate(from, c.timeZone);
        const cal: BusinessCalendar = { ...c, extraHolidays: c.closures.map((n) => addDays(d0, n)) };
        const due = addBusinessDays(from, days, cal);
        expect(due).toBeGreaterThan(from);

        let start = d0;
        while (!isBusinessDay(start, cal)) start = addDays(start, 1);
        const dueDate = wall(due, cal.timeZone).date;
        expect(isBusinessDay(dueDate, cal)).toBe(true);
        let count = 0;
        for (let d = addDays(start, 1); d <= dueDate; d = addDays(d, 1)) if (isBusinessDay(d, cal)) count++;
        expect(count).toBe(days);

        const clock = start === d0 ? wall(from, cal.timeZone).time : midnight;
        expect(due).toBe(zonedTimeToUtc(dueDate, clock, cal.timeZone));
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  // From a non-business day both sides are 00:00 of business days, so the property holds from any instant;
  // DST changes fall on Sundays in Paris, so no intermediate due time lands in a gap.
  it('adding n then m business days equals adding n + m (default calendar)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }), (from, n, m) => {
        expect(addBusinessDays(addBusinessDays(from, n, paris), m, paris)).toBe(
          addBusinessDays(from, n + m, paris),
        );
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('n calendar days are n local dates later, n × 24 hours give or take the DST hour', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 400 }), zones, (from, n, timeZone) => {
        const due = addCalendarDays(from, n, { timeZone });
        expect(due).toBeGreaterThanOrEqual(from + n * DAY - HOUR);
        expect(due).toBeLessThanOrEqual(from + n * DAY + HOUR);
        const before = wall(from, timeZone);
        const after = wall(due, timeZone);
        expect(after.date).toBe(addDays(before.date, n));
        // Same wall-clock time, unless that time does not exist on the new date and moved forward.
        const drift = after.naive - naiveOf(after.date, before.time);
        expect(drift >= 0 && drift <= HOUR).toBe(true);
        if (drift > 0) expect(after.offset).toBeGreaterThan(wall(due - DAY / 2, timeZone).offset);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('zonedTimeToUtc inverts the wall clock, choosing the earlier instant of a repeated time', () => {
    fc.assert(
      fc.property(instant, zones, (x, timeZone) => {
        const w = wall(x, timeZone);
        const t = zonedTimeToUtc(w.date, w.time, timeZone);
        if (t !== x) {
          expect(x - t > 0 && x - t <= HOUR).toBe(true);
          expect(wall(t, timeZone).naive).toBe(w.naive);
        }
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  // The last Sundays of March and October, when Europe changes clocks, between 00:00 and 04:59.
  const lastSunday = (year: number, month: number) => {
    const last = new Date(Date.UTC(year, month, 0));
    return addDays(iso(last.getTime()).slice(0, 10), -last.getUTCDay());
  };
  it('around European DST changes, a gap time moves forward by the gap and an overlap takes the earlier', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2060 }),
        fc.constantFrom(3, 10),
        fc.record({ hour: fc.integer({ min: 0, max: 4 }), minute: fc.integer({ min: 0, max: 59 }) }),
        fc.constantFrom('Europe/Paris', 'Europe/London', 'Europe/Helsinki'),
        (year, month, hm, timeZone) => {
          const date = lastSunday(year, month);
          const t = time(hm.hour, hm.minute);
          const result = zonedTimeToUtc(date, t, timeZone);
          const got = wall(result, timeZone);
          const wanted = naiveOf(date, t);
          if (got.naive === wanted) {
            // No earlier instant shows the same time.
            expect(wall(result - HOUR, timeZone).naive).not.toBe(wanted);
          } else {
            // Skipped: in the `gap` ms before `result` the clock jumped from wanted - gap to wanted + gap.
            const gap = got.offset - wall(result - DAY / 2, timeZone).offset;
            expect(gap).toBeGreaterThan(0);
            expect(got.naive - wanted).toBe(gap);
            expect(wall(result - gap, timeZone).naive).toBe(wanted - gap);
          }
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);
});
