import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { DossierViewHandle } from '../../src-renderer/workspace/dossier';
import { DossierView } from '../../src-renderer/workspace/dossier';
import { Palette, referenceIn } from '../../src-renderer/workspace/Palette';
import { agent, cacheOf, deskOf, show } from './workbench';

/** The command palette does what the open dossier offers, and finds a dossier by its reference. */

describe('referenceIn', () => {
  it.each([
    ['KP-2026-000123', { reference: 'KP-2026-000123' }],
    ['kp 2026 123', { reference: 'KP-2026-000123' }],
    ['  KP2026000123 ', { reference: 'KP-2026-000123' }],
    ['000123', { number: '000123' }],
    ['123', null],
    ['close', null],
    ['KP-2026-', null],
  ])('%s', (query, expected) => {
    expect(referenceIn(query)).toEqual(expected);
  });
});

function setup() {
  const handle = createRef<DossierViewHandle>();
  const onReference = vi.fn();
  const ui = (withPalette = true) => (
    <>
      <DossierView ref={handle} dossierId="d-1" />
      {withPalette ? (
        <Palette
          open
          onClose={() => undefined}
          counts={null}
          onQueue={() => undefined}
          onSearch={() => undefined}
          onHelp={() => undefined}
          onSignOut={() => undefined}
          dossier={handle}
          onReference={onReference}
        />
      ) : null}
    </>
  );
  return { ui, onReference };
}

describe('the palette on the open dossier', () => {
  it("lists the dossier's actions as the rules allow them, and runs one as its control would", async () => {
    const user = userEvent.setup();
    const db = await cacheOf(1);
    const { ui } = setup();
    const view = show(deskOf(db), ui(false));
    await screen.findByRole('heading', { level: 2, name: 'KP-2026-000123' });
    // Opened once the dossier is shown, as Ctrl+K does.
    view.rerender(ui());
    const palette = screen.getByRole('dialog', { name: 'Command palette' });
    const options = () =>
      within(palette)
        .getAllByRole('option')
        .map((o) => o.textContent);
    await waitFor(() => expect(options().join('|')).toContain('Assign the open dossier to me'));
    expect(options().join('|')).toContain('Follow up on the open dossier…');
    expect(options().join('|')).toContain('Tag the open dossier');

    await user.type(within(palette).getByRole('combobox'), 'assign the open dossier to me');
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await db.dossiers.get('d-1'))?.assigneeId).toBe(agent.id));
  });

  it('offers "Open dossier …" for a reference typed in it', async () => {
    const user = userEvent.setup();
    const db = await cacheOf(1);
    const { ui, onReference } = setup();
    show(deskOf(db), ui());
    const palette = screen.getByRole('dialog', { name: 'Command palette' });
    await user.type(within(palette).getByRole('combobox'), 'kp 2026 456');
    const first = within(palette).getAllByRole('option')[0];
    expect(first?.textContent).toContain('Open dossier KP-2026-000456');
    await user.keyboard('{Enter}');
    expect(onReference).toHaveBeenCalledWith('KP-2026-000456');
  });
});
