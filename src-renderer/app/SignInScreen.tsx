import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../i18n/hooks';
import type { BridgeError } from '../../src-shared/contract/bridge';
import { ConnectForm } from '../ui/ConnectForm';
import { SignInForm } from '../ui/SignInForm';
import type { Session } from './session';

/** A refused sign-in or server, carried as an Error so TanStack Query keeps it as the mutation's error. */
class Refused extends Error {
  constructor(readonly reason: BridgeError) {
    super(reason.message);
  }
}

const serverKey = ['server-setting'];

/**
 * The sign-in page; a successful sign-in replaces it with the workspace (the session says so). The
 * desktop app's first run asks for its server first; later the agent may change it here (unless a
 * managed install set it).
 */
export function SignInScreen({ session }: { session: Session }) {
  const t = useT();
  const queries = useQueryClient();
  const [changing, setChanging] = useState(false);
  const signIn = useMutation<null, Refused, { email: string; password: string }>({
    mutationFn: async ({ email, password }) => {
      const result = await session.signIn(email, password);
      if (!result.ok) throw new Refused(result.error);
      return null;
    },
  });
  const connect = useMutation<null, Refused, string>({
    mutationFn: async (url) => {
      const result = await session.connect(url);
      if (!result.ok) throw new Refused(result.error);
      queries.setQueryData(serverKey, result.value);
      return null;
    },
    onSuccess: () => setChanging(false),
  });
  const info = useQuery({
    queryKey: ['app-info'],
    queryFn: async () => {
      const result = await session.appInfo();
      return result.ok ? result.value : null;
    },
  });
  const server = useQuery({
    queryKey: serverKey,
    queryFn: async () => {
      const result = await session.server();
      return result.ok ? result.value : null;
    },
  });
  if (server.isPending) return null;
  const setting = server.data ?? null;
  if (setting && (setting.url === null || changing)) {
    return (
      <ConnectForm
        onSubmit={(url) => connect.mutate(url)}
        busy={connect.isPending}
        error={connect.error?.reason ?? null}
        {...(setting.url === null ? {} : { onCancel: () => setChanging(false) })}
      />
    );
  }
  const editable = session.host === 'electron' && setting !== null && !setting.locked && setting.url !== null;
  return (
    <>
      <SignInForm
        onSubmit={(c) => signIn.mutate(c)}
        busy={signIn.isPending}
        error={signIn.error?.reason ?? null}
      />
      <footer className="sign-in__footer">
        {editable ? (
          <p>
            {t('connect.current', { host: hostOf(setting.url ?? '') })}{' '}
            <button type="button" className="link-button" onClick={() => setChanging(true)}>
              {t('connect.change')}
            </button>
          </p>
        ) : null}
        {info.data ? (
          <p className="sign-in__version">
            {t('signIn.version', { version: info.data.version, host: t(`signIn.host.${session.host}`) })}
          </p>
        ) : null}
      </footer>
    </>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
