import { useEffect, useMemo, useRef } from 'react';
import type { SavedView } from '../../src-shared/domain/filters';
import type { QueueId } from '../../src-shared/domain/queues';
import { useCacheQuery } from '../data/live';
import { useSavedViews } from '../data/queues';
import { useTeamViews } from '../data/team';
import type { ToastQueue } from '../ui/toast-queue';
import type { Route } from './route';
import { formatRoute, parseRoute } from './route';
import { useOpenByReference } from './useHost';

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
  /** The address last written, or followed: what the page's address is when nobody else moved it. */
  const known = useRef<string | null>(null);
  // Declared first, so the address is read before the place first writes over it.
  useEffect(() => {
    const follow = () => {
      known.current = window.location.hash;
      latest.current(parseRoute(window.location.hash));
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const address = formatRoute(place);
  useEffect(() => {
    const current = window.location.hash;
    if (current === address) {
      known.current = address;
      return;
    }
    // Moved by someone else (a link followed, a typed address) and not followed yet: its
    // hashchange is on its way, and writing the place over it would lose where it leads.
    if (current !== known.current) return;
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}${address}`);
    known.current = address;
  }, [address]);
}

/** The workspace's place and the address, in step (see `useRoute`). */
export function useWorkspaceRoute(
  place: { queue: QueueId; viewId: string | null; openId: string | null; search: string; dashboard: boolean },
  go: {
    chooseQueue: (id: QueueId) => void;
    showDashboard: () => void;
    chooseView: (view: SavedView) => void;
    open: (dossierId: string) => void;
    toasts: ToastQueue;
  },
): void {
  const { queue, viewId, openId, search, dashboard } = place;
  const followReference = useOpenByReference(go.toasts, go.open);
  const personal = useSavedViews();
  const team = useTeamViews();
  // A shared link may name a team view: both lists are looked in.
  const views = useMemo(() => [...team, ...personal], [team, personal]);
  const pendingView = useRef<string | null>(null);
  const openReference = useCacheQuery(
    async ({ db }) => (openId ? ((await db.dossiers.get(openId))?.reference ?? null) : null),
    [openId],
    null,
    { tables: ['dossiers'] },
  );
  useRoute(
    { queue: search ? null : queue, view: search ? null : viewId, reference: openReference, dashboard },
    (route) => {
      if (route.dashboard) {
        if (!dashboard) go.showDashboard();
        return;
      }
      // Leaving the dashboard by the address (back, a link): to its queue, or the one it left.
      if (dashboard && !route.view) go.chooseQueue(route.queue ?? queue);
      const view = route.view;
      if (view && view !== viewId) {
        const found = views.find((v) => v.id === view);
        if (found) go.chooseView(found);
        // The saved views come from the cache a moment later: chosen then.
        else pendingView.current = view;
      } else if (route.queue && (route.queue !== queue || viewId !== null)) go.chooseQueue(route.queue);
      if (route.reference && route.reference !== openReference) followReference(route.reference);
    },
  );
  useEffect(() => {
    const wanted = pendingView.current;
    const found = wanted ? views.find((v) => v.id === wanted) : undefined;
    if (found) {
      pendingView.current = null;
      go.chooseView(found);
    }
  });
}
