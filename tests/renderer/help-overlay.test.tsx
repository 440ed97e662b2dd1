import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { HelpOverlay } from '../../src-renderer/ui/HelpOverlay';
import { shortcuts } from '../../src-renderer/ui/shortcuts';
import { renderIn } from './providers';

describe('HelpOverlay', () => {
  it('lists every shortcut with its keys', () => {
    renderIn(<HelpOverlay open onClose={vi.fn()} mac={false} />);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = within(dialog).getAllByRole('definition');
    expect(rows).toHaveLength(shortcuts.length);
    const text = dialog.textContent;
    for (const label of [
      'Next dossier',
      'Previous dossier',
      'Open the selected dossier',
      'Reply',
      'Add an internal note',
    ]) {
      expect(text).toContain(label);
    }
    expect(text).toContain('CtrlK');
    expect(text).toContain('Enter');
  });

  it('shows ⌘ on a Mac and speaks French', () => {
    renderIn(<HelpOverlay open onClose={vi.fn()} mac />, 'fr');
    const dialog = screen.getByRole('dialog', { name: 'Raccourcis clavier' });
    expect(dialog.textContent).toContain('⌘K');
    expect(dialog.textContent).toContain('Entrée');
    expect(dialog.textContent).toContain('Ouvrir la palette de commandes');
  });

  it('closes on Escape', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    renderIn(<HelpOverlay open onClose={onClose} />);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
