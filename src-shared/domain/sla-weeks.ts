import { isoWeekday, localDate, zonedTimeToUtc } from './calendar';
import type { DeadlineEpisode, DossierFacts, EpisodeParty } from './stats-facts';
import { episodeVerdict } from './stats-facts';

/**
 * The dashboard's "deadlines met by week" (`statsOverview`'s `slaByWeek`) and the filter that opens
 * one of its figures as a queue (`deadlineWeek`, filters.ts): which deadline episode counts, in
 * which week, with which verdict. Both read these functions, so a queue holds the figure's deadlines.
 */

const DAY = 86_400_000;

export type SlaVerdict = 'met' | 'missed';
export const slaVerdicts = ['met', 'missed'] as const satisfies readonly SlaVerdict[];

/**
 * The verdict an episode is counted with over [from, to): it falls due in that span and is decided
 * by now (`episodeVerdict`); null when it is not counted there.
 */
export function countedVerdict(e: DeadlineEpisode, from: number, to: number, now: number): SlaVerdict | null {
  if (e.due < from || e.due >= to) return null;
  return episodeVerdict(e, now);
}

/** One figure of the table: a party's deadlines due in [from, to) with that verdict now. */
export interface SlaCell {
  party: EpisodeParty;
  verdict: SlaVerdict;
  from: number;
  to: number;
}

/**
 * How many of the dossier's deadline episodes a figure counts (0: the dossier is not behind it). A
 * dossier may be behind a figure more than once (a second reply deadline in the same week).
 */
export function episodesCounted(f: Pick<DossierFacts, 'episodes'>, cell: SlaCell, now: number): number {
  let n = 0;
  for (const e of f.episodes) {
    if (e.party === cell.party && countedVerdict(e, cell.from, cell.to, now) === cell.verdict) n++;
  }
  return n;
}

export interface Week {
  monday: string;
  start: number;
  end: number;
  tally: Record<EpisodeParty, Record<SlaVerdict, number>>;
}

const shiftDate = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const midnight = { hour: 0, minute: 0, second: 0, millisecond: 0 };

/** The ISO week label of the week starting on a Monday (its Thursday says the week's year). */
export function isoWeekLabel(monday: string): string {
  const thursday = shiftDate(monday, 3);
  const year = thursday.slice(0, 4);
  const ordinal = (Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / DAY;
  return `${year}-W${String(Math.floor(ordinal / 7) + 1).padStart(2, '0')}`;
}

/** Monday-to-Monday weeks of the calendar's zone overlapping [from, to). */
export function weeksOver(from: number, to: number, timeZone: string): Week[] {
  const first = localDate(from, timeZone);
  let monday = shiftDate(first, 1 - isoWeekday(first));
  let start = zonedTimeToUtc(monday, midnight, timeZone);
  const weeks: Week[] = [];
  while (start < to) {
    const next = shiftDate(monday, 7);
    const end = zonedTimeToUtc(next, midnight, timeZone);
    const tally = {
      klikpay: { met: 0, missed: 0 },
      merchant: { met: 0, missed: 0 },
      merchant_reminded: { met: 0, missed: 0 },
    };
    weeks.push({ monday, start, end, tally });
    monday = next;
    start = end;
  }
  return weeks;
}

/** The week holding an instant of the period: arithmetic, then a step for a DST hour. */
export function weekOf(weeks: readonly Week[], at: number): Week | undefined {
  const first = weeks[0];
  if (first === undefined) return undefined;
  let i = Math.min(weeks.length - 1, Math.max(0, Math.floor((at - first.start) / (7 * DAY))));
  while (i > 0 && (weeks[i]?.start ?? 0) > at) i--;
  while (i < weeks.length - 1 && (weeks[i]?.end ?? 0) <= at) i++;
  return weeks[i];
}

/**
 * The span a week's figures count: the week cut to the period (the first and last weeks overlap it
 * only in part). Instants are ISO-8601, as `slaByWeek` and the filter hold them.
 */
export function slaWeekSpan(
  week: { start: string; end: string },
  period: { from: string; to: string },
): { from: string; to: string } {
  const from = Math.max(Date.parse(week.start), Date.parse(period.from));
  const to = Math.min(Date.parse(week.end), Date.parse(period.to));
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}
