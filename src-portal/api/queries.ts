import { MutationCache, QueryCache, QueryClient, queryOptions } from '@tanstack/react-query';
import type { PortalApi, SignedIn } from './client';
import { PortalError } from './http';

/**
 * What the portal reads, as TanStack Query options. Everything a party's data is kept under
 * `portalData`, so a live poke (api/live.ts) refetches it all and signing out forgets it all.
 */

export const portalData = ['portal'] as const;
export const sessionKey = ['session'] as const;

/** Signed in, or not: `ended` when the server ended the session under the page (expiry, sign-out elsewhere). */
export type SessionState = SignedIn | { user: null; ended: boolean };
export const signedOut = (ended: boolean): SessionState => ({ user: null, ended });

export const sessionQuery = (api: PortalApi) =>
  queryOptions({
    queryKey: sessionKey,
    queryFn: async (): Promise<SessionState> => (await api.currentSession()) ?? signedOut(false),
    staleTime: Infinity,
  });

/** The rules' settings and how far this computer's clock is from the server's. */
export const rulesQuery = (api: PortalApi) =>
  queryOptions({
    queryKey: ['rules'],
    queryFn: async () => {
      const asked = Date.now();
      const { settings, now } = await api.rules();
      // The answer was made about halfway through the round trip.
      const offsetMs = Date.parse(now) - (asked + Date.now()) / 2;
      return { settings, offsetMs };
    },
    staleTime: 10 * 60_000,
  });

export const transactionsQuery = (api: PortalApi) =>
  queryOptions({ queryKey: [...portalData, 'transactions'], queryFn: () => api.transactions() });

export const dossiersQuery = (api: PortalApi) =>
  queryOptions({ queryKey: [...portalData, 'dossiers'], queryFn: () => api.dossiers() });

export const dossierQuery = (api: PortalApi, id: string) =>
  queryOptions({ queryKey: [...portalData, 'dossier', id], queryFn: () => api.dossier(id) });

const transient = (error: unknown) =>
  error instanceof PortalError && ['network', 'internal', 'unavailable'].includes(error.code);

/** A session that ended under the page sends the party back to sign in, saying why. */
function onFailure(client: () => QueryClient) {
  return (error: unknown) => {
    if (!(error instanceof PortalError) || error.code !== 'unauthenticated') return;
    const current = client().getQueryData<SessionState>(sessionKey);
    if (current?.user) {
      client().removeQueries({ queryKey: portalData });
      client().setQueryData<SessionState>(sessionKey, signedOut(true));
    }
  };
}

export function createQueryClient(): QueryClient {
  let client: QueryClient | null = null;
  const self = () => {
    if (!client) throw new Error('the query client is not made yet');
    return client;
  };
  client = new QueryClient({
    queryCache: new QueryCache({ onError: onFailure(self) }),
    mutationCache: new MutationCache({ onError: onFailure(self) }),
    defaultOptions: {
      // Only a failure that may pass is tried again; a refusal is said at once.
      queries: { retry: (count, error) => transient(error) && count < 2, refetchOnWindowFocus: true },
    },
  });
  return client;
}
