import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { useSyncExternalStore } from 'react';

/**
 * The portal's addresses: real paths under /portal/ (the API answers every one with the portal's
 * page), so a reload or a shared link opens the same screen. History API only: no router package.
 */

export const portalBase = '/portal';
const changed = 'klikpay:navigate';

const subscribe = (onChange: () => void) => {
  window.addEventListener('popstate', onChange);
  window.addEventListener(changed, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(changed, onChange);
  };
};

/** The path inside the portal: `/`, `/claims/d-1`… */
export function currentPath(): string {
  const path = window.location.pathname;
  const inside = path.startsWith(portalBase) ? path.slice(portalBase.length) : path;
  return inside === '' ? '/' : inside;
}

export const usePath = (): string => useSyncExternalStore(subscribe, currentPath, () => '/');

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = `${portalBase}${to}`;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(changed));
}

/** `/claims/:id` against `/claims/d-1` → `{ id: 'd-1' }`, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const given = have[i] ?? '';
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(given);
      } catch {
        return null;
      }
    } else if (part !== given) return null;
  }
  return params;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/** A link inside the portal: a real address (open in a new tab works), followed without a reload. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0;
    if (event.defaultPrevented || modified) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={`${portalBase}${to}`} onClick={follow} {...rest} />;
}
