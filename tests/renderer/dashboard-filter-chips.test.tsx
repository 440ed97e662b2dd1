import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CacheDatabase } from '../../src-renderer/cache/db';
import { DeskContextProvider } from '../../src-renderer/data/desk';
import { FilterBar } from '../../src-renderer/workspace/filters';
import type { DossierFilter, DossierSort } from '../../src-shared/domain/filters';
import { defaultSort } from '../../src-shared/domain/filters';
import type { User } from '../../src-shared/domain/model';
import { testDesk } from './desk';
import { plain, renderIn } from './providers';

/**
 * The filters the dashboard's figures open (age, closure, deadline week) in the filter bar: each a
 * chip, in English and French, removable one by one (the figures: dashboard-figures.test.tsx).
 */

const supervisor: User = {
  id: 's1',
  name: 'Sophie Marchand',
  email: 'sophie@klikpay.test',
  role: 'supervisor',
};
const camille: User = { id: 'a1', name: 'Camille Laurent', email: 'camille@klikpay.test', role: 'agent' };
const james: User = { id: 'a2', name: 'James Whitfield', email: 'james@klikpay.test', role: 'agent' };

const opened: CacheDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** The bar as the queue screen holds it, starting from a dashboard's filter. */
function Harness({ initial, onChange }: { initial: DossierFilter; onChange: (f: DossierFilter) => void }) {
  const [filter, setFilter] = useState<DossierFilter>(initial);
  const [sort, setSort] = useState<DossierSort>(defaultSort);
  return (
    <FilterBar
      queue="all"
      filter={filter}
      sort={sort}
      onChange={(f, s) => {
        onChange(f);
        setFilter(f);
        setSort(s);
      }}
      merchants={[]}
      staff={[camille, james]}
      knownTags={[]}
    />
  );
}

async function renderBar(initial: DossierFilter, locale: 'en' | 'fr' = 'en') {
  const db = new CacheDatabase(`dashboard-chips-${crypto.randomUUID()}`);
  opened.push(db);
  await db.users.bulkPut([supervisor, camille, james]);
  const onChange = vi.fn<(f: DossierFilter) => void>();
  renderIn(
    <DeskContextProvider desk={testDesk(db, { user: supervisor })}>
      <Harness initial={initial} onChange={onChange} />
    </DeskContextProvider>,
    locale,
  );
  return onChange;
}

const period = { closedFrom: '2026-09-01T00:00:00.000Z', closedTo: '2026-11-24T00:00:00.000Z' };

describe('the age and closure filters in the filter bar', () => {
  it('show as chips, each removable on its own', async () => {
    const user = userEvent.setup();
    const onChange = await renderBar({
      age: { fromDays: 7, toDays: 30 },
      closureReasons: ['inactivity'],
      outcomes: ['refunded', 'none'],
      ...period,
    });
    const chips = screen.getByRole('list', { name: 'Active filters' });
    expect(plain(chips.textContent)).toContain('Open for7 to 30 days');
    await user.click(screen.getByRole('button', { name: 'Remove the filter Open for: 7 to 30 days' }));
    expect(onChange.mock.calls.at(-1)?.[0]).toEqual({
      closureReasons: ['inactivity'],
      outcomes: ['refunded', 'none'],
      ...period,
    });
    await user.click(screen.getByRole('button', { name: 'Remove the filter Outcome: No outcome recorded' }));
    await user.click(
      screen.getByRole('button', { name: 'Remove the filter Closure reason: Closed for inactivity' }),
    );
    expect(onChange.mock.calls.at(-1)?.[0]).toEqual({ outcomes: ['refunded'], ...period });
    await user.click(screen.getByRole('button', { name: /^Remove the filter Closed: .+ to .+$/ }));
    expect(onChange.mock.calls.at(-1)?.[0]).toEqual({ outcomes: ['refunded'] });
    await user.click(screen.getByRole('button', { name: 'Remove the filter Outcome: Refunded' }));
    expect(onChange.mock.calls.at(-1)?.[0]).toEqual({});
    expect(screen.queryByRole('list', { name: 'Active filters' })).toBeNull();
  });

  it('say the first and last buckets as the dashboard means them', async () => {
    await renderBar({ age: { fromDays: 0, toDays: 1 } });
    expect(screen.getByRole('button', { name: 'Remove the filter Open for: less than 1 day' })).toBeTruthy();
  });

  it('show a figure of the deadlines met by week as a chip, removable', async () => {
    const user = userEvent.setup();
    const week = {
      party: 'klikpay',
      verdict: 'missed',
      from: '2026-11-15T23:00:00.000Z',
      to: '2026-11-22T23:00:00.000Z',
    };
    const onChange = await renderBar({ deadlineWeek: week as DossierFilter['deadlineWeek'], assignee: 'a2' });
    // Dates as the agent's computer reads them, like the closure period's.
    const name = /^Remove the filter Deadline missed: Klik & Pay’s reply, due .+ 2026 to .+ 2026$/;
    await user.click(screen.getByRole('button', { name }));
    expect(onChange.mock.calls.at(-1)?.[0]).toEqual({ assignee: 'a2' });
  });

  it('speak French', async () => {
    await renderBar(
      {
        age: { fromDays: 120, toDays: null },
        closureReasons: ['resolved_by_client'],
        outcomes: ['none'],
        ...period,
      },
      'fr',
    );
    expect(
      screen.getByRole('button', { name: 'Retirer le filtre Ouvert depuis : 120 jours ou plus' }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Retirer le filtre Motif de clôture : / })).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Retirer le filtre Issue : Aucune issue indiquée' }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Retirer le filtre Clôturé : du .+ au .+$/ })).toBeTruthy();
  });

  it('speak French of a deadline week', async () => {
    const week = {
      party: 'merchant_reminded',
      verdict: 'met',
      from: period.closedFrom,
      to: period.closedTo,
    } as const;
    await renderBar({ deadlineWeek: week }, 'fr');
    expect(
      screen.getByRole('button', {
        name: /^Retirer le filtre Délai tenu : Réponse du marchand après rappel, échéance du .+ au .+$/,
      }),
    ).toBeTruthy();
  });
});
