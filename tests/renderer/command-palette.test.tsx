import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { CommandPalette } from '../../src-renderer/ui/CommandPalette';
import type { PaletteCommand } from '../../src-renderer/ui/palette-filter';
import { filterCommands } from '../../src-renderer/ui/palette-filter';
import { renderIn } from './providers';

const command = (id: string, label: string, extra: Partial<PaletteCommand> = {}): PaletteCommand => ({
  id,
  label,
  run: vi.fn(),
  ...extra,
});

const commands = (): PaletteCommand[] => [
  command('reply', 'Reply', { shortcut: 'r', group: 'Dossier' }),
  command('note', 'Add note', { shortcut: 'n', group: 'Dossier' }),
  command('close', 'Close dossier', { shortcut: 'c', group: 'Dossier' }),
  command('queue-overdue', 'Merchant overdue', { group: 'Queues', keywords: ['marchand en retard'] }),
  command('reopen', 'Reopen', { disabled: true }),
];

function Harness({ list, onClose }: { list: PaletteCommand[]; onClose?: () => void }) {
  const [open, setOpen] = useState(true);
  return (
    <CommandPalette
      open={open}
      onClose={() => {
        onClose?.();
        setOpen(false);
      }}
      commands={list}
    />
  );
}

describe('filterCommands', () => {
  it('matches every word, ignoring case and accents, label starts first', () => {
    const list = commands();
    expect(filterCommands(list, '').map((c) => c.id)).toEqual(list.map((c) => c.id));
    expect(filterCommands(list, 'CLOSE').map((c) => c.id)).toEqual(['close']);
    expect(filterCommands(list, 'dossier close').map((c) => c.id)).toEqual(['close']);
    expect(filterCommands(list, 'marchand retard').map((c) => c.id)).toEqual(['queue-overdue']);
    expect(filterCommands(list, 'note').map((c) => c.id)).toEqual(['note']);
    expect(filterCommands(list, 're').map((c) => c.id)).toEqual(['reply', 'reopen', 'queue-overdue']);
    const accented = [command('a', 'Clôturer le dossier'), command('b', 'Répondre')];
    expect(filterCommands(accented, 'clot').map((c) => c.id)).toEqual(['a']);
    expect(filterCommands(accented, 'reponse').map((c) => c.id)).toEqual([]);
    expect(filterCommands(accented, 'repon').map((c) => c.id)).toEqual(['b']);
  });
});

describe('CommandPalette', () => {
  it('is a dialog with a combobox controlling a listbox of commands', () => {
    renderIn(<Harness list={commands()} />);
    const dialog = screen.getByRole('dialog', { name: 'Command palette' });
    const box = within(dialog).getByRole('combobox', { name: 'Command' });
    const list = within(dialog).getByRole('listbox', { name: 'Commands' });
    expect(box.getAttribute('aria-controls')).toBe(list.id);
    expect(document.activeElement).toBe(box);
    expect(within(list).getAllByRole('option')).toHaveLength(5);
    expect(box.getAttribute('aria-activedescendant')).toBe(within(list).getAllByRole('option')[0]?.id);
  });

  it('filters as the agent types and runs the chosen command with Enter', async () => {
    const user = userEvent.setup();
    const list = commands();
    const onClose = vi.fn();
    renderIn(<Harness list={list} onClose={onClose} />);
    await user.keyboard('clo');
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Close dossierDossierc']);
    expect(screen.getByRole('status').textContent).toBe('1 command');
    await user.keyboard('{Enter}');
    expect(list[2]?.run).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('moves with the arrow keys, wrapping around', async () => {
    const user = userEvent.setup();
    const list = commands();
    renderIn(<Harness list={list} />);
    const box = screen.getByRole('combobox');
    const selected = () =>
      screen.getAllByRole('option').find((o) => o.getAttribute('aria-selected') === 'true');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(selected()?.textContent).toContain('Close dossier');
    expect(box.getAttribute('aria-activedescendant')).toBe(selected()?.id);
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(selected()?.textContent).toContain('Reopen');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(list[0]?.run).toHaveBeenCalledTimes(1);
  });

  it('runs a command clicked, but not a disabled one', async () => {
    const user = userEvent.setup();
    const list = commands();
    renderIn(<Harness list={list} />);
    await user.click(screen.getByRole('option', { name: /Reopen/ }));
    expect(list[4]?.run).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeTruthy();
    await user.click(screen.getByRole('option', { name: /Add note/ }));
    expect(list[1]?.run).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says when nothing matches, and closes on Escape', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    renderIn(<Harness list={commands()} onClose={onClose} />, 'fr');
    await user.keyboard('zzz');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByText('Aucune commande ne correspond')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Commande' }).getAttribute('aria-expanded')).toBe('false');
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
