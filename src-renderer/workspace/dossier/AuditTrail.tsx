import { useMemo } from 'react';
import type { Dossier } from '../../../src-shared/domain/model';
import { useDesk } from '../../data/desk';
import { useFormat, useT } from '../../i18n/hooks';
import type { AuditRow, AuditViewState, ShownRow } from './audit-trail';
import { actorsIn, auditRows, filtering, initialAuditView, kindsIn, shownRows } from './audit-trail';
import type { ShownValue } from './audit-values';
import { useAuditTrail } from './use-audit-trail';
import './dossier-audit.css';

export interface AuditTrailProps {
  dossier: Dossier;
  /** The order and filters, kept by the dossier view while the dossier stays open. */
  view: AuditViewState;
  onViewChange: (view: AuditViewState) => void;
}

/**
 * The dossier's audit trail as its own view: every event, who did it, when, and each field's value
 * before → after, in words; filtered by who, by kind and by field name, newest or oldest first.
 * One table, each event a group of rows (one per changed field).
 */
export function AuditTrail({ dossier, view, onViewChange }: AuditTrailProps) {
  const t = useT();
  const format = useFormat();
  const { user } = useDesk();
  const read = useAuditTrail(dossier.id);

  const rows = useMemo(() => {
    if (!read) return null;
    const staffName = (id: string) =>
      read.users.get(id)?.name ?? (id === user.id ? user.name : t('audit.unknownStaff', { id }));
    return auditRows(read.entries, { t, format, staffName, dossier });
  }, [read, t, format, user, dossier]);
  const shown = useMemo(() => (rows ? shownRows(rows, view) : []), [rows, view]);

  return (
    <section className="dossier-audit" aria-label={t('audit.title')} tabIndex={0}>
      {rows === null ? (
        <p className="dossier-audit__message" role="status">
          {t('common.loading')}
        </p>
      ) : (
        <>
          <AuditFilters rows={rows} shown={shown.length} view={view} onViewChange={onViewChange} />
          {rows.length === 0 ? <p className="dossier-audit__message">{t('audit.empty')}</p> : null}
          {rows.length > 0 && shown.length === 0 ? (
            <p className="dossier-audit__message">{t('audit.noMatch')}</p>
          ) : null}
          {shown.length > 0 ? (
            <table className="dossier-audit__table">
              <caption className="visually-hidden">
                {t('audit.caption', { reference: dossier.reference })}
              </caption>
              <thead>
                <tr>
                  <th scope="col" aria-sort={view.order === 'newest' ? 'descending' : 'ascending'}>
                    {t('audit.when')}
                  </th>
                  <th scope="col">{t('audit.who')}</th>
                  <th scope="col">{t('audit.what')}</th>
                  <th scope="col">{t('audit.field')}</th>
                  <th scope="col">{t('audit.before')}</th>
                  <th scope="col">{t('audit.after')}</th>
                </tr>
              </thead>
              {shown.map((s) => (
                <EventRows key={s.row.id} shown={s} />
              ))}
            </table>
          ) : null}
        </>
      )}
    </section>
  );
}

interface AuditFiltersProps {
  rows: readonly AuditRow[];
  shown: number;
  view: AuditViewState;
  onViewChange: (view: AuditViewState) => void;
}

function AuditFilters({ rows, shown, view, onViewChange }: AuditFiltersProps) {
  const t = useT();
  const { filter, order } = view;
  const actors = useMemo(() => actorsIn(rows), [rows]);
  const kinds = useMemo(() => kindsIn(rows, t), [rows, t]);
  const set = (change: Partial<AuditViewState['filter']>) =>
    onViewChange({ ...view, filter: { ...filter, ...change } });

  return (
    <div className="dossier-audit__bar">
      <label className="dossier-audit__filter">
        <span>{t('audit.filterWho')}</span>
        <select value={filter.actor} onChange={(e) => set({ actor: e.target.value })}>
          <option value="">{t('audit.everyone')}</option>
          {actors.map((a) => (
            <option key={a.key} value={a.key}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label className="dossier-audit__filter">
        <span>{t('audit.filterKind')}</span>
        <select value={filter.kind} onChange={(e) => set({ kind: e.target.value })}>
          <option value="">{t('audit.allKinds')}</option>
          {kinds.map((k) => (
            <option key={k.type} value={k.type}>
              {k.name}
            </option>
          ))}
        </select>
      </label>
      <label className="dossier-audit__filter">
        <span>{t('audit.filterField')}</span>
        <input
          type="search"
          value={filter.field}
          placeholder={t('audit.fieldPlaceholder')}
          onChange={(e) => set({ field: e.target.value })}
        />
      </label>
      <button
        type="button"
        className="button button--small dossier-audit__order"
        onClick={() => onViewChange({ ...view, order: order === 'newest' ? 'oldest' : 'newest' })}
      >
        <span className="visually-hidden">{t('audit.order')}: </span>
        {t(order === 'newest' ? 'audit.newestFirst' : 'audit.oldestFirst')}
        <span aria-hidden="true">{order === 'newest' ? ' ↓' : ' ↑'}</span>
      </button>
      {filtering(filter) ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => onViewChange({ ...view, filter: initialAuditView.filter })}
        >
          {t('audit.clearFilters')}
        </button>
      ) : null}
      <p className="dossier-audit__count" role="status">
        {t('audit.count', { shown, count: rows.length })}
      </p>
    </div>
  );
}

/** One event: its when, who and what span the rows of its changed fields. */
function EventRows({ shown: { row, changes, hidden } }: { shown: ShownRow }) {
  const t = useT();
  const format = useFormat();
  const span = Math.max(1, changes.length + (hidden > 0 ? 1 : 0));
  const event = (
    <>
      <td rowSpan={span} className="dossier-audit__when">
        <time dateTime={row.at}>{format.dateTime(row.at)}</time>
        {row.pending ? (
          <span className="dossier-label dossier-label--pending" title={t('timeline.pendingHint')}>
            {t('audit.pending')}
          </span>
        ) : null}
      </td>
      <td rowSpan={span}>
        <span className="dossier-audit__name">{row.actorName}</span>
        {row.actorDetail ? <span className="dossier-audit__aside">{row.actorDetail}</span> : null}
      </td>
      <td rowSpan={span}>
        <span className="dossier-audit__kind">{row.kind}</span>
        {row.detail ? <span className="dossier-audit__aside">{row.detail}</span> : null}
      </td>
    </>
  );
  const more =
    hidden > 0 ? (
      <td colSpan={3} className="dossier-audit__more">
        {t('audit.otherFields', { count: hidden })}
      </td>
    ) : null;

  return (
    <tbody className={`dossier-audit__event${row.pending ? ' dossier-audit__event--pending' : ''}`}>
      {changes.length === 0 ? (
        <tr>
          {event}
          <td colSpan={3} className="dossier-audit__more">
            {t('audit.noChange')}
          </td>
        </tr>
      ) : (
        changes.map((change, i) => (
          <tr key={change.field}>
            {i === 0 ? event : null}
            <th scope="row" className="dossier-audit__field">
              {change.label}
            </th>
            <td className="dossier-audit__before">
              <Value value={change.before} />
            </td>
            <td className="dossier-audit__after">
              <Value value={change.after} />
            </td>
          </tr>
        ))
      )}
      {/* The field filter leaves some out only of an event it keeps for others. */}
      {more ? <tr>{more}</tr> : null}
    </tbody>
  );
}

function Value({ value }: { value: ShownValue }) {
  return value.full === undefined ? <>{value.text}</> : <span title={value.full}>{value.text}</span>;
}
