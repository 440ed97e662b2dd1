import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { readDraft, saveDraft } from '../../src-renderer/cache/drafts';
import { DossierView } from '../../src-renderer/workspace/dossier';
import { draftDelayMs } from '../../src-renderer/workspace/dossier/use-draft';
import { limits } from '../../src-shared/domain/model';
import { textProblem } from '../../src-shared/domain/text';
import { cacheOf, composerText, deskOf, reopen, show } from './workbench';

/**
 * Drafts: what the agent writes on a dossier is kept in their cache until it is sent or discarded —
 * across other dossiers, reloads (a new render over the same IndexedDB) and restarts.
 */

/** The workspace's way of showing one dossier at a time: a new view per dossier. */
function Switcher({ initial = 'd-1' }: { initial?: string }) {
  const [id, setId] = useState(initial);
  return (
    <>
      <button type="button" onClick={() => setId(id === 'd-1' ? 'd-2' : 'd-1')}>
        switch
      </button>
      <DossierView key={id} dossierId={id} />
    </>
  );
}

/** A promise that settles when `open` is called. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

const opened = (reference: string) => screen.findByRole('heading', { level: 2, name: reference });

describe('drafts', () => {
  it('keeps a half-written reply across other dossiers and a reload, and clears it once sent', async () => {
    const user = userEvent.setup();
    const db = await cacheOf();
    const first = show(deskOf(db), <Switcher />);
    await opened('KP-2026-000123');
    await user.click(screen.getByRole('radio', { name: 'Write to the merchant' }));
    await user.type(composerText(), 'Could you send the tracking number');

    // Written a moment after the last keystroke, without leaving the field.
    await waitFor(async () =>
      expect(await readDraft(db, 'd-1')).toMatchObject({
        body: 'Could you send the tracking number',
        audience: 'merchant',
      }),
    );
    expect(screen.getByText('Draft kept on this computer.')).toBeTruthy();

    // Another dossier: its own, empty composer; the draft waits.
    await user.click(screen.getByRole('button', { name: 'switch' }));
    await opened('KP-2026-000202');
    expect(composerText().value).toBe('');
    await user.type(composerText(), 'Autre dossier');
    await user.click(screen.getByRole('button', { name: 'switch' }));
    await opened('KP-2026-000123');
    await waitFor(() => expect(composerText().value).toBe('Could you send the tracking number'));
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Write to the merchant' }).checked).toBe(true);
    // Leaving a dossier wrote its draft at once (no wait for the delay).
    expect((await readDraft(db, 'd-2'))?.body).toBe('Autre dossier');

    // The last keystrokes, then a reload: unmounting writes them, and a new app reads them back.
    await user.type(composerText(), ', please?');
    first.unmount();
    const reloaded = reopen(db);
    show(deskOf(reloaded), <Switcher />);
    await opened('KP-2026-000123');
    await waitFor(() => expect(composerText().value).toBe('Could you send the tracking number, please?'));
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Write to the merchant' }).checked).toBe(true);

    // Sent: accepted on this computer, the draft goes; the other dossier's stays.
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    await waitFor(() => expect(composerText().value).toBe(''));
    await waitFor(async () => expect(await readDraft(reloaded, 'd-1')).toBeNull());
    const sent = (await reloaded.outbox.toArray()).map((e) => e.args);
    expect(sent).toEqual([
      { dossierId: 'd-1', body: 'Could you send the tracking number, please?', audience: 'merchant' },
    ]);
    expect((await readDraft(reloaded, 'd-2'))?.body).toBe('Autre dossier');
  });

  it('keeps a letter loaded into the composer, untouched, with the action that sends it', async () => {
    const user = userEvent.setup();
    const db = await cacheOf();
    show(deskOf(db), <Switcher />);
    await opened('KP-2026-000123');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Template' }), 'good_practices_reminder');
    const letter = composerText().value;
    expect(letter).toContain('Good Practices');
    await user.click(screen.getByRole('button', { name: 'switch' }));
    await opened('KP-2026-000202');
    await user.click(screen.getByRole('button', { name: 'switch' }));
    await opened('KP-2026-000123');
    await waitFor(() => expect(composerText().value).toBe(letter));
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Template' }).value).toBe(
      'good_practices_reminder',
    );
    expect(screen.getByRole('button', { name: 'Send reminder' }).className).toContain('button--primary');
    // Still untouched: a change of language rewrites it.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Letter language' }), 'fr');
    expect(composerText().value).toContain('Bonnes Pratiques');
  });

  it('writes once the typing pauses, not at every keystroke', async () => {
    const user = userEvent.setup();
    const db = await cacheOf();
    const puts = vi.spyOn(db.drafts, 'put');
    show(deskOf(db), <Switcher />);
    await opened('KP-2026-000123');
    await user.type(composerText(), 'Twenty-five keystrokes!!!');
    await waitFor(async () => expect((await readDraft(db, 'd-1'))?.body).toBe('Twenty-five keystrokes!!!'));
    expect(puts.mock.calls.length).toBeLessThanOrEqual(2);
    // Leaving the field writes at once what waits.
    await user.type(composerText(), '?');
    fireEvent.blur(composerText());
    await waitFor(async () => expect((await readDraft(db, 'd-1'))?.body).toBe('Twenty-five keystrokes!!!?'));
  });

  it('keeps the draft over what happened before it was read back, and what was typed meanwhile', async () => {
    const user = userEvent.setup();
    const db = await cacheOf();
    await saveDraft(db, {
      dossierId: 'd-1',
      body: 'Texte d’hier',
      audience: 'merchant',
      letter: null,
      language: null,
      updatedAt: new Date().toISOString(),
    });
    // A slow disk: the draft arrives after the agent has already acted.
    const slow = gate();
    const get = db.drafts.get.bind(db.drafts);
    vi.spyOn(db.drafts, 'get').mockImplementation(((key: string) =>
      slow.promise.then(() => get(key))) as typeof db.drafts.get);
    const { unmount } = show(deskOf(db), <Switcher />);
    await opened('KP-2026-000123');
    await user.click(screen.getByRole('radio', { name: 'Internal note' }));
    slow.open();
    await waitFor(() => expect(composerText().value).toBe('Texte d’hier'));
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Write to the merchant' }).checked).toBe(true);
    // The audience chosen on the empty composer, written after its delay, never erases the draft.
    await new Promise((wait) => setTimeout(wait, draftDelayMs + 200));
    expect((await readDraft(db, 'd-1'))?.body).toBe('Texte d’hier');
    unmount();

    const slower = gate();
    vi.spyOn(db.drafts, 'get').mockImplementation(((key: string) =>
      slower.promise.then(() => get(key))) as typeof db.drafts.get);
    show(deskOf(db), <Switcher />);
    await opened('KP-2026-000123');
    await user.type(composerText(), 'et de ce matin');
    slower.open();
    await waitFor(() => expect(composerText().value).toBe('Texte d’hier\n\net de ce matin'));
    await waitFor(async () =>
      expect((await readDraft(db, 'd-1'))?.body).toBe('Texte d’hier\n\net de ce matin'),
    );
  });

  it('discards a draft, with a moment to undo it', async () => {
    const user = userEvent.setup();
    const db = await cacheOf();
    show(deskOf(db), <Switcher />);
    await opened('KP-2026-000123');
    await user.type(composerText(), 'Brouillon à jeter');
    await waitFor(async () => expect(await readDraft(db, 'd-1')).not.toBeNull());

    await user.click(screen.getByRole('button', { name: 'Discard draft' }));
    expect(composerText().value).toBe('');
    await waitFor(async () => expect(await readDraft(db, 'd-1')).toBeNull());
    expect(screen.getByText(/Draft discarded\./)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(composerText().value).toBe('Brouillon à jeter');
    await waitFor(async () => expect((await readDraft(db, 'd-1'))?.body).toBe('Brouillon à jeter'));

    await user.click(screen.getByRole('button', { name: 'Discard draft' }));
    await waitFor(async () => expect(await readDraft(db, 'd-1')).toBeNull());
    expect(screen.queryByRole('button', { name: 'Discard draft' })).toBeNull();
  });

  it('deletes a draft that is only whitespace', async () => {
    const user = userEvent.setup();
    const db = await cacheOf();
    show(deskOf(db), <Switcher />);
    await opened('KP-2026-000123');
    await user.type(composerText(), 'x');
    await waitFor(async () => expect(await db.drafts.count()).toBe(1));
    await user.clear(composerText());
    await user.type(composerText(), '   {Enter}  ');
    await waitFor(async () => expect(await db.drafts.count()).toBe(0));
    expect(screen.queryByText('Draft kept on this computer.')).toBeNull();
  });

  it('drops a damaged draft instead of breaking the view', async () => {
    const db = await cacheOf();
    await db.drafts.put({ dossierId: 'd-1', body: 42, audience: 'everyone' });
    show(deskOf(db), <Switcher />);
    await opened('KP-2026-000123');
    await waitFor(async () => expect(await db.drafts.count()).toBe(0));
    expect(composerText().value).toBe('');
  });

  it('never holds half of a character, and checks the text with the server’s schema before sending', async () => {
    const user = userEvent.setup();
    const db = await cacheOf();
    show(deskOf(db), <Switcher />);
    await opened('KP-2026-000123');

    // Pasted past the limit, an emoji on the edge: cut before it, never through it.
    const pasted = `${'a'.repeat(limits.body - 1)}😀 and more`;
    fireEvent.change(composerText(), { target: { value: pasted } });
    expect(composerText().value).toBe('a'.repeat(limits.body - 1));
    expect(screen.getByText(/A message is at most 10,000 characters/)).toBeTruthy();
    await waitFor(async () => expect((await readDraft(db, 'd-1'))?.body.length).toBe(limits.body - 1));

    // A control character (from a copy and paste): said in words, nothing is sent, the text stays.
    fireEvent.change(composerText(), { target: { value: 'Bonjour\u0007 madame' } });
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('invisible control character');
    expect(composerText().getAttribute('aria-invalid')).toBe('true');
    expect(await db.outbox.count()).toBe(0);
    expect(composerText().value).toBe('Bonjour\u0007 madame');

    // Half of an emoji in the middle: the same, in French.
    fireEvent.change(composerText(), { target: { value: 'Merci \ud83d beaucoup' } });
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    expect((await screen.findByRole('alert')).textContent).toContain('half of a character');
    expect(await db.outbox.count()).toBe(0);

    fireEvent.change(composerText(), { target: { value: 'Merci beaucoup 🙂' } });
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const [entry] = await db.outbox.toArray();
    expect(textProblem(String(entry?.args.body))).toBeNull();
  });

  it('says the text’s problem in French', async () => {
    const user = userEvent.setup();
    const db = await cacheOf();
    show(deskOf(db), <Switcher />, 'fr');
    await screen.findByRole('heading', { level: 2, name: 'KP-2026-000123' });
    fireEvent.change(composerText(), { target: { value: 'Merci \ufffe' } });
    await user.click(screen.getByRole('button', { name: 'Ajouter une note' }));
    expect((await screen.findByRole('alert')).textContent).toContain('n’est pas un caractère');
  });
});
