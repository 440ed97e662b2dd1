import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SignInForm } from '../../src-renderer/ui/SignInForm';
import { renderIn } from './providers';

describe('SignInForm', () => {
  it('has labelled fields and submits what was typed', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderIn(<SignInForm onSubmit={onSubmit} busy={false} error={null} />);
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
    await user.type(screen.getByLabelText('E-mail'), '  agent@klikandpay.example ');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSubmit).toHaveBeenCalledWith({ email: 'agent@klikandpay.example', password: 'correct horse' });
    expect(screen.getByLabelText('Password').getAttribute('type')).toBe('password');
    expect(screen.getByLabelText('E-mail').getAttribute('autocomplete')).toBe('username');
  });

  it('says it is busy and does not submit twice', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderIn(<SignInForm onSubmit={onSubmit} busy error={null} />);
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Signing in…' });
    expect(button.disabled).toBe(true);
    await user.type(screen.getByLabelText('Password'), 'x{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('form', { name: 'Sign in' }).getAttribute('aria-busy')).toBe('true');
  });

  it('tells wrong credentials from a lost network, tied to the fields', () => {
    const { rerender } = renderIn(
      <SignInForm
        onSubmit={vi.fn()}
        busy={false}
        error={{ code: 'unauthenticated', message: 'bad credentials' }}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Wrong e-mail or password.');
    const email = screen.getByLabelText('E-mail');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe(alert.id);
    rerender(
      <SignInForm onSubmit={vi.fn()} busy={false} error={{ code: 'offline', message: 'fetch failed' }} />,
    );
    expect(screen.getByRole('alert').textContent).toContain('The server cannot be reached');
  });

  it('speaks French', () => {
    renderIn(
      <SignInForm onSubmit={vi.fn()} busy={false} error={{ code: 'server_error', message: 'boom' }} />,
      'fr',
    );
    expect(screen.getByLabelText('Adresse e-mail')).toBeTruthy();
    expect(screen.getByLabelText('Mot de passe')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Se connecter' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('La connexion a échoué. Réessayez.');
    expect(screen.getByText(/Service de règlement des litiges/)).toBeTruthy();
  });
});
