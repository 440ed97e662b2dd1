import { dossierReferenceSchema } from '../../src-shared/contract/bridge';
import { idSchema } from '../../src-shared/domain/model';
import type { QueueId } from '../../src-shared/domain/queues';
import { queueIds } from '../../src-shared/domain/queues';

/**
 * Where the agent is, as the page's address says it (`#/queue/mine/dossier/KP-2026-000123`,
 * `#/view/<id>`): a reload keeps the place, and a link shared between agents opens the same queue
 * and dossier. The dossier part is the reference, as the desktop's deep links carry it.
 */
export interface Route {
  queue: QueueId | null;
  view: string | null;
  reference: string | null;
  /** The supervisor's dashboard (`#/dashboard`) rather than a queue. */
  dashboard?: boolean;
}

export const emptyRoute: Route = { queue: null, view: null, reference: null };

/** The route in a hash; anything it does not understand is left out, never an error. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const route: Route = { ...emptyRoute };
  if (parts[0] === 'dashboard') {
    route.dashboard = true;
    parts.shift();
  }
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const [key, raw] = [parts[i], parts[i + 1] ?? ''];
    let value: string;
    try {
      value = decodeURIComponent(raw);
    } catch {
      continue;
    }
    if (key === 'queue' && (queueIds as readonly string[]).includes(value)) route.queue = value as QueueId;
    else if (key === 'view' && idSchema.safeParse(value).success) route.view = value;
    else if (key === 'dossier' && dossierReferenceSchema.safeParse(value).success) route.reference = value;
  }
  return route;
}

export function formatRoute(route: Route): string {
  // The dashboard stands alone: a dossier opened from it shows in the workspace.
  if (route.dashboard) return '#/dashboard';
  const parts: string[] = [];
  if (route.view) parts.push('view', encodeURIComponent(route.view));
  else if (route.queue) parts.push('queue', route.queue);
  if (route.reference) parts.push('dossier', route.reference);
  return parts.length === 0 ? '' : `#/${parts.join('/')}`;
}
