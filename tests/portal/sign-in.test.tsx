import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PortalError } from '../../src-portal/api/http';
import { SignIn } from '../../src-portal/screens/SignIn';
import { fakeApi, renderPortal } from './portal';

/** Signing in: problems in plain words, the same for a wrong password and an unknown address. */

async function signIn(failure: PortalError, email = 'client@klikpay.test', locale: 'en' | 'fr' = 'en') {
  const user = userEvent.setup();
  renderPortal(<SignIn />, fakeApi({ signIn: () => Promise.reject(failure) }), locale);
  await user.type(
    screen.getByRole('textbox', { name: locale === 'en' ? 'E-mail address' : 'Adresse e-mail' }),
    email,
  );
  await user.type(screen.getByLabelText(locale === 'en' ? 'Password' : 'Mot de passe'), 'secret');
  await user.click(screen.getByRole('button', { name: locale === 'en' ? 'Sign in' : 'Se connecter' }));
  return (await screen.findByRole('alert')).textContent;
}

describe('signing in', () => {
  it('says the same thing for a wrong password and an unknown e-mail', async () => {
    const wrongPassword = await signIn(new PortalError('unauthenticated', 'Wrong e-mail or password.'));
    cleanup();
    const unknown = await signIn(
      new PortalError('unauthenticated', 'Wrong e-mail or password.'),
      'nobody@x.test',
    );
    expect(wrongPassword).toBe('The e-mail address or the password is not right. Check both and try again.');
    expect(unknown).toBe(wrongPassword);
  });

  it('says how long to wait when there were too many attempts', async () => {
    const text = await signIn(new PortalError('rate_limited', 'Too many sign-in attempts.', undefined, 240));
    expect(text).toBe('Too many attempts. For your security, wait 4 minutes before trying again.');
  });

  it('sends Klik & Pay staff to the back office, plainly', async () => {
    const text = await signIn(
      new PortalError('forbidden', 'Staff accounts sign in with a session token…', {
        reason: 'cookie_session_not_for_staff',
      }),
      'agent@klikpay.test',
    );
    expect(text).toContain(
      'This portal is for customers and merchants. Klik & Pay staff use the back office.',
    );
    expect(screen.getByRole('link', { name: 'Open the back office' }).getAttribute('href')).toBe('/');
  });

  it('speaks French, and says when the server cannot be reached', async () => {
    const text = await signIn(new PortalError('network', 'unreachable'), 'client@klikpay.test', 'fr');
    expect(text).toBe('Le serveur est injoignable. Vérifiez votre connexion et réessayez.');
  });

  it('checks the fields before asking the server', async () => {
    const user = userEvent.setup();
    const signInCall = vi.fn();
    renderPortal(<SignIn />, fakeApi({ signIn: signInCall }));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const email = screen.getByRole('textbox', { name: 'E-mail address' });
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(email);
    await user.type(email, 'not-an-address');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter an e-mail address such as name@example.com.')).toBeTruthy();
    expect(signInCall).not.toHaveBeenCalled();
  });

  it('says a session that ended under the page has ended', () => {
    renderPortal(<SignIn ended />);
    expect(screen.getByRole('status').textContent).toBe('Your session has ended. Sign in again to continue.');
  });
});
