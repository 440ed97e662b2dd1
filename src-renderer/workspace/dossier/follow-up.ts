import type { BusinessCalendar } from '../../../src-shared/domain/calendar';
import {
  addCalendarDays,
  isBusinessDay,
  isoWeekday,
  localDate,
  nextBusinessDay,
  zonedTimeToUtc,
} from '../../../src-shared/domain/calendar';
import type { Dossier } from '../../../src-shared/domain/model';
import { inQueue, isPastDeadline } from '../../../src-shared/domain/queues';
import type { DisputeSettings } from '../../../src-shared/domain/settings';
import { iso } from '../../../src-shared/domain/settings';

/**
 * The follow-up dialog's quick choices, as instants. Days off are the department's (its business
 * calendar: weekends, French public holidays); the wall clock is the agent's (`calendar.timeZone`
 * is the zone the agent sees dates in), so "tomorrow morning" is 9:00 where the agent works.
 */

export type FollowUpPresetId =
  'laterToday' | 'tomorrowMorning' | 'nextBusinessMorning' | 'nextMonday' | 'inAWeek';

export interface FollowUpPreset {
  id: FollowUpPresetId;
  at: number;
}

const HOUR = 3_600_000;
const QUARTER = 900_000;
const morning = { hour: 9, minute: 0, second: 0, millisecond: 0 };

const shiftDate = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The date itself when it is a business day, else the first business day after it. */
const businessDayFrom = (date: string, cal: BusinessCalendar): string =>
  isBusinessDay(date, cal) ? date : nextBusinessDay(date, cal);

/** Three hours on, at the next quarter hour; none once that falls on another day. */
function laterToday(now: number, cal: BusinessCalendar): number | null {
  const at = Math.ceil((now + 3 * HOUR) / QUARTER) * QUARTER;
  return localDate(at, cal.timeZone) === localDate(now, cal.timeZone) ? at : null;
}

/** 9:00 on the Monday after today (or the business day after it, when that Monday is a holiday). */
function nextMonday(today: string, cal: BusinessCalendar): number {
  const monday = shiftDate(today, 8 - isoWeekday(today));
  return zonedTimeToUtc(businessDayFrom(monday, cal), morning, cal.timeZone);
}

/** The same time a week later; on a day off, 9:00 on the next business day. */
function inAWeek(now: number, cal: BusinessCalendar): number {
  const at = addCalendarDays(now, 7, cal);
  const date = localDate(at, cal.timeZone);
  return isBusinessDay(date, cal) ? at : zonedTimeToUtc(nextBusinessDay(date, cal), morning, cal.timeZone);
}

/**
 * Later today, tomorrow morning (9:00 on the next business day: "next business morning" when that
 * is not tomorrow), next Monday and in a week — in time order, a choice that lands on the same
 * instant as an earlier one left out (on a Friday, next Monday is the next business morning).
 */
export function followUpPresets(now: number, cal: BusinessCalendar): FollowUpPreset[] {
  const today = localDate(now, cal.timeZone);
  const nextBusiness = nextBusinessDay(today, cal);
  const presets: FollowUpPreset[] = [];
  const add = (id: FollowUpPresetId, at: number) => {
    if (!presets.some((p) => p.at === at)) presets.push({ id, at });
  };
  const later = laterToday(now, cal);
  if (later !== null) add('laterToday', later);
  add(
    nextBusiness === shiftDate(today, 1) ? 'tomorrowMorning' : 'nextBusinessMorning',
    zonedTimeToUtc(nextBusiness, morning, cal.timeZone),
  );
  add('nextMonday', nextMonday(today, cal));
  add('inAWeek', inAWeek(now, cal));
  return presets.sort((a, b) => a.at - b.at);
}

/**
 * A follow-up on `until` would take a dossier that is past its deadline now out of the agent's
 * Mine queue: the queue's own rule, asked before and after.
 */
export function followUpHidesOverdue(
  d: Dossier,
  userId: string,
  until: number,
  now: number,
  settings: DisputeSettings,
): boolean {
  if (!isPastDeadline(d, now) || until <= now) return false;
  const viewer = { userId };
  const snoozed: Dossier = { ...d, followUps: { ...d.followUps, [userId]: iso(until) } };
  return inQueue('mine', d, now, viewer, settings) && !inQueue('mine', snoozed, now, viewer, settings);
}

/** The zone the agent sees dates in: the runtime's, as the formatters use (the department's if it names none). */
export const agentTimeZone = (fallback: string): string =>
  Intl.DateTimeFormat().resolvedOptions().timeZone || fallback;
