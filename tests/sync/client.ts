import { randomUUID } from 'node:crypto';
import type { KeyValueStorage } from '../../src-renderer/bridge/http';
import { createHttpBridge } from '../../src-renderer/bridge/http';
import { CacheDatabase, fromCached } from '../../src-renderer/cache/db';
import type { ActionContext } from '../../src-renderer/sync/actions';
import type { EngineOptions } from '../../src-renderer/sync/engine';
import { SyncEngine } from '../../src-renderer/sync/engine';
import type { Bridge } from '../../src-shared/contract/bridge';
import type { MutationResult, PullResponse, PushRequest, SyncChange } from '../../src-shared/contract/sync';
import type { AuditEvent, Dossier, Merchant, Message, User } from '../../src-shared/domain/model';
import { defaultSettings } from '../../src-shared/domain/settings';
import type { Macro, TeamView } from '../../src-shared/domain/team';
import type { TestServer } from '../server/harness';

/**
 * A back-office client in Node: the real bridge, cache and engine, with a network that can fail the
 * ways R1 names (docs/targets.md): offline, answers lost after the server committed (push and pull),
 * pushes held on the wire and delivered late, requests duplicated, a reload that cuts a first sync.
 */

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

/** A push request as it went on the wire, with the answer the server gave (when it gave one). */
export interface WirePush {
  init: { method: string; headers: Record<string, string>; body: string };
  request: PushRequest;
  results: MutationResult[] | null;
  /** How long the server took to answer, in ms (0 when it did not). */
  ms: number;
}

/**
 * The faults the network injects, each counted when it is really applied to a request (a fault
 * armed but never triggered — nothing to push, the client never asked — is not counted): a suite
 * can then say which faults its histories went through, and fail when one never happened.
 */
export const networkFaults = [
  /** A request refused because the computer is offline. */
  'offline',
  /** A push the server committed, whose answer never reached the client. */
  'push answer lost',
  /** A pull page the server served, that never reached the client. */
  'pull answer lost',
  /** A push kept on the wire (the client saw a timeout), to reach the server later. */
  'push held on the wire',
  /** A held push handed to the server late. */
  'held push delivered late',
  /** A held push handed to the server while the client's own sync requests were on the wire. */
  'held push delivered while the client was syncing',
  /** A copy of a push the server had already answered, sent again. */
  'push re-sent',
  /** A pull refused because the page was reloaded (a first sync cut short). */
  'pull cut by a reload',
  /** An answer lost with the server process, killed while the request was outstanding. */
  'answer lost with a killed server',
] as const;
export type NetworkFault = (typeof networkFaults)[number];

export interface Network {
  /** Where requests go (a restarted server may listen elsewhere): the bridge's own base URL is ignored. */
  target: string;
  online: boolean;
  /** Drop the answer of the next push after the server has committed it. */
  dropNextPushAnswer: boolean;
  /** Drop the next pull page after the server has served it. */
  dropNextPullAnswer: boolean;
  /** Pull pages let through before the network goes (a reload cutting a first sync); null: no limit. */
  pullPagesLeft: number | null;
  /** Keep the next push on the wire: the client sees a timeout, `deliver` hands it over later. */
  holdNextPush: boolean;
  /** Pushes held on the wire, not yet delivered. */
  readonly held: WirePush[];
  /** Every push the server answered (answer lost or not), in order: copies the network may re-send. */
  readonly delivered: WirePush[];
  /** Sees each sync request just before it leaves (e.g. to kill the server while it is in flight). */
  onRequest: ((kind: 'push' | 'pull', n: number) => void) | null;
  /**
   * Sees each sync request's answer once it has arrived, before the client gets it; answering true
   * loses it (the server was killed before the client read it).
   */
  onAnswer: ((kind: 'push' | 'pull', n: number) => Promise<boolean>) | null;
  /** Requests sent so far by kind. */
  readonly sent: { push: number; pull: number };
  /** Sync requests sent and not yet answered to the client (or failed), by kind. */
  readonly inFlight: { push: number; pull: number };
  /** The most sync requests of this agent ever on the wire at once (set back to 0 at will). */
  mostInFlight: number;
  /** How many times each fault was applied. */
  readonly injected: Record<NetworkFault, number>;
}

export function createNetwork(target: string): Network {
  return {
    target,
    online: true,
    dropNextPushAnswer: false,
    dropNextPullAnswer: false,
    pullPagesLeft: null,
    holdNextPush: false,
    held: [],
    delivered: [],
    onRequest: null,
    onAnswer: null,
    sent: { push: 0, pull: 0 },
    inFlight: { push: 0, pull: 0 },
    mostInFlight: 0,
    injected: Object.fromEntries(networkFaults.map((f) => [f, 0])) as Record<NetworkFault, number>,
  };
}

/** Back to a network that works (the faults a test set and did not trigger are cleared). */
export function healNetwork(network: Network): void {
  network.online = true;
  network.dropNextPushAnswer = false;
  network.dropNextPullAnswer = false;
  network.pullPagesLeft = null;
  network.holdNextPush = false;
}

const urlOf = (input: Parameters<typeof fetch>[0]): URL =>
  new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);

function wirePushOf(init: RequestInit | undefined): WirePush {
  const headers = Object.fromEntries(new Headers(init?.headers).entries());
  const body = typeof init?.body === 'string' ? init.body : '';
  return {
    init: { method: 'POST', headers, body },
    request: JSON.parse(body) as PushRequest,
    results: null,
    ms: 0,
  };
}

/**
 * Hands a push over to the server as the network would, and returns its answer: a held push
 * delivered late, or a copy of one already answered sent again (counted as the fault it is).
 */
export async function deliver(
  network: Network,
  push: WirePush,
  why: 'late' | 'copy',
): Promise<MutationResult[]> {
  const sentBefore = network.sent.push + network.sent.pull;
  const overlapping = network.inFlight.push + network.inFlight.pull > 0;
  const response = await fetch(`${network.target}/api/v1/sync/push`, push.init);
  const body = (await response.json()) as { results?: MutationResult[] };
  if (!response.ok || !body.results) throw new Error(`a delivered push answered ${response.status}`);
  if (why === 'copy') network.injected['push re-sent']++;
  else {
    network.injected['held push delivered late']++;
    // The client's own requests were on the wire at some point while this one was.
    if (overlapping || network.sent.push + network.sent.pull > sentBefore)
      network.injected['held push delivered while the client was syncing']++;
  }
  return body.results;
}

export function faultyFetch(network: Network): typeof fetch {
  return async (input, init) => {
    const url = urlOf(input);
    const kind = url.pathname.endsWith('/sync/push')
      ? 'push'
      : url.pathname.endsWith('/sync/pull')
        ? 'pull'
        : null;
    if (!network.online) {
      network.injected.offline++;
      throw new TypeError('fetch failed: offline');
    }
    if (kind === 'pull' && network.pullPagesLeft !== null) {
      if (network.pullPagesLeft <= 0) {
        network.injected['pull cut by a reload']++;
        throw new TypeError('fetch failed: the page was reloaded');
      }
      network.pullPagesLeft--;
    }
    if (kind === 'push' && network.holdNextPush) {
      network.holdNextPush = false;
      network.held.push(wirePushOf(init));
      network.injected['push held on the wire']++;
      throw new TypeError('fetch failed: timed out');
    }
    if (!kind) return fetch(`${network.target}${url.pathname}${url.search}`, init);
    const n = ++network.sent[kind];
    network.inFlight[kind]++;
    network.mostInFlight = Math.max(network.mostInFlight, network.inFlight.push + network.inFlight.pull);
    try {
      network.onRequest?.(kind, n);
      const sentAt = Date.now();
      const response = await fetch(`${network.target}${url.pathname}${url.search}`, init);
      // The whole answer is read here: until the client is handed it, the request is outstanding.
      const text = await response.text();
      if (kind === 'push') {
        const push = wirePushOf(init);
        push.ms = Date.now() - sentAt;
        if (response.ok) push.results = (JSON.parse(text) as { results: MutationResult[] }).results;
        network.delivered.push(push);
      }
      if (await network.onAnswer?.(kind, n)) {
        network.injected['answer lost with a killed server']++;
        throw new TypeError('fetch failed: socket hang up');
      }
      if (kind === 'push' && network.dropNextPushAnswer) {
        network.dropNextPushAnswer = false;
        network.injected['push answer lost']++;
        throw new TypeError('fetch failed: connection reset');
      }
      if (kind === 'pull' && network.dropNextPullAnswer) {
        network.dropNextPullAnswer = false;
        network.injected['pull answer lost']++;
        throw new TypeError('fetch failed: connection reset');
      }
      return new Response(text, { status: response.status, headers: response.headers });
    } finally {
      network.inFlight[kind]--;
    }
  };
}

/** An agent signed in on this machine: the session storage and the network every window shares. */
export interface Agent {
  storage: MemoryStorage;
  network: Network;
  user: User;
}

export async function signInAgent(target: string, email: string, password: string): Promise<Agent> {
  const storage = new MemoryStorage();
  const network = createNetwork(target);
  const bridge = bridgeOf(storage, network);
  const signedIn = await bridge.signIn(email, password);
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  return { storage, network, user: signedIn.value };
}

function bridgeOf(storage: MemoryStorage, network: Network): Bridge {
  return createHttpBridge({
    // Every request goes through the faulty fetch, which sends it to `network.target`.
    baseUrl: 'http://api.klikpay.invalid',
    storage,
    fetch: faultyFetch(network),
    appVersion: 'test',
    platform: 'node',
  });
}

export type Exclusive = NonNullable<EngineOptions['exclusive']>;

/** One window of the back office: its own bridge, IndexedDB connection and engine. */
export interface DeskWindow {
  dbName: string;
  db: CacheDatabase;
  /** The second connection pull pages are written through, as the app opens it (when asked). */
  bulkDb: CacheDatabase | null;
  bridge: Bridge;
  engine: SyncEngine;
  actions: ActionContext;
}

export interface WindowOptions {
  /** The IndexedDB database: windows of one agent share it. */
  dbName?: string;
  pageSize?: number;
  pushBatch?: number;
  exclusive?: Exclusive;
  now?: () => number;
  onProgress?: EngineOptions['onProgress'];
  onChanges?: EngineOptions['onChanges'];
  /** Write pull pages through a second connection with relaxed durability, as the app does. */
  bulk?: boolean;
  /** Keep the supervisor dashboard's facts, as a supervisor's app does. */
  facts?: EngineOptions['facts'];
}

export function openWindow(agent: Agent, options: WindowOptions = {}): DeskWindow {
  const dbName = options.dbName ?? `cache-${randomUUID()}`;
  const db = new CacheDatabase(dbName);
  const bulkDb = options.bulk ? new CacheDatabase(dbName, { durability: 'relaxed' }) : null;
  const bridge = bridgeOf(agent.storage, agent.network);
  const engine = new SyncEngine({
    db,
    ...(bulkDb ? { bulkDb } : {}),
    bridge,
    settings: defaultSettings,
    newId: randomUUID,
    ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
    ...(options.pushBatch !== undefined ? { pushBatch: options.pushBatch } : {}),
    ...(options.exclusive ? { exclusive: options.exclusive } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.onChanges ? { onChanges: options.onChanges } : {}),
    ...(options.facts ? { facts: options.facts } : {}),
  });
  const actions: ActionContext = {
    db,
    user: agent.user,
    settings: defaultSettings,
    now: options.now ?? Date.now,
    newId: randomUUID,
  };
  return { dbName, db, bulkDb, bridge, engine, actions };
}

/** Closes a window's connections (a reload, or the end of a test). */
export function closeWindow(w: DeskWindow): void {
  w.db.close();
  w.bulkDb?.close();
}

/**
 * What Web Locks give the windows of one browser: one holder of a name at a time, in request order.
 * Whether the engines keep to it is seen on the wire (`Network.mostInFlight`), not on the lock.
 */
export class ExclusiveLock {
  private readonly tails = new Map<string, Promise<void>>();

  readonly run: Exclusive = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const previous = this.tails.get(name) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.tails.set(name, mine);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      if (this.tails.get(name) === mine) this.tails.delete(name);
    }
  };
}

/** A client of the in-process test server: one agent, one window (the engine tests' shape). */
export async function createClient(
  server: TestServer,
  email: string,
  password = 'demo-password',
  pageSize = 7,
  options: Omit<WindowOptions, 'pageSize'> = {},
) {
  const agent = await signInAgent(server.url, email, password);
  const window = openWindow(agent, { pageSize, now: () => server.ctx.clock.now(), ...options });
  return { ...window, network: agent.network, user: agent.user };
}

export interface View {
  dossiers: Dossier[];
  messages: Message[];
  events: AuditEvent[];
  users: User[];
  merchants: Merchant[];
  teamViews: TeamView[];
  macros: Macro[];
}

const byId = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => a.id.localeCompare(b.id));

/** The whole change feed this user may see, in commit order, straight from the API. */
export async function serverFeed(server: { url: string }, token: string): Promise<SyncChange[]> {
  const changes: SyncChange[] = [];
  let cursor = '';
  for (;;) {
    const res = await fetch(
      `${server.url}/api/v1/sync/pull?limit=10000${cursor ? `&cursor=${cursor}` : ''}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    if (!res.ok) throw new Error(`pull answered ${res.status}`);
    const page = (await res.json()) as PullResponse;
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return changes;
  }
}

export function viewOfFeed(changes: readonly SyncChange[]): View {
  const view: View = {
    dossiers: [],
    messages: [],
    events: [],
    users: [],
    merchants: [],
    teamViews: [],
    macros: [],
  };
  // Team items may be deleted: the last word about each is what the view holds.
  const team = { team_view: new Map<string, TeamView>(), macro: new Map<string, Macro>() };
  for (const c of changes) {
    if (c.op !== 'put') {
      if (c.entity === 'team_view' || c.entity === 'macro') team[c.entity].delete(c.id);
      continue;
    }
    if (c.entity === 'dossier') view.dossiers.push(c.data);
    else if (c.entity === 'message') view.messages.push(c.data);
    else if (c.entity === 'event') view.events.push(c.data);
    else if (c.entity === 'user') view.users.push(c.data);
    else if (c.entity === 'merchant') view.merchants.push(c.data);
    else if (c.entity === 'team_view') team.team_view.set(c.id, c.data);
    else team.macro.set(c.id, c.data);
  }
  return {
    dossiers: byId(view.dossiers),
    messages: byId(view.messages),
    events: byId(view.events),
    users: byId(view.users),
    merchants: byId(view.merchants),
    teamViews: byId([...team.team_view.values()]),
    macros: byId([...team.macro.values()]),
  };
}

/** Everything the server shows this user, straight from the API. */
export async function serverView(server: { url: string }, token: string): Promise<View> {
  return viewOfFeed(await serverFeed(server, token));
}

/** What the cache holds, in the server's shapes (the cache's own index keys and tags left out). */
export async function cacheView(db: CacheDatabase): Promise<View> {
  return {
    dossiers: byId((await db.dossiers.toArray()).map(fromCached)),
    messages: byId((await db.messages.toArray()).map(({ mutationId: _m, ...m }) => m)),
    events: byId(await db.events.toArray()),
    users: byId(await db.users.toArray()),
    merchants: byId(await db.merchants.toArray()),
    teamViews: byId(await db.teamViews.toArray()),
    macros: byId(await db.macros.toArray()),
  };
}
