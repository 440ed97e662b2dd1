import { assigneeRefusal } from '../../src-shared/domain/assignments';
import type { Bridge } from '../../src-shared/contract/bridge';
import type { Mutation, MutationName } from '../../src-shared/contract/sync';
import { mutationArgsSchemas } from '../../src-shared/contract/sync';
import type { AuditEvent, Dossier, Message, User } from '../../src-shared/domain/model';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import { refusalText } from '../../src-shared/domain/refusals';
import type { Refusal } from '../../src-shared/domain/transitions';
import type { CacheDatabase, CachedEvent, CachedMessage, OutboxEntry } from '../cache/db';
import { clientIdOf, fromCached, toCached } from '../cache/db';
import type { ChosenFile } from '../cache/outbox-files';
import { attachmentOf, storeOutboxFiles } from '../cache/outbox-files';
import type { OptimisticStore } from './optimistic';
import { storageError } from './status';
import { applyEntry } from './replay';
import { withdrawEntry, withdrawTables } from './withdraw';

/**
 * The one way the back office changes anything: an action is applied to the cache at once, with the
 * shared rules, and appended to the outbox in the same IndexedDB transaction. The network is never
 * on the path of a click; the sync engine takes it from there.
 */

export interface ActionContext {
  db: CacheDatabase;
  user: User;
  settings: DisputeSettings;
  now: () => number;
  newId: () => string;
  /** Where a copy of each action waits until the server has it (docs/targets.md R3). */
  journal?: Bridge['journal'];
  /** Told whether the journal could be written. */
  onJournal?: (ok: boolean) => void;
  /** Where the screens see a decided action before its transaction commits. */
  optimistic?: OptimisticStore;
}

export type ActionResult =
  | { ok: true; value: Dossier; mutationId: string }
  | {
      ok: false;
      error: Refusal | { code: 'not_found' | 'storage_full' | 'storage_failed'; message: string };
    };

export async function perform<N extends MutationName>(
  ctx: ActionContext,
  name: N,
  args: unknown,
): Promise<ActionResult> {
  const [result] = await performMany(ctx, [{ name, args }]);
  if (!result) throw new Error('performMany answered nothing');
  return result;
}

export interface ActionRequest {
  name: MutationName;
  args: unknown;
  /**
   * The dossier as the screen shows it: the action is decided on it at once and shown (through
   * `optimistic`) while its transaction waits its turn in IndexedDB, then decided again on the
   * cached dossier, which is the one kept.
   */
  shown?: Dossier;
  /** Hold it back from the server this long, for the agent's Undo (`takeBackHeld`). */
  holdMs?: number;
  /** The files its `attachments` list (a reply or forward): kept with it until uploaded. */
  files?: readonly ChosenFile[];
}

type Prepared = { ok: true; entry: OutboxEntry } | { ok: false; result: ActionResult };

/** The files given are exactly those the change lists, each of the size it says. */
function filesMatch(args: unknown, files: readonly ChosenFile[]): boolean {
  const listed =
    typeof args === 'object' && args !== null && 'attachments' in args && Array.isArray(args.attachments)
      ? (args.attachments as unknown[])
      : [];
  if (listed.length !== files.length) return false;
  return files.every((f, i) => {
    const a = listed[i];
    const meta = attachmentOf(f);
    return (
      f.bytes.byteLength === f.size &&
      typeof a === 'object' &&
      a !== null &&
      Object.entries(meta).every(([key, value]) => (a as Record<string, unknown>)[key] === value)
    );
  });
}

function prepare(ctx: ActionContext, { name, args, holdMs, files = [] }: ActionRequest): Prepared {
  const role = ctx.user.role;
  if (role !== 'agent' && role !== 'supervisor') {
    const error = { code: 'forbidden' as const, message: 'Only Klik & Pay staff work dossiers here.' };
    return { ok: false, result: { ok: false, error } };
  }
  const parsed = mutationArgsSchemas[name].safeParse(args);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || name}: ${i.message}`).join('; ');
    return { ok: false, result: { ok: false, error: { code: 'invalid_request', message: why } } };
  }
  if (!filesMatch(parsed.data, files)) {
    const message = 'The files attached are not the ones the message lists.';
    return { ok: false, result: { ok: false, error: { code: 'invalid_request', message } } };
  }
  const entry: OutboxEntry = {
    id: ctx.newId(),
    name,
    args: parsed.data as Mutation['args'],
    dossierId: (parsed.data as Mutation['args']).dossierId,
    actor: { role, id: ctx.user.id, name: ctx.user.name },
    createdAt: new Date(ctx.now()).toISOString(),
    state: 'pending',
    ...(holdMs ? { holdUntil: new Date(ctx.now() + holdMs).toISOString() } : {}),
  };
  return { ok: true, entry };
}

/**
 * Several actions in one IndexedDB transaction (a bulk action): each is decided on its own, in
 * order, over the effect of the ones before; the screens' live queries re-run once for the lot,
 * and the journal is written once. A storage failure fails them all: nothing of the lot is queued.
 */
export async function performMany(
  ctx: ActionContext,
  requests: readonly ActionRequest[],
): Promise<ActionResult[]> {
  const prepared = requests.map((r) => prepare(ctx, r));
  const entries = prepared.flatMap((p) => (p.ok ? [p.entry] : []));
  if (ctx.optimistic)
    for (const [i, p] of prepared.entries()) {
      const shown = requests[i]?.shown;
      if (!p.ok || shown?.id !== p.entry.dossierId) continue;
      const early = applyEntry(shown, p.entry, ctx.settings, ctx.newId);
      if (early.ok) ctx.optimistic.add({ entry: p.entry, ...pick(early.value) });
    }
  const { db } = ctx;
  let clientId = '';
  let applied: Map<string, ActionResult>;
  try {
    applied = await db.transaction(
      'rw',
      [db.dossiers, db.base, db.messages, db.events, db.outbox, db.meta, db.users, db.outboxFiles],
      async () => {
        if (entries.length > 0) clientId = await clientIdOf(db, ctx.newId);
        // One action shows before its commit; a bulk slice's hundreds would repaint the open
        // dossier once each, and show at the commit anyway (unless shown early, then replaced).
        const overlay = entries.length === 1 ? ctx.optimistic : undefined;
        const results = await applyAll(ctx, entries, (entry) => overlay ?? earlyOnly(ctx, entry));
        for (const [i, p] of prepared.entries()) {
          const files = requests[i]?.files;
          if (p.ok && files && results.get(p.entry.id)?.ok) await storeOutboxFiles(db, p.entry, files);
        }
        return results;
      },
    );
  } catch (error) {
    ctx.optimistic?.failed(entries.map((e) => e.id));
    // Nothing was queued: the agent is told, and can try again once the cause is gone.
    const failed: ActionResult = { ok: false, error: storageError(error) };
    return prepared.map((p) => (p.ok ? failed : p.result));
  }
  const queued = entries.filter((e) => applied.get(e.id)?.ok);
  ctx.optimistic?.failed(entries.filter((e) => !applied.get(e.id)?.ok).map((e) => e.id));
  ctx.optimistic?.committed(queued.map((e) => e.id));
  if (queued.length > 0 && ctx.journal) {
    // The outbox already holds the actions; the journal is their copy outside IndexedDB. A failed
    // write loses nothing, but the agent is told (`onJournal`): the changes live in one place only.
    const written = await ctx.journal
      .append(
        queued.map(({ id, name, args, actor, createdAt }) => ({
          clientId,
          id,
          name,
          args,
          actor,
          createdAt,
        })),
      )
      .catch(() => ({ ok: false as const }));
    ctx.onJournal?.(written.ok);
  }
  return prepared.map((p) => (p.ok ? (applied.get(p.entry.id) ?? notApplied) : p.result));
}

const notApplied: ActionResult = {
  ok: false,
  error: { code: 'storage_failed', message: 'The action was not applied.' },
};

/**
 * The actions inside the caller's transaction, in order, each decided over the cached dossier as the
 * ones before it left it; then written together. Reads and writes are one request per table for the
 * lot, not seven per action: a bulk close of 1,000 dossiers waited on 7,000 round trips.
 */
async function applyAll(
  ctx: ActionContext,
  entries: readonly OutboxEntry[],
  overlayFor: (entry: OutboxEntry) => OptimisticStore | undefined,
): Promise<Map<string, ActionResult>> {
  const { db } = ctx;
  const ids = [...new Set(entries.map((e) => e.dossierId))];
  const assigneeIds = [
    ...new Set(
      entries.flatMap((e) =>
        e.name === 'dossier.assign' && typeof e.args.assigneeId === 'string' ? [e.args.assigneeId] : [],
      ),
    ),
  ];
  const [cached, bases, assignees] = await Promise.all([
    db.dossiers.bulkGet(ids),
    db.base.bulkGet(ids),
    db.users.bulkGet(assigneeIds),
  ]);
  const current = new Map(cached.flatMap((d) => (d ? [[d.id, fromCached(d)] as const] : [])));
  const hasBase = new Set(bases.flatMap((b) => (b ? [b.id] : [])));
  const people = new Map(assignees.flatMap((u) => (u ? [[u.id, u] as const] : [])));
  const results = new Map<string, ActionResult>();
  const newBases: Dossier[] = [];
  const changed = new Map<string, Dossier>();
  const messages: CachedMessage[] = [];
  const events: CachedEvent[] = [];
  const queued: OutboxEntry[] = [];
  for (const entry of entries) {
    const dossier = current.get(entry.dossierId);
    if (!dossier) {
      const error = { code: 'not_found' as const, message: 'This dossier is not in the local cache.' };
      results.set(entry.id, { ok: false, error });
      continue;
    }
    // The server assigns dossiers only to staff who are not absent: the same rule here, from the
    // users it synced.
    const assigneeId = entry.name === 'dossier.assign' ? entry.args.assigneeId : null;
    const refused =
      typeof assigneeId === 'string'
        ? assigneeRefusal(people.get(assigneeId), assigneeId, entry.actor.id)
        : null;
    if (refused) {
      const { code, details } = refused;
      results.set(entry.id, { ok: false, error: { code, message: refusalText(details, ''), details } });
      continue;
    }
    const decided = applyEntry(dossier, entry, ctx.settings, ctx.newId);
    if (!decided.ok) {
      results.set(entry.id, decided);
      continue;
    }
    // Decided on the stored dossier: this replaces what was shown from the screen's copy.
    overlayFor(entry)?.add({ entry, ...pick(decided.value) });
    // The first pending action on a dossier keeps the server's state aside, to rebase on later.
    if (!hasBase.has(dossier.id)) {
      newBases.push(dossier);
      hasBase.add(dossier.id);
    }
    current.set(dossier.id, decided.value.dossier);
    changed.set(dossier.id, decided.value.dossier);
    messages.push(...decided.value.messages.map((m) => ({ ...m, mutationId: entry.id })));
    events.push(...decided.value.events.map((e) => ({ ...e, mutationId: entry.id })));
    queued.push(entry);
    results.set(entry.id, { ok: true, value: decided.value.dossier, mutationId: entry.id });
  }
  await Promise.all([
    db.base.bulkPut(newBases),
    db.dossiers.bulkPut([...changed.values()].map(toCached)),
    db.messages.bulkPut(messages),
    db.events.bulkPut(events),
    db.outbox.bulkAdd(queued),
  ]);
  return results;
}

/**
 * Takes a pending change out of the outbox and off its dossier (the agent discarded it): kept as a
 * rejection with its text, in one transaction. Null when it is not pending (sent meanwhile).
 */
export async function discardPending(
  db: CacheDatabase,
  settings: DisputeSettings,
  newId: () => string,
  mutationId: string,
  why: string,
  at: string,
): Promise<OutboxEntry | null> {
  return db.transaction('rw', withdrawTables(db), async () => {
    const entry = await db.outbox.where('id').equals(mutationId).first();
    if (!entry || entry.seq === undefined || entry.state !== 'pending') return null;
    await withdrawEntry(db, settings, newId, entry, { code: 'discarded', message: why, at });
    return entry;
  });
}

/**
 * Undoes a send still held back (`holdUntil`): out of the outbox and off its dossier, leaving no
 * rejection — the agent changed their mind. Null when it already went (or was never held).
 */
export async function takeBackHeld(
  db: CacheDatabase,
  settings: DisputeSettings,
  newId: () => string,
  mutationId: string,
  now: number,
): Promise<OutboxEntry | null> {
  const [entry] = await takeBackAllHeld(db, settings, newId, [mutationId], now);
  return entry ?? null;
}

/** The same for a bulk action's changes, in one transaction: those taken back (the others went). */
export async function takeBackAllHeld(
  db: CacheDatabase,
  settings: DisputeSettings,
  newId: () => string,
  mutationIds: readonly string[],
  now: number,
): Promise<OutboxEntry[]> {
  return db.transaction('rw', withdrawTables(db), async () => {
    const entries = await db.outbox
      .where('id')
      .anyOf([...mutationIds])
      .toArray();
    // Still held: a change whose hold has passed may be on its way to the server already.
    const held = entries.filter((e) => e.seq !== undefined && e.state === 'pending' && isHeld(e, now));
    for (const entry of held) await withdrawEntry(db, settings, newId, entry, null);
    return held;
  });
}

/**
 * Ends the hold of changes held while a bulk action ran: they go `holdMs` from now (the agent's
 * Undo delay). Changes already gone, or never held, are left as they are.
 */
export async function releaseHeld(
  db: CacheDatabase,
  mutationIds: readonly string[],
  until: number,
  now: number,
): Promise<void> {
  const at = new Date(until).toISOString();
  await db.outbox
    .where('id')
    .anyOf([...mutationIds])
    .modify((e) => {
      // One whose hold has passed may be on the wire: holding it again would not stop it.
      if (e.state === 'pending' && isHeld(e, now)) e.holdUntil = at;
    });
}

/** Held back from the server now (`holdUntil` in the future): the push has not taken it. */
export const isHeld = (e: OutboxEntry, now: number): boolean =>
  e.holdUntil !== undefined && Date.parse(e.holdUntil) > now;

const pick = ({
  dossier,
  messages,
  events,
}: {
  dossier: Dossier;
  messages: Message[];
  events: AuditEvent[];
}) => ({
  dossier,
  messages,
  events,
});

/** The store, for an action already shown early (its stored decision replaces it); none otherwise. */
const earlyOnly = (ctx: ActionContext, entry: OutboxEntry): OptimisticStore | undefined =>
  ctx.optimistic?.has(entry.id) ? ctx.optimistic : undefined;
