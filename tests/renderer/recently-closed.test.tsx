import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { DossierSort } from '../../src-shared/domain/filters';
import { defaultSort } from '../../src-shared/domain/filters';
import { defaultSettings } from '../../src-shared/domain/settings';
import { toCached } from '../../src-renderer/cache/db';
import type { QueryContext } from '../../src-renderer/cache/queues';
import { pageQuery } from '../../src-renderer/cache/queues';
import { FilterBar } from '../../src-renderer/workspace/filters';
import { agent as agentActor, cmd, later, step } from '../unit/fixtures';
import { cacheOf, deskOf, nth, show } from './workbench';

/** Issue 12, item 9: "Recently closed" sorts as its sort control says: by the date each dossier closed. */

function Bar() {
  const [sort, setSort] = useState<DossierSort>(defaultSort);
  return (
    <FilterBar
      queue="recently_closed"
      filter={{}}
      sort={sort}
      onChange={(_f, s) => setSort(s)}
      merchants={[]}
      staff={[]}
      knownTags={[]}
    />
  );
}

describe('the sort control of Recently closed', () => {
  it('says its order is by closure date, latest first, and the reverse', async () => {
    const user = userEvent.setup();
    show(deskOf(await cacheOf(0)), <Bar />);
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Sort' });
    expect(select.selectedOptions[0]?.textContent).toBe('Date closed');
    await user.click(
      screen.getByRole('button', { name: 'Reverse the order (now: Most recently closed first)' }),
    );
    expect(
      screen.getByRole('button', { name: 'Reverse the order (now: Earliest closed first)' }),
    ).toBeTruthy();
  });
});

describe('Recently closed over the cache', () => {
  /** d-1 closed first, then d-3, then d-2: neither the ids' order nor its reverse. */
  async function closedCache() {
    const db = await cacheOf(0);
    const closedAt = { 1: later(1), 2: later(3), 3: later(2) } as const;
    for (const n of [1, 2, 3] as const) {
      const closed = step(nth(n).dossier, agentActor, cmd.close(), closedAt[n]);
      await db.dossiers.put(toCached(closed.dossier));
    }
    return db;
  }
  const context = (sortInMemoryUpTo?: number): QueryContext => ({
    now: later(5),
    viewer: { userId: 'a1' },
    settings: defaultSettings,
    ...(sortInMemoryUpTo === undefined ? {} : { sortInMemoryUpTo }),
  });

  it('sorts by the date of closure both ways, whether it sorts in memory or walks an index', async () => {
    const db = await closedCache();
    const page = { offset: 0, limit: 10 };
    // 0: too many to sort in memory, whatever the count (the path of a large cache).
    for (const ctx of [context(), context(0)]) {
      const ids = async (sort: DossierSort) =>
        (await pageQuery(db, { queue: 'recently_closed', sort }, ctx, page)).map((d) => d.id);
      const where = `sorting in memory up to ${String(ctx.sortInMemoryUpTo ?? 'the default')}`;
      expect(await ids({ key: 'urgency', direction: 'asc' }), where).toEqual(['d-2', 'd-3', 'd-1']);
      expect(await ids({ key: 'urgency', direction: 'desc' }), where).toEqual(['d-1', 'd-3', 'd-2']);
      const second = await pageQuery(
        db,
        { queue: 'recently_closed', sort: { key: 'urgency', direction: 'desc' } },
        ctx,
        { offset: 1, limit: 1 },
      );
      expect(
        second.map((d) => d.id),
        where,
      ).toEqual(['d-3']);
    }
  });
});
