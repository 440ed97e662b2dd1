import { useId } from 'react';
import type { ReactNode } from 'react';
import { toCsv } from '../../data/stats';
import { useT } from '../../i18n/hooks';

/** One row of a chart's table: what is shown, what goes to the CSV, and where a click leads. */
export interface FigureRow {
  key: string;
  cells: readonly ReactNode[];
  csv: readonly (string | number | null)[];
  /** The dossiers behind the row (a queue, a filtered queue, or a list). */
  onOpen?: () => void;
  /** The first cell's words for the "open" button's accessible name. */
  label?: string;
}

export interface ChartCardProps {
  title: string;
  /** What the figures count, in a sentence. */
  note?: string;
  columns: readonly string[];
  rows: readonly FigureRow[];
  /** The chart; drawn from the same rows, so it is hidden from assistive technology (the table says it all). */
  chart?: ReactNode;
  csvName: string;
  className?: string;
}

/**
 * A dashboard card: a chart for the eye and the same figures as a table for screen readers and the
 * keyboard (each row opens the dossiers behind it), with an "Export CSV" of exactly what it shows.
 */
export function ChartCard({ title, note, columns, rows, chart, csvName, className }: ChartCardProps) {
  const t = useT();
  const titleId = useId();
  const exportCsv = () => {
    const blob = new Blob([toCsv([columns, ...rows.map((r) => r.csv)])], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${csvName}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <section className={`dash-card ${className ?? ''}`} aria-labelledby={titleId}>
      <header className="dash-card__header">
        <h2 id={titleId} className="dash-card__title">
          {title}
        </h2>
        <button
          type="button"
          className="dash-card__export"
          onClick={exportCsv}
          disabled={rows.length === 0}
          aria-label={t('dash.exportCsvOf', { title })}
        >
          {t('dash.exportCsv')}
        </button>
      </header>
      {note && <p className="dash-card__note">{note}</p>}
      {chart && rows.length > 0 && (
        <div className="dash-card__chart" aria-hidden="true">
          {chart}
        </div>
      )}
      {rows.length === 0 ? (
        <p className="dash-card__empty">{t('dash.nothing')}</p>
      ) : (
        <div className="dash-card__table-wrap">
          <table className="dash-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {columns.map((c, i) => (
                  <th key={c} scope="col" className={i === 0 ? 'dash-table__name' : 'dash-table__figure'}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row" className="dash-table__name">
                        {row.onOpen ? (
                          <button
                            type="button"
                            className="dash-table__open"
                            onClick={row.onOpen}
                            aria-label={t('dash.openDossiersOf', { what: row.label ?? String(row.csv[0]) })}
                          >
                            {cell}
                          </button>
                        ) : (
                          cell
                        )}
                      </th>
                    ) : (
                      <td key={i} className="dash-table__figure">
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
