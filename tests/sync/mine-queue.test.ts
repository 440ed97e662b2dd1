import { afterEach, describe, expect, it } from 'vitest';
import { CacheDatabase, toCached } from '../../src-renderer/cache/db';
import type { QueryContext } from '../../src-renderer/cache/queues';
import { countQuery, idsQuery, pageQuery } from '../../src-renderer/cache/queues';
import type { Dossier } from '../../src-shared/domain/model';
import { compareInQueue, inQueue } from '../../src-shared/domain/queues';
import { defaultSettings } from '../../src-shared/domain/settings';
import { DAY, MONDAY, file } from '../unit/fixtures';

/**
 * "Mine" walks the viewer's dossiers along `[assignee+urgency]` only as far as a page needs and
 * counts them from index keys (cache/queues.ts `minePage`, `countMine`): the same members and order
 * as the queue's rule, with snoozes, follow-ups come due on others' dossiers, closed dossiers and
 * urgencies that tie.
 */

const me = 'u-me';
const now = MONDAY + 30 * DAY;
const ctx: QueryContext = { now, viewer: { userId: me }, settings: defaultSettings };
const iso = (t: number) => new Date(t).toISOString();
const opened: CacheDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function dossier(i: number, over: Partial<Dossier>): Dossier {
  const base = file();
  return {
    ...base,
    id: `d-${String(i).padStart(4, '0')}`,
    // References in the opposite order of ids: ties must fall by reference, not by id.
    reference: `KP-2026-${String(9_999 - i).padStart(6, '0')}`,
    ...over,
  };
}

/** 400 dossiers of mine, some snoozed and many on the same deadline; others' and closed ones around them. */
function workload(): Dossier[] {
  const all: Dossier[] = [];
  for (let i = 0; i < 400; i++) {
    const snoozed = i % 37 === 0;
    all.push(
      dossier(i, {
        assigneeId: me,
        subject: i % 2 === 0 ? 'delivery' : 'payment',
        // Every fifth shares a deadline with its neighbours: ties across page boundaries.
        dueAt: iso(now + (i % 5 === 0 ? 10 * DAY : (i % 97) * 3_600_000)),
        followUps: snoozed ? { [me]: iso(now + DAY) } : {},
      }),
    );
  }
  for (let i = 400; i < 430; i++) {
    const due = i % 2 === 0;
    all.push(
      dossier(i, {
        assigneeId: i % 3 === 0 ? null : 'u-other',
        dueAt: iso(now + (i % 7) * DAY),
        // Follow-ups of mine on others' dossiers: come due (in Mine) or still snoozed (not).
        followUps: { [me]: iso(due ? now - DAY : now + DAY) },
      }),
    );
  }
  for (let i = 430; i < 440; i++) {
    const closed = file();
    all.push(
      dossier(i, {
        ...closed,
        status: 'closed',
        assigneeId: me,
        followUps: { [me]: iso(now - DAY) },
        dueAt: null,
        autoCloseAt: null,
      }),
    );
  }
  for (let i = 440; i < 600; i++)
    all.push(dossier(i, { assigneeId: 'u-other', dueAt: iso(now + i * 60_000) }));
  return all;
}

async function cacheOf(dossiers: readonly Dossier[]): Promise<CacheDatabase> {
  const db = new CacheDatabase(`mine-${opened.length}-${Date.now()}`);
  opened.push(db);
  await db.dossiers.bulkPut(dossiers.map(toCached));
  return db;
}

describe('the Mine queue', () => {
  it('has exactly the rule’s members, in the rule’s order, page after page', async () => {
    const all = workload();
    const db = await cacheOf(all);
    const expected = all
      .filter((d) => inQueue('mine', d, now, ctx.viewer, defaultSettings))
      .sort(compareInQueue('mine'));
    expect(expected.length).toBeGreaterThan(380);
    expect(await countQuery(db, { queue: 'mine' }, ctx)).toBe(expected.length);
    const got: string[] = [];
    for (let offset = 0; offset < expected.length + 30; offset += 30) {
      const page = await pageQuery(db, { queue: 'mine' }, ctx, { offset, limit: 30 });
      got.push(...page.map((d) => d.id));
    }
    expect(got).toEqual(expected.map((d) => d.id));
    expect((await idsQuery(db, { queue: 'mine' }, ctx)).sort()).toEqual(expected.map((d) => d.id).sort());
  });

  it('reads as far as the page needs, not every dossier of the agent', async () => {
    const db = await cacheOf(workload());
    let read = 0;
    db.dossiers.hook('reading', (d) => {
      read++;
      return d;
    });
    const first = await pageQuery(db, { queue: 'mine' }, ctx, { offset: 0, limit: 20 });
    expect(first).toHaveLength(20);
    // The page, the ties at its end, snoozed ones skipped on the way, and the 51 followed up.
    expect(read).toBeLessThan(120);
    read = 0;
    await countQuery(db, { queue: 'mine' }, ctx);
    // Only the 51 dossiers the agent follows up (snoozed, come due, closed): the 400 are counted by key.
    expect(read).toBeLessThanOrEqual(51);
  });

  it('applies a filter on the way', async () => {
    const all = workload();
    const db = await cacheOf(all);
    const query = { queue: 'mine' as const, filter: { subjects: ['delivery' as const] } };
    const expected = all
      .filter((d) => inQueue('mine', d, now, ctx.viewer, defaultSettings) && d.subject === 'delivery')
      .sort(compareInQueue('mine'));
    expect(await countQuery(db, query, ctx)).toBe(expected.length);
    const page = await pageQuery(db, query, ctx, { offset: 0, limit: 1_000 });
    expect(page.map((d) => d.id)).toEqual(expected.map((d) => d.id));
  });
});
