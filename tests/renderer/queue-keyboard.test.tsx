import { act, screen, waitFor } from '@testing-library/react';
import { createRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QueueListHandle } from '../../src-renderer/workspace/queue/QueueList';
import { QueueList } from '../../src-renderer/workspace/queue/QueueList';
import { MONDAY } from '../unit/fixtures';
import { cacheOf, deskOf, layOutLists, show } from './workbench';

/** The queue list under the keyboard: the first j lands on the first row; the focus comes back to the cursor. */

const now = MONDAY + 3_600_000;

afterEach(() => {
  vi.restoreAllMocks();
});

function List({ handle }: { handle: React.Ref<QueueListHandle> }) {
  const [cursor, setCursor] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  return (
    <QueueList
      ref={handle}
      query={{ queue: 'all', sort: { key: 'reference', direction: 'asc' } }}
      count={3}
      now={now}
      label="All: dossiers"
      activeId={null}
      cursor={cursor}
      onCursor={setCursor}
      onOpen={() => undefined}
      selected={selected}
      onToggle={(id) =>
        setSelected((s) => {
          const next = new Set(s);
          if (!next.delete(id)) next.add(id);
          return next;
        })
      }
      onSelectMany={(ids) => setSelected((s) => new Set([...s, ...ids]))}
      staffNames={new Map()}
    />
  );
}

const focusedReference = () =>
  document.activeElement?.closest('.queue-row')?.querySelector('.queue-row__ref')?.textContent ?? null;

/** Three dossiers in a queue list laid out for the virtualizer. */
async function mounted() {
  const db = await cacheOf(3);
  layOutLists();
  const handle = createRef<QueueListHandle>();
  show(deskOf(db), <List handle={handle} />);
  await screen.findByText('KP-2026-000202');
  return handle;
}

describe('the queue list and the keyboard', () => {
  it('lands the first j (or k) on the first row, then moves one row at a time', async () => {
    const handle = await mounted();
    act(() => handle.current?.move(1));
    expect(focusedReference()).toBe('KP-2026-000123');
    act(() => handle.current?.move(1));
    expect(focusedReference()).toBe('KP-2026-000202');
    act(() => handle.current?.move(1));
    act(() => handle.current?.move(1));
    expect(focusedReference()).toBe('KP-2026-000203');
    act(() => handle.current?.move(-1));
    expect(focusedReference()).toBe('KP-2026-000202');

    // The focus went elsewhere (the composer): back to the row the agent was on.
    (document.activeElement as HTMLElement | null)?.blur();
    act(() => handle.current?.focusCursor());
    expect(focusedReference()).toBe('KP-2026-000202');
  });

  it('x ticks the row under the cursor, Shift+X every row from the last x', async () => {
    const handle = await mounted();
    const ticked = () => screen.getAllByRole('checkbox').map((box) => (box as HTMLInputElement).checked);
    act(() => handle.current?.move(1));
    act(() => handle.current?.select(false));
    await waitFor(() => expect(ticked()).toEqual([true, false, false]));
    act(() => handle.current?.select(false));
    await waitFor(() => expect(ticked()).toEqual([false, false, false]));
    act(() => handle.current?.move(1));
    act(() => handle.current?.move(1));
    act(() => handle.current?.select(true));
    await waitFor(() => expect(ticked()).toEqual([true, true, true]));
  });
});
