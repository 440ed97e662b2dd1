import type { ReactNode } from 'react';
import { createContext, useContext } from 'react';
import type { PortalApi } from './client';

/** The API client the screens use: the real one in main.tsx, a stand-in in tests. */
const ApiContext = createContext<PortalApi | null>(null);

export function ApiProvider({ api, children }: { api: PortalApi; children: ReactNode }) {
  return <ApiContext value={api}>{children}</ApiContext>;
}

export function useApi(): PortalApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an ApiProvider');
  return api;
}
