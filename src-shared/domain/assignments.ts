import type { RefusalDetails } from './refusals';
import type { Role } from './vocabulary';
import { isStaff } from './vocabulary';

/**
 * Who may be given a dossier: a member of Klik & Pay's staff, and not one marked absent — unless
 * they take it themselves (back at work before the mark is lifted). The server decides with it, and
 * the back office before it queues the change.
 */
export function assigneeRefusal(
  assignee: { role: Role; absent?: boolean | undefined } | null | undefined,
  assigneeId: string,
  actorId: string,
): { code: 'invalid_request' | 'conflict'; details: RefusalDetails } | null {
  if (!assignee || !isStaff(assignee.role))
    return { code: 'invalid_request', details: { reason: 'assignee_not_staff' } };
  if (assignee.absent === true && assigneeId !== actorId)
    return { code: 'conflict', details: { reason: 'assignee_absent' } };
  return null;
}

/**
 * Spreading dossiers over agents (a supervisor's bulk reassignment): evenly, or so that the agents'
 * open loads end as level as these dossiers allow. Pure: the back office plans with it, the tests
 * hold it to its promises.
 */

export type SpreadMode = 'even' | 'load';

/**
 * Who gets each dossier. `even`: one each in turn, so the counts given differ by one at most.
 * `load`: each next dossier to whoever has the fewest open dossiers counting those given so far
 * (ties to the first in `agentIds`), so nobody is given one while someone else has two fewer.
 * A dossier that already belongs to one of the chosen agents stays with them and counts in their
 * load; the others are spread.
 */
export function spreadAssignments(
  dossiers: readonly { id: string; assigneeId: string | null }[],
  agentIds: readonly string[],
  mode: SpreadMode,
  openLoads: ReadonlyMap<string, number> = new Map(),
): Map<string, string> {
  const plan = new Map<string, string>();
  const agents = [...new Set(agentIds)];
  if (agents.length === 0) return plan;
  const chosen = new Set(agents);
  const load = new Map(agents.map((a) => [a, mode === 'load' ? (openLoads.get(a) ?? 0) : 0]));
  const toSpread: string[] = [];
  for (const d of dossiers) {
    if (plan.has(d.id)) continue;
    if (d.assigneeId !== null && chosen.has(d.assigneeId)) plan.set(d.id, d.assigneeId);
    else toSpread.push(d.id);
  }
  let turn = 0;
  for (const id of toSpread) {
    let to: string;
    if (mode === 'even') {
      to = agents[turn % agents.length] ?? '';
      turn++;
    } else {
      to = agents[0] ?? '';
      for (const a of agents) if ((load.get(a) ?? 0) < (load.get(to) ?? 0)) to = a;
    }
    load.set(to, (load.get(to) ?? 0) + 1);
    plan.set(id, to);
  }
  return plan;
}
