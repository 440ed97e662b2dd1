import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CacheDatabase, toCached } from '../../src-renderer/cache/db';
import { FactsMirror } from '../../src-renderer/cache/facts-mirror';
import { countQuery } from '../../src-renderer/cache/queues';
import { DeskContextProvider } from '../../src-renderer/data/desk';
import { Dashboard } from '../../src-renderer/workspace/dashboard';
import { FilterBar } from '../../src-renderer/workspace/filters';
import type { DossierFilter, DossierSort } from '../../src-shared/domain/filters';
import { defaultSort, dossierFilterSchema } from '../../src-shared/domain/filters';
import type { Dossier, User } from '../../src-shared/domain/model';
import type { QueueId } from '../../src-shared/domain/queues';
import { defaultSettings } from '../../src-shared/domain/settings';
import { dossierFacts } from '../../src-shared/domain/stats';
import type { ClosureReason, Outcome } from '../../src-shared/domain/vocabulary';
import { filing, transaction } from '../unit/fixtures';
import { testDesk } from './desk';
import { plain, renderIn } from './providers';

/**
 * The dashboard's age buckets and closures click through to a queue filtered so that it holds the
 * very dossiers the row counts; the filter bar shows those filters as chips, removable one by one.
 */

const DAY = 86_400_000;
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

interface Made {
  daysAgo: number;
  assigneeId?: string;
  /** Closed that many days ago, for that reason and outcome. */
  closed?: { daysAgo: number; reason: ClosureReason; outcome: Outcome | null };
}

/** Dossiers filed and closed that many days before the real clock (the dashboard reads it). */
async function cacheWith(made: readonly Made[]): Promise<CacheDatabase> {
  const db = new CacheDatabase(`dashboard-figures-${crypto.randomUUID()}`);
  opened.push(db);
  await db.users.bulkPut([supervisor, camille, james]);
  const now = Date.now();
  for (const [i, m] of made.entries()) {
    const filed = filing(
      {
        id: `d-${i}`,
        reference: `KP-2026-${String(300 + i).padStart(6, '0')}`,
        transaction: transaction({ id: `t-${i}` }),
      },
      now - m.daysAgo * DAY,
    );
    const base: Dossier = { ...filed.dossier, assigneeId: m.assigneeId ?? null };
    const d: Dossier = m.closed
      ? {
          ...base,
          status: 'closed',
          dueAt: null,
          merchantStage: null,
          autoCloseAt: null,
          closure: {
            reason: m.closed.reason,
            outcome: m.closed.outcome,
            summary: null,
            at: new Date(now - m.closed.daysAgo * DAY).toISOString(),
            by: { role: 'agent', id: m.assigneeId ?? null },
          },
        }
      : base;
    await db.dossiers.put(toCached(d));
    await db.facts.put(dossierFacts(d, filed.events));
  }
  return db;
}

const made: Made[] = [
  { daysAgo: 0.2 },
  { daysAgo: 3, assigneeId: 'a1' },
  { daysAgo: 10, assigneeId: 'a2' },
  { daysAgo: 12, assigneeId: 'a1' },
  { daysAgo: 45 },
  { daysAgo: 200, assigneeId: 'a2' },
  // Closed: filed long ago, so only the closure figures count them.
  {
    daysAgo: 20,
    assigneeId: 'a1',
    closed: { daysAgo: 2, reason: 'resolved_by_klikpay', outcome: 'refunded' },
  },
  { daysAgo: 40, assigneeId: 'a2', closed: { daysAgo: 5, reason: 'resolved_by_klikpay', outcome: null } },
  { daysAgo: 50, closed: { daysAgo: 9, reason: 'inactivity', outcome: null } },
  // Before the period (12 weeks): in no figure.
  { daysAgo: 150, assigneeId: 'a1', closed: { daysAgo: 100, reason: 'inactivity', outcome: null } },
];

async function showDashboard() {
  const db = await cacheWith(made);
  const desk = testDesk(db, { user: supervisor, facts: new FactsMirror() });
  const onOpenQueue = vi.fn<(queue: QueueId, filter: DossierFilter) => void>();
  renderIn(
    <DeskContextProvider desk={desk}>
      <Dashboard onOpenQueue={onOpenQueue} />
    </DeskContextProvider>,
  );
  await screen.findByRole('table', { name: 'Age of open dossiers' });
  return { db, onOpenQueue };
}

/** Clicks each row of a table, and checks the queue it opens holds as many dossiers as the row says. */
async function clickEachRow(
  db: CacheDatabase,
  onOpenQueue: ReturnType<typeof vi.fn<(queue: QueueId, filter: DossierFilter) => void>>,
  table: HTMLElement,
): Promise<[QueueId, DossierFilter][]> {
  const user = userEvent.setup();
  const opened: [QueueId, DossierFilter][] = [];
  for (const row of within(table).getAllByRole('row').slice(1)) {
    const shown = Number(within(row).getAllByRole('cell').at(-1)?.textContent);
    await user.click(within(row).getByRole('button'));
    const [queue, filter] = onOpenQueue.mock.calls.at(-1) ?? [];
    if (!queue || !filter) throw new Error('the row opened nothing');
    expect(dossierFilterSchema.safeParse(filter).success).toBe(true);
    const ctx = { now: Date.now(), viewer: { userId: supervisor.id }, settings: defaultSettings };
    expect(await countQuery(db, { queue, filter }, ctx), JSON.stringify(filter)).toBe(shown);
    opened.push([queue, filter]);
  }
  return opened;
}

describe('the dashboard’s subjects', () => {
  it('open the open dossiers of that subject, never the closed ones', async () => {
    const { db, onOpenQueue } = await showDashboard();
    const table = screen.getByRole('table', { name: 'Open by subject' });
    const opened = await clickEachRow(db, onOpenQueue, table);
    expect(opened).toEqual([
      ['payment', {}],
      ['all', { subjects: ['delivery'], age: { fromDays: 0, toDays: null } }],
    ]);
  });
});

describe('the dashboard’s age buckets', () => {
  it('each open All filtered to that age, holding the dossiers the row counts', async () => {
    const { db, onOpenQueue } = await showDashboard();
    const table = screen.getByRole('table', { name: 'Age of open dossiers' });
    const opened = await clickEachRow(db, onOpenQueue, table);
    expect(opened).toEqual([
      ['all', { age: { fromDays: 0, toDays: 1 } }],
      ['all', { age: { fromDays: 1, toDays: 7 } }],
      ['all', { age: { fromDays: 7, toDays: 30 } }],
      ['all', { age: { fromDays: 30, toDays: 60 } }],
      ['all', { age: { fromDays: 60, toDays: 120 } }],
      ['all', { age: { fromDays: 120, toDays: null } }],
    ]);
    expect(within(table).getByRole('row', { name: /7–30 days/ }).textContent).toContain('2');
  });

  it('add the agent the dashboard is about, as the breaches do', async () => {
    const user = userEvent.setup();
    const { db, onOpenQueue } = await showDashboard();
    await screen.findByRole('option', { name: 'James Whitfield' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'For' }), 'James Whitfield');
    const table = screen.getByRole('table', { name: 'Age of open dossiers' });
    await waitFor(() =>
      expect(within(table).getByRole('row', { name: /7–30 days/ }).textContent).toMatch(/1$/),
    );
    const opened = await clickEachRow(db, onOpenQueue, table);
    expect(opened[2]).toEqual(['all', { assignee: 'a2', age: { fromDays: 7, toDays: 30 } }]);
  });
});

describe('the dashboard’s closures', () => {
  it('open All filtered to the reason or outcome and the period, holding the dossiers the row counts', async () => {
    const { db, onOpenQueue } = await showDashboard();
    const reasons = screen.getByRole('table', { name: 'Closed in the period: 3' });
    const byReason = await clickEachRow(db, onOpenQueue, reasons);
    const [, first] = byReason[0] ?? [];
    const { closedFrom, closedTo } = first ?? {};
    // The period shown: 12 weeks of whole days, up to the end of today.
    expect(Date.parse(closedTo ?? '') - Date.parse(closedFrom ?? '')).toBe(84 * DAY);
    expect(Date.parse(closedTo ?? '')).toBeGreaterThan(Date.now());
    const period = { closedFrom, closedTo };
    expect(byReason).toEqual([
      ['all', { ...period, closureReasons: ['resolved_by_client'] }],
      ['all', { ...period, closureReasons: ['resolved_by_klikpay'] }],
      ['all', { ...period, closureReasons: ['inactivity'] }],
    ]);
    const outcomes = screen.getByRole('table', { name: 'Outcomes' });
    const byOutcome = await clickEachRow(db, onOpenQueue, outcomes);
    expect(byOutcome.map(([queue, f]) => [queue, f.outcomes])).toEqual([
      ['all', ['refunded']],
      ['all', ['partially_refunded']],
      ['all', ['replaced']],
      ['all', ['delivered']],
      ['all', ['claim_unfounded']],
      ['all', ['other']],
      ['all', ['none']],
    ]);
    expect(within(outcomes).getByRole('row', { name: /No outcome recorded/ }).textContent).toContain('2');
  });
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
  const db = await cacheWith([]);
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
});
