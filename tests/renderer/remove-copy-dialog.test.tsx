import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RemoveCopyDialog } from '../../src-renderer/workspace/SessionDialogs';
import { renderIn } from './providers';

describe('signing out and removing this computer’s copy', () => {
  it('says what leaves the computer, and signs out on confirmation', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn(async () => undefined);
    renderIn(<RemoveCopyDialog open pending={0} onCancel={vi.fn()} onConfirm={onConfirm} />);
    const dialog = screen.getByRole('dialog', { name: 'Remove this computer’s copy?' });
    expect(dialog.textContent).toContain('the dossiers, their correspondence and your saved views');
    await user.click(screen.getByRole('button', { name: 'Sign out and remove' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('is not offered while changes are pending, in French too, and comes back once they are sent', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    const onConfirm = vi.fn(async () => undefined);
    const { rerender } = renderIn(
      <RemoveCopyDialog open pending={2} onCancel={onCancel} onConfirm={onConfirm} />,
      'fr',
    );
    const confirm = () =>
      screen.getByRole<HTMLButtonElement>('button', { name: 'Se déconnecter et effacer' });
    expect(confirm().disabled).toBe(true);
    expect(screen.getByRole('alert').textContent).toContain(
      '2 modifications ne sont pas encore envoyées et seraient perdues',
    );
    await user.click(screen.getByRole('button', { name: 'Rester connecté' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    // Sent meanwhile: the count is the status region's, live, and the removal is offered again.
    rerender(<RemoveCopyDialog open pending={0} onCancel={onCancel} onConfirm={onConfirm} />);
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(confirm());
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
