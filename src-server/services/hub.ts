import type { PresenceEvent } from '../../src-shared/contract/sync';
import { isStaff } from '../../src-shared/domain/vocabulary';
import type { Database } from '../db/database';
import type { ChangeNotice } from '../store/changes';
import { changesChannel } from '../store/changes';
import type { AccountRow } from '../store/people';

/**
 * Live signals for connected clients: a `poke` when a commit concerns them (so they pull), and
 * staff `presence`. Both travel through NOTIFY, so every API instance on one PostgreSQL hears
 * every commit and every presence lease, whichever instance it happened on.
 */

export interface Subscriber {
  account: AccountRow;
  send(event: 'poke' | 'presence', data: unknown): void;
}

export const presenceChannel = 'klikpay_presence';
export const presenceLeaseMs = 30_000;

export class Hub {
  private readonly subscribers = new Set<Subscriber>();
  /** The leases heard (from every instance), so a newcomer on a dossier learns who is already there. */
  private readonly leases = new Map<string, Map<string, PresenceEvent>>();
  private readonly stops: (() => Promise<void>)[] = [];

  constructor(private readonly db: Database) {}

  async start(): Promise<void> {
    this.stops.push(await this.db.listen(changesChannel, (p) => this.onChange(p)));
    this.stops.push(await this.db.listen(presenceChannel, (p) => this.onPresence(p)));
  }

  /**
   * Pokes every connected client: after the LISTEN connection came back, commits made while it was
   * gone were never heard, so everybody pulls (a pull from a cursor is cheap when nothing is new).
   */
  pokeAll(): void {
    for (const s of this.subscribers) s.send('poke', {});
  }

  subscribe(s: Subscriber): () => void {
    this.subscribers.add(s);
    return () => this.subscribers.delete(s);
  }

  async announcePresence(event: PresenceEvent): Promise<void> {
    await this.db.query('select pg_notify($1, $2)', [presenceChannel, JSON.stringify(event)]);
  }

  /** The other staff with a running lease on a dossier. */
  presentOn(dossierId: string, now: number, exceptUserId: string): PresenceEvent[] {
    return [...(this.leases.get(dossierId)?.values() ?? [])].filter(
      (e) => e.userId !== exceptUserId && Date.parse(e.until) > now,
    );
  }

  async stop(): Promise<void> {
    for (const stop of this.stops.splice(0)) await stop();
    this.subscribers.clear();
  }

  private onChange(payload: string): void {
    const notice = parse<ChangeNotice>(payload);
    if (!notice) return;
    for (const s of this.subscribers) {
      const a = s.account;
      const concerned = isStaff(a.role)
        ? true
        : !notice.staffOnly &&
          (a.role === 'customer'
            ? a.customerId !== null && notice.customerIds.includes(a.customerId)
            : a.merchantId !== null && notice.merchantIds.includes(a.merchantId));
      if (concerned) s.send('poke', {});
    }
  }

  private remember(event: PresenceEvent): void {
    // One place at a time per person; leases expired when this one was given go as it comes.
    const issuedAt = Date.parse(event.until) - presenceLeaseMs;
    for (const [dossierId, people] of this.leases) {
      people.delete(event.userId);
      for (const [userId, e] of people) if (Date.parse(e.until) <= issuedAt) people.delete(userId);
      if (people.size === 0) this.leases.delete(dossierId);
    }
    let people = this.leases.get(event.dossierId);
    if (!people) this.leases.set(event.dossierId, (people = new Map<string, PresenceEvent>()));
    people.set(event.userId, event);
  }

  private onPresence(payload: string): void {
    const event = parse<PresenceEvent>(payload);
    if (!event) return;
    this.remember(event);
    for (const s of this.subscribers) {
      if (isStaff(s.account.role) && s.account.id !== event.userId) s.send('presence', event);
    }
  }
}

function parse<T>(payload: string): T | null {
  try {
    return JSON.parse(payload) as T;
  } catch {
    return null;
  }
}
