import type { StatsQuery } from '../../src-shared/domain/stats';

const DAY = 86_400_000;

/** The dashboard's periods, in days; it opens on the first one named `dashboardOpensOn`. */
export const dashboardPeriods = { '4w': 28, '12w': 84, '52w': 364 } as const;
export type DashboardPeriod = keyof typeof dashboardPeriods;
export const dashboardOpensOn: DashboardPeriod = '12w';
/** The dashboard's clock moves by the hour: the period is whole days, and needs no finer step. */
export const dashboardNowStep = 60 * 60_000;
/** The figures' own clock (deadlines running past now) moves by the minute. */
export const figuresNowStep = 60_000;

/** The dashboard's query: whole days up to the end of today, so the figures do not move with every minute. */
export function dashboardQuery(now: number, period: DashboardPeriod, agent: string): StatsQuery {
  const to = Math.ceil((now + 1) / DAY) * DAY;
  return {
    from: new Date(to - dashboardPeriods[period] * DAY).toISOString(),
    to: new Date(to).toISOString(),
    ...(agent ? { agent } : {}),
  };
}
