import { describe, expect, it } from 'vitest';
import type { Route } from '../../src-renderer/workspace/route';
import { emptyRoute, formatRoute, parseRoute } from '../../src-renderer/workspace/route';

/** The back office's addresses: what a reload keeps and a shared link opens. */

describe('routes', () => {
  it.each<[string, Route]>([
    ['', emptyRoute],
    ['#/queue/mine', { ...emptyRoute, queue: 'mine' }],
    [
      '#/queue/merchant_overdue/dossier/KP-2026-000123',
      { queue: 'merchant_overdue', view: null, reference: 'KP-2026-000123' },
    ],
    ['#/view/v-1/dossier/KP-2026-000123', { queue: null, view: 'v-1', reference: 'KP-2026-000123' }],
    ['#/dossier/KP-2026-000123', { ...emptyRoute, reference: 'KP-2026-000123' }],
  ])('reads %s, and writes it back the same', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(formatRoute(route)).toBe(hash);
  });

  it.each([
    ['#/queue/nope'],
    ['#/dossier/kp-2026-000123'],
    ['#/dossier/KP-2026-000123%2F..'],
    ['#/view/..%2F..'],
    ['#/dossier/%E0%A4%A'],
    ['#/queue'],
    ['#/<script>/x'],
  ])('leaves out what it does not understand: %s', (hash) => {
    const route = parseRoute(hash);
    expect(route).toEqual(emptyRoute);
  });
});
