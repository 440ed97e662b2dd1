import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { Dossier } from '../../../src-shared/domain/model';
import type { QueueQuery } from '../../cache/queues';
import { useDraftIds } from '../../data/drafts';
import { useLastMessages, useUnreadIds } from '../../data/reads';
import { pageQuery } from '../../cache/queues';
import { useDesk } from '../../data/desk';
import { answerableHere, queryContext, queryKey, useQueueWindow } from '../../data/queues';
import { useT } from '../../i18n/hooks';
import { QueueRow } from './QueueRow';

export interface QueueListProps {
  query: QueueQuery;
  /** The queue's live count (null while counting). */
  count: number | null;
  now: number;
  /** The list's accessible name ("Mine: dossiers"). */
  label: string;
  activeId: string | null;
  cursor: number;
  onCursor: (index: number) => void;
  onOpen: (dossier: Dossier) => void;
  /** The rows ticked, or 'all' when every dossier that matches is selected. */
  selected: ReadonlySet<string> | 'all';
  onToggle: (id: string) => void;
  /** Ticks these rows (a Shift+X range), leaving the others as they are. */
  onSelectMany?: (ids: readonly string[]) => void;
  staffNames: ReadonlyMap<string, string>;
}

/** What j/k need of a list of rows (a queue, or search results). */
export interface RowsHandle {
  /**
   * Moves the keyboard cursor by `delta` rows and focuses that row; the first move in a queue
   * (nothing chosen yet) lands on the first row.
   */
  move(delta: number): void;
  /** Focuses the cursor's row (back to the list after a send, or Escape from the composer). */
  focusCursor(): void;
}

export interface QueueListHandle extends RowsHandle {
  /** x: ticks or unticks the cursor's row; Shift+X: ticks every row from the last x to the cursor. */
  select(range: boolean): void;
}

/** The most rows one Shift+X ticks (beyond, "select all matching" is the way). */
export const maxRangeSelection = 5_000;

/** Three lines a row: who and how much, then what and who handles it, then the last message. */
export const rowHeight = 74;

/**
 * A queue as a virtual list: only the rows in view (and a few around) exist in the page, and only
 * their block of the queue is read from the cache, so 100,000 dossiers scroll like 100.
 */
export const QueueList = forwardRef<QueueListHandle, QueueListProps>(function QueueList(
  {
    query,
    count,
    now,
    label,
    activeId,
    cursor,
    onCursor,
    onOpen,
    selected,
    onToggle,
    onSelectMany,
    staffNames,
  },
  ref,
) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const key = queryKey(query);
  // Until the queue is counted (the navigation's counts take their turns in the background: seconds
  // at 100,000 dossiers when the desk opens), the rows read so far are the list: they never wait for
  // the count.
  const [read, setRead] = useState<{ key: string; size: number } | null>(null);
  const total = count ?? (read?.key === key ? read.size : 0);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = (items.at(-1)?.index ?? 0) + 1;
  const window = useQueueWindow(query, now, first, last);
  const drafts = useDraftIds();
  const unread = useUnreadIds();
  // The last messages of the block of rows read (not only those in view): scrolling within it
  // shows each row's preview at once.
  const windowIds = useMemo(() => window?.rows.map((d) => d.id) ?? [], [window]);
  const previews = useLastMessages(windowIds);
  useEffect(() => {
    const size = window ? window.offset + window.rows.length : null;
    if (size !== null && (read?.key !== key || read.size !== size)) setRead({ key, size });
  }, [window, key, read]);
  const rowAt = useCallback(
    (index: number): Dossier | undefined =>
      window && index >= window.offset ? window.rows[index - window.offset] : undefined,
    [window],
  );

  const pendingFocus = useRef<number | null>(null);
  // Whether the agent has a row in hand in this queue (a key moved to it, or it had the focus).
  const placed = useRef(false);
  /** Where the last x was pressed: the other end of a Shift+X range. */
  const anchor = useRef<number | null>(null);
  const desk = useDesk();
  useEffect(() => {
    placed.current = false;
    anchor.current = null;
  }, [key]);
  const onRowFocus = useCallback(
    (index: number) => {
      placed.current = true;
      onCursor(index);
    },
    [onCursor],
  );
  const focusRow = useCallback((index: number) => {
    const el = scroller.current?.querySelector<HTMLButtonElement>(`[data-index="${index}"] .queue-row__open`);
    if (el) {
      el.focus({ preventScroll: true });
      pendingFocus.current = null;
    } else pendingFocus.current = index;
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      move(delta) {
        if (total === 0) return;
        const next = placed.current ? Math.min(total - 1, Math.max(0, cursor + delta)) : 0;
        placed.current = true;
        onCursor(next);
        virtualizer.scrollToIndex(next, { align: 'auto' });
        focusRow(next);
      },
      select(range) {
        if (total === 0) return;
        const at = Math.min(cursor, total - 1);
        const from = anchor.current;
        anchor.current = at;
        if (!range || from === null) {
          const row = rowAt(at);
          if (row) onToggle(row.id);
          return;
        }
        const low = Math.max(Math.min(from, at), at - maxRangeSelection + 1);
        const high = Math.max(from, at);
        void pageQuery(desk.db, query, queryContext(desk, now), { offset: low, limit: high - low + 1 }).then(
          (rows) => onSelectMany?.(rows.map((d) => d.id)),
        );
      },
      focusCursor() {
        if (total === 0) return;
        const at = Math.min(cursor, total - 1);
        virtualizer.scrollToIndex(at, { align: 'auto' });
        focusRow(at);
      },
    }),
    [total, cursor, onCursor, virtualizer, focusRow, rowAt, onToggle, onSelectMany, desk, query, now],
  );

  // A row scrolled into view after a keyboard move takes the focus once it exists.
  useEffect(() => {
    if (pendingFocus.current !== null) focusRow(pendingFocus.current);
  });

  if (!answerableHere(desk, query)) {
    return (
      <p className="queue-list__empty" role="status">
        {t('filters.deadlineWeek.unavailable')}
      </p>
    );
  }
  if (count === 0 || (count === null && read?.key === key && read.size === 0)) {
    return <p className="queue-list__empty">{t('queue.empty')}</p>;
  }

  return (
    <div ref={scroller} className="queue-list" aria-busy={count === null}>
      <ul className="queue-list__rows" aria-label={label} style={{ blockSize: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const d = rowAt(item.index);
          return (
            <li
              key={d?.id ?? `loading-${item.index}`}
              data-index={item.index}
              className="queue-list__item"
              aria-setsize={count ?? -1}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)`, blockSize: rowHeight }}
            >
              {d ? (
                <QueueRow
                  dossier={d}
                  index={item.index}
                  now={now}
                  viewerId={desk.user.id}
                  assigneeName={d.assigneeId ? (staffNames.get(d.assigneeId) ?? null) : null}
                  active={d.id === activeId}
                  selected={selected === 'all' || selected.has(d.id)}
                  focusable={item.index === cursor}
                  draft={drafts.has(d.id)}
                  unread={unread.has(d.id)}
                  preview={previews.get(d.id)}
                  onOpen={onOpen}
                  onToggle={onToggle}
                  onFocusRow={onRowFocus}
                />
              ) : (
                <div className="queue-row queue-row--loading">{t('list.loadingRow')}</div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
});
