import type { AuditEvent, Dossier, Message } from '../../src-shared/domain/model';
import type { OutboxEntry } from '../cache/db';

/**
 * What an action decided, shown before its IndexedDB transaction commits (docs/targets.md P5: an
 * action shows within a frame; the commit and the live query that reads it back take a few
 * hundred milliseconds on a large cache). The dossier view lays these over its last read until a
 * read that started after the commit replaces them; a failed transaction takes them back.
 */
export interface Optimistic {
  entry: OutboxEntry;
  dossier: Dossier;
  messages: readonly Message[];
  events: readonly AuditEvent[];
}

interface Held extends Optimistic {
  /** The tick its transaction committed at; null while in flight. */
  committedAt: number | null;
  committedOn: number;
}

/** Committed overlays no reader came back for (a bulk action's other dossiers) go after this. */
const keepCommittedMs = 60_000;

export class OptimisticStore {
  private readonly held = new Map<string, Held>();
  private readonly listeners = new Set<() => void>();
  private tick = 0;
  /** Changes whenever what `forDossier` answers may have changed. */
  version = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  /** Taken when a read of the cache starts: commits up to this tick are in what it reads. */
  readTick(): number {
    return this.tick;
  }

  add(o: Optimistic): void {
    this.held.set(o.entry.id, { ...o, committedAt: null, committedOn: 0 });
    this.changed();
  }

  /** Whether an action is shown (decided early on the dossier as shown). */
  has(mutationId: string): boolean {
    return this.held.has(mutationId);
  }

  /** Their transaction committed: the next read of the cache has them. */
  committed(mutationIds: readonly string[]): void {
    const at = ++this.tick;
    const on = this.clock();
    for (const id of mutationIds) {
      const o = this.held.get(id);
      if (o) Object.assign(o, { committedAt: at, committedOn: on });
    }
    for (const [id, o] of this.held)
      if (o.committedAt !== null && on - o.committedOn > keepCommittedMs) this.held.delete(id);
  }

  /** Their transaction failed: nothing of them happened. */
  failed(mutationIds: readonly string[]): void {
    let any = false;
    for (const id of mutationIds) any = this.held.delete(id) || any;
    if (any) this.changed();
  }

  /** What a read of the dossier that started at `readTick` does not have yet, in the order decided. */
  forDossier(dossierId: string, readTick: number): Optimistic[] {
    const found: Optimistic[] = [];
    for (const [id, o] of this.held) {
      if (o.entry.dossierId !== dossierId) continue;
      if (o.committedAt !== null && o.committedAt <= readTick) this.held.delete(id);
      else found.push(o);
    }
    return found;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
