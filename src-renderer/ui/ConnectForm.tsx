import { useId, useState } from 'react';
import type { BridgeError } from '../../src-shared/contract/bridge';
import type { Translate } from '../i18n/translate';
import { useT } from '../i18n/hooks';
import { SignInCard } from './SignInCard';

export interface ConnectFormProps {
  onSubmit: (url: string) => void;
  busy: boolean;
  error: BridgeError | null;
  /** Back to the sign-in page with the server already set (absent on the first run). */
  onCancel?: () => void;
}

/** Why the address was refused, in the agent's words (main's own reason for a malformed one). */
export function connectErrorText(t: Translate, error: BridgeError): string {
  switch (error.code) {
    case 'invalid_request':
      return t('connect.error.invalid_request', { reason: error.message });
    case 'offline':
    case 'not_found':
    case 'forbidden':
      return t(`connect.error.${error.code}`);
    default:
      return t('connect.error.other');
  }
}

/** The desktop app's first run: the address of the dispute API, checked by main before it is kept. */
export function ConnectForm({ onSubmit, busy, error, onCancel }: ConnectFormProps) {
  const t = useT();
  const [url, setUrl] = useState('');
  const introId = useId();
  const errorId = useId();
  const urlId = useId();
  return (
    <SignInCard
      title={t('connect.title')}
      subtitle={t('connect.intro')}
      subtitleId={introId}
      busy={busy}
      onSubmit={() => onSubmit(url.trim())}
    >
      <div className="field">
        <label htmlFor={urlId}>{t('connect.url')}</label>
        <input
          id={urlId}
          type="url"
          name="server"
          inputMode="url"
          autoComplete="url"
          placeholder="https://disputes.klikandpay.example"
          required
          value={url}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${introId} ${errorId}` : introId}
          onChange={(event) => setUrl(event.target.value)}
        />
      </div>
      {error ? (
        <p id={errorId} className="form-error" role="alert">
          {connectErrorText(t, error)}
        </p>
      ) : null}
      <button type="submit" className="button button--primary button--wide" disabled={busy}>
        {busy ? t('connect.busy') : t('connect.submit')}
      </button>
      {onCancel ? (
        <button type="button" className="button button--wide" onClick={onCancel}>
          {t('connect.cancel')}
        </button>
      ) : null}
    </SignInCard>
  );
}
