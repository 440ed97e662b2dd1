import { parseMutation } from '../../src-shared/contract/sync';
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

/**
 * Runs one action with the shared rules, as its author, at its own time. An entry these rules cannot
 * run (written by another version of the app, or damaged) is refused like the server will refuse
 * it: never thrown, so one bad entry cannot stop the outbox behind it.
 */
export function applyEntry(
  dossier: Dossier,
  entry: OutboxEntry,
  settings: DisputeSettings,
  newId: () => string,
): Decided {
  const parsed = parseMutation({ id: entry.id, name: entry.name, args: entry.args });
  if (!parsed.ok) return { ok: false, error: { code: 'invalid_request', message: parsed.message } };
  try {
    return decide(dossier, commandOf(parsed.value), {
      now: Date.parse(entry.createdAt),
      settings,
      actor: entry.actor,
      newId,
    });
  } catch (error) {
    return {
      ok: false,
      error: { code: 'invalid_request', message: `This change cannot be applied: ${String(error)}` },
    };
  }
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
