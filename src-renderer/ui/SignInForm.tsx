import { useEffect, useId, useRef, useState } from 'react';
import type { BridgeError } from '../../src-shared/contract/bridge';
import type { Translate } from '../i18n/translate';
import { useT } from '../i18n/hooks';
import { SignInCard } from './SignInCard';

export interface SignInFormProps {
  onSubmit: (credentials: { email: string; password: string }) => void;
  /** True while the sign-in is under way: the button is disabled and says so. */
  busy: boolean;
  /** The last sign-in's failure, shown in words; null when there is none. */
  error: BridgeError | null;
}

/** Sign-in failures in the agent's words: wrong credentials read differently from a lost network. */
export function signInErrorText(t: Translate, error: BridgeError): string {
  switch (error.code) {
    case 'unauthenticated':
    case 'forbidden':
      return t('signIn.error.unauthenticated');
    case 'offline':
      return t('signIn.error.offline');
    case 'rate_limited':
      return t('signIn.error.rate_limited');
    default:
      return t('signIn.error.other');
  }
}

export function SignInForm({ onSubmit, busy, error }: SignInFormProps) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errorId = useId();
  const emailId = useId();
  const passwordId = useId();
  const errorRef = useRef<HTMLParagraphElement>(null);

  // A failed sign-in takes the focus to what went wrong: a screen reader reads it, the keyboard
  // is where the agent can read it and Tab back to the fields. Each failure is a new error.
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  return (
    <SignInCard
      title={t('signIn.title')}
      subtitle={`${t('app.department')} · ${t('signIn.staffOnly')}`}
      busy={busy}
      onSubmit={() => onSubmit({ email: email.trim(), password })}
    >
      <div className="field">
        <label htmlFor={emailId}>{t('signIn.email')}</label>
        <input
          id={emailId}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setEmail(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={passwordId}>{t('signIn.password')}</label>
        <input
          id={passwordId}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setPassword(event.target.value)}
        />
      </div>
      {error ? (
        <p id={errorId} ref={errorRef} className="form-error" role="alert" tabIndex={-1}>
          {signInErrorText(t, error)}
        </p>
      ) : null}
      <button type="submit" className="button button--primary button--wide" disabled={busy}>
        {busy ? t('signIn.busy') : t('signIn.submit')}
      </button>
    </SignInCard>
  );
}
