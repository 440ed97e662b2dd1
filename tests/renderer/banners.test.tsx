import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../src-shared/domain/model';
import { CacheDatabase, toCached } from '../../src-renderer/cache/db';
import { DeskContextProvider } from '../../src-renderer/data/desk';
import type { SyncStatus } from '../../src-renderer/sync/status';
import { initialStatus } from '../../src-renderer/sync/status';
import { Banners } from '../../src-renderer/workspace/Banners';
import { filing } from '../unit/fixtures';
import { testDesk } from './desk';
import { renderIn } from './providers';

/** What the workspace says about the app itself: a change stuck on its way, a journal that fails. */

const agent: User = { id: 'a1', name: 'Camille Laurent', email: 'camille@klikpay.test', role: 'agent' };
const opened: CacheDatabase[] = [];
let counter = 0;
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function deskWithNote(
  status: (note: { mutationId: string; dossierId: string }) => Partial<SyncStatus>,
  retryStuck = vi.fn(),
) {
  const db = new CacheDatabase(`banners-${++counter}`);
  opened.push(db);
  const filed = filing({ subject: 'payment', reference: 'KP-2026-000777' });
  await db.dossiers.put(toCached(filed.dossier));
  const plainDesk = testDesk(db, { user: agent });
  const note = await plainDesk.perform('dossier.note', {
    dossierId: filed.dossier.id,
    body: 'Vu le marchand.',
  });
  if (!note.ok) throw new Error('the note was refused');
  const desk = testDesk(db, {
    user: agent,
    status: { ...initialStatus, ...status({ mutationId: note.mutationId, dossierId: filed.dossier.id }) },
    retryStuck,
  });
  return { db, desk, mutationId: note.mutationId, dossierId: filed.dossier.id };
}

describe('a change the server cannot take', () => {
  it('says which one, where, why and what waits behind it; Retry asks the engine at once', async () => {
    const user = userEvent.setup();
    const retry = vi.fn();
    const onOpen = vi.fn();
    const { desk, dossierId } = await deskWithNote(
      ({ mutationId, dossierId: onDossier }) => ({
        state: 'error',
        pending: 3,
        stuck: {
          id: mutationId,
          name: 'dossier.note',
          dossierId: onDossier,
          attempts: 4,
          error: { code: 'server_error', message: 'The server answered 502.' },
          retryAt: '2026-07-13T10:05:00.000Z',
        },
      }),
      retry,
    );
    renderIn(
      <DeskContextProvider desk={desk}>
        <Banners onSignInAgain={vi.fn()} onOpen={onOpen} />
      </DeskContextProvider>,
    );
    const banner = await screen.findByRole('alert');
    await waitFor(() => expect(banner.textContent).toContain('KP-2026-000777'));
    expect(banner.textContent).toContain('A change cannot be sent: Add note on KP-2026-000777');
    expect(banner.textContent).toContain('“The server answered 502.” (tried 4 times)');
    expect(banner.textContent).toContain('2 more changes wait behind it');
    await user.click(within(banner).getByRole('button', { name: 'Retry now' }));
    expect(retry).toHaveBeenCalledTimes(1);
    await user.click(within(banner).getByRole('button', { name: 'Open dossier' }));
    expect(onOpen).toHaveBeenCalledWith(dossierId);
  });

  it('is discarded only after a confirmation, and then leaves the outbox and keeps its text', async () => {
    const user = userEvent.setup();
    const { db, desk, mutationId } = await deskWithNote((note) => ({
      state: 'error',
      pending: 1,
      stuck: {
        id: note.mutationId,
        name: 'dossier.note',
        dossierId: note.dossierId,
        attempts: 1,
        error: { code: 'invalid_request', message: 'Bad request.' },
        retryAt: null,
      },
    }));
    renderIn(
      <DeskContextProvider desk={desk}>
        <Banners onSignInAgain={vi.fn()} onOpen={vi.fn()} />
      </DeskContextProvider>,
      'fr',
    );
    const banner = await screen.findByRole('alert');
    await user.click(within(banner).getByRole('button', { name: 'Abandonner…' }));
    const dialog = await screen.findByRole('dialog', {
      name: /Abandonner « Ajouter une note » sur KP-2026-000777/,
    });
    await user.click(within(dialog).getByRole('button', { name: 'La garder' }));
    expect(await db.outbox.count()).toBe(1);
    await user.click(within(banner).getByRole('button', { name: 'Abandonner…' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Abandonner cette modification',
      }),
    );
    await waitFor(async () => expect(await db.outbox.count()).toBe(0));
    expect(await db.rejections.get(mutationId)).toMatchObject({
      code: 'discarded',
      args: { body: 'Vu le marchand.' },
    });
  });
});

describe('a journal that cannot be written', () => {
  it('is said, with what it means for the pending changes', async () => {
    const { desk } = await deskWithNote(() => ({ journalFailing: true }));
    renderIn(
      <DeskContextProvider desk={desk}>
        <Banners onSignInAgain={vi.fn()} onOpen={vi.fn()} />
      </DeskContextProvider>,
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Your pending changes could not be copied outside the local database',
    );
  });
});
