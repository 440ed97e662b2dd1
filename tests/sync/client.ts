import { randomUUID } from 'node:crypto';
import type { KeyValueStorage } from '../../src-renderer/bridge/http';
import { createHttpBridge } from '../../src-renderer/bridge/http';
import { CacheDatabase, fromCached } from '../../src-renderer/cache/db';
import type { ActionContext } from '../../src-renderer/sync/actions';
import { SyncEngine } from '../../src-renderer/sync/engine';
import type { PullResponse, SyncChange } from '../../src-shared/contract/sync';
import type { Dossier, Message } from '../../src-shared/domain/model';
import { defaultSettings } from '../../src-shared/domain/settings';
import type { TestServer } from '../server/harness';

/** A back-office client in Node: the real bridge, cache and engine, with a network that can fail. */

export class MemoryStorage implements KeyValueStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

export interface Network {
  online: boolean;
  /** Drop the answer of the next push after the server has committed it. */
  dropNextPushAnswer: boolean;
}

export async function createClient(
  server: TestServer,
  email: string,
  password = 'demo-password',
  pageSize = 7,
) {
  const network: Network = { online: true, dropNextPushAnswer: false };
  const faultyFetch: typeof fetch = async (input, init) => {
    if (!network.online) throw new TypeError('fetch failed: offline');
    const response = await fetch(input, init);
    if (
      network.dropNextPushAnswer &&
      (input instanceof Request ? input.url : input.toString()).endsWith('/sync/push')
    ) {
      network.dropNextPushAnswer = false;
      await response.text();
      throw new TypeError('fetch failed: connection reset');
    }
    return response;
  };
  const bridge = createHttpBridge({
    baseUrl: server.url,
    storage: new MemoryStorage(),
    fetch: faultyFetch,
    appVersion: 'test',
    platform: 'node',
  });
  const signedIn = await bridge.signIn(email, password);
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  const db = new CacheDatabase(`cache-${randomUUID()}`);
  const engine = new SyncEngine({
    db,
    bridge,
    settings: defaultSettings,
    newId: randomUUID,
    pageSize,
  });
  const actions: ActionContext = {
    db,
    user: signedIn.value,
    settings: defaultSettings,
    now: () => server.ctx.clock.now(),
    newId: randomUUID,
  };
  return { bridge, db, engine, actions, network, user: signedIn.value };
}

/** Everything the server shows this user, straight from the API. */
export async function serverView(
  server: TestServer,
  token: string,
): Promise<{ dossiers: Dossier[]; messages: Message[] }> {
  const changes: SyncChange[] = [];
  let cursor = '';
  for (;;) {
    const res = await server.call<PullResponse>(
      'GET',
      `/sync/pull?limit=10000${cursor ? `&cursor=${cursor}` : ''}`,
      { token },
    );
    changes.push(...res.body.changes);
    cursor = res.body.cursor;
    if (!res.body.hasMore) break;
  }
  const byId = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => a.id.localeCompare(b.id));
  return {
    dossiers: byId(changes.flatMap((c) => (c.entity === 'dossier' && c.op === 'put' ? [c.data] : []))),
    messages: byId(changes.flatMap((c) => (c.entity === 'message' && c.op === 'put' ? [c.data] : []))),
  };
}

export async function cacheView(db: CacheDatabase): Promise<{ dossiers: Dossier[]; messages: Message[] }> {
  const byId = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => a.id.localeCompare(b.id));
  return {
    dossiers: byId((await db.dossiers.toArray()).map(fromCached)),
    messages: byId((await db.messages.toArray()).map(({ mutationId: _m, ...m }) => m)),
  };
}
