import type { Result, TeamItemSaved } from '../../../src-shared/contract/bridge';
import type { TeamView, TeamViewFields } from '../../../src-shared/domain/team';
import { teamNameKey, teamViewFieldsSchema } from '../../../src-shared/domain/team';
import type { Desk } from '../../data/desk';
import type { ViewRefusal } from './views';

/**
 * Saving a view for the team: checked here by the API's own schema and names, then sent (online:
 * the server shares it with everyone); the server's refusals in the words the dialog shows.
 */
export async function saveTeamView(
  desk: Pick<Desk, 'saveTeamItem'>,
  others: readonly TeamView[],
  id: string,
  fields: TeamViewFields,
): Promise<{ ok: true; view: TeamView } | { ok: false; problem: ViewRefusal }> {
  const parsed = teamViewFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    const onName = parsed.error.issues.find((issue) => issue.path[0] === 'name');
    if (!onName) return { ok: false, problem: 'invalid' };
    return { ok: false, problem: onName.code === 'too_big' ? 'tooLong' : 'blank' };
  }
  const key = teamNameKey(parsed.data.name);
  if (others.some((v) => v.id !== id && teamNameKey(v.name) === key))
    return { ok: false, problem: 'duplicate' };
  return answerOf(await desk.saveTeamItem({ kind: 'view', id, fields: parsed.data }));
}

function answerOf(
  answer: Result<TeamItemSaved>,
): { ok: true; view: TeamView } | { ok: false; problem: ViewRefusal } {
  if (answer.ok)
    return answer.value.kind === 'view'
      ? { ok: true, view: answer.value.item }
      : { ok: false, problem: 'invalid' };
  const { code, message } = answer.error;
  if (code === 'offline') return { ok: false, problem: 'offline' };
  if (code === 'forbidden') return { ok: false, problem: 'forbidden' };
  return { ok: false, problem: { refused: message } };
}

/** A team view's fields, for an edit (its name changed) to send whole. */
export const fieldsOfView = ({ name, queue, filter, sort }: TeamView): TeamViewFields => ({
  name,
  queue,
  filter,
  sort,
});
