import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CacheDatabase, toCached } from '../../src-renderer/cache/db';
import { FactsMirror } from '../../src-renderer/cache/facts-mirror';
import { countQuery } from '../../src-renderer/cache/queues';
import { DeskContextProvider } from '../../src-renderer/data/desk';
import { Dashboard } from '../../src-renderer/workspace/dashboard';
import { QueueList } from '../../src-renderer/workspace/queue/QueueList';
import type { DossierFilter } from '../../src-shared/domain/filters';
import { dossierFilterSchema } from '../../src-shared/domain/filters';
import type { Dossier, User } from '../../src-shared/domain/model';
import type { QueueId } from '../../src-shared/domain/queues';
import { defaultSettings } from '../../src-shared/domain/settings';
import { dossierFacts } from '../../src-shared/domain/stats';
import type { ClosureReason, Outcome } from '../../src-shared/domain/vocabulary';
import { filing, transaction } from '../unit/fixtures';
import { testDesk } from './desk';
import { renderIn } from './providers';

/**
 * The dashboard's figures click through to a queue filtered so that it holds the very dossiers the
 * row counts (the filter bar's chips for those filters: dashboard-filter-chips.test.tsx).
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
  const facts = new FactsMirror();
  const desk = testDesk(db, { user: supervisor, facts });
  const onOpenQueue = vi.fn<(queue: QueueId, filter: DossierFilter) => void>();
  renderIn(
    <DeskContextProvider desk={desk}>
      <Dashboard onOpenQueue={onOpenQueue} />
    </DeskContextProvider>,
  );
  await screen.findByRole('table', { name: 'Age of open dossiers' });
  return { db, onOpenQueue, facts };
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

describe('the dashboard after a reload', () => {
  it('shows the figures read ahead at once, and says "still counting" only once it knows', async () => {
    const db = await cacheWith(made);
    const facts = new FactsMirror();
    await facts.load(db);
    const desk = testDesk(db, { user: supervisor, facts });
    renderIn(
      <DeskContextProvider desk={desk}>
        <Dashboard onOpenQueue={() => undefined} />
      </DeskContextProvider>,
    );
    // The first frame: the figures are there, and whether every fact is taken is not known yet.
    expect(screen.getByRole('table', { name: 'Age of open dossiers' })).toBeTruthy();
    expect(screen.queryByText(/Still counting/)).toBeNull();
    // Then known (its query has run, the dashboard no longer busy): every fact taken, never said.
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }).closest('section')?.getAttribute('aria-busy')).toBe(
        'false',
      ),
    );
    expect(screen.queryByText(/Still counting/)).toBeNull();
  });

  it('says "still counting" while a walk of the cache is still taking facts', async () => {
    const db = await cacheWith(made);
    await db.meta.put({ key: 'factsBuiltUpTo', value: '' });
    const facts = new FactsMirror();
    renderIn(
      <DeskContextProvider desk={testDesk(db, { user: supervisor, facts })}>
        <Dashboard onOpenQueue={() => undefined} />
      </DeskContextProvider>,
    );
    expect(await screen.findByText(/Still counting/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).closest('section')?.getAttribute('aria-busy')).toBe(
      'true',
    );
  });
});

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

const partyNames = { klikpay: 'Klik & Pay', merchant: 'Merchant', merchant_reminded: 'Merchant, reminded' };
const parisWeekStart = (instant: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(Date.parse(instant)) === 'Mon 00:00';

/**
 * Clicks each count of the deadlines met by week: each opens All filtered to its party, verdict and
 * week (a Paris Monday to the next, cut to the 12 weeks shown), and that queue counts what it says.
 */
async function clickEachCount(
  shown: Awaited<ReturnType<typeof showDashboard>>,
  theirs: DossierFilter,
): Promise<number> {
  const { db, onOpenQueue, facts } = shown;
  const user = userEvent.setup();
  const table = screen.getByRole('table', { name: 'Deadlines met, by week' });
  const to = Math.ceil((Date.now() + 1) / DAY) * DAY;
  const period = { from: to - 84 * DAY, to };
  let total = 0;
  for (const row of within(table).getAllByRole('row').slice(1)) {
    const week = within(row).getByRole('rowheader').textContent;
    for (const [column, cell] of within(row).getAllByRole('cell').entries()) {
      const party = (['klikpay', 'merchant', 'merchant_reminded'] as const)[column];
      for (const button of within(cell).queryAllByRole('button')) {
        const [, figure = '', verdict = ''] = /^(\d+) (met|missed)$/.exec(button.textContent) ?? [];
        const count = Number(figure);
        const deadlines = count === 1 ? 'deadline' : 'deadlines';
        expect(button.getAttribute('aria-label')).toBe(
          `Show the dossiers of ${party ? partyNames[party] : ''}, week ${week}: ${count} ${deadlines} ${verdict}`,
        );
        await user.click(button);
        const [queue, filter] = onOpenQueue.mock.calls.at(-1) ?? [];
        if (!queue || !filter?.deadlineWeek) throw new Error('the count opened no deadline week');
        const { from, to: end } = filter.deadlineWeek;
        expect([queue, filter]).toEqual([
          'all',
          { ...theirs, deadlineWeek: { party, verdict, from, to: end } },
        ]);
        expect(dossierFilterSchema.safeParse(filter).success).toBe(true);
        expect(Date.parse(from) === period.from || parisWeekStart(from), from).toBe(true);
        expect(Date.parse(end) === period.to || parisWeekStart(end), end).toBe(true);
        expect(Date.parse(end) - Date.parse(from)).toBeLessThanOrEqual(7 * DAY + 3_600_000);
        const ctx = { now: Date.now(), viewer: { userId: supervisor.id }, settings: defaultSettings, facts };
        expect(await countQuery(db, { queue, filter }, ctx), JSON.stringify(filter)).toBe(count);
        total += count;
      }
    }
  }
  return total;
}

describe('the dashboard’s deadlines met by week', () => {
  it('open All filtered to the party, the verdict and the week, holding the dossiers each count says', async () => {
    const shown = await showDashboard();
    // Three merchants missed their answer in the period, three closed claims had met theirs.
    expect(await clickEachCount(shown, {})).toBe(6);
  });

  it('add the agent the dashboard is about', async () => {
    const user = userEvent.setup();
    const shown = await showDashboard();
    await screen.findByRole('option', { name: 'James Whitfield' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'For' }), 'James Whitfield');
    await waitFor(() => expect(screen.getAllByRole('button', { name: /: 1 deadline / })).toHaveLength(2));
    expect(await clickEachCount(shown, { assignee: 'a2' })).toBe(2);
  });

  it('say plainly on an agent’s copy, which keeps no facts, that the queue cannot be shown', async () => {
    const db = await cacheWith(made);
    const week = {
      party: 'merchant',
      verdict: 'missed',
      from: '2026-11-15T23:00:00.000Z',
      to: '2026-11-22T23:00:00.000Z',
    } as const;
    const query = { queue: 'all' as const, filter: { deadlineWeek: week } };
    renderIn(
      <DeskContextProvider desk={testDesk(db, { user: camille })}>
        <QueueList
          query={query}
          count={null}
          now={Date.now()}
          label="All: dossiers"
          activeId={null}
          cursor={0}
          onCursor={() => undefined}
          onOpen={() => undefined}
          selected={new Set()}
          onToggle={() => undefined}
          staffNames={new Map()}
        />
      </DeskContextProvider>,
    );
    expect(screen.getByRole('status').textContent).toMatch(/cannot be shown on this copy/);
    expect(screen.queryByRole('list')).toBeNull();
  });
});
