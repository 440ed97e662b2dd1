import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UserEvent } from '@testing-library/user-event';
import { createRef } from 'react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../src-shared/domain/model';
import type { Decision } from '../../src-shared/domain/transitions';
import { CacheDatabase } from '../../src-renderer/cache/db';
import type { Desk } from '../../src-renderer/data/desk';
import { DeskContextProvider } from '../../src-renderer/data/desk';
import { I18nProvider } from '../../src-renderer/i18n/I18nProvider';
import { formatDateTime } from '../../src-renderer/i18n/format';
import type { Formatters } from '../../src-renderer/i18n/hooks';
import type { Locale } from '../../src-renderer/i18n/locale';
import { createTranslate } from '../../src-renderer/i18n/translate';
import { ThemeProvider } from '../../src-renderer/ui/theme';
import type { DossierViewHandle } from '../../src-renderer/workspace/dossier';
import { DossierView } from '../../src-renderer/workspace/dossier';
import { fieldValue } from '../../src-renderer/workspace/dossier/audit-values';
import {
  agent as agentActor,
  cmd,
  filing,
  ids,
  later,
  ok,
  run,
  supervisor as supervisorActor,
  tick,
  transaction,
} from '../unit/fixtures';
import { plain } from './providers';
import { testDesk } from './desk';
import { storeDecisions } from './workbench';

/** Issue 13: the audit trail of a dossier as its own view, over a real cache (fake-indexeddb). */

const agent: User = { id: 'a1', name: 'Camille Laurent', email: 'camille@klikpay.test', role: 'agent' };
const colleague: User = { id: 'a2', name: 'James Whitfield', email: 'james@klikpay.test', role: 'agent' };
const supervisor: User = {
  id: 's1',
  name: 'Sophie Marchand',
  email: 'sophie@klikpay.test',
  role: 'supervisor',
};

const hostileSummary = '<b>Remboursé</b> le 12/08';
const hostileReason = '<img src=x onerror="window.__pwned = 1">';

/**
 * A delivery claim's story through the real rules: filed by the customer, the merchant overdue (the
 * letters sent by the rules), assigned by the supervisor, closed by the agent, reopened. Each step
 * has its own ids, so no event replaces another in the cache.
 */
function story(): Decision[] {
  const filed = filing({ transaction: transaction({ merchantLanguage: 'en' }) });
  const overdue = tick(filed.dossier, later(7.5), undefined, ids('rule'));
  const assigned = ok(run(overdue.dossier, supervisorActor, cmd.assign('a1'), later(8), ids('assign')));
  const closed = ok(
    run(assigned.dossier, agentActor, cmd.close(hostileSummary, 'refunded'), later(9), ids('close')),
  );
  const reopened = ok(
    run(closed.dossier, supervisorActor, cmd.reopen(hostileReason), later(10), ids('reopen')),
  );
  return [filed, overdue, assigned, closed, reopened];
}

let counter = 0;
const opened: CacheDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function cacheWith(decisions: readonly Decision[]): Promise<CacheDatabase> {
  const db = new CacheDatabase(`audit-trail-${++counter}`);
  opened.push(db);
  await db.users.bulkPut([agent, colleague, supervisor]);
  await storeDecisions(db, decisions);
  return db;
}

const deskOf = (db: CacheDatabase, user: User = supervisor): Desk => testDesk(db, { user });

function show(desk: Desk, ui: ReactElement, locale: Locale = 'en') {
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

/** Opens the dossier d-1 and its audit trail; answers the trail's table. */
async function openTrail(user: UserEvent, desk: Desk, locale: Locale = 'en', ui?: ReactElement) {
  const view = show(desk, ui ?? <DossierView dossierId="d-1" />, locale);
  await screen.findByRole('heading', { level: 2, name: 'KP-2026-000123' });
  const button = screen.getByRole('button', { name: locale === 'en' ? 'Audit trail' : 'Journal d’audit' });
  expect(button.getAttribute('aria-pressed')).toBe('false');
  await user.click(button);
  expect(button.getAttribute('aria-pressed')).toBe('true');
  const caption = locale === 'en' ? 'Audit trail of KP-2026-000123' : 'Journal d’audit de KP-2026-000123';
  return { ...view, table: await screen.findByRole('table', { name: caption }) };
}

/** Each event's group of rows, in the order shown. */
const events = (table: HTMLElement): HTMLElement[] => [...table.querySelectorAll<HTMLElement>('tbody')];
const kindOf = (group: HTMLElement) => group.querySelector('.dossier-audit__kind')?.textContent;
const kinds = (table: HTMLElement) => events(table).map(kindOf);

function eventOf(table: HTMLElement, kind: string): HTMLElement {
  const found = events(table).find((group) => kindOf(group) === kind);
  if (!found) throw new Error(`no ${kind} event in ${kinds(table).join(', ')}`);
  return found;
}

/** A changed field's before and after, as the agent reads them. */
function change(group: HTMLElement, field: string): [string, string] {
  const row = within(group).getByRole('rowheader', { name: field }).closest('tr');
  const before = row?.querySelector('.dossier-audit__before')?.textContent;
  const after = row?.querySelector('.dossier-audit__after')?.textContent;
  return [plain(before), plain(after)];
}

const count = () => plain(screen.getByRole('status').textContent);

describe('the audit trail', () => {
  it('lists every event: when, who, what, and each field before → after in words', async () => {
    const user = userEvent.setup();
    const decisions = story();
    const db = await cacheWith(decisions);
    const { table, container } = await openTrail(user, deskOf(db));

    // The correspondence gives way: no timeline, no composer, while the trail shows.
    expect(screen.queryByRole('region', { name: 'Timeline' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull();

    expect(kinds(table)).toEqual(['Reopening', 'Closure', 'Assignment', 'Merchant overdue', 'Claim filed']);
    expect(count()).toBe('5 of 5 events');
    for (const name of ['When', 'Who', 'What', 'Field', 'Before', 'After']) {
      expect(within(table).getByRole('columnheader', { name })).toBeTruthy();
    }

    const filed = eventOf(table, 'Claim filed');
    expect(filed.textContent).toContain('Customer');
    expect(filed.textContent).toContain('Claire Dumont');
    expect(filed.textContent).toContain('Forwarded to the merchant');
    expect(change(filed, 'Status')).toEqual(['Awaiting Klik & Pay', 'Awaiting merchant']);
    expect(change(filed, 'Merchant stage')).toEqual(['—', 'Merchant answer due']);
    const dueAt = decisions[0]?.dossier.dueAt ?? '';
    expect(change(filed, 'Deadline')).toEqual(['—', plain(formatDateTime('en', dueAt))]);
    expect(
      within(filed).getByText(plain(formatDateTime('en', decisions[0]?.events[0]?.at ?? ''))),
    ).toBeTruthy();

    const overdue = eventOf(table, 'Merchant overdue');
    expect(overdue.querySelector('.dossier-audit__name')?.textContent).toBe('Automatic rule');
    expect(change(overdue, 'Merchant stage')).toEqual([
      'Merchant answer due',
      'Merchant reminded of the Good Practices',
    ]);

    const assigned = eventOf(table, 'Assignment');
    expect(assigned.querySelector('.dossier-audit__name')?.textContent).toBe('Sophie Marchand');
    expect(assigned.textContent).toContain('Supervisor');
    expect(change(assigned, 'Assignee')).toEqual(['—', 'Camille Laurent']);

    const closed = eventOf(table, 'Closure');
    expect(closed.querySelector('.dossier-audit__name')?.textContent).toBe('Camille Laurent');
    expect(change(closed, 'Status')).toEqual(['Awaiting merchant', 'Closed']);
    expect(change(closed, 'Closure')).toEqual([
      '—',
      `Resolved by Klik & Pay · Refunded · by Camille Laurent · ${hostileSummary}`,
    ]);

    // What a person wrote is text, never HTML.
    const reopened = eventOf(table, 'Reopening');
    expect(reopened.textContent).toContain(hostileReason);
    expect(change(reopened, 'Status')).toEqual(['Closed', 'Awaiting Klik & Pay']);
    expect(container.querySelector('.dossier-audit b, .dossier-audit img')).toBeNull();
  });

  it('filters by who, by kind and by field name, and says how many events it shows', async () => {
    const user = userEvent.setup();
    const db = await cacheWith(story());
    const { table } = await openTrail(user, deskOf(db));

    const who = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Who' });
    expect([...who.options].map((o) => o.text)).toEqual([
      'Everyone',
      'Automatic rule',
      'Camille Laurent',
      'Customer',
      'Sophie Marchand',
    ]);
    await user.selectOptions(who, 'Sophie Marchand');
    expect(kinds(table)).toEqual(['Reopening', 'Assignment']);
    expect(count()).toBe('2 of 5 events');

    const kind = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Kind' });
    expect([...kind.options].map((o) => o.text)).toEqual([
      'All kinds',
      'Assignment',
      'Claim filed',
      'Closure',
      'Merchant overdue',
      'Reopening',
    ]);
    await user.selectOptions(kind, 'Assignment');
    expect(kinds(table)).toEqual(['Assignment']);
    expect(count()).toBe('1 of 5 events');

    await user.selectOptions(kind, 'Closure');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('No event matches these filters.')).toBeTruthy();
    expect(count()).toBe('0 of 5 events');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(count()).toBe('5 of 5 events');
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();

    // The field filter keeps the events that changed such a field, and only those fields of them.
    await user.type(screen.getByRole('searchbox', { name: 'Field name' }), 'STATUS');
    const trail = screen.getByRole('table');
    expect(kinds(trail)).toEqual(['Reopening', 'Closure', 'Claim filed']);
    expect(count()).toBe('3 of 5 events');
    for (const group of events(trail)) {
      expect(
        within(group)
          .getAllByRole('rowheader')
          .map((h) => h.textContent),
      ).toEqual(['Status']);
      expect(group.textContent).toMatch(/\d+ other fields? changed/);
    }
  });

  it('marks the agent’s changes the server has not accepted yet as pending', async () => {
    const user = userEvent.setup();
    const db = await cacheWith(story());
    const desk = deskOf(db, agent);
    await desk.perform('dossier.tag', { dossierId: 'd-1', tags: ['litige-grave'] });
    expect((await db.events.toArray()).filter((e) => e.mutationId !== undefined)).toHaveLength(1);
    const { table } = await openTrail(user, desk);

    await waitFor(() => expect(kinds(table)[0]).toBe('Tags'));
    const tagged = eventOf(table, 'Tags');
    expect(within(tagged).getByText('Pending')).toBeTruthy();
    expect(tagged.querySelector('.dossier-audit__name')?.textContent).toBe('Camille Laurent');
    expect(change(tagged, 'Tags')).toEqual(['—', 'litige-grave']);
    for (const group of events(table).slice(1)) expect(within(group).queryByText('Pending')).toBeNull();
    expect(count()).toBe('6 of 6 events');

    // The server's own record arrives by a pull, which settles the action and deletes the local
    // copy only as it ends: the change is shown once, as the server's, all along.
    const local = (await db.events.toArray()).find((e) => e.mutationId !== undefined);
    const entry = await db.outbox.toCollection().first();
    if (!local?.mutationId || entry?.seq === undefined) throw new Error('no pending action');
    const { mutationId: _local, ...record } = local;
    await db.transaction('rw', [db.events, db.outbox], async () => {
      await db.events.put({ ...record, id: 'server-tag' });
      await db.outbox.update(entry.seq as number, { state: 'settled' });
    });
    await waitFor(() => expect(within(eventOf(table, 'Tags')).queryByText('Pending')).toBeNull());
    expect(count()).toBe('6 of 6 events');
  });

  it('shows the newest first or the oldest first', async () => {
    const user = userEvent.setup();
    const db = await cacheWith(story());
    const { table } = await openTrail(user, deskOf(db));
    const when = within(table).getByRole('columnheader', { name: 'When' });
    expect(when.getAttribute('aria-sort')).toBe('descending');
    expect(kinds(table)[0]).toBe('Reopening');

    await user.click(screen.getByRole('button', { name: 'Order: Newest first' }));
    expect(screen.getByRole('button', { name: 'Order: Oldest first' })).toBeTruthy();
    expect(kinds(table)).toEqual(['Claim filed', 'Merchant overdue', 'Assignment', 'Closure', 'Reopening']);
    expect(when.getAttribute('aria-sort')).toBe('ascending');
  });

  it('keeps its choices while the dossier stays open, and hands the composer back for r', async () => {
    const user = userEvent.setup();
    const db = await cacheWith(story());
    const ref = createRef<DossierViewHandle>();
    await openTrail(user, deskOf(db), 'en', <DossierView ref={ref} dossierId="d-1" />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Who' }), 'Automatic rule');
    await user.click(screen.getByRole('button', { name: 'Order: Newest first' }));

    await user.click(screen.getByRole('button', { name: 'Correspondence' }));
    expect(screen.getByRole('region', { name: 'Timeline' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Audit trail' }));
    expect((await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Who' })).value).toBe('system');
    expect(screen.getByRole('button', { name: 'Order: Oldest first' })).toBeTruthy();
    expect(count()).toBe('1 of 5 events');

    // r while the trail shows: the correspondence comes back with the caret in the composer.
    await act(async () => ref.current?.focusReply());
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Message' }));
    expect(screen.getByRole('button', { name: 'Correspondence' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('reads a long trail at once: the users once, never a read per event', async () => {
    const user = userEvent.setup();
    const decisions: Decision[] = [filing({ transaction: transaction({ merchantLanguage: 'en' }) })];
    for (let i = 0; i < 300; i++) {
      const last = decisions[decisions.length - 1]?.dossier;
      if (!last) throw new Error('no dossier');
      const by = i % 2 === 0 ? agentActor : supervisorActor;
      decisions.push(ok(run(last, by, cmd.tag([`lot-${i}`]), later(1 + i / 1000), ids(`tag-${i}`))));
    }
    const db = await cacheWith(decisions);
    const perUser = vi.spyOn(db.users, 'get');
    const allUsers = vi.spyOn(db.users, 'toArray');
    const { table } = await openTrail(user, deskOf(db));
    expect(count()).toBe('301 of 301 events');
    expect(events(table)).toHaveLength(301);
    expect(change(events(table)[0] as HTMLElement, 'Tags')).toEqual(['lot-298', 'lot-299']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Who' }), 'Sophie Marchand');
    expect(count()).toBe('150 of 301 events');
    expect(perUser).not.toHaveBeenCalled();
    expect(allUsers.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('speaks French, accents and all', async () => {
    const user = userEvent.setup();
    const db = await cacheWith(story());
    const { table } = await openTrail(user, deskOf(db), 'fr');
    for (const name of ['Quand', 'Qui', 'Quoi', 'Champ', 'Avant', 'Après']) {
      expect(within(table).getByRole('columnheader', { name })).toBeTruthy();
    }
    expect(count()).toBe('5 sur 5 événements');
    expect(eventOf(table, 'Marchand en retard').textContent).toContain('Règle automatique');
    expect(change(eventOf(table, 'Attribution'), 'Attribué à')).toEqual(['—', 'Camille Laurent']);
    expect(change(eventOf(table, 'Clôture'), 'Statut')).toEqual(['En attente du marchand', 'Clos']);

    await user.type(screen.getByRole('searchbox', { name: 'Nom du champ' }), 'echeance');
    expect(kinds(screen.getByRole('table'))).toEqual([
      'Réouverture',
      'Clôture',
      'Marchand en retard',
      'Réclamation déposée',
    ]);
  });
});

describe('the audit trail’s values', () => {
  const t = createTranslate('en');
  const format = {
    amount: (minor: number, currency: string) => `${currency} ${minor / 100}`,
    date: (instant: string | number | Date) => `date(${String(instant)})`,
    dateTime: (instant: string | number | Date) => `dateTime(${String(instant)})`,
    number: (n: number) => String(n),
  } as Formatters;
  const words = {
    t,
    format,
    staffName: (id: string) => (id === 'a1' ? 'Camille Laurent' : `?${id}`),
    actorName: () => 'Someone',
  };
  const value = (field: string, v: unknown) => fieldValue(field, v, words).text;

  it('says a transaction, follow-ups, lists, unknown fields and long texts compactly', () => {
    expect(value('transaction', transaction())).toBe(
      'EUR 129.9 · BL-204311 · date(2026-06-20T10:00:00.000Z) · La Boutique du Voyageur → Claire Dumont',
    );
    expect(value('followUps', { a1: '2026-07-20T07:00:00.000Z' })).toBe(
      'Camille Laurent: dateTime(2026-07-20T07:00:00.000Z)',
    );
    expect(value('followUps', {})).toBe('—');
    expect(value('tags', ['a', 'b'])).toBe('a, b');
    expect(value('status', 'on_hold')).toBe('on_hold');
    expect(value('lastAnswerBy', 'klikpay')).toBe('Klik & Pay');
    expect(value('somethingNew', { a: [1, true], b: null })).toBe('{ a: [1, Yes], b: — }');
    const long = fieldValue('description', `${'x'.repeat(200)}\n\nfin`, words);
    expect(long.text).toHaveLength(141);
    expect(long.text.endsWith('…')).toBe(true);
    expect(long.full).toContain('fin');
  });
});
