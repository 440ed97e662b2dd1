import type { DossierFilter } from '../../../src-shared/domain/filters';
import type { SlaVerdict } from '../../../src-shared/domain/sla-weeks';
import { slaVerdicts, slaWeekSpan } from '../../../src-shared/domain/sla-weeks';
import type { EpisodeParty, StatsOverview } from '../../../src-shared/domain/stats';
import { useFormat, useT } from '../../i18n/hooks';
import type { FigureRow } from './ChartCard';
import { ChartCard } from './ChartCard';
import { WeeklySharesChart } from './charts';
import type { DashboardProps } from './Dashboard';

const parties = ['klikpay', 'merchant', 'merchant_reminded'] as const;
const partyColors = {
  klikpay: 'var(--klikpay-fg)',
  merchant: 'var(--merchant-fg)',
  merchant_reminded: 'var(--danger-fg)',
};

type WeekRow = StatsOverview['slaByWeek'][number];

/**
 * The deadlines met by week: per party, the share met, then the deadlines met and missed, each a
 * button opening All filtered to exactly that figure (`deadlineWeek`: the party, the verdict and
 * the week cut to the period, as the figure counts it), for the agent the dashboard shows if any.
 */
export function SlaCard({
  overview,
  onOpenQueue,
  agent,
}: {
  overview: StatsOverview;
  onOpenQueue: DashboardProps['onOpenQueue'];
  /** The agent the figures are about ('' for the team). */
  agent: string;
}) {
  const t = useT();
  const format = useFormat();
  const mine: DossierFilter = agent ? { assignee: agent } : {};
  const open = (w: WeekRow, party: EpisodeParty, verdict: SlaVerdict) =>
    onOpenQueue('all', { ...mine, deadlineWeek: { party, verdict, ...slaWeekSpan(w, overview) } });

  const cell = (w: WeekRow, party: EpisodeParty) => {
    const s = w.byParty[party];
    if (s.share === null) return '—';
    return (
      <span className="dash-sla">
        <span>{format.percent(s.share)}</span>
        {slaVerdicts.map((verdict) => {
          const count = s[verdict];
          const text = t(`dash.sla.${verdict}`, { count });
          // Nothing behind a zero: a plain figure, not a button opening an empty queue.
          if (count === 0) return <span key={verdict}>{text}</span>;
          const what = t(`dash.sla.${verdict}Of`, { party: t(`dash.party.${party}`), week: w.week, count });
          return (
            <button
              key={verdict}
              type="button"
              className="dash-table__open"
              onClick={() => open(w, party, verdict)}
              aria-label={t('dash.openDossiersOf', { what })}
            >
              {text}
            </button>
          );
        })}
      </span>
    );
  };

  const rows: FigureRow[] = overview.slaByWeek.map((w) => ({
    key: w.week,
    cells: [w.week, ...parties.map((p) => cell(w, p))],
    csv: [w.week, ...parties.map((p) => w.byParty[p].share)],
  }));
  return (
    <ChartCard
      className="dash-card--wide"
      title={t('dash.sla')}
      note={t('dash.slaNote')}
      columns={[t('dash.col.week'), ...parties.map((p) => t(`dash.party.${p}`))]}
      rows={rows}
      csvName="sla-by-week"
      chart={
        <WeeklySharesChart
          percent={format.percent}
          series={parties.map((p) => ({ key: p, label: t(`dash.party.${p}`), color: partyColors[p] }))}
          weeks={overview.slaByWeek.map((w) => ({
            week: w.week,
            shares: Object.fromEntries(parties.map((p) => [p, w.byParty[p].share])),
          }))}
        />
      }
    />
  );
}
