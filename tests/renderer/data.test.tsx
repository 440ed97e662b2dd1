import { act, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { CacheDatabase, toCached } from '../../src-renderer/cache/db';
import { indexForSearch } from '../../src-renderer/cache/search';
import type { Desk } from '../../src-renderer/data/desk';
import { DeskContextProvider } from '../../src-renderer/data/desk';
import { useDossier } from '../../src-renderer/data/dossier';
import { useQueueCounts, useQueueWindow, useSearch } from '../../src-renderer/data/queues';
import type { User } from '../../src-shared/domain/model';
import { MONDAY, filing, transaction } from '../unit/fixtures';
import { testDesk } from './desk';

/** The screens' data hooks over a real Dexie cache (fake-indexeddb): live, windowed, rebuilt. */

const agent: User = { id: 'a1', name: 'Camille Laurent', email: 'camille@klikpay.test', role: 'agent' };
const now = MONDAY + 3_600_000;
let counter = 0;

async function cacheWith(n: number): Promise<CacheDatabase> {
  const db = new CacheDatabase(`hooks-${++counter}`);
  for (let i = 0; i < n; i++) {
    const decision = filing({
      id: `d-${i}`,
      reference: `KP-2026-${String(100 + i).padStart(6, '0')}`,
      subject: i % 3 === 0 ? 'payment' : 'delivery',
      transaction: transaction({ id: `t-${i}`, orderReference: `ORD-${i}`, customerName: `Client ${i}` }),
    });
    await db.dossiers.put(toCached(decision.dossier));
    await db.messages.bulkPut(decision.messages.map((m) => ({ ...m, id: `${m.id}-${i}` })));
    await db.events.bulkPut(decision.events.map((e) => ({ ...e, id: `${e.id}-${i}` })));
    await indexForSearch(db, [decision.dossier], decision.messages);
  }
  return db;
}

const opened: CacheDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function deskOf(db: CacheDatabase, generation = 0): Desk {
  opened.push(db);
  return testDesk(db, { user: agent, now: () => now, generation });
}

const wrap = (desk: Desk) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return <DeskContextProvider desk={desk}>{children}</DeskContextProvider>;
  };

function Counts() {
  const counts = useQueueCounts(now);
  return (
    <p data-testid="counts">
      {counts ? `${counts.all}/${counts.payment}/${counts.unassigned}/${counts.mine}` : '…'}
    </p>
  );
}

describe('queue hooks', () => {
  it('count every queue and follow the cache live', async () => {
    const desk = deskOf(await cacheWith(6));
    render(<Counts />, { wrapper: wrap(desk) });
    await waitFor(() => expect(screen.getByTestId('counts').textContent).toBe('6/2/6/0'));
    await act(async () => {
      expect((await desk.perform('dossier.take_over', { dossierId: 'd-1' })).ok).toBe(true);
    });
    await waitFor(() => expect(screen.getByTestId('counts').textContent).toBe('6/2/5/1'));
  });

  it('read a window of rows in block steps, never the whole queue', async () => {
    const desk = deskOf(await cacheWith(130));
    function Window({ start, end }: { start: number; end: number }) {
      const window = useQueueWindow(
        { queue: 'all', sort: { key: 'reference', direction: 'asc' } },
        now,
        start,
        end,
      );
      return (
        <p data-testid="window">
          {window ? `${window.offset}:${window.rows.length}:${window.rows[0]?.reference}` : '…'}
        </p>
      );
    }
    const { rerender } = render(<Window start={5} end={30} />, { wrapper: wrap(desk) });
    await waitFor(() => expect(screen.getByTestId('window').textContent).toBe('0:100:KP-2026-000100'));
    rerender(<Window start={110} end={125} />);
    await waitFor(() => expect(screen.getByTestId('window').textContent).toBe('100:30:KP-2026-000200'));
  });
});

describe('the dossier hook', () => {
  it('shows a local action at once, marked pending, in one timeline with the audit trail', async () => {
    const desk = deskOf(await cacheWith(2));
    function View() {
      const view = useDossier('d-0');
      if (!view) return <p>…</p>;
      return (
        <ul>
          <li data-testid="status">{view.dossier.status}</li>
          {view.timeline.map((item) => (
            <li key={item.kind === 'message' ? item.message.id : item.event.id}>
              {item.kind === 'message'
                ? `${item.pending ? 'pending ' : ''}${item.message.body}`
                : `event ${item.event.type}`}
            </li>
          ))}
          <li data-testid="pending">{view.pending.length}</li>
        </ul>
      );
    }
    render(<View />, { wrapper: wrap(desk) });
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('awaiting_klikpay'));
    await act(async () => {
      await desk.perform('dossier.note', { dossierId: 'd-0', body: 'Vérifier le relevé.' });
    });
    await waitFor(() => expect(screen.getByText('pending Vérifier le relevé.')).toBeTruthy());
    expect(screen.getByTestId('pending').textContent).toBe('1');
    // The filing's audit event and the note's own, in time order with the messages.
    expect(screen.getAllByText(/^event /).map((e) => e.textContent)).toEqual([
      'event dossier.filed',
      'event dossier.note',
    ]);
  });

  it('answers undefined for a dossier that is not in the cache', async () => {
    const desk = deskOf(await cacheWith(1));
    function View() {
      const view = useDossier('nope');
      return <p data-testid="v">{view === undefined ? 'absent' : view === null ? 'loading' : 'found'}</p>;
    }
    render(<View />, { wrapper: wrap(desk) });
    await waitFor(() => expect(screen.getByTestId('v').textContent).toBe('absent'));
  });
});

describe('the search hook', () => {
  it('finds by reference, order id and customer name as the agent types, and follows a rebuilt cache', async () => {
    const first = deskOf(await cacheWith(12));
    function Search({ q }: { q: string }) {
      const found = useSearch(q);
      return <p data-testid="found">{found ? found.dossiers.map((d) => d.reference).join(',') : '…'}</p>;
    }
    const { rerender } = render(
      <DeskContextProvider desk={first}>
        <Search q="000105" />
      </DeskContextProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('found').textContent).toBe('KP-2026-000105'));
    rerender(
      <DeskContextProvider desk={first}>
        <Search q="ord-11" />
      </DeskContextProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('found').textContent).toBe('KP-2026-000111'));
    rerender(
      <DeskContextProvider desk={first}>
        <Search q="client 11" />
      </DeskContextProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('found').textContent).toBe('KP-2026-000111'));
    // A rebuilt cache (new database, next generation) is what the hook reads from then on.
    const rebuilt = deskOf(await cacheWith(0), 1);
    rerender(
      <DeskContextProvider desk={rebuilt}>
        <Search q="client 11" />
      </DeskContextProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('found').textContent).toBe(''));
  });
});
