import type { Instant } from './format';
import type { Translate } from './translate';

/**
 * A deadline as a live countdown: "in 3 h 20 min", "overdue by 2 d" / "dans 3 h 20 min",
 * "en retard de 2 j". Whole units, rounded down, the two largest that matter; a deadline is
 * overdue from its instant on (as the queue rules say: `dueAt <= now`).
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface CountdownParts {
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
  /** Milliseconds from now to the deadline: negative once it has passed. */
  remainingMs: number;
}

const toMs = (instant: Instant): number =>
  typeof instant === 'number' ? instant : instant instanceof Date ? instant.getTime() : Date.parse(instant);

export function countdownParts(dueAt: Instant, now: number): CountdownParts {
  const remainingMs = toMs(dueAt) - now;
  const left = Math.abs(remainingMs);
  return {
    overdue: remainingMs <= 0,
    days: Math.floor(left / DAY),
    hours: Math.floor((left % DAY) / HOUR),
    minutes: Math.floor((left % HOUR) / MINUTE),
    remainingMs,
  };
}

/** The duration alone: "2 d 4 h", "3 h 20 min", "5 min", "less than 1 min". */
export function durationText(t: Translate, parts: CountdownParts): string {
  const { days, hours, minutes } = parts;
  const pieces: string[] = [];
  if (days > 0) {
    pieces.push(t('countdown.days', { n: days }));
    if (hours > 0) pieces.push(t('countdown.hours', { n: hours }));
  } else if (hours > 0) {
    pieces.push(t('countdown.hours', { n: hours }));
    if (minutes > 0) pieces.push(t('countdown.minutes', { n: minutes }));
  } else if (minutes > 0) {
    pieces.push(t('countdown.minutes', { n: minutes }));
  } else {
    pieces.push(t('countdown.lessThanMinute'));
  }
  return pieces.join(' ');
}

export function countdownText(t: Translate, dueAt: Instant, now: number): string {
  const parts = countdownParts(dueAt, now);
  const duration = durationText(t, parts);
  return parts.overdue ? t('countdown.overdue', { duration }) : t('countdown.in', { duration });
}

/** How pressing a deadline is, for its colour: past, within `soonMs` (default 4 h), or later. */
export type CountdownTone = 'overdue' | 'soon' | 'later';

export function countdownTone(dueAt: Instant, now: number, soonMs = 4 * HOUR): CountdownTone {
  const remaining = toMs(dueAt) - now;
  if (remaining <= 0) return 'overdue';
  return remaining <= soonMs ? 'soon' : 'later';
}
