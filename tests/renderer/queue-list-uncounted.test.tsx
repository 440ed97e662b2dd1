import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MONDAY } from '../unit/fixtures';
import { allByReference, cacheOf, deskOf, layOutLists, show } from './workbench';

/**
 * A queue's rows never wait for its count: when the desk opens, the navigation's counts take their
 * turns in the background (seconds at 100,000 dossiers), and the first queue showed nothing until
 * its own came.
 */

const now = MONDAY + 3_600_000;
const list = (count: number | null) => allByReference(count, now);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a queue not counted yet', () => {
  it('shows the rows it has read, its size unknown to assistive technology until counted', async () => {
    const db = await cacheOf(3);
    layOutLists();
    const { rerender } = show(deskOf(db), list(null));
    await screen.findByText('KP-2026-000202');
    const items = () => [...document.querySelectorAll('.queue-list__item')];
    expect(items()).toHaveLength(3);
    expect(items().map((li) => li.getAttribute('aria-setsize'))).toEqual(['-1', '-1', '-1']);
    expect(
      screen.getByRole('list', { name: 'All: dossiers' }).closest('[aria-busy]')?.getAttribute('aria-busy'),
    ).toBe('true');
    rerender(list(3));
    expect(items().map((li) => li.getAttribute('aria-setsize'))).toEqual(['3', '3', '3']);
  });

  it('says it is empty once an empty read shows it, without its count', async () => {
    const db = await cacheOf(0);
    layOutLists();
    show(deskOf(db), list(null));
    expect(await screen.findByText('No dossiers in this queue')).toBeTruthy();
  });
});
