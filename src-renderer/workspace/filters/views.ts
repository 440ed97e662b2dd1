import type { DossierFilter, DossierSort, SavedView } from '../../../src-shared/domain/filters';
import { savedViewSchema, upgradeStoredView } from '../../../src-shared/domain/filters';
import type { CacheDatabase } from '../../cache/db';
import { folded } from './filter-model';

/**
 * Personal saved views, written straight to the agent's own cache: they are preferences of this
 * agent on this computer, not dispute actions, so they go through no outbox and reach no server.
 */

export type ViewProblem =
  | 'blank'
  | 'tooLong'
  | 'duplicate'
  | 'invalid'
  | 'missing'
  /** A team view: the server cannot be reached, or the agent may not share. */
  | 'offline'
  | 'forbidden';
/** Why a name was not taken: a problem of ours, or the server's own words. */
export type ViewRefusal = ViewProblem | { refused: string };
export type ViewResult = { ok: true; view: SavedView } | { ok: false; problem: ViewProblem };

export const viewNameMax = 80;

function checked(view: SavedView): ViewResult {
  const parsed = savedViewSchema.safeParse(view);
  if (parsed.success) return { ok: true, view: parsed.data };
  const nameIssue = parsed.error.issues.find((issue) => issue.path[0] === 'name');
  if (nameIssue) return { ok: false, problem: nameIssue.code === 'too_big' ? 'tooLong' : 'blank' };
  return { ok: false, problem: 'invalid' };
}

async function nameTaken(db: CacheDatabase, name: string, exceptId?: string): Promise<boolean> {
  const wanted = folded(name.trim());
  const views = await db.views.toArray();
  return views.some((v) => v.id !== exceptId && folded(v.name.trim()) === wanted);
}

export interface NewView {
  name: string;
  queue: string;
  filter: DossierFilter;
  sort: DossierSort;
}

export async function saveView(
  db: CacheDatabase,
  { name, queue, filter, sort }: NewView,
  newId: () => string = () => crypto.randomUUID(),
): Promise<ViewResult> {
  const result = checked({ id: newId(), name, queue, filter, sort });
  if (!result.ok) return result;
  const view = result.view;
  return db.transaction('rw', db.views, async (): Promise<ViewResult> => {
    if (await nameTaken(db, view.name)) return { ok: false, problem: 'duplicate' };
    await db.views.put(view);
    return { ok: true, view };
  });
}

export async function renameView(db: CacheDatabase, id: string, name: string): Promise<ViewResult> {
  return db.transaction('rw', db.views, async (): Promise<ViewResult> => {
    const current = await db.views.get(id);
    if (!current) return { ok: false, problem: 'missing' };
    // A view saved by an older version is renamed as this one reads it (bounds without currency: EUR).
    const result = checked({ ...upgradeStoredView(current), name });
    if (!result.ok) return result;
    if (await nameTaken(db, result.view.name, id)) return { ok: false, problem: 'duplicate' };
    await db.views.put(result.view);
    return result;
  });
}

export async function deleteView(db: CacheDatabase, id: string): Promise<void> {
  await db.views.delete(id);
}
