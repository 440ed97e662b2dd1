import Dexie from 'dexie';
import type { Collection } from 'dexie';
import {
  deadlineWeekCell,
  filterCurrency,
  hasClosureCondition,
  isEmptyFilter,
} from '../../src-shared/domain/filters';
import { addBusinessDays } from '../../src-shared/domain/calendar';
import { episodesCounted } from '../../src-shared/domain/sla-weeks';
import { statuses } from '../../src-shared/domain/vocabulary';
import type { CacheDatabase, CachedDossier } from './db';
import { closedUrgency } from './db';
import type { QueryContext, QueueQuery } from './queues';

/**
 * The index ranges a filter offers the planner (`queues.ts`) besides the queue's own: each a
 * superset of the filter's matches (the predicates still decide unless `exactFilter`), sized by an
 * index count so the smallest is read.
 */

const DAY = 86_400_000;

export interface Source {
  /** A fresh collection each call: Dexie's `filter`, `offset` and `reverse` change the one they are given. */
  collection: () => Collection<CachedDossier, string>;
  /** Read in the queue's default order (most urgent first, or latest closure first). */
  ordered: boolean;
  /** Read in ascending amount order (within one currency). */
  byAmount: boolean;
  /** The index range holds exactly the queue's members: no queue predicate needed. */
  exactQueue: boolean;
  /** The index range holds exactly the filter's matches: no filter predicate needed. */
  exactFilter: boolean;
  /**
   * Ids found outside the dossiers' indexes (the dashboard's facts): the only candidates, sorted in
   * memory whatever their number, never walked along another index.
   */
  listed?: boolean;
  /**
   * How many candidates at most, known without reading (ids found outside the dossiers' indexes):
   * a few of them are read by key rather than counting a large queue's index to compare.
   */
  knownSize?: number;
}

/** Amounts within one currency, in amount order: `[transaction.currency+transaction.amount]`. */
export const currencyAmountIndex = '[transaction.currency+transaction.amount]';

/**
 * The dossiers of the filter's currency whose amount is within its bounds: one range of the
 * currency-and-amount index, in amount order. None when the filter names no currency.
 */
export function amountSource(db: CacheDatabase, query: QueueQuery): Source | null {
  const filter = query.filter;
  const currency = filter ? filterCurrency(filter) : undefined;
  if (!filter || currency === undefined) return null;
  const low = filter.amountMin ?? -Infinity;
  const high = filter.amountMax ?? Infinity;
  const { currency: _c, amountMin: _min, amountMax: _max, ...rest } = filter;
  return {
    // A minimum above the maximum is an empty range (Dexie answers it without reading).
    collection: () =>
      db.dossiers.where(currencyAmountIndex).between([currency, low], [currency, high], true, true),
    ordered: false,
    byAmount: true,
    exactQueue: query.queue === 'all',
    exactFilter: isEmptyFilter(rest),
  };
}

/**
 * The dossiers a deadline filter may keep, in urgency order: a dossier's urgency is never after its
 * deadline, so a deadline at or before an instant puts the urgency there too. A superset (the
 * auto-close may come first), so the filter's predicate still decides.
 * - Klik & Pay late: awaiting Klik & Pay, urgency up to now (`[status+urgency]`);
 * - merchant late: awaiting the merchant (`[status+urgency]`; a reminded merchant's deadline is ahead);
 * - due within a business day: every open dossier whose urgency is up to the horizon (`urgency`:
 *   either party's, in one ordered range; the late ones it holds are the desk's backlog).
 */
export function deadlineSource(db: CacheDatabase, query: QueueQuery, ctx: QueryContext): Source | null {
  const deadline = query.filter?.deadline;
  if (deadline === undefined) return null;
  const t = db.dossiers;
  const ofStatus = (status: string, upTo: number | typeof Dexie.maxKey) => () =>
    t.where('[status+urgency]').between([status, Dexie.minKey], [status, upTo], true, true);
  const collection =
    deadline === 'klikpay_late'
      ? ofStatus('awaiting_klikpay', ctx.now)
      : deadline === 'merchant_late'
        ? ofStatus('awaiting_merchant', Dexie.maxKey)
        : () => t.where('urgency').belowOrEqual(addBusinessDays(ctx.now, 1, ctx.settings.calendar));
  return {
    collection,
    // Urgency order is every queue's own but Recently closed's (which no deadline filter keeps anyway).
    ordered: query.queue !== 'recently_closed',
    byAmount: false,
    exactQueue: query.queue === 'all',
    exactFilter: false,
  };
}

/**
 * How far the `createdAt` index's text order may stray from the instants it writes: an instant with
 * an offset (up to 14 h) or without milliseconds sorts as text a little off its place. A day covers
 * any writing; the predicate decides at the bounds.
 */
const TEXT_ORDER_SLACK = DAY;

/**
 * The open dossiers, one `[status+urgency]` range: the open statuses sort together, before
 * `closed` (a status sorting among them would only make it a superset: the predicate decides).
 */
const openStatuses = statuses.filter((s) => s !== 'closed').sort();

/**
 * The dossiers an age filter may keep: those filed within its bounds, one `createdAt` range (closed
 * ones too; none when the age is unbounded both ways, which would be the whole cache), and the open
 * dossiers, for an old bucket whose filing range holds years of closed ones.
 */
export function ageSources(db: CacheDatabase, query: QueueQuery, ctx: QueryContext): Source[] {
  const age = query.filter?.age;
  if (age === undefined) return [];
  const candidate = (collection: Source['collection']): Source => ({
    collection,
    ordered: false,
    byAmount: false,
    exactQueue: query.queue === 'all',
    exactFilter: false,
  });
  const [first = '', last = ''] = [openStatuses[0], openStatuses.at(-1)];
  const open = candidate(() =>
    db.dossiers.where('[status+urgency]').between([first, Dexie.minKey], [last, Dexie.maxKey], true, true),
  );
  if (age.fromDays === 0 && age.toDays === null) return [open];
  const at = (days: number, slack: number) => new Date(ctx.now - days * DAY + slack).toISOString();
  // Filed at least `fromDays` ago: at or before now − fromDays; less than `toDays` ago: after now − toDays.
  const newest = age.fromDays === 0 ? Dexie.maxKey : at(age.fromDays, TEXT_ORDER_SLACK);
  const oldest = age.toDays === null ? Dexie.minKey : at(age.toDays, -TEXT_ORDER_SLACK);
  return [candidate(() => db.dossiers.where('createdAt').between(oldest, newest, true, true)), open];
}

/**
 * The dossiers a closure filter may keep (closed ones only):
 * - those closed within its period, one `closedMs` range read latest first (Recently closed's own
 *   order); the whole index when the filter names no period (every closed dossier, never an open one);
 * - for the queues in urgency order, the tail of the `urgency` index where every closed dossier sorts
 *   (`closedUrgency`): larger, but in the queue's order, so a page walks it rather than the open
 *   dossiers ahead of it.
 */
export function closureSources(db: CacheDatabase, query: QueueQuery): Source[] {
  const filter = query.filter;
  if (!filter || !hasClosureCondition(filter)) return [];
  const from = filter.closedFrom === undefined ? Dexie.minKey : Date.parse(filter.closedFrom);
  const to = filter.closedTo === undefined ? Dexie.maxKey : Date.parse(filter.closedTo);
  const exactQueue = query.queue === 'all';
  const period: Source = {
    collection: () => db.dossiers.where('closedMs').between(from, to, true, false).reverse(),
    ordered: query.queue === 'recently_closed',
    byAmount: false,
    exactQueue,
    exactFilter: false,
  };
  if (query.queue === 'recently_closed') return [period];
  const tail: Source = {
    collection: () => db.dossiers.where('urgency').equals(closedUrgency),
    ordered: true,
    byAmount: false,
    exactQueue,
    exactFilter: false,
  };
  return [period, tail];
}

/** A `deadlineWeek` filter on a copy that keeps no dashboard facts (an agent's): it cannot be answered. */
export class FactsUnavailable extends Error {
  constructor() {
    super('the deadlines met by week are known from the dashboard’s facts, which this copy does not keep');
    this.name = 'FactsUnavailable';
  }
}

/**
 * The dossiers behind a figure of the deadlines met by week (`deadlineWeek`). Their deadline
 * episodes are in the dashboard's facts, not in the dossiers, so the candidates are the ids whose
 * facts count in that figure, found in the facts the dashboard holds in memory (`FactsMirror`: read
 * from the cache once, the dashboard's own first read, then kept up to date by the sync). A pass
 * over those small records in memory takes milliseconds at 100,000 dossiers; an index could not
 * do better without a new cache version holding every episode twice (a due instant nested in an
 * array cannot be indexed as it is). The dossiers are then read by primary key, never the table.
 */
export async function deadlineWeekSource(
  db: CacheDatabase,
  query: QueueQuery,
  ctx: QueryContext,
): Promise<Source | null> {
  const week = query.filter?.deadlineWeek;
  if (week === undefined) return null;
  const mirror = ctx.facts;
  if (!mirror) throw new FactsUnavailable();
  await mirror.load(db);
  const cell = deadlineWeekCell(week);
  const ids: string[] = [];
  for (const f of mirror.values() ?? []) if (episodesCounted(f, cell, ctx.now) > 0) ids.push(f.id);
  return {
    collection: () => db.dossiers.where(':id').anyOf(ids),
    ordered: false,
    byAmount: false,
    exactQueue: query.queue === 'all',
    exactFilter: false,
    listed: true,
  };
}

/**
 * The dossiers a party wrote in since the agent last opened them (`unread`): their ids, read from
 * the `reads` index's keys beforehand (`QueryContext.unread`, see `withUnread`), then the dossiers
 * by primary key. Usually a few dozen; sized and weighed against the queue's range like the others.
 */
export function unreadSource(db: CacheDatabase, query: QueueQuery, ctx: QueryContext): Source | null {
  if (!query.filter?.unread) return null;
  const ids = [...(ctx.unread ?? [])];
  return {
    collection: () => db.dossiers.where(':id').anyOf(ids),
    ordered: false,
    byAmount: false,
    exactQueue: query.queue === 'all',
    exactFilter: false,
    knownSize: ids.length,
  };
}
