import { isDeepStrictEqual } from 'node:util';
import type { SyncEntity } from '../../src-shared/contract/sync';
import type { Macro, MacroFields, TeamView, TeamViewFields } from '../../src-shared/domain/team';
import {
  macroSchema,
  mayEditTeamItem,
  teamItemLimits,
  teamNameKey,
  teamViewSchema,
} from '../../src-shared/domain/team';
import type { Sql } from '../db/database';
import { ApiProblem, notFound } from '../http/problem';
import { recordChanges } from '../store/changes';
import type { AccountRow } from '../store/people';
import { findAccount } from '../store/people';
import type { TeamItemKind, TeamItemRow } from '../store/team';
import {
  countTeamItems,
  deleteTeamItem,
  findNameHolder,
  findTeamItem,
  listTeamItems,
  lockTeamItems,
  saveTeamItem,
} from '../store/team';
import type { ServerContext } from './context';

/**
 * The team's shared views (supervisors') and macros (any staff's; changed by their author or a
 * supervisor). Each write is one transaction with its change-log row (staff only): the commit's
 * NOTIFY pokes every connected back office, which pulls the item.
 */

const entityOf: Record<TeamItemKind, SyncEntity> = { view: 'team_view', macro: 'macro' };
const nounOf: Record<TeamItemKind, string> = { view: 'shared view', macro: 'macro' };
const refusalOf: Record<TeamItemKind, string> = {
  view: "Only supervisors may change the team's shared views.",
  macro: 'Only the author of this macro or a supervisor may change it.',
};

export const putTeamView = (
  ctx: ServerContext,
  account: AccountRow,
  id: string,
  fields: TeamViewFields,
): Promise<TeamView> => putTeamItem(ctx, account, 'view', id, fields, (doc) => teamViewSchema.parse(doc));

export async function putMacro(
  ctx: ServerContext,
  account: AccountRow,
  id: string,
  fields: MacroFields,
): Promise<Macro> {
  // A macro that gives dossiers to someone names a member of the staff (absent or not: an absence
  // ends, and the assignment is refused when the macro runs meanwhile).
  const { finish } = fields;
  if (finish.kind === 'assign' && finish.assigneeId !== null) {
    const who = await findAccount(ctx.db, finish.assigneeId);
    if (who?.role !== 'agent' && who?.role !== 'supervisor')
      throw new ApiProblem(
        'invalid_request',
        'A macro gives dossiers to an agent or a supervisor: this id names no member of the staff.',
        [{ path: 'body.finish.assigneeId', message: 'not a member of the staff' }],
      );
  }
  return putTeamItem(ctx, account, 'macro', id, fields, (doc) => macroSchema.parse(doc));
}

export const listTeamViews = async (ctx: ServerContext): Promise<TeamView[]> =>
  (await listTeamItems(ctx.db, 'view')) as TeamView[];

export const listMacros = async (ctx: ServerContext): Promise<Macro[]> =>
  (await listTeamItems(ctx.db, 'macro')) as Macro[];

/**
 * Creates or replaces the item under the id its client chose. The same fields again answer the item
 * as stored, without a write; `createdBy` stays its first author's.
 */
async function putTeamItem<F extends { name: string }, D extends F>(
  ctx: ServerContext,
  account: AccountRow,
  kind: TeamItemKind,
  id: string,
  fields: F,
  parse: (doc: unknown) => D,
): Promise<D> {
  return ctx.db.transaction(async (tx) => {
    await lockTeamItems(tx);
    const existing = await findTeamItem(tx, id);
    if (existing && existing.kind !== kind)
      throw new ApiProblem(
        'conflict',
        `This id already names a ${nounOf[existing.kind]}, not a ${nounOf[kind]}: choose a new id.`,
        [{ path: 'params.id', message: 'already used' }],
      );
    mayEdit(kind, account, existing);
    if (existing && sameFields(existing.data, fields)) return existing.data as D;
    const nameKey = teamNameKey(fields.name);
    const holder = await findNameHolder(tx, kind, nameKey, id);
    if (holder !== null)
      throw new ApiProblem(
        'conflict',
        `A ${nounOf[kind]} named "${holder}" already exists: choose another name.`,
        [{ path: 'body.name', message: 'already used' }],
      );
    if (!existing && (await countTeamItems(tx, kind)) >= teamItemLimits.items)
      throw new ApiProblem(
        'conflict',
        `The team keeps at most ${teamItemLimits.items} ${nounOf[kind]}s: delete one before adding another.`,
      );
    const createdBy = existing?.createdBy ?? account.id;
    const updatedAt = new Date(ctx.clock.now()).toISOString();
    const doc = parse({ id, ...fields, createdBy, updatedAt });
    await saveTeamItem(tx, { id, kind, nameKey, data: doc, createdBy, updatedAt });
    await recordItemChange(tx, kind, id, 'put');
    return doc;
  });
}

/** Deletes the item; its deletion goes to every back office as a `delete` change. */
export async function deleteTeamItemOf(
  ctx: ServerContext,
  account: AccountRow,
  kind: TeamItemKind,
  id: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockTeamItems(tx);
    const existing = await findTeamItem(tx, id);
    if (!existing || existing.kind !== kind)
      throw notFound(kind === 'view' ? 'This shared view' : 'This macro');
    mayEdit(kind, account, existing);
    await deleteTeamItem(tx, id);
    await recordItemChange(tx, kind, id, 'delete');
  });
}

function mayEdit(kind: TeamItemKind, account: AccountRow, existing: TeamItemRow | null): void {
  if (!mayEditTeamItem(kind, account, existing?.createdBy ?? null))
    throw new ApiProblem('forbidden', refusalOf[kind]);
}

/** The stored document's own fields (all but the id and the stamps) equal the ones sent. */
function sameFields(stored: Record<string, unknown>, fields: object): boolean {
  const { id: _id, createdBy: _by, updatedAt: _at, ...own } = stored;
  // As JSON, like the stored copy: no `undefined` left in the sent fields.
  return isDeepStrictEqual(own, JSON.parse(JSON.stringify(fields)));
}

const recordItemChange = (tx: Sql, kind: TeamItemKind, id: string, op: 'put' | 'delete') =>
  recordChanges(tx, [
    { entity: entityOf[kind], id, op, visibleTo: 'staff', customerId: null, merchantId: null },
  ]);
