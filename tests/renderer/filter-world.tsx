import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import { CacheDatabase, toCached } from '../../src-renderer/cache/db';
import type { Desk } from '../../src-renderer/data/desk';
import { DeskContextProvider } from '../../src-renderer/data/desk';
import type { User } from '../../src-shared/domain/model';
import { MONDAY, filing, transaction } from '../unit/fixtures';
import type { TestDeskOptions } from './desk';
import { testDesk } from './desk';
import { renderIn } from './providers';

/** The world of the filter, bulk and team suites: dossiers in a real Dexie cache (fake-indexeddb). */

export const agent: User = {
  id: 'a1',
  name: 'Camille Laurent',
  email: 'camille@klikpay.test',
  role: 'agent',
};
export const colleague: User = {
  id: 'a2',
  name: 'James Whitfield',
  email: 'james@klikpay.test',
  role: 'agent',
};
export const now = MONDAY + 3_600_000;
let counter = 0;

/**
 * `n` dossiers: even ones are payment claims (awaiting Klik & Pay), odd ones delivery (awaiting the
 * merchant); in EUR unless `currencyOf` says otherwise.
 */
export async function cacheWith(
  n: number,
  currencyOf: (i: number) => string = () => 'EUR',
): Promise<CacheDatabase> {
  const db = new CacheDatabase(`filters-${++counter}`);
  await db.users.bulkPut([agent, colleague]);
  for (let i = 0; i < n; i++) {
    const decision = filing({
      id: `d-${i}`,
      reference: `KP-2026-${String(100 + i).padStart(6, '0')}`,
      subject: i % 2 === 0 ? 'payment' : 'delivery',
      transaction: transaction({
        id: `t-${i}`,
        orderReference: `ORD-${i}`,
        amount: 1_000 * (i + 1),
        currency: currencyOf(i),
      }),
    });
    await db.dossiers.put(toCached(decision.dossier));
    await db.messages.bulkPut(decision.messages.map((m) => ({ ...m, id: `${m.id}-${i}` })));
    await db.events.bulkPut(decision.events.map((e) => ({ ...e, id: `${e.id}-${i}` })));
  }
  return db;
}

export const opened: CacheDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A desk over `db` (deleted after the test), the agent's by default. */
export function deskOf(db: CacheDatabase, options: Partial<TestDeskOptions> = {}): Desk {
  opened.push(db);
  return testDesk(db, { user: agent, now: () => now, ...options });
}

export const renderWith = (desk: Desk, ui: ReactElement) =>
  renderIn(<DeskContextProvider desk={desk}>{ui}</DeskContextProvider>);

export const outboxOf = async (db: CacheDatabase) =>
  (await db.outbox.orderBy('seq').toArray()).map((e) => [e.name, e.dossierId]);
