import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { StatsOverview, StatsQuery } from '../../src-shared/domain/stats';
import { factsComplete } from '../cache/facts';
import { figuresNowStep } from './dashboard-query';
import { useDesk } from './desk';
import { useCacheQuery, useSteppedNow } from './live';

export interface DashboardFigures {
  /** Null until the facts were first read from the cache. */
  overview: StatsOverview | null;
  /**
   * Every dossier's facts are taken (false while a first sync's are still being taken); null until
   * known, so a reload does not say "still counting" for the moment before it is read.
   */
  complete: boolean | null;
  /** Dossiers counted so far. */
  counted: number;
}

/**
 * The supervisor dashboard's figures, from the facts in memory (cache/facts-mirror.ts): the first
 * look reads them from the cache once; every later change, period or agent computes over memory.
 * The server's `GET /stats/overview` gives the same figures from the same functions.
 */
export function useDashboardFigures(query: StatsQuery): DashboardFigures {
  const desk = useDesk();
  const { facts } = desk;
  const now = useSteppedNow(figuresNowStep);
  useEffect(() => {
    void facts.load(desk.db);
  }, [facts, desk.db, desk.generation]);
  const version = useSyncExternalStore(
    (listener) => facts.subscribe(listener),
    () => facts.version,
  );
  const overview = useMemo(
    () => facts.overview(query, now, desk.settings),
    // `version` names the mirror's state the figures depend on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [facts, version, query, now, desk.settings],
  );
  const complete = useCacheQuery(async ({ db }) => factsComplete(db), [], null, {
    tables: ['facts', 'factsDirty', 'meta'],
    background: true,
  });
  return { overview, complete, counted: facts.size };
}

/** A table as CSV (RFC 4180): fields quoted when they hold a comma, a quote or a line break. */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  const field = (v: string | number | null) => {
    const text = v === null ? '' : String(v);
    // A leading = + - @ would be read as a formula by spreadsheets (CSV injection): quoted with a '.
    const safe = /^[=+\-@\t\r]/.test(text) && typeof v === 'string' ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
