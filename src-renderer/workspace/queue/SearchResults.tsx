import type { Dossier } from '../../../src-shared/domain/model';
import { useDraftIds } from '../../data/drafts';
import { useSearch, useSearchIndexProgress } from '../../data/queues';
import { useFormat, useT } from '../../i18n/hooks';
import { QueueRow } from './QueueRow';

const limit = 50;
/** Search results are opened, not selected: their rows ignore selection and the list cursor. */
const ignore = () => undefined;

export interface SearchResultsProps {
  text: string;
  now: number;
  activeId: string | null;
  onOpen: (dossier: Dossier) => void;
  staffNames: ReadonlyMap<string, string>;
}

/** Local search results as the agent types: the most urgent matches first. */
export function SearchResults({ text, now, activeId, onOpen, staffNames }: SearchResultsProps) {
  const t = useT();
  const found = useSearch(text, limit);
  const indexing = useSearchIndexProgress();
  const format = useFormat();
  const drafts = useDraftIds();
  return (
    <div className="search-results">
      <h1 id="queue-title" className="workspace__title">
        {found === null
          ? t('common.loading')
          : found.length === 0
            ? t('search.noResults', { query: text.trim() })
            : t('list.searchResults', { count: found.length, query: text.trim() })}
      </h1>
      {indexing !== null && (
        <p className="workspace__hint" role="status">
          {t('search.indexing', { percent: format.percent(indexing) })}
        </p>
      )}
      {found && found.length === limit && (
        <p className="workspace__hint">{t('list.searchLimited', { count: limit })}</p>
      )}
      <ul className="search-results__rows" aria-label={t('search.results', { count: found?.length ?? 0 })}>
        {(found ?? []).map((d, index) => (
          <li key={d.id}>
            <QueueRow
              dossier={d}
              index={index}
              now={now}
              assigneeName={d.assigneeId ? (staffNames.get(d.assigneeId) ?? null) : null}
              active={d.id === activeId}
              selected={false}
              focusable
              draft={drafts.has(d.id)}
              onOpen={onOpen}
              onToggle={ignore}
              onFocusRow={ignore}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
