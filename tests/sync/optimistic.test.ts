import { afterEach, describe, expect, it } from 'vitest';
import { CacheDatabase, toCached } from '../../src-renderer/cache/db';
import { withOptimistic } from '../../src-renderer/data/dossier-view';
import type { DossierView } from '../../src-renderer/data/dossier-view';
import { performMany } from '../../src-renderer/sync/actions';
import type { ActionContext } from '../../src-renderer/sync/actions';
import { OptimisticStore } from '../../src-renderer/sync/optimistic';
import type { User } from '../../src-shared/domain/model';
import { defaultSettings } from '../../src-shared/domain/settings';
import { agent, cmd, filing, later, ok, run } from '../unit/fixtures';

/** Actions shown before their IndexedDB transaction commits (src-renderer/sync/optimistic.ts). */

const user: User = { id: 'a1', name: agent.name, email: 'camille@klikpay.test', role: 'agent' };
const actor = { role: 'agent' as const, id: 'a1', name: agent.name };
const opened: CacheDatabase[] = [];
let counter = 0;
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function cache(): Promise<CacheDatabase> {
  const db = new CacheDatabase(`optimistic-${++counter}`);
  opened.push(db);
  await db.dossiers.put(toCached(filing().dossier));
  return db;
}

function context(db: CacheDatabase, optimistic: OptimisticStore): ActionContext {
  let n = 0;
  return {
    db,
    user,
    settings: defaultSettings,
    now: () => later(1),
    newId: () => `id-${++n}`,
    optimistic,
  };
}

const entryOf = (id: string, dossierId = 'd-1') => ({
  id,
  name: 'dossier.note' as const,
  args: { dossierId, body: 'Vu.' },
  dossierId,
  actor,
  createdAt: new Date(later(1)).toISOString(),
  state: 'pending' as const,
});

describe('the optimistic store', () => {
  const decided = () => ok(run(filing().dossier, agent, cmd.note('Vu.'), later(1)));

  it('holds an action until a read that started after its commit, and drops it then', () => {
    const store = new OptimisticStore();
    store.add({ entry: entryOf('m1'), ...decided() });
    const before = store.readTick();
    expect(store.forDossier('d-1', before)).toHaveLength(1);
    expect(store.forDossier('d-2', before)).toHaveLength(0);
    store.committed(['m1']);
    // A read that started before the commit does not have it yet.
    expect(store.forDossier('d-1', before)).toHaveLength(1);
    expect(store.forDossier('d-1', store.readTick())).toHaveLength(0);
    expect(store.forDossier('d-1', before)).toHaveLength(0);
  });

  it('takes back a failed action and tells its readers', () => {
    const store = new OptimisticStore();
    let told = 0;
    store.subscribe(() => told++);
    store.add({ entry: entryOf('m1'), ...decided() });
    store.failed(['m1']);
    expect(told).toBe(2);
    expect(store.forDossier('d-1', store.readTick())).toHaveLength(0);
    store.failed(['m1']);
    expect(told).toBe(2);
  });

  it('forgets committed actions nobody read back after a minute (a bulk action’s other dossiers)', () => {
    let now = later(1);
    const store = new OptimisticStore(() => now);
    store.add({ entry: entryOf('m1', 'd-2'), ...decided() });
    const before = store.readTick();
    store.committed(['m1']);
    now += 61_000;
    store.committed([]);
    expect(store.forDossier('d-2', before)).toHaveLength(0);
  });
});

describe('withOptimistic', () => {
  const filed = filing();
  const view: DossierView = {
    dossier: filed.dossier,
    timeline: filed.messages.map((message) => ({
      kind: 'message',
      at: message.createdAt,
      message,
      pending: false,
    })),
    pending: [],
    rejections: [],
  };

  it('lays the decided dossier, its messages (as not sent yet) and its entry over the last read', () => {
    const noted = ok(run(filed.dossier, agent, cmd.note('Vu.'), later(1)));
    const shown = withOptimistic(view, [{ entry: entryOf('m1'), ...noted }]);
    expect(shown.dossier).toBe(noted.dossier);
    const note = shown.timeline.find((t) => t.kind === 'message' && t.message.body === 'Vu.');
    expect(note).toMatchObject({ pending: true });
    expect(shown.timeline.filter((t) => t.kind === 'event')).toHaveLength(noted.events.length);
    expect(shown.pending.map((e) => e.id)).toEqual(['m1']);
    const times = shown.timeline.map((t) => t.at);
    expect(times).toEqual([...times].sort());
  });

  it('never shows twice what the read already has', () => {
    const noted = ok(run(filed.dossier, agent, cmd.note('Vu.'), later(1)));
    const once = withOptimistic(view, [{ entry: entryOf('m1'), ...noted }]);
    const again = withOptimistic(once, [{ entry: entryOf('m1'), ...noted }]);
    expect(again.timeline).toHaveLength(once.timeline.length);
    expect(again.pending).toHaveLength(1);
    expect(withOptimistic(view, [])).toBe(view);
  });
});

describe('perform and the optimistic store', () => {
  it('adds a decided action, then marks it committed with its transaction', async () => {
    const db = await cache();
    const store = new OptimisticStore();
    const before = store.readTick();
    const [result] = await performMany(context(db, store), [
      { name: 'dossier.note', args: { dossierId: 'd-1', body: 'Vu.' } },
    ]);
    expect(result?.ok).toBe(true);
    expect(store.forDossier('d-1', before)).toHaveLength(1);
    expect(store.forDossier('d-1', store.readTick())).toHaveLength(0);
  });

  it('shows an action decided on the dossier as shown before its transaction even starts', async () => {
    const db = await cache();
    const store = new OptimisticStore();
    const before = store.readTick();
    const running = performMany(context(db, store), [
      { name: 'dossier.note', args: { dossierId: 'd-1', body: 'Vu.' }, shown: filing().dossier },
    ]);
    // Synchronously, before any IndexedDB request.
    const shown = store.forDossier('d-1', before);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.messages.map((m) => m.body)).toContain('Vu.');
    expect(await db.outbox.count()).toBe(0);
    const [result] = await running;
    expect(result?.ok).toBe(true);
    // Decided again on the stored dossier: that decision replaced the early one.
    const stored = await db.messages.toArray();
    expect(store.forDossier('d-1', before)[0]?.messages.map((m) => m.id)).toEqual(
      stored.filter((m) => m.body === 'Vu.').map((m) => m.id),
    );
  });

  it('takes back an early action the stored dossier refuses', async () => {
    const db = await cache();
    const store = new OptimisticStore();
    const closed = ok(run(filing().dossier, agent, cmd.close('Résolu.'), later(1))).dossier;
    await db.dossiers.put(toCached(closed));
    const before = store.readTick();
    // The screen still shows it open: the reply looks fine there, not on the stored (closed) dossier.
    const [result] = await performMany(context(db, store), [
      {
        name: 'dossier.reply',
        args: { dossierId: 'd-1', body: 'Bonjour.', audience: 'customer' },
        shown: filing().dossier,
      },
    ]);
    expect(result?.ok).toBe(false);
    // Shown at once, then taken back.
    expect(store.version).toBe(2);
    expect(store.forDossier('d-1', before)).toHaveLength(0);
  });

  it('leaves a bulk slice to its commit: the open dossier is not repainted once per action', async () => {
    const db = await cache();
    const store = new OptimisticStore();
    const results = await performMany(
      context(db, store),
      Array.from({ length: 5 }, (_, i) => ({
        name: 'dossier.note' as const,
        args: { dossierId: 'd-1', body: `Vu ${String(i)}.` },
      })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(store.version).toBe(0);
  });

  it('adds nothing for a refused action', async () => {
    const db = await cache();
    const store = new OptimisticStore();
    const [result] = await performMany(context(db, store), [
      { name: 'dossier.close', args: { dossierId: 'd-1', reason: 'x', outcome: 'nonsense' } },
    ]);
    expect(result?.ok).toBe(false);
    expect(store.version).toBe(0);
  });

  it('takes the action back when its transaction fails', async () => {
    const db = await cache();
    const store = new OptimisticStore();
    let seen = 0;
    store.subscribe(() => seen++);
    // The outbox refuses the entry (its id is already there): the transaction aborts after the decision.
    await db.outbox.add({ ...entryOf('id-1'), seq: undefined });
    const before = store.readTick();
    const [result] = await performMany(context(db, store), [
      { name: 'dossier.note', args: { dossierId: 'd-1', body: 'Vu.' } },
    ]);
    expect(result?.ok).toBe(false);
    expect(seen).toBe(2);
    expect(store.forDossier('d-1', before)).toHaveLength(0);
  });
});
