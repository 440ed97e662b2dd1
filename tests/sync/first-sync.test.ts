import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../src-renderer/cache/db';
import { countQuery } from '../../src-renderer/cache/queues';
import { progressFraction } from '../../src-renderer/sync/status';
import { queueIds } from '../../src-shared/domain/queues';
import { defaultSettings } from '../../src-shared/domain/settings';
import type { TestServer } from '../server/harness';
import { dropTestDatabases, startTestServer } from '../server/harness';
import { closeWindow, openWindow, serverView, signInAgent } from './client';

/**
 * A first sync (docs/targets.md P1): the queues an agent works are complete long before the whole
 * history has arrived, and the progress the status region shows climbs to 100 % from the server's
 * own count of what remains.
 */

let server: TestServer;
const now = Date.parse('2026-11-24T09:30:00Z');
const openQueues = queueIds.filter((q) => q !== 'recently_closed' && q !== 'all');

beforeAll(async () => {
  server = await startTestServer({ seed: 'demo', clockStart: '2026-11-24T09:30:00Z' });
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

interface Snapshot {
  changes: number;
  fraction: number | null;
  firstSync: boolean;
  messages: number;
  counts: string;
}

describe('a first sync', () => {
  it('completes every open queue while the history is still arriving, with progress to 100 %', async () => {
    const agent = await signInAgent(server.url, 'agent@klikpay.test', 'demo');
    const ctx = { now, viewer: { userId: agent.user.id }, settings: defaultSettings };
    const countsOf = async (db: CacheDatabase) =>
      JSON.stringify(await Promise.all(openQueues.map((queue) => countQuery(db, { queue }, ctx))));
    const snapshots: Snapshot[] = [];
    let db: CacheDatabase | null = null;
    const window = openWindow(agent, {
      pageSize: 40,
      bulk: true,
      // Between pages, as the screens would: how complete are the queues now?
      onProgress: async (p) => {
        if (!db) return;
        snapshots.push({
          changes: p.changes,
          fraction: progressFraction(p),
          firstSync: p.firstSync,
          messages: await db.messages.count(),
          counts: await countsOf(db),
        });
      },
    });
    db = window.db;
    expect(await window.engine.sync()).toMatchObject({ ok: true });

    const view = await serverView(server, await server.signIn('agent@klikpay.test', 'demo'));
    const final = await countsOf(window.db);
    const complete = snapshots.findIndex((s) => s.counts === final);
    expect(complete).toBeGreaterThanOrEqual(0);
    const at = snapshots[complete];
    const last = snapshots.at(-1);
    if (!at || !last) throw new Error('no progress reported');
    // The queues were whole while most of the history (messages, audit) was still to come.
    expect(at.messages).toBeLessThan(view.messages.length);
    expect(at.changes).toBeLessThan(last.changes / 2);
    // Progress from the server's count: every page knows its share, rising to exactly 100 %.
    expect(snapshots.every((s) => s.firstSync && s.fraction !== null)).toBe(true);
    const fractions = snapshots.map((s) => s.fraction ?? 0);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(last.fraction).toBe(1);
    closeWindow(window);
  });
});
