/**
 * The browser host's service worker: keeps the app shell (the page and its hashed assets) so a
 * signed-in agent can reload and keep working with no network. The API is never cached here: data
 * lives in IndexedDB and travels only through the sync engine.
 *
 * Pages: network first (a deploy is picked up at once), the cached copy when offline. Assets:
 * content-hashed, so cache first. Each page fetched refreshes the list of assets it needs and
 * forgets the others.
 */

// Typed structurally: the web tsconfig has the DOM's types, not the service worker's.
interface LifecycleEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchLikeEvent extends LifecycleEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: LifecycleEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchLikeEvent) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly registration: { readonly scope: string };
}

const scope = self as unknown as WorkerScope;
const cacheName = 'klikpay-shell-v1';
const shellUrl = new URL('./', scope.registration.scope).toString();

scope.addEventListener('install', (event) => {
  event.waitUntil(refreshShell().then(() => scope.skipWaiting()));
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== cacheName) await caches.delete(name);
      await scope.clients.claim();
    })(),
  );
});

scope.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== new URL(shellUrl).origin) return;
  if (url.pathname.startsWith('/api/')) return;
  // The parties' portal is another app on the same origin: its pages are none of the back office's.
  if (url.pathname === '/portal' || url.pathname.startsWith('/portal/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(pageFirstFromNetwork(request));
  } else {
    event.respondWith(assetFromCache(request));
  }
});

async function pageFirstFromNetwork(request: Request): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const html = await response.clone().text();
      void storeShell(html, response.clone());
    }
    return response;
  } catch {
    const cache = await caches.open(cacheName);
    const cached = (await cache.match(shellUrl)) ?? (await cache.match(request));
    if (cached) return cached;
    return new Response('Klik & Pay Dispute Desk is offline and has not been opened here before.', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
}

async function assetFromCache(request: Request): Promise<Response> {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function refreshShell(): Promise<void> {
  const response = await fetch(shellUrl, { cache: 'no-cache' });
  if (!response.ok) return;
  await storeShell(await response.clone().text(), response);
}

/** Keeps the page and every asset it names; drops assets no page names any more. */
async function storeShell(html: string, page: Response): Promise<void> {
  const cache = await caches.open(cacheName);
  await cache.put(shellUrl, page);
  const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
    .map((m) => new URL(m[1] ?? '', shellUrl).toString())
    .filter((u) => u.startsWith(shellUrl) && u !== shellUrl);
  await Promise.all(
    assets.map(async (u) => {
      if (await cache.match(u)) return;
      const r = await fetch(u);
      if (r.ok) await cache.put(u, r);
    }),
  );
  const keep = new Set([shellUrl, ...assets]);
  for (const request of await cache.keys()) if (!keep.has(request.url)) await cache.delete(request);
}
