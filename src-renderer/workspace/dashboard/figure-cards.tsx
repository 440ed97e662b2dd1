import type { DossierFilter } from '../../../src-shared/domain/filters';
import type { StatsOverview } from '../../../src-shared/domain/stats';
import { useFormat, useT } from '../../i18n/hooks';
import type { FigureRow } from './ChartCard';
import { ChartCard } from './ChartCard';
import type { Bar1 } from './charts';
import { BarsChart } from './charts';
import type { DashboardProps } from './Dashboard';

/**
 * The dashboard's counts of dossiers: open ones (by status, subject and age) and the closures of the
 * period (by reason and outcome). Each row opens its dossiers as a queue, filtered so that it holds
 * exactly what the row counts, for the agent the dashboard shows if any.
 */

interface CardsProps {
  overview: StatsOverview;
  onOpenQueue: DashboardProps['onOpenQueue'];
  /** The agent the figures are about ('' for the team). */
  agent: string;
}

export function OpenCards({ overview, onOpenQueue, agent }: CardsProps) {
  const t = useT();
  const format = useFormat();
  const mine: DossierFilter = agent ? { assignee: agent } : {};
  const statusQueue = {
    awaiting_klikpay: null,
    awaiting_merchant: 'awaiting_merchant',
    awaiting_customer: 'awaiting_customer',
  } as const;
  const byStatus: FigureRow[] = (Object.keys(statusQueue) as (keyof typeof statusQueue)[]).map((s) => {
    const queue = statusQueue[s];
    return {
      key: s,
      cells: [t(`status.${s}`), format.number(overview.openByStatus[s])],
      csv: [t(`status.${s}`), overview.openByStatus[s]],
      ...(queue ? { onOpen: () => onOpenQueue(queue, mine) } : {}),
    };
  });
  const bySubject: FigureRow[] = (['payment', 'delivery'] as const).map((s) => ({
    key: s,
    cells: [t(`subject.${s}`), format.number(overview.openBySubject[s])],
    csv: [t(`subject.${s}`), overview.openBySubject[s]],
    // The Payment claims queue is the open payment claims; delivery claims have no queue of their
    // own: All, with "open, any age" so that closed claims stay out, as the figure leaves them.
    onOpen: () =>
      onOpenQueue(
        s === 'payment' ? 'payment' : 'all',
        s === 'payment' ? mine : { ...mine, subjects: [s], age: { fromDays: 0, toDays: null } },
      ),
  }));
  // The age filter keeps open dossiers only, with the buckets' own bounds: All holds the bucket exactly.
  const ages: FigureRow[] = overview.ageBuckets.map((b) => {
    const label =
      b.toDays === null
        ? t('dash.age.over', { days: b.fromDays })
        : t('dash.age.between', { from: b.fromDays, to: b.toDays });
    return {
      key: String(b.fromDays),
      cells: [label, format.number(b.count)],
      csv: [label, b.count],
      onOpen: () => onOpenQueue('all', { ...mine, age: { fromDays: b.fromDays, toDays: b.toDays } }),
    };
  });
  const count = t('dash.col.count');
  return (
    <>
      <ChartCard
        title={t('dash.openByStatus', { count: overview.open })}
        columns={[t('dossier.status'), count]}
        rows={byStatus}
        csvName="open-by-status"
        chart={
          <BarsChart
            format={format.number}
            bars={barsOf(byStatus).map((b, i) => ({
              ...b,
              color: ['var(--klikpay-fg)', 'var(--merchant-fg)', 'var(--customer-fg)'][i],
            }))}
          />
        }
      />
      <ChartCard
        title={t('dash.openBySubject')}
        columns={[t('dossier.subject'), count]}
        rows={bySubject}
        csvName="open-by-subject"
        chart={<BarsChart format={format.number} bars={barsOf(bySubject)} />}
      />
      <ChartCard
        title={t('dash.ages')}
        note={t('dash.agesNote')}
        columns={[t('dash.col.age'), count]}
        rows={ages}
        csvName="open-by-age"
        chart={<BarsChart format={format.number} bars={barsOf(ages)} />}
      />
    </>
  );
}

/**
 * The closures of the period: All (not Recently closed, whose window of days may be shorter than the
 * period, and moves) with the closure's reason or outcome and the period itself, so the queue holds
 * exactly the row's dossiers, and a view saved from it keeps meaning that period.
 */
export function ClosuresCards({ overview, onOpenQueue, agent }: CardsProps) {
  const t = useT();
  const format = useFormat();
  const inPeriod: DossierFilter = {
    ...(agent ? { assignee: agent } : {}),
    closedFrom: overview.from,
    closedTo: overview.to,
  };
  const reasons: FigureRow[] = (
    Object.keys(overview.closures.byReason) as (keyof StatsOverview['closures']['byReason'])[]
  ).map((r) => ({
    key: r,
    cells: [t(`closureReason.${r}`), format.number(overview.closures.byReason[r])],
    csv: [t(`closureReason.${r}`), overview.closures.byReason[r]],
    onOpen: () => onOpenQueue('all', { ...inPeriod, closureReasons: [r] }),
  }));
  const outcomes: FigureRow[] = (
    Object.keys(overview.closures.byOutcome) as (keyof StatsOverview['closures']['byOutcome'])[]
  ).map((o) => {
    const label = o === 'none' ? t('dash.noOutcome') : t(`outcome.${o}`);
    return {
      key: o,
      cells: [label, format.number(overview.closures.byOutcome[o])],
      csv: [label, overview.closures.byOutcome[o]],
      onOpen: () => onOpenQueue('all', { ...inPeriod, outcomes: [o] }),
    };
  });
  const count = t('dash.col.count');
  return (
    <>
      <ChartCard
        title={t('dash.closureReasons', { count: overview.closures.count })}
        columns={[t('dash.col.reason'), count]}
        rows={reasons}
        csvName="closure-reasons"
        chart={<BarsChart format={format.number} bars={barsOf(reasons)} />}
      />
      <ChartCard
        title={t('dash.outcomes')}
        columns={[t('dash.col.outcome'), count]}
        rows={outcomes}
        csvName="closure-outcomes"
        chart={<BarsChart format={format.number} bars={barsOf(outcomes)} />}
      />
    </>
  );
}

/** A two-column table (a name, a count) drawn as bars: the chart shows exactly the table's figures. */
const barsOf = (rows: readonly FigureRow[]): Bar1[] =>
  rows.map((r) => ({ key: r.key, label: String(r.csv[0]), value: Number(r.csv[1]) }));
