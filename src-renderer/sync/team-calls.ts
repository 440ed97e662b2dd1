import type {
  Bridge,
  Result,
  TeamDeleteRequest,
  TeamItemSaved,
  TeamSaveRequest,
} from '../../src-shared/contract/bridge';
import type { User } from '../../src-shared/domain/model';
import type { CacheDatabase } from '../cache/db';
import { dropTeamItem, storeTeamItem } from '../cache/team';

/**
 * What goes straight to the server: the team's own settings (who is absent, the shared views and
 * macros), not changes to a dossier, so never queued offline. The server's answer is put in the
 * local copy at once (the pull that follows brings the same), and the engine is nudged to pull.
 */
export interface TeamCalls {
  setAbsence(userId: string, absent: boolean): Promise<Result<User>>;
  saveTeamItem(request: TeamSaveRequest): Promise<Result<TeamItemSaved>>;
  deleteTeamItem(request: TeamDeleteRequest): Promise<Result<null>>;
}

export function teamCalls(bridge: Bridge, db: () => CacheDatabase, nudge: () => void): TeamCalls {
  /** Keeps the answer locally when the server took it; a failed local write waits for the pull. */
  const kept = async <T>(answer: Result<T>, keep: (value: T) => Promise<unknown>): Promise<Result<T>> => {
    if (answer.ok) {
      await keep(answer.value).catch(() => undefined);
      nudge();
    }
    return answer;
  };
  return {
    setAbsence: async (userId, absent) =>
      kept(await bridge.setAbsence(userId, absent), (user) => db().users.put(user)),
    saveTeamItem: async (request) =>
      kept(await bridge.saveTeamItem(request), (saved) => storeTeamItem(db(), saved)),
    deleteTeamItem: async (request) =>
      kept(await bridge.deleteTeamItem(request), () => dropTeamItem(db(), request)),
  };
}
