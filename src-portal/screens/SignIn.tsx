import type { SubmitEvent } from 'react';
import { useRef, useState } from 'react';
import { z } from 'zod';
import { emailSchema } from '../../src-shared/domain/model';
import { PortalError } from '../api/http';
import { useSignIn } from '../api/session';
import type { Problem } from '../domain/problems';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Problems } from '../ui/fields';
import { usePageTitle } from '../ui/page';
import { errorText } from '../ui/words';

const staffRefusal = z.object({ reason: z.literal('cookie_session_not_for_staff') });

/** What went wrong signing in, in the party's words. A wrong password and an unknown address read the same. */
export function signInFailure(
  i18n: ReturnType<typeof useI18n>,
  error: unknown,
): { text: string; staff: boolean } {
  const { t, wait } = i18n;
  if (error instanceof PortalError) {
    if (error.code === 'unauthenticated') return { text: t('signIn.wrong'), staff: false };
    if (error.code === 'forbidden' && staffRefusal.safeParse(error.details).success) {
      return { text: t('signIn.staff'), staff: true };
    }
    if (error.code === 'rate_limited') {
      return { text: t('signIn.rateLimited', { wait: wait(error.retryAfterSeconds ?? 60) }), staff: false };
    }
  }
  return { text: errorText(i18n, error), staff: false };
}

interface FieldProblems {
  email?: Problem[];
  password?: Problem[];
}

function check(email: string, password: string): FieldProblems {
  const problems: FieldProblems = {};
  if (email.trim() === '') problems.email = [{ code: 'blank' }];
  else if (!emailSchema.safeParse(email.trim()).success) problems.email = [{ code: 'email_invalid' }];
  if (password === '') problems.password = [{ code: 'blank' }];
  return problems;
}

/** Sign in with the e-mail and password of a Klik & Pay customer or merchant account. */
export function SignIn({ ended = false, notice }: { ended?: boolean; notice?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle(t('signIn.heading'));
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<FieldProblems>({});
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = check(email, password);
    setProblems(found);
    if (found.email) return emailInput.current?.focus();
    if (found.password) return passwordInput.current?.focus();
    signIn.mutate({ email: email.trim(), password });
  };
  const failure = signIn.isError ? signInFailure(i18n, signIn.error) : null;
  const message = failure?.text ?? notice ?? (ended ? t('signIn.ended') : null);

  return (
    <div className="sign-in">
      <header className="sign-in__top">
        <p className="brand">
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__department">{t('app.department')}</span>
        </p>
        <LanguageSwitch />
      </header>
      <main className="sign-in__main" id="main">
        <h1>{t('signIn.title')}</h1>
        <p className="lead">{t('signIn.lead')}</p>
        <form className="card sign-in__form" onSubmit={submit} noValidate aria-labelledby="sign-in-heading">
          <h2 id="sign-in-heading">{t('signIn.heading')}</h2>
          {message && (
            <div className={failure ? 'note note--error' : 'note'} role={failure ? 'alert' : 'status'}>
              <p>{message}</p>
              {failure?.staff && (
                <p>
                  <a href="/">{t('signIn.staffLink')}</a>
                </p>
              )}
            </div>
          )}
          <div className="field">
            <label className="field__label" htmlFor="sign-in-email">
              {t('signIn.email')}
            </label>
            <Problems id="sign-in-email-problems" problems={problems.email} />
            <input
              ref={emailInput}
              id="sign-in-email"
              className="input"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              aria-invalid={problems.email ? true : undefined}
              aria-describedby={problems.email ? 'sign-in-email-problems' : undefined}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="sign-in-password">
              {t('signIn.password')}
            </label>
            <Problems id="sign-in-password-problems" problems={problems.password} />
            <input
              ref={passwordInput}
              id="sign-in-password"
              className="input"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-invalid={problems.password ? true : undefined}
              aria-describedby={problems.password ? 'sign-in-password-problems' : undefined}
            />
          </div>
          <button type="submit" className="button button--primary button--wide" disabled={signIn.isPending}>
            {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
