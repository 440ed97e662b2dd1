import { cleanup, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, vi } from 'vitest';
import { CacheDatabase, toCached } from '../../src-renderer/cache/db';
import type { MessagePreview } from '../../src-renderer/cache/reads';
import type { Desk } from '../../src-renderer/data/desk';
import { DeskContextProvider } from '../../src-renderer/data/desk';
import { I18nProvider } from '../../src-renderer/i18n/I18nProvider';
import type { Locale } from '../../src-renderer/i18n/locale';
import { ThemeProvider } from '../../src-renderer/ui/theme';
import type { Dossier, User } from '../../src-shared/domain/model';
import type { Decision } from '../../src-shared/domain/transitions';
import { filing, transaction } from '../unit/fixtures';
import { QueueList } from '../../src-renderer/workspace/queue/QueueList';
import { QueueRow } from '../../src-renderer/workspace/queue/QueueRow';
import { testDesk } from './desk';
import { renderIn } from './providers';

/** Dossiers in a real cache (fake-indexeddb) and the screens over it, for the drafts' tests. */

export const agent: User = {
  id: 'a1',
  name: 'Camille Laurent',
  email: 'camille@klikpay.test',
  role: 'agent',
};

let counter = 0;
const opened: CacheDatabase[] = [];
afterEach(async () => {
  // Unmounted first: a view leaving writes its draft, into a cache that is still there.
  cleanup();
  await new Promise((settled) => setTimeout(settled, 50));
  for (const db of opened.splice(0)) await db.delete();
});

/** The n-th test dossier (`d-1` is KP-2026-000123), a delivery claim awaiting the merchant. */
export function nth(n: number): Decision {
  if (n === 1) return filing({ transaction: transaction({ merchantLanguage: 'en' }) });
  return filing({
    id: `d-${n}`,
    reference: `KP-2026-${String(200 + n).padStart(6, '0')}`,
    transaction: transaction({ id: `t-${n}`, customerName: `Client ${n}`, merchantLanguage: 'en' }),
  });
}

/** A fresh cache holding dossiers d-1 … d-count. */
export async function cacheOf(count = 2): Promise<CacheDatabase> {
  const db = new CacheDatabase(`drafts-${++counter}-${crypto.randomUUID()}`);
  opened.push(db);
  await db.users.put(agent);
  for (let n = 1; n <= count; n++) {
    const decision = nth(n);
    await db.dossiers.put(toCached(decision.dossier));
    await db.messages.bulkPut(decision.messages.map((m) => ({ ...m, id: `${m.id}-${n}` })));
    await db.events.bulkPut(decision.events.map((e) => ({ ...e, id: `${e.id}-${n}` })));
  }
  return db;
}

/** The same cache as a reloaded app sees it: a new connection to the same IndexedDB database. */
export function reopen(db: CacheDatabase): CacheDatabase {
  const again = new CacheDatabase(db.name);
  opened.push(again);
  return again;
}

export const deskOf = (db: CacheDatabase): Desk => testDesk(db, { user: agent });

export function show(desk: Desk, ui: ReactElement, locale: Locale = 'en') {
  return render(ui, {
    wrapper: ({ children }) => (
      <I18nProvider initialPreference={locale}>
        <ThemeProvider initialPreference="light">
          <DeskContextProvider desk={desk}>{children}</DeskContextProvider>
        </ThemeProvider>
      </I18nProvider>
    ),
  });
}

export const composerText = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });

/** A dossier's story in the cache: its last state, and the messages and events of every step. */
export async function storeDecisions(db: CacheDatabase, decisions: readonly Decision[]): Promise<void> {
  const last = decisions.at(-1);
  if (!last) return;
  await db.dossiers.put(toCached(last.dossier));
  for (const d of decisions) {
    await db.messages.bulkPut(d.messages);
    await db.events.bulkPut(d.events);
  }
}

/** One queue row alone, as the agent a1 sees it at `now` (with a draft, unread, its last message). */
export function renderRow(
  dossier: Dossier,
  now: number,
  locale: Locale = 'en',
  draft = false,
  more: { unread?: boolean; preview?: MessagePreview } = {},
) {
  return renderIn(
    <QueueRow
      dossier={dossier}
      index={0}
      now={now}
      viewerId="a1"
      assigneeName={null}
      active={false}
      selected={false}
      focusable
      draft={draft}
      unread={more.unread ?? false}
      preview={more.preview}
      onOpen={() => undefined}
      onToggle={() => undefined}
      onFocusRow={() => undefined}
    />,
    locale,
  );
}

/**
 * happy-dom lays nothing out: gives every element a size, so a virtual list (the queues) shows
 * rows. Undone by the test's `vi.restoreAllMocks()`.
 */
export function layOutLists(): void {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
}

const noop = () => undefined;

/** The "All" queue sorted by reference, as a list with nothing selected and no handlers. */
export function allByReference(count: number | null, now: number): ReactElement {
  return (
    <QueueList
      query={{ queue: 'all', sort: { key: 'reference', direction: 'asc' } }}
      count={count}
      now={now}
      label="All: dossiers"
      activeId={null}
      cursor={0}
      onCursor={noop}
      onOpen={noop}
      selected={new Set()}
      onToggle={noop}
      staffNames={new Map()}
    />
  );
}
