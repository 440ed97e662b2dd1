import { useEffect, useRef } from 'react';
import type { Route } from './route';
import { formatRoute, parseRoute } from './route';

/**
 * Keeps the page's address in step with the agent's place (replacing it: moving through rows adds
 * no history entries), and goes where an address says — at start (a reload, a shared link) and
 * when one is typed or followed while the app is open.
 */
export function useRoute(place: Route, go: (route: Route) => void): void {
  const latest = useRef(go);
  useEffect(() => {
    latest.current = go;
  });
  // Declared first, so the address is read before the place first writes over it.
  useEffect(() => {
    const follow = () => latest.current(parseRoute(window.location.hash));
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const address = formatRoute(place);
  useEffect(() => {
    if (window.location.hash === address) return;
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}${address}`);
  }, [address]);
}
