import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CacheDatabase, Rejection } from '../../src-renderer/cache/db';
import { readDraft } from '../../src-renderer/cache/drafts';
import { DossierView } from '../../src-renderer/workspace/dossier';
import { MONDAY } from '../unit/fixtures';
import { cacheOf, composerText, deskOf, show } from './workbench';

/**
 * A change the server refused (or the agent discarded) keeps its text on the dossier: shown as
 * text, to copy, to put back in the composer and send again, until the agent dismisses it.
 */

const hostile = 'Bonjour <img src=x onerror="window.__pwned = 1">,\nnous remboursons.';

function rejection(over: Partial<Rejection> & Pick<Rejection, 'id' | 'name'>): Rejection {
  return {
    dossierId: 'd-1',
    code: 'conflict',
    message: 'the merchant answered meanwhile.',
    at: new Date(MONDAY).toISOString(),
    ...over,
  };
}

const realClipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
function setClipboard(value: unknown): void {
  Object.defineProperty(navigator, 'clipboard', { value, configurable: true });
}
afterEach(() => {
  if (realClipboard) Object.defineProperty(navigator, 'clipboard', realClipboard);
  else Reflect.deleteProperty(navigator, 'clipboard');
});

async function open(db: CacheDatabase) {
  show(deskOf(db), <DossierView dossierId="d-1" />);
  await screen.findByRole('heading', { level: 2, name: 'KP-2026-000123' });
  return screen.getByRole('region', { name: 'Changes refused by the server' });
}

const item = (region: HTMLElement, text: string | RegExp) =>
  within(region).getByText(text).closest('li') as HTMLElement;

describe('refused changes', () => {
  it('show the refused text as text, copy it, put it back in the composer and send it again', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    setClipboard({ writeText });
    const db = await cacheOf(1);
    await db.rejections.put(
      rejection({
        id: 'm-1',
        name: 'dossier.reply',
        args: { dossierId: 'd-1', body: hostile, audience: 'merchant' },
      }),
    );
    const region = await open(db);
    const refused = item(region, 'Your reply was refused:');
    const quote = within(refused).getByText(/nous remboursons/, { selector: 'blockquote' });
    expect(quote.textContent).toBe(hostile);
    expect(region.querySelector('img, script')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();

    await user.click(within(refused).getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(hostile);
    expect(await within(refused).findByText('Copied.')).toBeTruthy();

    await user.click(within(refused).getByRole('button', { name: 'Put back in the composer' }));
    expect(composerText().value).toBe(hostile);
    expect(document.activeElement).toBe(composerText());
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Write to the merchant' }).checked).toBe(true);
    expect(screen.getByText('The refused text is back in the composer.')).toBeTruthy();
    // Put back as a draft: it survives leaving the dossier like anything typed.
    await waitFor(async () => expect((await readDraft(db, 'd-1'))?.body).toBe(hostile));

    await user.click(screen.getByRole('button', { name: 'Reply' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    expect((await db.outbox.toArray())[0]?.args).toEqual({
      dossierId: 'd-1',
      body: hostile,
      audience: 'merchant',
    });
    await waitFor(async () => expect(await readDraft(db, 'd-1')).toBeNull());

    // Handled: dismissed, it leaves the cache.
    await user.click(within(refused).getByRole('button', { name: 'Dismiss' }));
    await waitFor(async () => expect(await db.rejections.count()).toBe(0));
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Changes refused by the server' })).toBeNull(),
    );
  });

  it('select the text to copy where there is no clipboard', async () => {
    const user = userEvent.setup();
    setClipboard(undefined);
    const db = await cacheOf(1);
    await db.rejections.put(
      rejection({
        id: 'm-2',
        name: 'dossier.close',
        args: { dossierId: 'd-1', summary: 'Remboursé le 3 mars.' },
      }),
    );
    const region = await open(db);
    const refused = item(region, 'Your closure was refused:');
    expect(within(refused).getByText('Remboursé le 3 mars.')).toBeTruthy();
    // Not a message: nothing to put back in the composer.
    expect(within(refused).queryByRole('button', { name: 'Put back in the composer' })).toBeNull();
    await user.click(within(refused).getByRole('button', { name: 'Copy' }));
    expect(await within(refused).findByText(/The text is selected: press Ctrl\+C/)).toBeTruthy();
    expect(window.getSelection()?.toString()).toBe('Remboursé le 3 mars.');
  });

  it('say what the agent discarded, and put a note back after what the composer holds', async () => {
    const user = userEvent.setup();
    const db = await cacheOf(1);
    await db.rejections.bulkPut([
      rejection({
        id: 'm-3',
        name: 'dossier.note',
        code: 'discarded',
        message: 'Discarded by the agent.',
        args: { dossierId: 'd-1', body: 'Client déjà remboursé par sa banque.' },
      }),
      rejection({ id: 'm-4', name: 'dossier.tag', args: { dossierId: 'd-1', add: ['fraude', 'urgent'] } }),
      rejection({ id: 'm-5', name: 'dossier.take_over', args: { dossierId: 'd-1' } }),
    ]);
    const region = await open(db);
    const discarded = item(region, 'You discarded this change (Add note):');
    expect(within(discarded).getByText('Client déjà remboursé par sa banque.')).toBeTruthy();
    expect(within(item(region, 'Your tags were refused:')).getByText('Add: fraude, urgent')).toBeTruthy();
    // A change without text shows none.
    expect(
      within(item(region, 'Your take-over was refused:')).queryByRole('button', { name: 'Copy' }),
    ).toBeNull();

    await user.type(composerText(), 'Ma note en cours');
    await user.click(within(discarded).getByRole('button', { name: 'Put back in the composer' }));
    expect(composerText().value).toBe('Ma note en cours\n\nClient déjà remboursé par sa banque.');
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Internal note' }).checked).toBe(true);
  });

  it('put a reminder back with the action that sends it', async () => {
    const user = userEvent.setup();
    const db = await cacheOf(1);
    await db.rejections.put(
      rejection({
        id: 'm-6',
        name: 'dossier.remind_merchant',
        args: { dossierId: 'd-1', body: 'Dear merchant, please answer.' },
      }),
    );
    const region = await open(db);
    await user.click(
      within(item(region, 'Your reminder was refused:')).getByRole('button', {
        name: 'Put back in the composer',
      }),
    );
    expect(composerText().value).toBe('Dear merchant, please answer.');
    expect(screen.getByRole('button', { name: 'Send reminder' }).className).toContain('button--primary');
    // Its own text, not the letter's: a change of language keeps it.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Letter language' }), 'fr');
    expect(composerText().value).toBe('Dear merchant, please answer.');
  });

  it('are said in French', async () => {
    const db = await cacheOf(1);
    await db.rejections.put(
      rejection({
        id: 'm-7',
        name: 'dossier.forward_to_merchant',
        args: { dossierId: 'd-1', body: 'Pièce jointe.' },
      }),
    );
    show(deskOf(db), <DossierView dossierId="d-1" />, 'fr');
    const region = await screen.findByRole('region', { name: 'Modifications refusées par le serveur' });
    expect(within(region).getByText('Ce que vous aviez écrit')).toBeTruthy();
    expect(within(region).getByRole('button', { name: 'Copier' })).toBeTruthy();
    expect(within(region).getByRole('button', { name: 'Remettre dans la zone de rédaction' })).toBeTruthy();
  });
});
