import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DeskNotification } from '../../src-shared/contract/bridge';
import type { User } from '../../src-shared/domain/model';
import { dossierFacts } from '../../src-shared/domain/stats-facts';
import { toCached } from '../../src-renderer/cache/db';
import { FactsMirror } from '../../src-renderer/cache/facts-mirror';
import type { ToastQueue } from '../../src-renderer/ui/toast-queue';
import { newlyBreached, useBreachNotices } from '../../src-renderer/workspace/dashboard';
import { testDesk } from './desk';
import { cacheOf, nth, show } from './workbench';

/** The supervisor is told when a deadline is breached: once, as it passes, never for old ones. */

const NOW = Date.parse('2026-11-24T09:30:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const supervisor: User = {
  id: 'u-sup',
  name: 'Sophie Marchand',
  email: 'supervisor@klikpay.test',
  role: 'supervisor',
};

function Probe({ toasts, now }: { toasts: ToastQueue; now: number }) {
  useBreachNotices(
    toasts,
    () => undefined,
    () => undefined,
    now,
  );
  return null;
}

async function setup(user: User) {
  const db = await cacheOf(0);
  const put = async (n: number, over: Partial<ReturnType<typeof nth>['dossier']>) => {
    const d = { ...nth(n).dossier, autoCloseAt: null, ...over };
    await db.dossiers.put(toCached(d));
    return dossierFacts(d, []);
  };
  const facts = [
    // Already late when the desk opens: the dashboard's business, not news.
    await put(2, { status: 'awaiting_klikpay', dueAt: iso(NOW - 60_000) }),
    // Klik & Pay's deadline in 10 minutes, the merchant's in 30, one tomorrow.
    await put(3, { status: 'awaiting_klikpay', dueAt: iso(NOW + 10 * 60_000) }),
    await put(4, { status: 'awaiting_merchant', merchantStage: 'answer_due', dueAt: iso(NOW + 30 * 60_000) }),
    await put(5, { status: 'awaiting_klikpay', dueAt: iso(NOW + 24 * 3_600_000) }),
    // The customer's move: no deadline of ours to breach.
    await put(6, { status: 'awaiting_customer', dueAt: null }),
  ];
  const mirror = new FactsMirror();
  await db.facts.bulkPut(facts);
  const notified: DeskNotification[] = [];
  const desk = {
    ...testDesk(db, { user, facts: mirror }),
    notify: (n: DeskNotification) => notified.push(n),
  };
  const toasts: ToastQueue = { toasts: [], push: vi.fn(), dismiss: vi.fn() };
  return { desk, notified, toasts, facts };
}

describe('breach notices', () => {
  it('tells the supervisor each deadline as it passes, once', async () => {
    const { desk, notified, toasts } = await setup(supervisor);
    const view = show(desk, <Probe toasts={toasts} now={NOW} />);
    await waitFor(() => expect(desk.facts.size).toBe(5));
    view.rerender(<Probe toasts={toasts} now={NOW + 15 * 60_000} />);
    await waitFor(() => expect(notified).toHaveLength(1));
    expect(notified[0]).toMatchObject({
      kind: 'breach',
      dossierId: 'd-3',
      title: expect.stringContaining('Klik & Pay'),
    });
    view.rerender(<Probe toasts={toasts} now={NOW + 16 * 60_000} />);
    view.rerender(<Probe toasts={toasts} now={NOW + 45 * 60_000} />);
    await waitFor(() => expect(notified).toHaveLength(2));
    expect(notified[1]).toMatchObject({ kind: 'breach', dossierId: 'd-4' });
    expect(notified[1]?.title).toContain('missed its deadline');
    expect(toasts.push).toHaveBeenCalledTimes(2);
  });

  it('tells an agent nothing (the breaches are the supervisor’s)', async () => {
    const { desk, notified, toasts } = await setup({ ...supervisor, id: 'u-agent', role: 'agent' });
    const view = show(desk, <Probe toasts={toasts} now={NOW} />);
    view.rerender(<Probe toasts={toasts} now={NOW + 45 * 60_000} />);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(desk.facts.size).toBe(0);
    expect(notified).toEqual([]);
  });

  it('finds the deadlines passed between two looks, and only those', async () => {
    const { facts } = await setup(supervisor);
    expect(newlyBreached(facts, NOW, NOW + 15 * 60_000)).toEqual([{ id: 'd-3', party: 'klikpay' }]);
    expect(newlyBreached(facts, NOW - 120_000, NOW + 31 * 60_000).map((b) => b.id)).toEqual([
      'd-2',
      'd-3',
      'd-4',
    ]);
    expect(newlyBreached(facts, NOW + 31 * 60_000, NOW + 60 * 60_000)).toEqual([]);
  });
});
