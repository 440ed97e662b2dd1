import type { Bridge } from '../../src-shared/contract/bridge';
import type { PresenceEvent } from '../../src-shared/contract/sync';

/**
 * Who else is on a dossier right now (docs/product.md, The back office: collision): the server streams other
 * agents' leases; this agent's own lease is renewed while a dossier stays open. Nothing is stored:
 * presence is a courtesy of the online moment, and simply empty offline.
 */

export interface Presence {
  userId: string;
  name: string;
  activity: 'viewing' | 'writing';
  until: number;
}

const renewEveryMs = 20_000;

export class PresenceTracker {
  private readonly byDossier = new Map<string, Map<string, Presence>>();
  private readonly listeners = new Set<() => void>();
  private stopStream: (() => void) | null = null;
  private own: {
    dossierId: string;
    activity: 'viewing' | 'writing';
    timer: ReturnType<typeof setInterval>;
  } | null = null;

  constructor(
    private readonly bridge: Bridge,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.stopStream ??= this.bridge.onPresence((e) => this.receive(e));
  }

  stop(): void {
    this.stopStream?.();
    this.stopStream = null;
    this.leave();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The others on a dossier whose lease still runs, writers first. */
  others(dossierId: string): Presence[] {
    const now = this.now();
    return [...(this.byDossier.get(dossierId)?.values() ?? [])]
      .filter((p) => p.until > now)
      .sort((a, b) =>
        a.activity === b.activity ? a.name.localeCompare(b.name) : a.activity === 'writing' ? -1 : 1,
      );
  }

  /** Announces this agent on a dossier, and keeps announcing while it stays there. */
  announce(dossierId: string, activity: 'viewing' | 'writing'): void {
    if (this.own?.dossierId === dossierId && this.own.activity === activity) return;
    this.leave();
    const send = () => {
      if (!this.bridge.isOnline()) return;
      void this.bridge.setPresence(dossierId, activity).then((answer) => {
        // Who was already there before this agent came: known at once, not at their next renewal.
        if (answer.ok) for (const other of answer.value.others) this.receive(other);
      });
    };
    send();
    this.own = { dossierId, activity, timer: setInterval(send, renewEveryMs) };
  }

  /** Stops renewing this agent's lease (it runs out on the server by itself). */
  leave(): void {
    if (this.own) clearInterval(this.own.timer);
    this.own = null;
  }

  private receive(e: PresenceEvent): void {
    let map = this.byDossier.get(e.dossierId);
    if (!map) this.byDossier.set(e.dossierId, (map = new Map<string, Presence>()));
    // One place at a time: a lease elsewhere ends this agent's lease on other dossiers.
    for (const [dossierId, others] of this.byDossier) if (dossierId !== e.dossierId) others.delete(e.userId);
    map.set(e.userId, { userId: e.userId, name: e.name, activity: e.activity, until: Date.parse(e.until) });
    for (const l of this.listeners) l();
  }
}
