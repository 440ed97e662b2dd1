import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiBase } from '../../src-shared/contract/api';
import { portalData } from './queries';

/**
 * While a claim or a list is on screen, the API's event stream says when something the party may
 * see changed (`poke`), and what is shown is read again. EventSource sends the session cookie on
 * the same origin and reconnects by itself; each connection starts with a poke, which covers what
 * happened before it was open (or while it was down).
 */
export function useLiveUpdates(): void {
  const client = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`${apiBase}/sync/stream`);
    const onPoke = () => void client.invalidateQueries({ queryKey: portalData });
    source.addEventListener('poke', onPoke);
    return () => {
      source.removeEventListener('poke', onPoke);
      source.close();
    };
  }, [client]);
}
