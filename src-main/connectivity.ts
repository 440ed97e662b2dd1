/**
 * Whether this computer has a network, as the main process sees it: the system's word
 * (`net.isOnline()`), asked again every few seconds (main has no online/offline events) and at
 * once when a request fails to reach the server, so a lost network shows without waiting for the
 * next look. A server that answers counts as a network (it may run on this very computer). The
 * renderer hears each change.
 */
export interface Connectivity {
  online(): boolean;
  /** A request reached the server (true) or could not (false). */
  reached(reached: boolean): void;
  subscribe(listener: (online: boolean) => void): () => void;
  stop(): void;
}

export function createConnectivity(options: {
  isOnline: () => boolean;
  pollMs?: number;
  setInterval?: typeof setInterval;
  clearInterval?: typeof clearInterval;
}): Connectivity {
  const listeners = new Set<(online: boolean) => void>();
  /** The server's last word: a server on this computer answers with no network at all. */
  let serverReached = false;
  let system = options.isOnline();
  let online = system;
  const look = () => {
    const was = system;
    system = options.isOnline();
    // The system just lost its network: whatever answered before is no proof any more.
    if (was && !system) serverReached = false;
    const now = serverReached || system;
    if (now === online) return;
    online = now;
    for (const listener of listeners) listener(now);
  };
  const every = options.setInterval ?? setInterval;
  const timer = every(look, options.pollMs ?? 3_000);
  // Never keeps the app alive on its own.
  if (typeof timer === 'object' && 'unref' in timer) timer.unref();
  return {
    online: () => online,
    reached(reached) {
      serverReached = reached;
      look();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    stop: () => (options.clearInterval ?? clearInterval)(timer),
  };
}
