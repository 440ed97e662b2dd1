import { z } from 'zod';

/**
 * Business days for Klik & Pay's reply deadline: counted in one time zone (Europe/Paris by default),
 * Monday to Friday, without French public holidays. Pure: Intl does the time-zone arithmetic.
 */

export interface BusinessCalendar {
  /** IANA zone in which business days and wall-clock times are counted. */
  timeZone: string;
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
  workingDays: readonly number[];
  /** Built-in public-holiday rules, computed for any year. */
  publicHolidays: 'FR' | 'none';
  /** Extra non-working local dates (company closures), 'YYYY-MM-DD'. */
  extraHolidays: readonly string[];
}

export const defaultCalendar: BusinessCalendar = {
  timeZone: 'Europe/Paris',
  workingDays: [1, 2, 3, 4, 5],
  publicHolidays: 'FR',
  extraHolidays: [],
};

const dateSchema = z.string().refine(isRealDate, 'a calendar date, YYYY-MM-DD');

export const businessCalendarSchema = z.object({
  timeZone: z.string().refine(isIanaZone, 'an IANA time zone such as Europe/Paris'),
  workingDays: z
    .array(z.int().min(1).max(7))
    .min(1)
    .refine((days) => new Set(days).size === days.length, 'working days must be unique')
    .readonly(),
  publicHolidays: z.enum(['FR', 'none']),
  extraHolidays: z.array(dateSchema).readonly(),
}) satisfies z.ZodType<BusinessCalendar>;

function isIanaZone(zone: string): boolean {
  // Recent engines also accept offsets ('+01:00'); they are not IANA zones and older ones reject them.
  if (/^[+-]/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isRealDate(date: string): boolean {
  const at = Date.parse(`${date}T00:00:00Z`);
  // The round trip matters: Date.parse rolls '2026-02-30' over into March instead of failing.
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && Number.isFinite(at) && toDate(at) === date;
}

const DAY = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const toDate = (utcMidnight: number) => new Date(utcMidnight).toISOString().slice(0, 10);
function fromDate(date: string): number {
  const at = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(at)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return at;
}
const shiftDate = (date: string, days: number) => toDate(fromDate(date) + days * DAY);

/** Easter Sunday of the Gregorian calendar (the anonymous algorithm, valid for any year). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * The dates of the eleven French public holidays of a year, sorted and distinct: ten dates when Ascension
 * falls on 1 or 8 May (as in 2008), since a list of non-working dates has no use for a repeated one.
 */
export function frenchPublicHolidays(year: number): string[] {
  return [...frenchHolidaySet(year)];
}

// Callers get a copy: handing out the cached array would let one caller's edit change every deadline.
const frenchCache = new Map<number, ReadonlySet<string>>();
function frenchHolidaySet(year: number): ReadonlySet<string> {
  const cached = frenchCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const y = pad(year, 4);
  const days = [
    `${y}-01-01`,
    shiftDate(easter, 1), // Easter Monday
    `${y}-05-01`,
    `${y}-05-08`,
    shiftDate(easter, 39), // Ascension
    shiftDate(easter, 50), // Whit Monday
    `${y}-07-14`,
    `${y}-08-15`,
    `${y}-11-01`,
    `${y}-11-11`,
    `${y}-12-25`,
  ].sort();
  const set = new Set(days);
  frenchCache.set(year, set);
  return set;
}

// Constructing Intl formatters is slow; deadlines are computed in bulk (100,000 dossiers), so keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
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
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface LocalTime {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}
type WallClock = LocalTime & { date: string };

/** The zone's offset from UTC at an instant, read from Intl (slow: see offsetAt). */
function readOffset(at: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(at))) parts[p.type] = p.value;
  const n = (type: string) => Number(parts[type]);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  // Intl shows whole seconds only, so compare with the instant truncated to its second.
  return asUtc - (at - (((at % 1000) + 1000) % 1000));
}

// Offsets only change at transitions, which since the 1970s fall on whole quarter hours of UTC in every
// zone: an offset read at the start of a quarter hour holds for all of it, so cache one per quarter hour.
const QUARTER = 900_000;
const offsets = new Map<string, Map<number, number>>();

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(at: number, timeZone: string): number {
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const bucket = Math.floor(at / QUARTER);
  let offset = zone.get(bucket);
  if (offset === undefined) {
    offset = readOffset(bucket * QUARTER, timeZone);
    if (zone.size > 100_000) zone.clear();
    zone.set(bucket, offset);
  }
  return offset;
}

function wallClock(at: number, timeZone: string): WallClock {
  const local = new Date(at + offsetAt(at, timeZone));
  return {
    date: local.toISOString().slice(0, 10),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    millisecond: local.getUTCMilliseconds(),
  };
}

/** The local calendar date of an instant in a zone. */
export function localDate(at: number, timeZone: string): string {
  return wallClock(at, timeZone).date;
}

/**
 * The instant a local wall-clock time names. In a spring-forward gap the time does not exist and
 * moves forward by the gap; in a fall-back overlap it names two instants and the earlier is taken.
 */
export function zonedTimeToUtc(date: string, time: LocalTime, timeZone: string): number {
  const naive =
    fromDate(date) + ((time.hour * 60 + time.minute) * 60 + time.second) * 1000 + time.millisecond;
  // The offset is one of at most two values around the instant: try the one before and after.
  const before = offsetAt(naive - DAY / 2, timeZone);
  const after = offsetAt(naive + DAY / 2, timeZone);
  const candidates = [naive - before, naive - after].filter((at) => naive - offsetAt(at, timeZone) === at);
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: keep the wall-clock distance from the transition, i.e. use the offset from before it.
  return naive - before;
}

/** The ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string): number => {
  const day = new Date(fromDate(date)).getUTCDay();
  return day === 0 ? 7 : day;
};

export function isBusinessDay(date: string, cal: BusinessCalendar): boolean {
  if (!cal.workingDays.includes(isoWeekday(date))) return false;
  if (cal.extraHolidays.includes(date)) return false;
  if (cal.publicHolidays === 'FR') return !frenchHolidaySet(Number(date.slice(0, 4))).has(date);
  return true;
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: string, cal: BusinessCalendar): string {
  let d = date;
  // A few years without any business day means the calendar itself is unusable.
  for (let i = 0; i < 3 * 366; i++) {
    d = shiftDate(d, 1);
    if (isBusinessDay(d, cal)) return d;
  }
  throw new RangeError('this business calendar has no business day within three years');
}

/**
 * `days` business days after `from`: the same local time on the `days`-th following business day.
 * From a non-working day the clock starts at 00:00 of the next business day, exactly as if the claim
 * had arrived then: filed on a Saturday, it is due at Tuesday 00:00 (the end of Monday) for one
 * business day. Either way the result's local date is a business day.
 */
export function addBusinessDays(from: number, days: number, cal: BusinessCalendar): number {
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError('business days to add must be a whole number ≥ 1');
  const w = wallClock(from, cal.timeZone);
  let date = w.date;
  let time = { hour: w.hour, minute: w.minute, second: w.second, millisecond: w.millisecond };
  if (!isBusinessDay(date, cal)) {
    date = nextBusinessDay(date, cal);
    time = { hour: 0, minute: 0, second: 0, millisecond: 0 };
  }
  for (let i = 0; i < days; i++) date = nextBusinessDay(date, cal);
  return zonedTimeToUtc(date, time, cal.timeZone);
}

/** `days` local dates later at the same wall-clock time (so 7 days across a DST change is not 7 × 24 h). */
export function addCalendarDays(from: number, days: number, cal: Pick<BusinessCalendar, 'timeZone'>): number {
  if (!Number.isInteger(days)) throw new RangeError('calendar days to add must be a whole number');
  const w = wallClock(from, cal.timeZone);
  const result = zonedTimeToUtc(shiftDate(w.date, days), w, cal.timeZone);
  // A wall-clock time in a DST gap moves forward; never let that put the result at or before `from`.
  return days > 0 ? Math.max(result, from + 1) : result;
}
