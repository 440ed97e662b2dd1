import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SignedIn } from './client';
import { useApi } from './context';
import type { SessionState } from './queries';
import { portalData, sessionKey, sessionQuery, signedOut } from './queries';

/** The party's cookie session: restored on load (GET /sessions/current), opened and ended here. */

export const useSession = () => useQuery(sessionQuery(useApi()));

export function useSignIn() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ email, password }: { email: string; password: string }) => api.signIn(email, password),
    onSuccess: (signedIn: SignedIn) => {
      client.removeQueries({ queryKey: portalData });
      client.setQueryData<SessionState>(sessionKey, signedIn);
    },
  });
}

export function useSignOut() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.signOut(),
    onSuccess: () => {
      // Nothing of this party's stays in the page for whoever signs in next.
      client.removeQueries({ queryKey: portalData });
      client.setQueryData<SessionState>(sessionKey, signedOut(false));
    },
  });
}
