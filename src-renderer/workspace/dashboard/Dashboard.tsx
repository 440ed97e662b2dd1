import { useMemo, useState } from 'react';
import type { DossierFilter } from '../../../src-shared/domain/filters';
import type { QueueId } from '../../../src-shared/domain/queues';
import type { StatsOverview } from '../../../src-shared/domain/stats';
import { useSteppedNow } from '../../data/live';
import { useStaff } from '../../data/queues';
import type { DashboardPeriod } from '../../data/dashboard-query';
import {
  dashboardNowStep,
  dashboardOpensOn,
  dashboardPeriods,
  dashboardQuery,
} from '../../data/dashboard-query';
import { useDashboardFigures } from '../../data/stats';
import { useFormat, useT } from '../../i18n/hooks';
import type { Translate } from '../../i18n/translate';
import { ClosuresCards, OpenCards } from './figure-cards';
import { AgentsCard, MerchantsCard } from './people-cards';
import { SlaCard } from './sla-card';
import './dashboard.css';

const DAY = 86_400_000;

export interface DashboardProps {
  /** A queue, maybe filtered: the dossiers behind a figure, as a view the supervisor can save. */
  onOpenQueue: (queue: QueueId, filter: DossierFilter) => void;
}

/**
 * The supervisor's dashboard: where we are late, who is overloaded, which merchants ignore us —
 * computed from the local cache (so instant and available offline), over a period, for the team or
 * one agent. Every figure is a table row that opens the dossiers behind it.
 */
export function Dashboard({ onOpenQueue }: DashboardProps) {
  const t = useT();
  const format = useFormat();
  const now = useSteppedNow(dashboardNowStep);
  const [period, setPeriod] = useState<DashboardPeriod>(dashboardOpensOn);
  const [agent, setAgent] = useState('');
  const staff = useStaff();
  const query = useMemo(() => dashboardQuery(now, period, agent), [now, period, agent]);
  const { overview, complete, counted } = useDashboardFigures(query);
  const duration = (ms: number | null) => (ms === null ? '—' : formatDuration(t, ms));

  return (
    // Busy until every fact is known to be taken: the figures may still move meanwhile.
    <section className="dashboard" aria-labelledby="dashboard-title" aria-busy={complete !== true}>
      <header className="dashboard__header">
        <h1 id="dashboard-title" className="dashboard__title">
          {t('dash.title')}
        </h1>
        <div className="dashboard__controls">
          <label>
            {t('dash.period')}
            <select value={period} onChange={(e) => setPeriod(e.target.value as DashboardPeriod)}>
              {(Object.keys(dashboardPeriods) as DashboardPeriod[]).map((p) => (
                <option key={p} value={p}>
                  {t(`dash.period.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('dash.who')}
            <select value={agent} onChange={(e) => setAgent(e.target.value)}>
              <option value="">{t('dash.team')}</option>
              {staff.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      {complete === false && (
        <p className="dashboard__counting" role="status">
          {t('dash.counting', { count: counted })}
        </p>
      )}
      {overview === null ? (
        <p className="dashboard__loading" role="status">
          {t('dash.loading')}
        </p>
      ) : (
        <>
          <Breaches overview={overview} onOpenQueue={onOpenQueue} agent={agent} />
          <div className="dashboard__grid">
            <OpenCards overview={overview} onOpenQueue={onOpenQueue} agent={agent} />
            <SlaCard overview={overview} onOpenQueue={onOpenQueue} agent={agent} />
            <AgentsCard overview={overview} staff={staff} duration={duration} onOpenQueue={onOpenQueue} />
            <MerchantsCard overview={overview} duration={duration} onOpenQueue={onOpenQueue} />
            <ClosuresCards overview={overview} onOpenQueue={onOpenQueue} agent={agent} />
          </div>
          <p className="dashboard__footnote">
            {t('dash.footnote', {
              from: format.date(overview.from),
              to: format.date(new Date(Date.parse(overview.to) - 1).toISOString()),
            })}
          </p>
        </>
      )}
    </section>
  );
}

/**
 * The breach tiles, each opening its dossiers as a queue (which can be saved as a view): the
 * deadline filter means exactly what the figure counts, for the agent the dashboard shows if any.
 */
function Breaches({
  overview,
  onOpenQueue,
  agent,
}: {
  overview: StatsOverview;
  onOpenQueue: DashboardProps['onOpenQueue'];
  agent: string;
}) {
  const t = useT();
  const format = useFormat();
  const { klikpayLate, merchantLate, atRisk } = overview.breaches;
  const theirs: DossierFilter = agent ? { assignee: agent } : {};
  const tiles = [
    {
      key: 'klikpay',
      title: t('dash.klikpayLate'),
      list: klikpayLate,
      tone: 'danger',
      open: () => onOpenQueue('all', { deadline: 'klikpay_late', ...theirs }),
    },
    {
      key: 'merchant',
      title: t('dash.merchantLate'),
      list: merchantLate,
      tone: 'warning',
      open: () => onOpenQueue('merchant_overdue', theirs),
    },
    {
      key: 'risk',
      title: t('dash.atRisk'),
      list: atRisk,
      tone: 'info',
      open: () => onOpenQueue('all', { deadline: 'due_next_business_day', ...theirs }),
    },
  ] as const;
  return (
    <section className="dash-breaches" aria-labelledby="dash-breaches-title">
      <h2 id="dash-breaches-title" className="visually-hidden">
        {t('dash.breaches')}
      </h2>
      {tiles.map((tile) => (
        <button
          key={tile.key}
          type="button"
          className={`dash-tile dash-tile--${tile.tone}`}
          disabled={tile.list.count === 0}
          onClick={tile.open}
        >
          <span className="dash-tile__figure">{format.number(tile.list.count)}</span>
          <span className="dash-tile__label">{tile.title}</span>
        </button>
      ))}
    </section>
  );
}

/** "3 h 20 min", "2.5 days": a time to answer, as a supervisor reads it. */
export function formatDuration(t: Translate, ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return t('dash.duration.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('dash.duration.hours', { hours, minutes: minutes % 60 });
  return t('dash.duration.days', { days: Math.round((ms / DAY) * 10) / 10 });
}
