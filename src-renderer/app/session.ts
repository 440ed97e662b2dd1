import type { Bridge, BridgeError } from '../../src-shared/contract/bridge';
import type { User } from '../../src-shared/domain/model';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import { defaultSettings, disputeSettingsSchema } from '../../src-shared/domain/settings';
import { z } from 'zod';
import type { KeyValueStorage } from '../bridge/http';
import { clockNow, setClockSkew } from '../clock';
import type { LocalClient } from '../sync/local-client';

/**
 * Who is signed in on this device, and their client core. The session outlives restarts (the
 * bridge keeps it); signing out never drops pending changes silently: the caller is told how many
 * wait, and they stay on this device (cache and journal) until this agent signs in again.
 */

export type SessionState =
  | { kind: 'starting' }
  | { kind: 'signed_out'; error: string | null }
  | { kind: 'signed_in'; client: LocalClient }
  /** `outdated`: a newer version holds the cache (another window); `storage`: it cannot be opened. */
  | { kind: 'unavailable'; reason: 'outdated' | 'storage'; detail: string };

export interface SessionOptions {
  bridge: Bridge;
  /** Where the rules last received are kept for offline starts (the renderer's localStorage). */
  storage: KeyValueStorage;
  /** How long to wait for the server's rules before starting with the last known ones. */
  rulesTimeoutMs?: number;
}

const storedRulesSchema = z.object({ settings: disputeSettingsSchema, skewMs: z.number() });
const rulesKey = (userId: string) => `klikpay.rules.${userId}`;
const staffOnly = 'This back office is for Klik & Pay staff: sign in with an agent or supervisor account.';

export class Session {
  private state: SessionState = { kind: 'starting' };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly o: SessionOptions) {}

  get = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get host(): 'electron' | 'browser' {
    return this.o.bridge.host;
  }

  /** The server this app talks to (the desktop's first run has none yet). */
  server() {
    return this.o.bridge.server();
  }

  /** Sets the desktop's server, once main has checked the dispute API answers there. */
  connect(url: string) {
    return this.o.bridge.connect(url);
  }

  /** The app's name, version and platform, for the sign-in page's footer. */
  appInfo() {
    return this.o.bridge.getAppInfo();
  }

  /** At start: the agent signed in last time goes straight to their queues, network or not. */
  async restore(): Promise<void> {
    const current = await this.o.bridge.currentUser();
    if (current.ok && current.value && isStaff(current.value)) await this.startClient(current.value);
    else this.set({ kind: 'signed_out', error: null });
  }

  async signIn(email: string, password: string): Promise<{ ok: true } | { ok: false; error: BridgeError }> {
    const result = await this.o.bridge.signIn(email, password);
    if (!result.ok) return result;
    if (!isStaff(result.value)) {
      await this.o.bridge.signOut();
      return { ok: false, error: { code: 'forbidden', message: staffOnly } };
    }
    const previous = this.state.kind === 'signed_in' ? this.state.client : null;
    // Signing in again as the same agent (an expired session) keeps the running client.
    if (previous?.user.id === result.value.id) {
      previous.engine.nudge();
      return { ok: true };
    }
    previous?.close();
    await this.startClient(result.value);
    return { ok: true };
  }

  /**
   * Signs out unless changes are pending and `force` is not set: then answers how many, so the
   * agent can choose to stay until they are sent or leave them on this device for next time.
   * `removeLocalCopy` (a shared computer) also deletes this agent's cache, journal and rules from
   * the device — never while changes are pending, whatever `force` says: they would be lost.
   */
  async signOut(
    options: { force?: boolean; removeLocalCopy?: boolean } = {},
  ): Promise<{ ok: true } | { ok: false; pending: number }> {
    const { force = false, removeLocalCopy = false } = options;
    if (this.state.kind === 'signed_in') {
      const client = this.state.client;
      // Unknown counts as pending when the copy is to be removed: better ask than lose work.
      const pending = await client.pendingCount().catch(() => (removeLocalCopy ? 1 : 0));
      if (pending > 0 && (removeLocalCopy || !force)) return { ok: false, pending };
      if (removeLocalCopy) {
        await client.removeLocalCopy();
        try {
          this.o.storage.removeItem(rulesKey(client.user.id));
        } catch {
          // The rules are not personal data; a storage that refuses is no reason to stay.
        }
      } else client.close();
    }
    await this.o.bridge.signOut();
    this.set({ kind: 'signed_out', error: null });
    return { ok: true };
  }

  private async startClient(user: User): Promise<void> {
    // The client core (Dexie, the sync engine) is a chunk of its own, fetched while the rules come.
    const [{ settings, skewMs }, { LocalClient, webLocks }] = await Promise.all([
      this.rulesFor(user),
      import('../sync/local-client'),
    ]);
    setClockSkew(skewMs);
    const exclusive = webLocks();
    const client = new LocalClient({
      bridge: this.o.bridge,
      user,
      settings,
      now: clockNow,
      ...(exclusive ? { exclusive } : {}),
    });
    try {
      await client.open();
    } catch (error) {
      this.set({
        kind: 'unavailable',
        reason: client.notice?.kind === 'outdated' ? 'outdated' : 'storage',
        detail: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    client.start();
    this.set({ kind: 'signed_in', client });
  }

  /** The server's rules when it answers soon, else the last ones received, else the defaults. */
  private async rulesFor(user: User): Promise<{ settings: DisputeSettings; skewMs: number }> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), this.o.rulesTimeoutMs ?? 3_000);
    });
    const answer = await Promise.race([this.o.bridge.rules(), timeout]);
    clearTimeout(timer);
    if (answer?.ok) {
      const rules = { settings: answer.value.settings, skewMs: Date.parse(answer.value.now) - Date.now() };
      try {
        this.o.storage.setItem(rulesKey(user.id), JSON.stringify(rules));
      } catch {
        // Not kept: the next offline start uses the defaults.
      }
      return rules;
    }
    try {
      const stored = storedRulesSchema.safeParse(
        JSON.parse(this.o.storage.getItem(rulesKey(user.id)) ?? 'null'),
      );
      if (stored.success) return stored.data;
    } catch {
      // Unreadable: fall back to the defaults below.
    }
    return { settings: defaultSettings, skewMs: 0 };
  }

  private set(state: SessionState): void {
    this.state = state;
    for (const l of this.listeners) l();
  }
}

const isStaff = (u: User) => u.role === 'agent' || u.role === 'supervisor';
