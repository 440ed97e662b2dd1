import { useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { Ref } from 'react';
import type { Dossier } from '../../../src-shared/domain/model';
import { useDesk } from '../../data/desk';
import { useDraftIds } from '../../data/drafts';
import { useLastMessages, useUnreadIds } from '../../data/reads';
import { useSearch, useSearchIndexProgress } from '../../data/queues';
import { useFormat, useT } from '../../i18n/hooks';
import type { RowsHandle } from './QueueList';
import { QueueRow } from './QueueRow';

const limit = 50;
/** Search results are opened, not selected: their rows ignore selection. */
const ignore = () => undefined;

export interface SearchResultsProps {
  text: string;
  now: number;
  activeId: string | null;
  onOpen: (dossier: Dossier) => void;
  staffNames: ReadonlyMap<string, string>;
  /** j/k move through the results as through a queue (the same handle as the queue list's). */
  ref?: Ref<RowsHandle>;
}

/** Local search results as the agent types: the most urgent matches first. */
export function SearchResults({ text, now, activeId, onOpen, staffNames, ref }: SearchResultsProps) {
  const t = useT();
  const answer = useSearch(text, limit);
  const found = answer?.dossiers ?? null;
  const corrected = answer?.corrected ?? null;
  const rows = useRef<HTMLUListElement>(null);
  // The keyboard's row, and whether a key has placed it yet in these results.
  const [cursor, setCursor] = useState({ text, index: 0, placed: false });
  const current = cursor.text === text ? cursor : { text, index: 0, placed: false };
  const count = found?.length ?? 0;
  const focusAt = (index: number) =>
    rows.current?.querySelectorAll<HTMLButtonElement>('.queue-row__open')[index]?.focus();
  useImperativeHandle(
    ref,
    () => ({
      move(delta) {
        if (count === 0) return;
        const index = current.placed ? Math.min(count - 1, Math.max(0, current.index + delta)) : 0;
        setCursor({ text, index, placed: true });
        focusAt(index);
      },
      focusCursor() {
        if (count > 0) focusAt(Math.min(current.index, count - 1));
      },
    }),
    [count, current.index, current.placed, text],
  );
  const indexing = useSearchIndexProgress();
  const format = useFormat();
  const drafts = useDraftIds();
  const unread = useUnreadIds();
  const ids = useMemo(() => (found ?? []).map((d) => d.id), [found]);
  const previews = useLastMessages(ids);
  const viewerId = useDesk().user.id;
  return (
    <div className="search-results">
      <h1 id="queue-title" className="workspace__title">
        {found === null
          ? t('common.loading')
          : found.length === 0
            ? t('search.noResults', { query: text.trim() })
            : found.length === limit
              ? // Capped: a count that says so (more may match).
                t('list.searchResultsMore', { count: limit, query: corrected ?? text.trim() })
              : t('list.searchResults', { count: found.length, query: corrected ?? text.trim() })}
      </h1>
      {corrected !== null && found && found.length > 0 ? (
        <p className="workspace__hint" role="status">
          {t('search.corrected', { query: text.trim(), corrected })}
        </p>
      ) : null}
      {indexing !== null && (
        <p className="workspace__hint" role="status">
          {t('search.indexing', { percent: format.percent(indexing) })}
        </p>
      )}
      {found && found.length === limit && (
        <p className="workspace__hint">{t('list.searchLimited', { count: limit })}</p>
      )}
      <ul ref={rows} className="search-results__rows" aria-label={t('search.results', { count })}>
        {(found ?? []).map((d, index) => (
          <li key={d.id}>
            <QueueRow
              dossier={d}
              index={index}
              now={now}
              viewerId={viewerId}
              assigneeName={d.assigneeId ? (staffNames.get(d.assigneeId) ?? null) : null}
              active={d.id === activeId}
              selected={false}
              focusable={index === Math.min(current.index, count - 1)}
              draft={drafts.has(d.id)}
              unread={unread.has(d.id)}
              preview={previews.get(d.id)}
              onOpen={onOpen}
              onToggle={ignore}
              onFocusRow={(at) => setCursor({ text, index: at, placed: true })}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
