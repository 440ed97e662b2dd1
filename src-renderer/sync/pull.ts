import type { Bridge, BridgeError } from '../../src-shared/contract/bridge';
import type { SyncChange } from '../../src-shared/contract/sync';
import type { AuditEvent, Dossier, Message } from '../../src-shared/domain/model';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { CacheDatabase } from '../cache/db';
import { metaKeys, toCached } from '../cache/db';
import { markFactsDirty } from '../cache/facts';
import { dropOutboxFiles } from '../cache/outbox-files';
import { markNewReplies } from '../cache/reads';
import { indexForSearch } from '../cache/search';
import { rebase } from './rebase';
import type { SyncProgress } from './status';

/**
 * Pulling the change log into the cache. Each page and the cursor that follows it are written in
 * one transaction, so the stored cursor never runs ahead of the data it covers; a page lost in a
 * crash is simply pulled again.
 */

export interface PullContext {
  /** The connection pages are written through (relaxed durability where the browser has it). */
  db: CacheDatabase;
  bridge: Bridge;
  settings: DisputeSettings;
  newId: () => string;
  pageSize: number;
  onPage?: (progress: SyncProgress) => void | Promise<void>;
  /** Each page's changes once written, and whether they belong to the first sync (a snapshot). */
  onChanges?: (changes: readonly SyncChange[], firstSync: boolean) => void;
  /** The dashboard's facts are kept (a supervisor): pages mark the dossiers they change (cache/facts.ts). */
  keepFacts?: boolean;
}

export async function pullAll(
  ctx: PullContext,
): Promise<{ ok: true; value: number } | { ok: false; error: BridgeError }> {
  const { db, bridge } = ctx;
  const acknowledged = await db.outbox.where('state').anyOf('acknowledged', 'settled').toArray();
  const firstSync = (await db.meta.get(metaKeys.cursor)) === undefined;
  let total = 0;
  let bytes = 0;
  const stored = await db.meta.get(metaKeys.cursor);
  let next: ReturnType<Bridge['pull']> | null = bridge.pull(
    typeof stored?.value === 'string' ? stored.value : null,
    ctx.pageSize,
  );
  while (next) {
    const page: Awaited<ReturnType<Bridge['pull']>> = await next;
    if (!page.ok) return page;
    const { changes, remaining } = page.value;
    const hasMore: boolean = page.value.hasMore;
    // The next page is fetched while this one is written: the network and the disk work at once.
    // Its cursor is the one this page stores; if the write fails, the fetched page is dropped.
    next = hasMore ? bridge.pull(page.value.cursor, ctx.pageSize) : null;
    await writePage(ctx, changes, page.value.cursor, firstSync, total === 0);
    ctx.onChanges?.(changes, firstSync);
    total += changes.length;
    bytes += approximateBytes(changes);
    await ctx.onPage?.({ changes: total, bytes, remaining: hasMore ? (remaining ?? null) : 0, firstSync });
  }
  // What the server acknowledged before this pull is in it now: the local copies can go.
  if (acknowledged.length > 0) {
    const tables = [db.outbox, db.messages, db.events, db.dossiers, db.base, db.outboxFiles];
    await db.transaction('rw', tables, async () => {
      // Their files are the server's now (a copy kept in the file cache when they were uploaded).
      await dropOutboxFiles(
        db,
        acknowledged.map((e) => e.id),
      );
      for (const entry of acknowledged) {
        if (entry.seq !== undefined) await db.outbox.delete(entry.seq);
        await db.messages.where('mutationId').equals(entry.id).delete();
        await db.events.where('mutationId').equals(entry.id).delete();
      }
      for (const dossierId of new Set(acknowledged.map((e) => e.dossierId)))
        await rebase(db, ctx.settings, ctx.newId, dossierId, false);
    });
    if (db.quiet) db.announceWrites(['outbox', 'messages', 'events', 'dossiers', 'base', 'outboxFiles']);
  }
  return { ok: true, value: total };
}

/** The size of a page as it travelled, without serialising it again (a progress figure, not a bill). */
function approximateBytes(changes: readonly SyncChange[]): number {
  let n = 0;
  for (const c of changes) {
    if (c.entity === 'message' && c.data) n += 200 + c.data.body.length;
    else if (c.entity === 'dossier' && c.data) n += 1_200 + c.data.description.length;
    else n += 300;
  }
  return n;
}

async function writePage(
  ctx: PullContext,
  changes: readonly SyncChange[],
  cursor: string,
  firstSync: boolean,
  firstPage: boolean,
): Promise<void> {
  const { db } = ctx;
  const tables = [db.dossiers, db.base, db.messages, db.events, db.users, db.merchants, db.outbox, db.meta];
  const team = [db.teamViews, db.macros];
  await db.transaction('rw', [...tables, ...team, db.searchIndex, db.factsDirty, db.reads], async () => {
    // A first sync leaves the search index and the dashboard's facts to be built after it, from
    // the cache (search-build.ts, facts.ts); later pages mark what they change.
    if (firstSync && firstPage) {
      await db.meta.put({ key: metaKeys.searchBuiltUpTo, value: '' });
      if (ctx.keepFacts) await db.meta.put({ key: metaKeys.factsBuiltUpTo, value: '' });
    }
    const dossiers: Dossier[] = [];
    const messages: Message[] = [];
    const events: AuditEvent[] = [];
    const deleted: Record<SyncChange['entity'], string[]> = {
      dossier: [],
      message: [],
      event: [],
      user: [],
      merchant: [],
      team_view: [],
      macro: [],
    };
    const users = [];
    const merchants = [];
    const teamViews = [];
    const macros = [];
    for (const c of changes) {
      if (c.op === 'delete') deleted[c.entity].push(c.id);
      else if (c.entity === 'dossier') dossiers.push(c.data);
      else if (c.entity === 'message') messages.push(c.data);
      else if (c.entity === 'event') events.push(c.data);
      else if (c.entity === 'user') users.push(c.data);
      else if (c.entity === 'merchant') merchants.push(c.data);
      else if (c.entity === 'team_view') teamViews.push(c.data);
      else macros.push(c.data);
    }
    await Promise.all([
      db.dossiers.bulkDelete(deleted.dossier),
      db.messages.bulkDelete(deleted.message),
      db.events.bulkDelete(deleted.event),
      db.users.bulkDelete(deleted.user),
      db.merchants.bulkDelete(deleted.merchant),
      db.teamViews.bulkDelete(deleted.team_view),
      db.macros.bulkDelete(deleted.macro),
    ]);
    await Promise.all([
      db.messages.bulkPut(messages),
      db.events.bulkPut(events),
      db.users.bulkPut(users),
      db.merchants.bulkPut(merchants),
      db.teamViews.bulkPut(teamViews),
      db.macros.bulkPut(macros),
      indexForSearch(db, dossiers, messages),
    ]);
    if (dossiers.length > 0) {
      const inOutbox = await db.outbox
        .where('dossierId')
        .anyOf(dossiers.map((d) => d.id))
        .toArray();
      // Dossiers with actions in the outbox keep the server's state as their new base.
      const withEntries = new Set(inOutbox.map((e) => e.dossierId));
      await db.dossiers.bulkPut(dossiers.filter((d) => !withEntries.has(d.id)).map(toCached));
      for (const d of dossiers.filter((x) => withEntries.has(x.id))) {
        await db.base.put(d);
        for (const e of inOutbox) {
          if (e.dossierId === d.id && e.state === 'acknowledged' && e.seq !== undefined) {
            await db.outbox.update(e.seq, { state: 'settled' });
          }
        }
        await rebase(db, ctx.settings, ctx.newId, d.id, false);
      }
    }
    // A first sync brings the desk as it is: nothing in it is new to the agent.
    if (!firstSync) await markNewReplies(db, messages, dossiers);
    if (ctx.keepFacts && !firstSync)
      await markFactsDirty(
        db,
        [...dossiers.map((d) => d.id), ...deleted.dossier, ...events.map((e) => e.dossierId)],
        cursor,
      );
    await db.meta.put({ key: metaKeys.cursor, value: cursor });
  });
  if (db.quiet) db.announceWrites(writtenBy(changes));
}

/**
 * The tables a page wrote, for the screens' queries to re-run: an empty page (a poll that found
 * nothing new) changed nothing they read, so it wakes none of them. Dossiers come with their base
 * and outbox (a rebase), messages with the search index; both may change what is unread (`reads`).
 */
const tableOf = { user: 'users', merchant: 'merchants', team_view: 'teamViews', macro: 'macros' } as const;

export function writtenBy(changes: readonly SyncChange[]): string[] {
  const written = new Set<string>(['meta']);
  for (const c of changes) {
    if (c.entity === 'dossier')
      for (const t of ['dossiers', 'base', 'outbox', 'messages', 'events', 'searchIndex', 'reads'])
        written.add(t);
    else if (c.entity === 'message') written.add('messages').add('searchIndex').add('reads');
    else if (c.entity === 'event') written.add('events');
    else written.add(tableOf[c.entity]);
  }
  return [...written];
}
