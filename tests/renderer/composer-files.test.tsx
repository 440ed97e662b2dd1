import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CacheDatabase } from '../../src-renderer/cache/db';
import { readDraft } from '../../src-renderer/cache/drafts';
import type { Desk } from '../../src-renderer/data/desk';
import { DeskContextProvider } from '../../src-renderer/data/desk';
import { I18nProvider } from '../../src-renderer/i18n/I18nProvider';
import { ThemeProvider } from '../../src-renderer/ui/theme';
import { undoDelayKey } from '../../src-renderer/ui/undo-delay';
import { DossierView } from '../../src-renderer/workspace/dossier';
import { screenFiles, typeOf } from '../../src-renderer/workspace/dossier/composer-files';
import type { User } from '../../src-shared/domain/model';
import { attachmentLimits } from '../../src-shared/domain/model';
import { filing } from '../unit/fixtures';
import { testDesk } from './desk';
import { storeDecisions } from './workbench';

/** Issue 12, item 1: an agent attaches files to a reply or a forward; they wait in the outbox with it. */

const agent: User = { id: 'a1', name: 'Camille Laurent', email: 'camille@klikpay.test', role: 'agent' };
const MB = 1024 * 1024;

describe('the files picked', () => {
  it('are kept when of an accepted type, not empty, within the size and count limits', () => {
    const { accepted, problems } = screenFiles(1, [
      { name: 'recu.pdf', type: 'application/pdf', size: 10 },
      { name: 'page.html', type: 'text/html', size: 10 },
      { name: 'vide.png', type: 'image/png', size: 0 },
      { name: 'gros.jpg', type: 'image/jpeg', size: attachmentLimits.bytes + 1 },
      { name: 'notes.txt', type: '', size: 10 },
      { name: 'photo.webp', type: 'image/webp', size: 4 * MB },
    ]);
    // One was there already: room for two more, the third accepted one is over the count.
    expect(accepted).toEqual([0, 4]);
    expect(problems).toEqual([
      { kind: 'type', name: 'page.html' },
      { kind: 'empty', name: 'vide.png' },
      { kind: 'size', name: 'gros.jpg' },
      { kind: 'count' },
    ]);
  });

  it('take their type from the name only when the system gives none', () => {
    expect(typeOf({ name: 'scan.PDF', type: '' })).toBe('application/pdf');
    expect(typeOf({ name: 'scan.pdf', type: 'text/html' })).toBeNull();
    expect(typeOf({ name: 'archive.zip', type: '' })).toBeNull();
  });
});

describe('the composer with files', () => {
  let db: CacheDatabase;
  beforeEach(async () => {
    localStorage.setItem(undoDelayKey, '0');
    db = new CacheDatabase(`composer-files-${crypto.randomUUID()}`);
    await db.users.put(agent);
    await storeDecisions(db, [filing({ subject: 'payment' })]);
  });
  afterEach(async () => {
    localStorage.removeItem(undoDelayKey);
    await db.delete();
  });

  const show = (desk: Desk, ui: ReactElement) =>
    render(ui, {
      wrapper: ({ children }) => (
        <I18nProvider initialPreference="en">
          <ThemeProvider initialPreference="light">
            <DeskContextProvider desk={desk}>{children}</DeskContextProvider>
          </ThemeProvider>
        </I18nProvider>
      ),
    });

  it('sends a reply with its files: listed on the change, kept in the outbox, shown on the message', async () => {
    // The picker's `accept` is a hint a person can override ("All files"): the composer checks again.
    const user = userEvent.setup({ applyAccept: false });
    show(testDesk(db, { user: agent }), <DossierView dossierId="d-1" />);
    await screen.findByRole('heading', { level: 2, name: 'KP-2026-000123' });
    const picker = screen.getByLabelText<HTMLInputElement>('Attach files', { selector: 'input' });
    const pdf = new File(['%PDF-1.4 preuve'], 'remboursement.pdf', { type: 'application/pdf' });
    const page = new File(['<html>'], 'page.html', { type: 'text/html' });
    await user.upload(picker, [pdf, page]);
    const list = await screen.findByRole('list', { name: 'Files attached' });
    expect(within(list).getByText('remboursement.pdf')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('page.html was not attached');

    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Voici le justificatif.');
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const [entry] = await db.outbox.toArray();
    const [file] = await db.outboxFiles.toArray();
    expect(entry?.args.attachments).toEqual([
      { id: file?.attachmentId, filename: 'remboursement.pdf', contentType: 'application/pdf', size: 15 },
    ]);
    expect(file?.mutationId).toBe(entry?.id);
    expect(new TextDecoder().decode(file?.bytes)).toBe('%PDF-1.4 preuve');
    // Sent: the composer holds no file any more; the message shows its file.
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Files attached' })).toBeNull());
    expect(await screen.findByRole('button', { name: /remboursement\.pdf/ })).toBeTruthy();
  });

  it('keeps files off internal notes, saying why', async () => {
    const user = userEvent.setup();
    show(testDesk(db, { user: agent }), <DossierView dossierId="d-1" />);
    await screen.findByRole('heading', { level: 2, name: 'KP-2026-000123' });
    const picker = screen.getByLabelText<HTMLInputElement>('Attach files', { selector: 'input' });
    await user.upload(picker, new File(['texte'], 'notes.txt', { type: 'text/plain' }));
    await screen.findByRole('list', { name: 'Files attached' });
    await user.click(screen.getByRole('radio', { name: 'Internal note' }));
    const attach = screen.getByRole('button', { name: /Attach files/ });
    expect(attach.getAttribute('aria-disabled')).toBe('true');
    expect(attach).toHaveProperty(
      'title',
      'Internal notes carry no files: choose the customer, the merchant or both.',
    );
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Pour mémoire.');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Files go with a reply or a forward');
    expect(await db.outbox.count()).toBe(0);
    // Removed, the note goes.
    await user.click(screen.getByRole('button', { name: 'Remove notes.txt' }));
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    expect(await db.outboxFiles.count()).toBe(0);
  });

  it('keeps the files with the draft: back when the dossier opens again, and after a discard is undone', async () => {
    const user = userEvent.setup();
    const desk = testDesk(db, { user: agent });
    const first = show(desk, <DossierView dossierId="d-1" />);
    await screen.findByRole('heading', { level: 2, name: 'KP-2026-000123' });
    const picker = screen.getByLabelText<HTMLInputElement>('Attach files', { selector: 'input' });
    await user.upload(picker, new File(['%PDF-1.4 a'], 'facture.pdf', { type: 'application/pdf' }));
    await screen.findByRole('list', { name: 'Files attached' });
    // Kept at once, before any text: the dossier has a draft.
    await waitFor(async () => expect((await readDraft(db, 'd-1'))?.files).toHaveLength(1));
    first.unmount();

    show(desk, <DossierView dossierId="d-1" />);
    const list = await screen.findByRole('list', { name: 'Files attached' });
    expect(within(list).getByText('facture.pdf')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Voir la facture.');
    await user.click(screen.getByRole('button', { name: 'Discard draft' }));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Files attached' })).toBeNull());
    await waitFor(async () => expect(await readDraft(db, 'd-1')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(
      within(await screen.findByRole('list', { name: 'Files attached' })).getByText('facture.pdf'),
    ).toBeTruthy();
    await waitFor(async () => {
      const kept = await readDraft(db, 'd-1');
      expect(kept?.body).toBe('Voir la facture.');
      expect(kept?.files?.map((f) => f.filename)).toEqual(['facture.pdf']);
    });
    // Removed, the file leaves the draft; the text stays.
    await user.click(screen.getByRole('button', { name: 'Remove facture.pdf' }));
    await waitFor(async () => expect((await readDraft(db, 'd-1'))?.files).toBeUndefined());
    expect((await readDraft(db, 'd-1'))?.body).toBe('Voir la facture.');
  });
});
