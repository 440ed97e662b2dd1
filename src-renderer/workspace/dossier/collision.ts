import type { Message } from '../../../src-shared/domain/model';
import type { Audience } from '../../../src-shared/domain/vocabulary';

/**
 * Collision before it happens (issue 12): a colleague wrote to the party this agent is about to
 * write to, after this agent opened the dossier — their answer may already say what this one
 * says, or contradict it. The composer asks before sending.
 */
export interface Collision {
  /** The colleague who wrote. */
  name: string;
  /** The party their message reached that this send would reach too. */
  party: 'customer' | 'merchant';
  at: string;
}

const reaches = (audience: Audience): ('customer' | 'merchant')[] =>
  audience === 'both' ? ['customer', 'merchant'] : audience === 'internal' ? [] : [audience];

/** The latest such message, if any; `to`: whom this send goes to; `since`: when the agent opened it. */
export function collisionWith(
  messages: readonly Message[],
  me: string,
  to: Audience,
  since: number,
): Collision | null {
  const parties = reaches(to);
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (!m || Date.parse(m.createdAt) <= since) continue;
    const staff = m.author.role === 'agent' || m.author.role === 'supervisor';
    if (!staff || m.author.id === me) continue;
    const party = reaches(m.audience).find((p) => parties.includes(p));
    if (party) return { name: m.author.name, party, at: m.createdAt };
  }
  return null;
}
