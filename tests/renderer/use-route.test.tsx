import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Route } from '../../src-renderer/workspace/route';
import { useRoute } from '../../src-renderer/workspace/useRoute';

/** The page's address and the agent's place, kept in step (`useRoute`), with a link arriving mid-change. */

function Place({ place, go }: { place: Route; go: (route: Route) => void }) {
  useRoute(place, go);
  return null;
}

const at = (queue: Route['queue'], reference: string | null = null): Route => ({
  queue,
  view: null,
  reference,
});
const hashChanged = () =>
  new Promise<void>((resolve) => window.addEventListener('hashchange', () => resolve(), { once: true }));

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('the address', () => {
  it('follows the place, replacing the entry', () => {
    const go = vi.fn<(route: Route) => void>();
    const view = render(<Place place={at('mine')} go={go} />);
    expect(window.location.hash).toBe('#/queue/mine');
    view.rerender(<Place place={at('all', 'KP-2026-000001')} go={go} />);
    expect(window.location.hash).toBe('#/queue/all/dossier/KP-2026-000001');
  });

  it('is not written over when a link arrives while the place is changing: the link is followed', async () => {
    const go = vi.fn<(route: Route) => void>();
    const view = render(<Place place={at('awaiting_merchant')} go={go} />);
    go.mockClear();
    const arrived = hashChanged();
    // A link is followed (its hashchange still to come) just as the place moves on by itself.
    window.location.hash = '#/queue/all/dossier/KP-1999-000001';
    act(() => view.rerender(<Place place={at('awaiting_merchant', 'KP-2026-000140')} go={go} />));
    expect(window.location.hash).toBe('#/queue/all/dossier/KP-1999-000001');
    await arrived;
    expect(go).toHaveBeenCalledWith(at('all', 'KP-1999-000001'));
    // Once followed, the place writes the address again (here: the link's dossier is not found).
    act(() => view.rerender(<Place place={at('all')} go={go} />));
    expect(window.location.hash).toBe('#/queue/all');
  });
});
