import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveDraft } from '../../src-renderer/cache/drafts';
import { indexForSearch } from '../../src-renderer/cache/search';
import { SearchResults } from '../../src-renderer/workspace/queue/SearchResults';
import { MONDAY } from '../unit/fixtures';
import { allByReference, cacheOf, deskOf, layOutLists, nth, show } from './workbench';

/** Rows with a draft say so, in queues and in search results, live. */

const now = MONDAY + 3_600_000;
const noop = () => undefined;
const draft = (dossierId: string, body: string) => ({
  dossierId,
  body,
  audience: 'customer' as const,
  letter: null,
  language: null,
  updatedAt: new Date(now).toISOString(),
});
const markers = () => screen.queryAllByRole('img', { name: 'You have a draft' });
const rowOf = (reference: string) => screen.getByText(reference).closest('.queue-row') as HTMLElement;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the draft marker', () => {
  it('shows on the queue rows of dossiers with a draft, from one live set of ids', async () => {
    const db = await cacheOf(3);
    layOutLists();
    const toArray = vi.spyOn(db.drafts, 'toArray');
    const get = vi.spyOn(db.drafts, 'get');
    await saveDraft(db, draft('d-2', 'À reprendre demain'));
    // Saving reads the stored draft (to keep its files): only the rows' reads are counted below.
    get.mockClear();
    show(deskOf(db), allByReference(3, now));
    await screen.findByText('KP-2026-000202');
    await waitFor(() => expect(markers()).toHaveLength(1));
    expect(within(rowOf('KP-2026-000202')).getByRole('img', { name: 'You have a draft' }).textContent).toBe(
      'Draft',
    );
    expect(within(rowOf('KP-2026-000123')).queryByRole('img', { name: 'You have a draft' })).toBeNull();

    // Live: a draft started elsewhere appears, a draft sent or discarded goes.
    await saveDraft(db, draft('d-1', 'Bonjour'));
    get.mockClear();
    await waitFor(() => expect(markers()).toHaveLength(2));
    await db.drafts.delete('d-2');
    await waitFor(() => expect(markers()).toHaveLength(1));
    expect(within(rowOf('KP-2026-000123')).getByRole('img', { name: 'You have a draft' })).toBeTruthy();
    // Which dossiers have one is read from the keys: no draft is loaded for a row.
    expect(toArray).not.toHaveBeenCalled();
    expect(get).not.toHaveBeenCalled();
  });

  it('shows on search results too, in French as well', async () => {
    const db = await cacheOf(3);
    for (const n of [1, 2, 3]) {
      const { dossier, messages } = nth(n);
      await indexForSearch(db, [dossier], messages);
    }
    await saveDraft(db, draft('d-3', 'Relancer le marchand'));
    show(
      deskOf(db),
      <SearchResults text="client" now={now} activeId={null} onOpen={noop} staffNames={new Map()} />,
      'fr',
    );
    await screen.findByText('KP-2026-000203');
    const marker = await within(rowOf('KP-2026-000203')).findByRole('img', {
      name: 'Vous avez un brouillon',
    });
    expect(marker.textContent).toBe('Brouillon');
    expect(screen.getAllByRole('img', { name: 'Vous avez un brouillon' })).toHaveLength(1);
  });
});
