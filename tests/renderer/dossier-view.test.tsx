import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Dossier, User } from '../../src-shared/domain/model';
import { defaultSettings, reminderDueAt } from '../../src-shared/domain/settings';
import { renderTemplate } from '../../src-shared/domain/templates';
import type { Decision } from '../../src-shared/domain/transitions';
import { factsOf } from '../../src-shared/domain/transitions';
import { CacheDatabase, fromCached } from '../../src-renderer/cache/db';
import type { Desk } from '../../src-renderer/data/desk';
import { DeskContextProvider } from '../../src-renderer/data/desk';
import { I18nProvider } from '../../src-renderer/i18n/I18nProvider';
import type { Locale } from '../../src-renderer/i18n/locale';
import type { Presence } from '../../src-renderer/sync/presence';
import { ThemeProvider } from '../../src-renderer/ui/theme';
import type { DossierViewHandle } from '../../src-renderer/workspace/dossier';
import { DossierView } from '../../src-renderer/workspace/dossier';
import {
  MONDAY,
  agent as agentActor,
  cmd,
  customer,
  filing,
  later,
  merchant,
  ok,
  run,
  transaction,
} from '../unit/fixtures';
import { plain } from './providers';
import { testDesk } from './desk';
import { storeDecisions } from './workbench';

/** The dossier view over a real cache (fake-indexeddb), acting through the real `perform`. */

const agent: User = { id: 'a1', name: 'Camille Laurent', email: 'camille@klikpay.test', role: 'agent' };
const colleague: User = { id: 'a2', name: 'James Whitfield', email: 'james@klikpay.test', role: 'agent' };
const supervisor: User = {
  id: 's1',
  name: 'Sophie Marchand',
  email: 'sophie@klikpay.test',
  role: 'supervisor',
};

let counter = 0;
const opened: CacheDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A cache holding one dossier reached through the rules, and the staff. */
async function cacheWith(decisions: readonly Decision[]): Promise<CacheDatabase> {
  const db = new CacheDatabase(`dossier-view-${++counter}`);
  opened.push(db);
  await db.users.bulkPut([agent, colleague, supervisor]);
  await storeDecisions(db, decisions);
  return db;
}

interface Options {
  user?: User;
  others?: Presence[];
  announce?: (dossierId: string, activity: 'viewing' | 'writing') => void;
}

function deskOf(db: CacheDatabase, options: Options = {}): Desk {
  return testDesk(db, { ...options, user: options.user ?? agent });
}

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

const cached = async (db: CacheDatabase, id = 'd-1'): Promise<Dossier> => {
  const row = await db.dossiers.get(id);
  if (!row) throw new Error('not in the cache');
  return fromCached(row);
};

/** A delivery claim forwarded to the merchant, who writes English; the customer writes French. */
const delivery = (): Decision => filing({ transaction: transaction({ merchantLanguage: 'en' }) });

const heading = () => screen.findByRole('heading', { level: 2, name: 'KP-2026-000123' });

describe('DossierView', () => {
  it('shows the facts, the transaction and one timeline from the cache', async () => {
    const filed = delivery();
    const answered = ok(
      run(filed.dossier, merchant, cmd.merchantMessage('Colis renvoyé ce jour.'), later(1)),
    );
    const db = await cacheWith([filed, answered]);
    const { container } = show(deskOf(db), <DossierView dossierId="d-1" />);
    await heading();

    const facts = within(container.querySelector('header') as HTMLElement);
    expect(facts.getByText('Awaiting customer')).toBeTruthy();
    expect(facts.getByText('Delivery · Not received')).toBeTruthy();
    expect(facts.getByText('€129.90')).toBeTruthy();
    expect(facts.getByText('Unassigned')).toBeTruthy();
    expect(facts.getByText('Customer’s move')).toBeTruthy();

    const panel = within(screen.getByRole('complementary', { name: 'Transaction and claim' }));
    expect(panel.getByText('BL-204311')).toBeTruthy();
    expect(panel.getByText('t-1')).toBeTruthy();
    expect(panel.getByText('Merchant did not answer')).toBeTruthy();
    expect(panel.getByText('Commande payée le 20 juin, jamais reçue.')).toBeTruthy();

    const timeline = within(screen.getByRole('region', { name: 'Timeline' }));
    expect(timeline.getByText('Claim filed by Claire Dumont and forwarded to the merchant')).toBeTruthy();
    expect(timeline.getByText('Colis renvoyé ce jour.')).toBeTruthy();
    expect(timeline.getByText('Status: Awaiting customer')).toBeTruthy();
    // In time order: the claim first, the merchant's answer last.
    const bodies = [...container.querySelectorAll('.dossier-msg__body')].map((b) => b.textContent);
    expect(bodies[0]).toBe('Commande payée le 20 juin, jamais reçue.');
    expect(bodies.at(-1)).toBe('Colis renvoyé ce jour.');
  });

  it('sets internal notes apart from correspondence, and marks what is not sent yet', async () => {
    const db = await cacheWith([delivery()]);
    const desk = deskOf(db);
    await desk.perform('dossier.note', { dossierId: 'd-1', body: 'Marchand déjà signalé en juin.' });
    show(desk, <DossierView dossierId="d-1" />);
    await heading();
    const timeline = within(screen.getByRole('region', { name: 'Timeline' }));
    const note = (await timeline.findByText('Marchand déjà signalé en juin.')).closest('li');
    const claim = timeline.getByText('Commande payée le 20 juin, jamais reçue.').closest('li');
    expect(note?.className).toContain('dossier-msg--note');
    expect(claim?.className).toContain('dossier-msg--customer');
    expect(within(note as HTMLElement).getByText('Internal note')).toBeTruthy();
    expect(within(note as HTMLElement).getByText('Not sent yet')).toBeTruthy();
    expect(within(claim as HTMLElement).queryByText('Not sent yet')).toBeNull();
    expect(screen.getByText('1 change not sent yet')).toBeTruthy();
  });

  it('shows an action as soon as it is decided, before the cache has it, and takes it back if it fails', async () => {
    const filed = delivery();
    const db = await cacheWith([filed]);
    const desk = deskOf(db);
    show(desk, <DossierView dossierId="d-1" />);
    await heading();
    const timeline = within(screen.getByRole('region', { name: 'Timeline' }));
    // Decided but not written: what perform() lays over the view while its transaction runs.
    const decided = ok(run(filed.dossier, agentActor, cmd.note('Vu avec le marchand.'), later(1)));
    const entry = {
      id: 'm-optimistic',
      name: 'dossier.note' as const,
      args: { dossierId: 'd-1', body: 'Vu avec le marchand.' },
      dossierId: 'd-1',
      actor: { role: 'agent' as const, id: agent.id, name: agent.name },
      createdAt: new Date(later(1)).toISOString(),
      state: 'pending' as const,
    };
    act(() => desk.optimistic.add({ entry, ...decided }));
    const note = (await timeline.findByText('Vu avec le marchand.')).closest('li');
    expect(within(note as HTMLElement).getByText('Not sent yet')).toBeTruthy();
    expect((await db.messages.toArray()).some((m) => m.body === 'Vu avec le marchand.')).toBe(false);
    act(() => desk.optimistic.failed(['m-optimistic']));
    await waitFor(() => expect(timeline.queryByText('Vu avec le marchand.')).toBeNull());
  });

  it('shows a hostile message body as text, never as HTML', async () => {
    const hostile = '<script>window.__pwned = 1</script>\n<img src=x onerror="window.__pwned = 2">';
    const filed = delivery();
    const message = ok(run(filed.dossier, customer, cmd.customerMessage(hostile), later(1)));
    const db = await cacheWith([filed, message]);
    const { container } = show(deskOf(db), <DossierView dossierId="d-1" />);
    await heading();
    const body = [...container.querySelectorAll('.dossier-msg__body')].find((b) =>
      b.textContent.includes('__pwned'),
    );
    expect(body?.textContent).toBe(hostile);
    expect(container.querySelector('script, img')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('asks before a reply when a colleague wrote to the same party since the dossier opened', async () => {
    const user = userEvent.setup();
    const filed = filing({ subject: 'payment' });
    const db = await cacheWith([filed]);
    show(deskOf(db), <DossierView dossierId="d-1" />);
    await heading();
    // James's reply to the customer arrives (a pull) after Camille opened the dossier.
    const james = { role: 'agent' as const, id: colleague.id, name: colleague.name };
    const theirs = ok(run(filed.dossier, james, cmd.reply('customer', 'Remboursement lancé.'), Date.now()));
    await act(() => storeDecisions(db, [filed, theirs]));
    await screen.findByText('Remboursement lancé.');

    const composer = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
    await user.type(composer, 'Nous lançons le remboursement.');
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('p')?.textContent).toMatch(
      /^James Whitfield wrote to the customer \d+ s ago, after you opened this dossier\.$/,
    );
    expect(document.activeElement).toBe(within(alert).getByRole('button', { name: 'Read it first' }));
    const mine = async () =>
      (await db.messages.toArray()).filter((m) => m.body === 'Nous lançons le remboursement.');
    expect(await mine()).toHaveLength(0);

    // Read it first: nothing goes, the text stays; sending again no longer asks.
    await user.click(within(alert).getByRole('button', { name: 'Read it first' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(composer.value).toBe('Nous lançons le remboursement.');
    expect(await mine()).toHaveLength(0);
    // Sent again, it goes: what came before has been read.
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    await waitFor(async () => expect(await mine()).toHaveLength(1));
  });

  it('sends anyway when the agent says so', async () => {
    const user = userEvent.setup();
    const filed = filing({ subject: 'payment' });
    const db = await cacheWith([filed]);
    show(deskOf(db), <DossierView dossierId="d-1" />);
    await heading();
    const james = { role: 'agent' as const, id: colleague.id, name: colleague.name };
    const theirs = ok(run(filed.dossier, james, cmd.reply('both', 'Vu.'), Date.now()));
    await act(() => storeDecisions(db, [filed, theirs]));
    await screen.findByText('Vu.');
    // A note to the team is not a collision.
    await user.click(screen.getByRole('radio', { name: 'Internal note' }));
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Pour info.');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(async () =>
      expect((await db.messages.toArray()).some((m) => m.body === 'Pour info.')).toBe(true),
    );
    await user.click(screen.getByRole('radio', { name: 'Write to the merchant' }));
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Merci de répondre.');
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('p')?.textContent).toMatch(/^James Whitfield wrote to the merchant/);
    await user.click(within(alert).getByRole('button', { name: 'Send anyway' }));
    await waitFor(async () =>
      expect((await db.messages.toArray()).some((m) => m.body === 'Merci de répondre.')).toBe(true),
    );
  });

  it('says what settlement a merchant proposed, against the amount paid', async () => {
    const filed = delivery();
    const offer = ok(
      run(
        filed.dossier,
        merchant,
        {
          name: 'merchant.message',
          args: { body: 'We refund part of it.', proposal: { outcome: 'partial_refund', amount: 4_050 } },
        },
        later(1),
      ),
    );
    const db = await cacheWith([filed, offer]);
    show(deskOf(db), <DossierView dossierId="d-1" />);
    await heading();
    expect(screen.getByText('Proposed settlement: Partial refund of €40.50')).toBeTruthy();
  });

  it('replies and adds a note: the cache changes at once and the composer clears', async () => {
    const user = userEvent.setup();
    const db = await cacheWith([filing({ subject: 'payment' })]);
    show(deskOf(db), <DossierView dossierId="d-1" />);
    await heading();
    const composer = screen.getByRole('textbox', { name: 'Message' });

    await user.type(composer, 'Nous vérifions le débit.');
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    await waitFor(async () => expect((await cached(db)).status).toBe('awaiting_customer'));
    const reply = (await db.messages.toArray()).find((m) => m.body === 'Nous vérifions le débit.');
    expect(reply?.audience).toBe('customer');
    expect((composer as HTMLTextAreaElement).value).toBe('');
    const shown = (
      await screen.findByText('Nous vérifions le débit.', { selector: '.dossier-msg__body' })
    ).closest('li') as HTMLElement;
    expect(within(shown).getByText('Not sent yet')).toBeTruthy();
    expect(within(shown).getByText('To the customer')).toBeTruthy();

    await user.type(composer, 'Client de bonne foi.');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect((composer as HTMLTextAreaElement).value).toBe(''));
    const note = (await db.messages.toArray()).find((m) => m.body === 'Client de bonne foi.');
    expect(note?.audience).toBe('internal');
    const noted = (
      await screen.findByText('Client de bonne foi.', { selector: '.dossier-msg__body' })
    ).closest('li');
    expect(noted?.className).toContain('dossier-msg--note');
    expect(await db.outbox.count()).toBe(2);
  });

  it('hands the focus back after a send, and on Escape keeps the text as a draft', async () => {
    const user = userEvent.setup();
    const db = await cacheWith([filing({ subject: 'payment' })]);
    const left = vi.fn();
    show(deskOf(db), <DossierView dossierId="d-1" onLeaveComposer={left} />);
    await heading();
    const composer = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });

    await user.type(composer, 'Nous vérifions le débit.');
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    await waitFor(() => expect(left).toHaveBeenCalledTimes(1));
    // A reply is held back for its Undo (5 s unless the agent chose otherwise): the workspace is told.
    expect(left).toHaveBeenLastCalledWith(
      expect.objectContaining({
        dossierId: 'd-1',
        reference: 'KP-2026-000123',
        kind: 'reply',
        holdMs: 5_000,
      }),
    );
    const held = (await db.outbox.toArray()).find((e) => e.name === 'dossier.reply');
    expect(held?.holdUntil).toBeDefined();

    await user.type(composer, 'À finir demain');
    await user.keyboard('{Escape}');
    expect(left).toHaveBeenCalledTimes(2);
    expect(left).toHaveBeenLastCalledWith();
    expect(document.activeElement).not.toBe(composer);
    expect(composer.value).toBe('À finir demain');
    // Shift+Escape and friends are not "leave".
    composer.focus();
    await user.keyboard('{Shift>}{Escape}{/Shift}');
    expect(left).toHaveBeenCalledTimes(2);
  });

  it('does not hand the focus back when the send is refused here', async () => {
    const user = userEvent.setup();
    const db = await cacheWith([filing({ subject: 'payment' })]);
    const left = vi.fn();
    show(deskOf(db), <DossierView dossierId="d-1" onLeaveComposer={left} />);
    await heading();
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    await new Promise((settle) => setTimeout(settle, 50));
    expect(left).not.toHaveBeenCalled();
  });

  it('closes through the dialog, which requires a resolution summary', async () => {
    const user = userEvent.setup();
    const db = await cacheWith([filing({ subject: 'payment' })]);
    show(deskOf(db), <DossierView dossierId="d-1" />);
    await heading();
    await user.click(screen.getByRole('button', { name: 'Close dossier' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Close dossier KP-2026-000123' }));
    await user.click(dialog.getByRole('button', { name: 'Close dossier' }));
    expect(dialog.getByText('Write a resolution summary.')).toBeTruthy();
    expect((await cached(db)).status).toBe('awaiting_klikpay');

    await user.type(
      dialog.getByRole('textbox', { name: 'Resolution summary' }),
      'Remboursé par le marchand.',
    );
    await user.selectOptions(dialog.getByRole('combobox', { name: 'Outcome' }), 'refunded');
    await user.click(dialog.getByRole('button', { name: 'Close dossier' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const closed = await cached(db);
    expect(closed.status).toBe('closed');
    expect(closed.closure).toMatchObject({
      reason: 'resolved_by_klikpay',
      outcome: 'refunded',
      summary: 'Remboursé par le marchand.',
    });
    await screen.findByText('Closed — resolved by Klik & Pay (Camille Laurent) · Refunded');
    // Closed: no more correspondence, and only a supervisor sees Reopen.
    expect(screen.getByRole('button', { name: 'Reply' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Reopen' })).toBeNull();
  });

  it('lets a supervisor reopen a closed dossier with a reason', async () => {
    const user = userEvent.setup();
    const filed = filing({ subject: 'payment' });
    const closed = ok(run(filed.dossier, agentActor, cmd.close(), later(1)));
    const db = await cacheWith([filed, closed]);
    show(deskOf(db, { user: supervisor }), <DossierView dossierId="d-1" />);
    await heading();
    await user.click(await screen.findByRole('button', { name: 'Reopen' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Reopen KP-2026-000123' }));
    await user.type(dialog.getByRole('textbox', { name: 'Reason for reopening' }), 'Le client conteste.');
    await user.click(dialog.getByRole('button', { name: 'Reopen' }));
    await waitFor(async () => expect((await cached(db)).status).toBe('awaiting_klikpay'));
  });

  it('shows a local refusal inline, and the server’s refusals with their reason', async () => {
    const user = userEvent.setup();
    const db = await cacheWith([delivery()]);
    await db.rejections.put({
      id: 'm-9',
      dossierId: 'd-1',
      name: 'dossier.remind_merchant',
      code: 'conflict',
      message: 'the dossier is no longer awaiting the merchant.',
      at: new Date(MONDAY).toISOString(),
    });
    // The server records the refusal in the audit trail too (it arrives with the next pull).
    await db.events.put({
      id: 'e-9',
      dossierId: 'd-1',
      type: 'mutation.rejected',
      actor: { role: 'agent', id: 'a1' },
      at: new Date(later(1)).toISOString(),
      changes: {},
      data: {
        mutation: 'dossier.remind_merchant',
        code: 'conflict',
        message: 'the dossier is no longer awaiting the merchant.',
      },
    });
    show(deskOf(db), <DossierView dossierId="d-1" />);
    await heading();
    const line = await screen.findByText(
      'Refused by the server: Send reminder (Camille Laurent) — the dossier is no longer awaiting the merchant.',
    );
    expect(line.closest('li')?.className).toContain('dossier-event--refusal');
    const rejection = screen
      .getAllByRole('alert')
      .find((a) => a.textContent.includes('Your reminder was refused:'));
    expect(plain(rejection?.textContent)).toContain(
      'Your reminder was refused: the dossier is no longer awaiting the merchant.',
    );

    await user.type(screen.getByRole('textbox', { name: 'New tag' }), '!!!{Enter}');
    const invalid = await screen.findByText(/^A tag is letters, digits/);
    expect(invalid.getAttribute('role')).toBe('alert');
    expect(screen.getByRole('textbox', { name: 'New tag' }).getAttribute('aria-invalid')).toBe('true');
    expect((await cached(db)).tags).toEqual([]);

    await user.clear(screen.getByRole('textbox', { name: 'New tag' }));
    await user.type(screen.getByRole('textbox', { name: 'New tag' }), 'Fraude{Enter}');
    await screen.findByRole('button', { name: 'Remove the tag fraude' });
    expect((await cached(db)).tags).toEqual(['fraude']);
    // Sent as the change it is, so a colleague's tag added meanwhile survives the server's replay.
    const tagArgs = async () =>
      (await db.outbox.toArray()).filter((e) => e.name === 'dossier.tag').map(({ args }) => args);
    expect(await tagArgs()).toEqual([{ dossierId: expect.any(String), add: ['fraude'] }]);
    await user.click(screen.getByRole('button', { name: 'Remove the tag fraude' }));
    await waitFor(async () => expect((await cached(db)).tags).toEqual([]));
    expect((await tagArgs())[1]).toEqual({ dossierId: expect.any(String), remove: ['fraude'] });

    // Read and dismissed: the banner goes for good, the audit trail keeps its line.
    const banner = screen.getByRole('region', { name: 'Changes refused by the server' });
    await user.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    await waitFor(async () => expect(await db.rejections.count()).toBe(0));
    await waitFor(() => expect(screen.queryByText('Your reminder was refused:')).toBeNull());
    expect(screen.getByText(/^Refused by the server: Send reminder/)).toBeTruthy();
  });

  it('greys out what the rules refuse now: no reminder before the merchant is awaited', async () => {
    const db = await cacheWith([filing({ subject: 'payment' })]);
    show(deskOf(db), <DossierView dossierId="d-1" />);
    await heading();
    const remind = screen.getByRole<HTMLButtonElement>('button', { name: 'Send reminder' });
    expect(remind.getAttribute('aria-disabled')).toBe('true');
    expect(remind.title).toContain('is not awaiting the merchant');
    expect(screen.getByRole('button', { name: 'Inform customer' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('fills the composer with a letter in the recipient’s language, and follows a switch of language', async () => {
    const user = userEvent.setup();
    const db = await cacheWith([delivery()]);
    show(deskOf(db), <DossierView dossierId="d-1" />);
    await heading();
    const d = await cached(db);
    // The reminder announces the deadline that sending it sets, not the one the merchant missed.
    const letter = (id: 'rights_information' | 'good_practices_reminder', language: 'fr' | 'en') => {
      const facts = factsOf(d, language, defaultSettings);
      if (id === 'good_practices_reminder') facts.dueAt = reminderDueAt(Date.now(), defaultSettings);
      return renderTemplate(id, facts);
    };
    const composer = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
    const template = screen.getByRole('combobox', { name: 'Template' });
    const language = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Letter language' });

    await user.selectOptions(template, 'rights_information');
    expect(composer.value).toBe(letter('rights_information', 'fr'));
    expect(language.value).toBe('fr');
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Customer' }).checked).toBe(true);

    await user.selectOptions(template, 'good_practices_reminder');
    expect(composer.value).toBe(letter('good_practices_reminder', 'en'));
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Write to the merchant' }).checked).toBe(true);

    await user.selectOptions(language, 'fr');
    expect(composer.value).toBe(letter('good_practices_reminder', 'fr'));

    // With the Good Practices letter the reminder is the main action; sending it clears the composer.
    await user.click(screen.getByRole('button', { name: 'Send reminder' }));
    await waitFor(() => expect(composer.value).toBe(''));
    const sent = await cached(db);
    expect(sent.merchantStage).toBe('reminded');
    const reminder = (await db.messages.toArray()).find((m) => m.kind === 'good_practices_reminder');
    expect(reminder?.body).toBe(letter('good_practices_reminder', 'fr'));
  });

  it('gives the text back to the composer when the action is refused here', async () => {
    const user = userEvent.setup();
    const db = await cacheWith([delivery()]);
    const full: Desk = {
      ...deskOf(db),
      perform: () =>
        Promise.resolve({
          ok: false,
          error: { code: 'storage_full', message: 'The local storage is full.' },
        }),
    };
    show(full, <DossierView dossierId="d-1" />);
    await heading();
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
    await user.type(box, 'Nous revenons vers vous.');
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    await waitFor(() => expect(box.value).toBe('Nous revenons vers vous.'));
  });

  it('keeps what the agent wrote when a letter is inserted', async () => {
    const user = userEvent.setup();
    const db = await cacheWith([delivery()]);
    show(deskOf(db), <DossierView dossierId="d-1" />);
    await heading();
    const composer = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
    await user.type(composer, 'Bonjour,');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Template' }), 'request_for_proof');
    expect(composer.value.startsWith('Bonjour,\n\nBonjour,\n\nPour faciliter le règlement')).toBe(true);
  });

  it('answers the workspace’s shortcuts through its handle', async () => {
    const user = userEvent.setup();
    const announce = vi.fn();
    const db = await cacheWith([filing({ subject: 'payment' })]);
    const ref = createRef<DossierViewHandle>();
    show(deskOf(db, { announce }), <DossierView ref={ref} dossierId="d-1" />);
    await heading();
    const composer = screen.getByRole('textbox', { name: 'Message' });

    await act(async () => ref.current?.focusNote());
    expect(document.activeElement).toBe(composer);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Internal note' }).checked).toBe(true);

    await act(async () => ref.current?.focusReply());
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Customer' }).checked).toBe(true);
    expect(announce).toHaveBeenLastCalledWith('d-1', 'viewing');
    await user.type(composer, 'x');
    expect(announce).toHaveBeenLastCalledWith('d-1', 'writing');
    await user.clear(composer);
    expect(announce).toHaveBeenLastCalledWith('d-1', 'viewing');

    await act(async () => ref.current?.openClose());
    expect(screen.getByRole('dialog', { name: 'Close dossier KP-2026-000123' })).toBeTruthy();
  });

  it('shows who else is on the dossier', async () => {
    const db = await cacheWith([delivery()]);
    const others: Presence[] = [
      { userId: 'a3', name: 'Ana Costa', activity: 'writing', until: Date.now() + 60_000 },
      { userId: 'a2', name: 'James Whitfield', activity: 'viewing', until: Date.now() + 60_000 },
    ];
    show(deskOf(db, { others }), <DossierView dossierId="d-1" />);
    await heading();
    const presence = within(screen.getByRole('list', { name: 'Other agents on this dossier' }));
    expect(presence.getByText('Ana Costa is writing in this dossier')).toBeTruthy();
    expect(presence.getByText('James Whitfield is viewing this dossier')).toBeTruthy();
  });

  it('assigns: to me, and for a supervisor to anyone', async () => {
    const user = userEvent.setup();
    const db = await cacheWith([delivery()]);
    const { unmount } = show(deskOf(db), <DossierView dossierId="d-1" />);
    await heading();
    expect(screen.queryByRole('combobox', { name: 'Assign to…' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Assign to me' }));
    await waitFor(async () => expect((await cached(db)).assigneeId).toBe('a1'));
    await screen.findByText('Assigned to Camille Laurent by Camille Laurent');
    unmount();

    show(deskOf(db, { user: supervisor }), <DossierView dossierId="d-1" />);
    await heading();
    const assignee = await screen.findByRole('combobox', { name: 'Assign to…' });
    // The staff are read after the dossier itself (what the agent looks at comes first).
    await within(assignee).findByRole('option', { name: 'James Whitfield' });
    await user.selectOptions(assignee, 'a2');
    await user.click(screen.getByRole('button', { name: 'Assign' }));
    await waitFor(async () => expect((await cached(db)).assigneeId).toBe('a2'));
  });

  it('sets and clears the agent’s follow-up', async () => {
    const user = userEvent.setup();
    const db = await cacheWith([delivery()]);
    show(deskOf(db), <DossierView dossierId="d-1" />);
    await heading();
    await user.click(screen.getByRole('button', { name: 'Follow up' }));
    let dialog = within(screen.getByRole('dialog', { name: 'Follow up' }));
    const when = dialog.getByLabelText<HTMLInputElement>('Follow up on');
    expect(Date.parse(when.value)).toBeGreaterThan(Date.now());
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await cached(db)).followUps.a1).toBeDefined());
    await screen.findByText('My follow-up');

    await user.click(screen.getByRole('button', { name: 'Follow up' }));
    dialog = within(screen.getByRole('dialog', { name: 'Follow up' }));
    await user.click(dialog.getByRole('button', { name: 'Clear follow-up' }));
    await waitFor(async () => expect((await cached(db)).followUps.a1).toBeUndefined());
  });

  it('names every control, in French too', async () => {
    const db = await cacheWith([delivery()]);
    const { container } = show(deskOf(db, { user: supervisor }), <DossierView dossierId="d-1" />, 'fr');
    await screen.findByRole('heading', { level: 2, name: 'KP-2026-000123' });
    for (const name of [
      'Répondre',
      'Ajouter une note',
      'Envoyer une relance',
      'Informer le client',
      'Transmettre au marchand',
      'Prendre en charge',
      'M’attribuer',
      'Planifier un suivi',
      'Clore le dossier',
    ]) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Note interne' })).toBeTruthy();

    for (const button of container.querySelectorAll('button')) {
      const name = (button.getAttribute('aria-label') ?? button.textContent).trim();
      expect(name, button.outerHTML).not.toBe('');
    }
    for (const field of container.querySelectorAll('input, select, textarea')) {
      const labelled =
        field.getAttribute('aria-label') ??
        (field.id ? container.querySelector(`label[for="${field.id}"]`)?.textContent : null) ??
        field.closest('label')?.textContent;
      expect(labelled?.trim(), field.outerHTML).toBeTruthy();
    }
    const ids = [...container.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('says when the dossier is not in the cache', async () => {
    const db = await cacheWith([]);
    show(deskOf(db), <DossierView dossierId="nope" />);
    await screen.findByText('This dossier is not on this computer yet. It appears after the next sync.');
  });
});
