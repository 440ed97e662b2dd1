import type { Command } from '../../src-shared/domain/commands';
import { decide } from '../../src-shared/domain/lifecycle';
import type { Dossier } from '../../src-shared/domain/model';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { Decided } from '../../src-shared/domain/transitions';
import type { OutboxEntry } from '../cache/db';

/** Turns an outbox entry back into the command it stands for. */
export function commandOf(entry: Pick<OutboxEntry, 'name' | 'args'>): Command {
  const { dossierId: _dossierId, ...args } = entry.args;
  return { name: entry.name, args } as Command;
}

/** Runs one action with the shared rules, as its author, at its own time. */
export function applyEntry(
  dossier: Dossier,
  entry: OutboxEntry,
  settings: DisputeSettings,
  newId: () => string,
): Decided {
  return decide(dossier, commandOf(entry), {
    now: Date.parse(entry.createdAt),
    settings,
    actor: entry.actor,
    newId,
  });
}

/**
 * What the agent sees: the server's state with the pending actions replayed over it, in order.
 * An action the rules now refuse is left for the server to refuse with its reason.
 */
export function replay(
  server: Dossier,
  pending: readonly OutboxEntry[],
  settings: DisputeSettings,
  newId: () => string,
): Dossier {
  let dossier = server;
  for (const entry of pending) {
    const result = applyEntry(dossier, entry, settings, newId);
    if (result.ok) dossier = result.value.dossier;
  }
  return dossier;
}
