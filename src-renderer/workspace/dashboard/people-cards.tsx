import { useState } from 'react';
import type { User } from '../../../src-shared/domain/model';
import type { StatsOverview } from '../../../src-shared/domain/stats';
import { useDesk } from '../../data/desk';
import { useFormat, useT } from '../../i18n/hooks';
import type { FigureRow } from './ChartCard';
import { ChartCard } from './ChartCard';
import { BarsChart } from './charts';
import type { DashboardProps } from './Dashboard';

/** The dashboard's people: the agents (their load, replies, breaches and absence) and the merchants. */

export function AgentsCard({
  overview,
  staff,
  duration,
  onOpenQueue,
}: {
  overview: StatsOverview;
  staff: readonly User[];
  duration: (ms: number | null) => string;
  onOpenQueue: DashboardProps['onOpenQueue'];
}) {
  const t = useT();
  const format = useFormat();
  const byId = new Map(staff.map((u) => [u.id, u]));
  const rows: FigureRow[] = overview.agents.map((a) => {
    const member = byId.get(a.agentId);
    const name = member?.name ?? a.agentId;
    const absent = member?.absent === true;
    return {
      key: a.agentId,
      label: name,
      cells: [
        name,
        format.number(a.open),
        format.number(a.closedInPeriod),
        duration(a.firstReply.medianMs),
        format.number(a.breaches.lateNow),
        format.number(a.breaches.missedInPeriod),
        member ? <AbsenceToggle key="absence" member={member} /> : '—',
      ],
      csv: [
        name,
        a.open,
        a.closedInPeriod,
        a.firstReply.medianMs,
        a.breaches.lateNow,
        a.breaches.missedInPeriod,
        absent ? t('staff.absent') : '',
      ],
      onOpen: () => onOpenQueue('all', { assignee: a.agentId }),
    };
  });
  return (
    <ChartCard
      className="dash-card--wide"
      title={t('dash.agents')}
      note={t('dash.agentsNote')}
      columns={[
        t('dash.col.agent'),
        t('dash.col.open'),
        t('dash.col.closed'),
        t('dash.col.firstReply'),
        t('dash.col.lateNow'),
        t('dash.col.missed'),
        t('dash.col.absence'),
      ]}
      rows={rows}
      csvName="agents"
      chart={
        <BarsChart
          format={format.number}
          bars={overview.agents.map((a) => ({
            key: a.agentId,
            label: byId.get(a.agentId)?.name ?? a.agentId,
            value: a.open,
          }))}
        />
      }
    />
  );
}

/** Absent: no new dossier is assigned to them (the rules refuse it, here and on the server). */
function AbsenceToggle({ member }: { member: User }) {
  const t = useT();
  const desk = useDesk();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const absent = member.absent === true;
  return (
    <span className="dash-absence">
      {absent && <span className="badge badge--overdue">{t('staff.absent')}</span>}
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        aria-label={t(absent ? 'staff.markBackOf' : 'staff.markAbsentOf', { name: member.name })}
        onClick={() => {
          setBusy(true);
          setProblem(null);
          void desk.setAbsence(member.id, !absent).then((answer) => {
            setBusy(false);
            if (!answer.ok) setProblem(answer.error.message);
          });
        }}
      >
        {t(absent ? 'staff.markBack' : 'staff.markAbsent')}
      </button>
      {problem && (
        <span role="alert" className="dash-absence__problem">
          {problem}
        </span>
      )}
    </span>
  );
}

export function MerchantsCard({
  overview,
  duration,
  onOpenQueue,
}: {
  overview: StatsOverview;
  duration: (ms: number | null) => string;
  onOpenQueue: DashboardProps['onOpenQueue'];
}) {
  const t = useT();
  const format = useFormat();
  const rows: FigureRow[] = overview.merchants.map((m) => ({
    key: m.merchantId,
    label: m.merchantName,
    cells: [
      m.merchantName,
      format.number(m.overdue),
      format.number(m.open),
      duration(m.answers.averageMs),
      format.number(m.remindersInPeriod),
    ],
    csv: [m.merchantName, m.overdue, m.open, m.answers.averageMs, m.remindersInPeriod],
    onOpen: () => onOpenQueue('all', { merchantIds: [m.merchantId] }),
  }));
  return (
    <ChartCard
      className="dash-card--wide"
      title={t('dash.merchants')}
      note={t('dash.merchantsNote')}
      columns={[
        t('dash.col.merchant'),
        t('dash.col.overdue'),
        t('dash.col.open'),
        t('dash.col.answerTime'),
        t('dash.col.reminders'),
      ]}
      rows={rows}
      csvName="merchants"
      chart={
        <BarsChart
          format={format.number}
          bars={overview.merchants
            .filter((m) => m.overdue > 0)
            .slice(0, 10)
            .map((m) => ({
              key: m.merchantId,
              label: m.merchantName,
              value: m.overdue,
              color: 'var(--danger-fg)',
            }))}
        />
      }
    />
  );
}
