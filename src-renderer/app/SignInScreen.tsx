import { useMutation, useQuery } from '@tanstack/react-query';
import { useT } from '../i18n/hooks';
import type { BridgeError } from '../../src-shared/contract/bridge';
import { SignInForm } from '../ui/SignInForm';
import type { Session } from './session';

/** A refused sign-in, carried as an Error so TanStack Query keeps it as the mutation's error. */
class SignInRefused extends Error {
  constructor(readonly reason: BridgeError) {
    super(reason.message);
  }
}

/** The sign-in page; a successful sign-in replaces it with the workspace (the session says so). */
export function SignInScreen({ session }: { session: Session }) {
  const signIn = useMutation<null, SignInRefused, { email: string; password: string }>({
    mutationFn: async ({ email, password }) => {
      const result = await session.signIn(email, password);
      if (!result.ok) throw new SignInRefused(result.error);
      return null;
    },
  });
  const t = useT();
  const info = useQuery({
    queryKey: ['app-info'],
    queryFn: async () => {
      const result = await session.appInfo();
      return result.ok ? result.value : null;
    },
  });
  return (
    <>
      <SignInForm
        onSubmit={(c) => signIn.mutate(c)}
        busy={signIn.isPending}
        error={signIn.error?.reason ?? null}
      />
      {info.data ? (
        <p className="sign-in__version">
          {t('signIn.version', { version: info.data.version, host: t(`signIn.host.${session.host}`) })}
        </p>
      ) : null}
    </>
  );
}
