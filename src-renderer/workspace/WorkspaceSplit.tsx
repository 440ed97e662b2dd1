import type { CSSProperties, KeyboardEvent, PointerEvent, ReactNode } from 'react';
import { useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../i18n/hooks';
import { clampListWidth, listWidth, maxListWidth, readListWidth, writeListWidth } from './list-width';
import './workspace-split.css';

export interface WorkspaceSplitProps {
  /** The queue list (or the search results), with `listId` as its id. */
  list: ReactNode;
  listId: string;
  /** The open dossier, or what is said when none is. */
  dossier: ReactNode;
}

/** The separator's own column: a line, its hit area drawn wider around it (workspace.css). */
const separatorWidth = 1;

/**
 * The queue list and the dossier pane side by side, with a separator between them that the agent
 * drags, or moves with the arrow keys (Shift: further; Home, End: narrowest, widest list; a double
 * click: back to the default). The width is kept on this device (`list-width.ts`); the window may
 * allow less, then the dossier pane keeps its minimum and the chosen width comes back when it can.
 */
export function WorkspaceSplit({ list, listId, dossier }: WorkspaceSplitProps) {
  const t = useT();
  const split = useRef<HTMLDivElement>(null);
  const [chosen, setChosen] = useState(readListWidth);
  const [splitWidth, setSplitWidth] = useState(0);
  const drag = useRef<{ x: number; from: number } | null>(null);
  const [dragging, setDragging] = useState(false);

  useLayoutEffect(() => {
    const el = split.current;
    if (!el) return;
    const measure = () => setSplitWidth(el.getBoundingClientRect().width);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const max = maxListWidth(splitWidth, separatorWidth);
  const width = clampListWidth(chosen, max);
  const choose = (next: number, keep = true) => {
    const clamped = clampListWidth(next, max);
    setChosen(clamped);
    if (keep) writeListWidth(clamped);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const step = event.shiftKey ? listWidth.bigStep : listWidth.step;
    const moves: Partial<Record<string, number>> = {
      ArrowLeft: width - step,
      ArrowRight: width + step,
      Home: listWidth.min,
      End: max,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    choose(next);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.focus();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, from: width };
    setDragging(true);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) choose(drag.current.from + event.clientX - drag.current.x, false);
  };
  const onPointerEnd = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    choose(drag.current.from + event.clientX - drag.current.x);
    drag.current = null;
    setDragging(false);
  };

  return (
    <div
      ref={split}
      className={`workspace__split${dragging ? ' workspace__split--dragging' : ''}`}
      style={{ '--list-width': `${width}px` } as CSSProperties}
    >
      {list}
      <div
        role="separator"
        className="workspace__separator"
        tabIndex={0}
        aria-orientation="vertical"
        aria-controls={listId}
        aria-label={t('workspace.separator')}
        aria-valuemin={listWidth.min}
        aria-valuemax={max}
        aria-valuenow={width}
        aria-valuetext={t('workspace.separatorValue', { width })}
        title={t('workspace.separatorHint')}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        onDoubleClick={() => {
          setChosen(listWidth.initial);
          writeListWidth(listWidth.initial);
        }}
      />
      {dossier}
    </div>
  );
}
