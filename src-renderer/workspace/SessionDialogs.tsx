import { useId, useState } from 'react';
import type { BridgeError } from '../../src-shared/contract/bridge';
import type { Session } from '../app/session';
import { useDesk } from '../data/desk';
import { useT } from '../i18n/hooks';
import { Dialog } from '../ui/Dialog';
import { signInErrorText } from '../ui/SignInForm';

/** Signing out with changes pending: the agent is told how many and chooses; nothing is dropped. */
export function SignOutDialog({
  open,
  pending,
  onStay,
  onSignOut,
}: {
  open: boolean;
  pending: number;
  onStay: () => void;
  onSignOut: () => void;
}) {
  const t = useT();
  return (
    <Dialog
      open={open}
      onClose={onStay}
      title={t('signOut.title')}
      description={t('signOut.pending', { count: pending })}
    >
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onStay}>
          {t('signOut.stay')}
        </button>
        <button type="button" className="button" onClick={onSignOut}>
          {t('signOut.anyway')}
        </button>
      </div>
    </Dialog>
  );
}

/**
 * Signing out of a shared computer: what leaves the device is said first; with changes pending the
 * removal is not offered at all (they would be lost), only the wait — the count is the status
 * region's, live, so the button comes back once they are sent. The session checks again.
 */
export function RemoveCopyDialog({
  open,
  pending,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  /** Changes not yet sent. */
  pending: number;
  onCancel: () => void;
  onConfirm: () => Promise<unknown>;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open={open} onClose={onCancel} title={t('removeCopy.title')} description={t('removeCopy.what')}>
      {pending > 0 ? (
        <p className="form-error" role="alert">
          {t('removeCopy.pending', { count: pending })}
        </p>
      ) : null}
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onCancel}>
          {pending > 0 ? t('signOut.stay') : t('removeCopy.cancel')}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={busy || pending > 0}
          onClick={() => {
            setBusy(true);
            void onConfirm().finally(() => setBusy(false));
          }}
        >
          {t('removeCopy.confirm')}
        </button>
      </div>
    </Dialog>
  );
}

/** An expired session: signing in again as the same agent keeps the workspace and its outbox. */
export function ReauthDialog({
  open,
  session,
  onClose,
}: {
  open: boolean;
  session: Session;
  onClose: () => void;
}) {
  const t = useT();
  const { user } = useDesk();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BridgeError | null>(null);
  const passwordId = useId();
  return (
    <Dialog open={open} onClose={onClose} title={t('session.signInAgain')} description={user.email}>
      <form
        className="reauth"
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          void session.signIn(user.email, password).then((result) => {
            setBusy(false);
            if (result.ok) {
              setPassword('');
              onClose();
            } else setError(result.error);
          });
        }}
      >
        <div className="field">
          <label htmlFor={passwordId}>{t('signIn.password')}</label>
          <input
            id={passwordId}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        {error ? (
          <p className="form-error" role="alert">
            {signInErrorText(t, error)}
          </p>
        ) : null}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </Dialog>
  );
}
