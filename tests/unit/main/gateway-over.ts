import type { User } from '../../../src-shared/domain/model';
import { createGateway } from '../../../src-main/gateway';
import type { SessionStore } from '../../../src-main/session-store';

/**
 * The main process's gateway over a stand-in fetch, signed in as an agent with `token` (or not):
 * the requests it sent, and whether the server was reached, for the channels' unit tests.
 */

const agent: User = { id: 'u-agent', email: 'agent@klikpay.test', name: 'Agent', role: 'agent' };

export interface Sent {
  method: string | undefined;
  url: string;
  authorization: string | null;
  contentType: string | null;
  body: unknown;
}

export function gatewayOver(
  answer: (url: string, init?: RequestInit) => Promise<Response>,
  token: string | null,
) {
  const requests: Sent[] = [];
  const session: SessionStore = {
    user: () => (token ? agent : null),
    token: () => token,
    save: async () => undefined,
    clear: async () => undefined,
  };
  const reached: boolean[] = [];
  const gateway = createGateway({
    appInfo: { name: 'Klik & Pay Dispute Desk', version: 'test', platform: 'node' },
    fetch: async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.endsWith('/sync/stream')) return new Promise<Response>(() => undefined);
      const headers = new Headers(init?.headers);
      requests.push({
        method: init?.method,
        url,
        authorization: headers.get('authorization'),
        contentType: headers.get('content-type'),
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body,
      });
      return answer(url, init);
    },
    session,
    journal: {
      read: async () => ({ ok: true, value: [] }),
      append: async () => ({ ok: true, value: null }),
      remove: async () => ({ ok: true, value: null }),
      pendingCount: async () => 0,
    },
    settings: {
      current: () => ({ url: 'https://disputes.example', locked: false }),
      normalize: (url) => ({ ok: true, url }),
      save: async () => undefined,
    },
    connectivity: {
      online: () => true,
      reached: (r) => reached.push(r),
      subscribe: () => () => undefined,
      stop: () => undefined,
    },
    notify: () => undefined,
    badge: () => undefined,
    emit: () => undefined,
  });
  return { gateway, requests, reached };
}
