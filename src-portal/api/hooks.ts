import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FileClaimRequest } from '../../src-shared/contract/api';
import type { Dossier } from '../../src-shared/domain/model';
import type { PartyMessage } from './client';
import { useApi } from './context';
import { dossierQuery, dossiersQuery, portalData, transactionsQuery } from './queries';

/** What the screens read and do; each change refreshes what it touched. */

export const useTransactions = () => useQuery(transactionsQuery(useApi()));
export const useDossiers = () => useQuery(dossiersQuery(useApi()));
export const useDossier = (id: string) => useQuery(dossierQuery(useApi(), id));

export function useFileClaim() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: FileClaimRequest) => api.fileClaim(request),
    onSuccess: () => client.invalidateQueries({ queryKey: portalData }),
  });
}

export function usePostMessage(dossierId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (message: PartyMessage) => api.postMessage(dossierId, message),
    onSuccess: (dossier) => {
      client.setQueryData(dossierQuery(api, dossierId).queryKey, dossier);
      return client.invalidateQueries({ queryKey: dossiersQuery(api).queryKey });
    },
  });
}

/** The customer's own moves on a claim: resolved (closes it), or ask Klik & Pay to intervene. */
export function useCustomerMove(dossierId: string, move: 'resolve' | 'escalate') {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (): Promise<Dossier> =>
      move === 'resolve' ? api.resolve(dossierId) : api.escalate(dossierId),
    onSuccess: () => client.invalidateQueries({ queryKey: portalData }),
  });
}
