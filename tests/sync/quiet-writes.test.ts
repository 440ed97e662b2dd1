import { describe, expect, it, vi } from 'vitest';
import { CacheDatabase, metaKeys } from '../../src-renderer/cache/db';
import { saveDraft } from '../../src-renderer/cache/drafts';
import { buildFacts, factsComplete } from '../../src-renderer/cache/facts';
import {
  everyTableButBookkeeping,
  holdBackgroundReads,
  runCoalesced,
} from '../../src-renderer/data/coalesced';
import { writtenBy } from '../../src-renderer/sync/pull';

/**
 * Pull pages are written through a quiet connection (no key-by-key change tracking); the writer
 * announces the tables it wrote, and the screens' queries run again, once per burst, never
 * abandoned mid-run.
 */

const until = async (check: () => boolean) => {
  for (let i = 0; i < 3_000 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('quiet writes', () => {
  it('are seen by the queries once announced, and only then', async () => {
    const name = `quiet-${crypto.randomUUID()}`;
    const db = new CacheDatabase(name);
    const quiet = new CacheDatabase(name, { quiet: true });
    await db.open();
    await quiet.open();
    const seen: number[] = [];
    const query = runCoalesced(
      name,
      () => db.users.count(),
      (n) => seen.push(n),
      (e) => {
        throw e;
      },
    );
    await until(() => seen.length === 1);
    await quiet.users.put({ id: 'u1', name: 'Camille', email: 'camille@klikpay.test', role: 'agent' });
    await new Promise((r) => setTimeout(r, 100));
    // Unannounced, the write is not seen: the quiet connection tracked nothing.
    expect(seen).toEqual([0]);
    quiet.announceWrites(['users']);
    await until(() => seen.at(-1) === 1);
    // The sync's bookkeeping (`meta`) never wakes a query.
    const runs = seen.length;
    await quiet.meta.put({ key: 'cursor', value: 'c1.1' });
    quiet.announceWrites(['meta']);
    // Nor does a draft saved as the agent types (on the ordinary connection, tracked key by key).
    await saveDraft(db, {
      dossierId: 'd-1',
      body: 'Bonjour',
      audience: 'customer',
      letter: null,
      language: null,
      updatedAt: new Date().toISOString(),
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.length).toBe(runs);
    query.stop();
    db.close();
    quiet.close();
  });

  it("tell the dashboard when the facts' walk ends, though the builder writes quietly", async () => {
    // CI saw "Still counting" for 30 s with every fact taken: the builder's quiet writes woke
    // nothing, and the dashboard learnt of the end only at the next sync round.
    const name = `facts-${crypto.randomUUID()}`;
    const db = new CacheDatabase(name);
    const quiet = new CacheDatabase(name, { quiet: true });
    await db.open();
    await quiet.open();
    await db.meta.put({ key: metaKeys.factsBuiltUpTo, value: '' });
    const seen: boolean[] = [];
    const query = runCoalesced(
      name,
      () => factsComplete(db),
      (done) => seen.push(done),
      (e) => {
        throw e;
      },
      { wakes: (table) => ['facts', 'factsDirty', 'meta'].includes(table) },
    );
    await until(() => seen.length === 1);
    expect(seen).toEqual([false]);
    await buildFacts(quiet, () => false);
    await until(() => seen.at(-1) === true);
    query.stop();
    db.close();
    quiet.close();
  });

  it('coalesce a burst of changes into one more run after the one in progress', async () => {
    const name = `burst-${crypto.randomUUID()}`;
    const db = new CacheDatabase(name);
    await db.open();
    let runs = 0;
    let release: () => void = () => undefined;
    const query = runCoalesced(
      name,
      async () => {
        runs++;
        if (runs === 2) await new Promise<void>((r) => (release = r));
        return db.users.count();
      },
      () => undefined,
      (e) => {
        throw e;
      },
    );
    await until(() => runs === 1);
    db.announceWrites(['users']);
    await until(() => runs === 2);
    // While run 2 is held, ten more changes arrive: they make exactly one more run, after it.
    for (let i = 0; i < 10; i++) db.announceWrites(['users']);
    await new Promise((r) => setTimeout(r, 50));
    expect(runs).toBe(2);
    release();
    await until(() => runs === 3);
    await new Promise((r) => setTimeout(r, 100));
    expect(runs).toBe(3);
    query.stop();
    db.close();
  });

  it('run what the agent looks at first: the others wait for it after a change', async () => {
    const name = `urgent-${crypto.randomUUID()}`;
    const db = new CacheDatabase(name);
    await db.open();
    const order: string[] = [];
    let hold: () => void = () => undefined;
    let dossierRuns = 0;
    const counts = runCoalesced(
      name,
      async () => {
        order.push('count');
        return db.users.count();
      },
      () => undefined,
      (e) => {
        throw e;
      },
    );
    const dossier = runCoalesced(
      name,
      async () => {
        order.push('dossier start');
        if (++dossierRuns === 2) await new Promise<void>((r) => (hold = r));
        order.push('dossier end');
        return db.users.count();
      },
      () => undefined,
      (e) => {
        throw e;
      },
      { urgent: true },
    );
    await until(() => order.includes('count') && order.includes('dossier end'));
    order.length = 0;
    db.announceWrites(['users']);
    await until(() => order.includes('dossier start'));
    await new Promise((r) => setTimeout(r, 100));
    // The count waits while the dossier's run is held.
    expect(order).toEqual(['dossier start']);
    hold();
    await until(() => order.includes('count'));
    expect(order).toEqual(['dossier start', 'dossier end', 'count']);
    counts.stop();
    dossier.stop();
    db.close();
  });

  it('from a pull page name only what the page wrote: a poll that found nothing wakes no query', () => {
    expect(writtenBy([]).filter(everyTableButBookkeeping)).toEqual([]);
    const user = { id: 'u1', name: 'Camille', email: 'camille@klikpay.test', role: 'agent' as const };
    expect(writtenBy([{ entity: 'user', id: 'u1', op: 'put', data: user }]).sort()).toEqual([
      'meta',
      'users',
    ]);
  });
});

describe('background queries', () => {
  it('wait for a burst of changes to pause, but never longer than their longest wait', async () => {
    vi.useFakeTimers();
    try {
      const name = `settle-${crypto.randomUUID()}`;
      const db = new CacheDatabase(name);
      let runs = 0;
      const counts = runCoalesced(
        name,
        async () => ++runs,
        () => undefined,
        (e) => {
          throw e;
        },
        { settleMs: 750, settleMaxMs: 4_000, now: () => Date.now() },
      );
      await vi.advanceTimersByTimeAsync(10);
      expect(runs).toBe(1);
      // A change every 200 ms for two seconds: nothing runs in the middle of it…
      for (let i = 0; i < 10; i++) {
        db.announceWrites(['dossiers']);
        await vi.advanceTimersByTimeAsync(200);
      }
      expect(runs).toBe(1);
      // …and once, 750 ms after the last.
      await vi.advanceTimersByTimeAsync(600);
      expect(runs).toBe(2);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(runs).toBe(2);
      // Changes that never pause: it runs anyway, 4 s after the first of them.
      for (let i = 0; i < 30; i++) {
        db.announceWrites(['dossiers']);
        await vi.advanceTimersByTimeAsync(200);
      }
      expect(runs).toBeGreaterThanOrEqual(3);
      expect(runs).toBeLessThanOrEqual(4);
      counts.stop();
      db.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('read one at a time, so a write after a change waits for one of them, not all', async () => {
    const name = `turns-${crypto.randomUUID()}`;
    let reading = 0;
    let most = 0;
    const finished: string[] = [];
    const slowRead = (label: string) => async () => {
      reading++;
      most = Math.max(most, reading);
      await new Promise((r) => setTimeout(r, 30));
      reading--;
      finished.push(label);
      return label;
    };
    const stopped = runCoalesced(name, slowRead('stopped'), () => undefined, fail, { settleMs: 750 });
    const queries = ['a', 'b', 'c'].map((label) =>
      runCoalesced(name, slowRead(label), () => undefined, fail, { settleMs: 750 }),
    );
    // Stopped while waiting for its turn: it never reads.
    stopped.stop();
    await until(() => finished.length === 3);
    expect(most).toBe(1);
    expect(finished).toEqual(['a', 'b', 'c']);
    // A query that is not a background one keeps its own pace.
    const urgent = runCoalesced(name, slowRead('urgent'), () => undefined, fail, { urgent: true });
    await until(() => finished.includes('urgent'));
    for (const q of [...queries, urgent]) q.stop();
  });

  it('wait while a bulk action holds them, then run once; what is on screen never waits', async () => {
    const name = `held-${crypto.randomUUID()}`;
    const db = new CacheDatabase(name);
    const runs = { counts: 0, rows: 0 };
    const counts = runCoalesced(
      name,
      async () => ++runs.counts,
      () => undefined,
      fail,
      { settleMs: 10 },
    );
    const rows = runCoalesced(
      name,
      async () => ++runs.rows,
      () => undefined,
      fail,
      { urgent: true },
    );
    await until(() => runs.counts === 1 && runs.rows === 1);
    const release = holdBackgroundReads();
    const second = holdBackgroundReads();
    for (let i = 0; i < 3; i++) {
      db.announceWrites(['dossiers']);
      await until(() => runs.rows === 2 + i);
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(runs.counts).toBe(1);
    release();
    release();
    await new Promise((r) => setTimeout(r, 100));
    // Another hold is still on: nothing yet.
    expect(runs.counts).toBe(1);
    second();
    await until(() => runs.counts === 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(runs.counts).toBe(2);
    counts.stop();
    rows.stop();
    db.close();
  });
});

const fail = (e: unknown): never => {
  throw e;
};
