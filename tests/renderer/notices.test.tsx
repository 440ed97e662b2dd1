import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DeskNotification } from '../../src-shared/contract/bridge';
import { toCached } from '../../src-renderer/cache/db';
import type { AssignedNotice } from '../../src-renderer/sync/notices';
import type { ToastQueue } from '../../src-renderer/ui/toast-queue';
import { useNotices } from '../../src-renderer/workspace/useNotices';
import { testDesk } from './desk';
import { agent, cacheOf, nth, show } from './workbench';

/** What the agent is told without looking: assigned to them, a deadline within the hour, a follow-up come. */

const NOW = Date.parse('2026-11-24T09:30:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

function Probe({ toasts, now }: { toasts: ToastQueue; now: number }) {
  useNotices(toasts, () => undefined, now);
  return null;
}

async function setup() {
  const db = await cacheOf(0);
  const mine = (n: number, over: Partial<ReturnType<typeof nth>['dossier']>) =>
    db.dossiers.put(toCached({ ...nth(n).dossier, assigneeId: agent.id, autoCloseAt: null, ...over }));
  // Due in 30 minutes, due tomorrow, already late: only the first is news.
  await mine(2, { status: 'awaiting_klikpay', dueAt: iso(NOW + 30 * 60_000) });
  await mine(3, { status: 'awaiting_klikpay', dueAt: iso(NOW + 24 * 3_600_000) });
  await mine(4, { status: 'awaiting_klikpay', dueAt: iso(NOW - 60_000) });
  // A follow-up set for 09:45.
  await mine(5, { followUps: { [agent.id]: iso(NOW + 15 * 60_000) } });
  // One kept on a dossier closed before closing ended follow-ups: nothing to tell.
  await mine(7, { status: 'closed', dueAt: null, followUps: { [agent.id]: iso(NOW + 10 * 60_000) } });
  const notified: DeskNotification[] = [];
  const assigned = new Set<(n: readonly AssignedNotice[]) => void>();
  const desk = {
    ...testDesk(db, { user: agent }),
    notify: (n: DeskNotification) => notified.push(n),
  };
  desk.host = {
    ...desk.host,
    onAssigned: (listener) => {
      assigned.add(listener);
      return () => assigned.delete(listener);
    },
  };
  const toasts: ToastQueue = { toasts: [], push: vi.fn(), dismiss: vi.fn() };
  return { db, desk, notified, toasts, assign: (n: AssignedNotice[]) => assigned.forEach((l) => l(n)) };
}

describe('useNotices', () => {
  it('announces a deadline within the hour once, and a follow-up when it comes', async () => {
    const { desk, notified, toasts } = await setup();
    const view = show(desk, <Probe toasts={toasts} now={NOW} />);
    await waitFor(() => expect(notified.map((n) => n.kind)).toEqual(['deadline']));
    expect(notified[0]).toMatchObject({ dossierId: 'd-2', title: expect.stringContaining('KP-2026-000202') });

    view.rerender(<Probe toasts={toasts} now={NOW + 20 * 60_000} />);
    await waitFor(() => expect(notified.map((n) => n.kind)).toEqual(['deadline', 'follow_up']));
    expect(notified[1]).toMatchObject({ dossierId: 'd-5' });
    view.rerender(<Probe toasts={toasts} now={NOW + 21 * 60_000} />);
    await new Promise((settle) => setTimeout(settle, 100));
    expect(notified).toHaveLength(2);
  });

  it('announces a dossier a colleague assigned, with a toast to open it', async () => {
    const { db, desk, notified, toasts, assign } = await setup();
    await db.dossiers.put(toCached({ ...nth(6).dossier, assigneeId: agent.id }));
    show(desk, <Probe toasts={toasts} now={NOW - 3_600_000 * 48} />);
    assign([{ dossierId: 'd-6', by: 'u-sup' }]);
    await waitFor(() => expect(notified.map((n) => n.kind)).toContain('assigned'));
    expect(notified.find((n) => n.kind === 'assigned')).toMatchObject({
      dossierId: 'd-6',
      title: 'Dossier KP-2026-000206 assigned to you',
    });
    expect(toasts.push).toHaveBeenCalledWith(
      expect.objectContaining({ action: expect.objectContaining({ label: 'Open' }) }),
    );
  });
});
