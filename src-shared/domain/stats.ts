import { z } from 'zod';
import { addBusinessDays } from './calendar';
import { idSchema, instantSchema } from './model';
import type { DisputeSettings } from './settings';
import { countedVerdict, isoWeekLabel, weekOf, weeksOver } from './sla-weeks';
import type { DossierFacts, EpisodeParty } from './stats-facts';
import { episodePartySchema } from './stats-facts';
import type { ClosureReason, OpenStatus, Outcome } from './vocabulary';
import { closureReasonSchema, outcomeSchema } from './vocabulary';

export type { DeadlineEpisode, DossierFacts, EpisodeParty } from './stats-facts';
export { dossierFacts, dossierFactsSchema, episodeVerdict } from './stats-facts';
export { isoWeekLabel } from './sla-weeks';

/**
 * The supervisor dashboard's figures (docs/product.md, Supervisor) from the dossiers' facts, in one
 * pass over them: the same function on the server and over the desktop's cache.
 */

const DAY = 86_400_000;
const MAX_SPAN_DAYS = 3_660;
/** Dossier ids handed out per breach list, most urgent first: enough for a click-through. */
export const BREACH_IDS_CAP = 500;
export const TOP_MERCHANTS = 20;
/**
 * Lower bounds of the open dossiers' age buckets, in days; the last one is open-ended, and the first
 * has no lower bound (a dossier filed "after" now by a clock running ahead is counted there).
 */
export const AGE_BUCKET_DAYS = [0, 1, 7, 30, 60, 120] as const;

/**
 * A dossier's age in (fractional) days: since its filing, the dashboard's reading of "age". Shared
 * with the age filter (`filters.ts`), so a bucket opened as a queue holds exactly what it counts.
 */
export const ageInDays = (createdAt: number, now: number): number => (now - createdAt) / DAY;

/**
 * The period is [from, to). Instants are ISO-8601, like every instant of the API's contract (a
 * readable query string, one format for the whole contract); they are parsed once per call.
 */
export const statsQuerySchema = z
  .object({
    from: instantSchema,
    to: instantSchema,
    /** Restricts the figures to the dossiers assigned to this agent now (see `statsOverview`). */
    agent: idSchema.optional(),
  })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'from must come before to', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_SPAN_DAYS * DAY, {
    message: `a period of at most ${MAX_SPAN_DAYS} days`,
    path: ['to'],
  });
export type StatsQuery = z.infer<typeof statsQuerySchema>;

const count = z.int().nonnegative();
const share = z.number().min(0).max(1).nullable();
const score = z.object({ met: count, missed: count, share });
export type SlaScore = z.infer<typeof score>;
const breachList = z.object({ count, ids: z.array(idSchema).max(BREACH_IDS_CAP) });
export type BreachList = z.infer<typeof breachList>;
const exhaustive = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, count])) as Record<K, typeof count>);
const openStatuses = ['awaiting_klikpay', 'awaiting_merchant', 'awaiting_customer'] as const;
const outcomeKeys = [...outcomeSchema.options, 'none'] as const;

export const statsOverviewSchema = z.object({
  from: instantSchema,
  to: instantSchema,
  agent: idSchema.nullable(),
  now: instantSchema,
  open: count,
  openByStatus: exhaustive(openStatuses),
  openBySubject: z.object({ payment: count, delivery: count }),
  breaches: z.object({ klikpayLate: breachList, merchantLate: breachList, atRisk: breachList }),
  slaByWeek: z.array(
    z.object({
      /** ISO week, e.g. 2026-W29. */
      week: z.string(),
      start: instantSchema,
      end: instantSchema,
      byParty: z.object({ klikpay: score, merchant: score, merchant_reminded: score }),
      all: score,
    }),
  ),
  ageBuckets: z.array(z.object({ fromDays: count, toDays: count.nullable(), count })),
  firstReply: z.object({ count, medianMs: z.number().nonnegative().nullable() }),
  agents: z.array(
    z.object({
      agentId: idSchema,
      open: count,
      closedInPeriod: count,
      firstReply: z.object({ count, medianMs: z.number().nonnegative().nullable() }),
      breaches: z.object({ missedInPeriod: count, lateNow: count }),
    }),
  ),
  closures: z.object({
    count,
    byReason: exhaustive(closureReasonSchema.options),
    byOutcome: exhaustive(outcomeKeys),
  }),
  merchants: z.array(
    z.object({
      merchantId: idSchema,
      merchantName: z.string(),
      open: count,
      overdue: count,
      answers: z.object({ count, averageMs: z.number().nonnegative().nullable() }),
      remindersInPeriod: count,
    }),
  ),
});
export type StatsOverview = z.infer<typeof statsOverviewSchema>;
type AgentRow = StatsOverview['agents'][number];
type MerchantRow = StatsOverview['merchants'][number];

// ---------------------------------------------------------------------------------------------

interface Due {
  due: number;
  id: string;
}
const later = (a: Due, b: Due): boolean => a.due > b.due || (a.due === b.due && a.id > b.id);

/** The earliest `cap` dossiers by (deadline, id), kept in a max-heap: one pass, whatever the total. */
class Earliest {
  private readonly heap: Due[] = [];
  total = 0;
  constructor(private readonly cap: number) {}

  /** Heap order broken between i and its parent j (i below j): swap them. */
  private fix(i: number, j: number): boolean {
    const h = this.heap;
    const [below, above] = [h[i], h[j]];
    if (below === undefined || above === undefined || !later(below, above)) return false;
    h[i] = above;
    h[j] = below;
    return true;
  }

  add(due: number, id: string): void {
    this.total++;
    const h = this.heap;
    const item = { due, id };
    if (h.length < this.cap) {
      h.push(item);
      for (let i = h.length - 1; i > 0 && this.fix(i, (i - 1) >> 1);) i = (i - 1) >> 1;
      return;
    }
    const top = h[0];
    if (top === undefined || !later(top, item)) return;
    h[0] = item;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      const right = h[r];
      const left = h[l];
      const child = right !== undefined && left !== undefined && later(right, left) ? r : l;
      if (!this.fix(child, i)) break;
      i = child;
    }
  }

  result(): BreachList {
    const ids = [...this.heap].sort((a, b) => (later(a, b) ? 1 : -1)).map((x) => x.id);
    return { count: this.total, ids };
  }
}

/** The median by selection (expected linear), not by sorting. */
export function median(values: readonly number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  const a = Float64Array.from(values);
  const get = (i: number): number => a[i] ?? Number.NaN;
  const k = n >> 1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = get((lo + hi) >>> 1);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (get(i) < pivot) i++;
      while (get(j) > pivot) j--;
      if (i <= j) {
        const t = get(i);
        a[i] = get(j);
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  const upper = get(k);
  if (n % 2 === 1) return upper;
  // Everything left of k is no greater than it: the lower middle is their maximum.
  let lower = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < k; i++) lower = Math.max(lower, get(i));
  return (lower + upper) / 2;
}

const ratio = (met: number, missed: number): number | null =>
  met + missed === 0 ? null : met / (met + missed);

interface AgentAcc {
  open: number;
  closedInPeriod: number;
  replies: number[];
  missedInPeriod: number;
  lateNow: number;
}
interface MerchantAcc {
  name: string;
  open: number;
  overdue: number;
  answerSum: number;
  answers: number;
  reminders: number;
}

/**
 * The dashboard's figures over the dossiers' facts at `now`, for the period [from, to) ("in the
 * period" below). One pass over the facts; only the breach lists' 500 ids, the agents' medians and
 * the merchants' ranking are worked on afterwards.
 *
 * - `open*`, `ageBuckets`: dossiers not closed, by status, subject, and days since filing.
 * - `breaches`, now: `klikpayLate` awaits Klik & Pay at or past its deadline; `merchantLate` is the
 *   Merchant overdue queue (past the answer deadline, overdue, or reminded); `atRisk` is any other
 *   deadline of Klik & Pay or the merchant that falls within one business day of now. Ids earliest
 *   deadline first, `count` is them all.
 * - `slaByWeek`: each deadline episode due in the period, in its (calendar zone) ISO week: met when
 *   it ended before its deadline, missed when it ended at or after it or still runs past it; one
 *   still running within its deadline is not counted yet.
 * - `firstReply`: time from filing to Klik & Pay's first reply, over the replies made in the period.
 * - `closures`: dossiers whose (current) closure falls in the period.
 * - `merchants`: those with claims overdue now or reminders given in the period, most overdue first;
 *   the average answer time is over the merchant's answers in the period, from when it got the move.
 *
 * With `agent` set, every figure but `agents` is computed over the dossiers assigned to that agent
 * now (open ones and closed ones alike: a closure keeps its assignee). `agents` then holds that
 * agent's row alone, computed exactly as in the team's view: the dossiers they hold now, the
 * closures they made, the first replies they wrote, the Klik & Pay deadlines missed while they held
 * the dossier — whoever holds those dossiers now.
 */
export function statsOverview(
  facts: Iterable<DossierFacts>,
  query: StatsQuery,
  now: number,
  settings: DisputeSettings,
): StatsOverview {
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  const only = query.agent;
  const inPeriod = (at: number | null): at is number => at !== null && at >= from && at < to;
  const riskHorizon = addBusinessDays(now, 1, settings.calendar);

  let open = 0;
  const openByStatus: Record<OpenStatus, number> = {
    awaiting_klikpay: 0,
    awaiting_merchant: 0,
    awaiting_customer: 0,
  };
  const openBySubject = { payment: 0, delivery: 0 };
  const klikpayLate = new Earliest(BREACH_IDS_CAP);
  const merchantLate = new Earliest(BREACH_IDS_CAP);
  const atRisk = new Earliest(BREACH_IDS_CAP);
  const weeks = weeksOver(from, to, settings.calendar.timeZone);
  const ages = AGE_BUCKET_DAYS.map(() => 0);
  const replies: number[] = [];
  const byReason = Object.fromEntries(closureReasonSchema.options.map((r) => [r, 0])) as Record<
    ClosureReason,
    number
  >;
  const byOutcome = Object.fromEntries(outcomeKeys.map((o) => [o, 0])) as Record<Outcome | 'none', number>;
  let closed = 0;
  const agents = new Map<string, AgentAcc>();
  const merchants = new Map<string, MerchantAcc>();

  const agentAcc = (id: string | null): AgentAcc | undefined => {
    if (id === null || (only !== undefined && id !== only)) return undefined;
    let acc = agents.get(id);
    if (acc === undefined) {
      acc = { open: 0, closedInPeriod: 0, replies: [], missedInPeriod: 0, lateNow: 0 };
      agents.set(id, acc);
    }
    return acc;
  };

  const merchantOf = (f: DossierFacts): MerchantAcc => {
    let m = merchants.get(f.merchantId);
    if (m === undefined) {
      m = { name: f.merchantName, open: 0, overdue: 0, answerSum: 0, answers: 0, reminders: 0 };
      merchants.set(f.merchantId, m);
    }
    return m;
  };

  for (const f of facts) {
    const status = f.status;
    const dueAt = f.dueAt;
    const isOpen = status !== 'closed';
    const mine = only === undefined || f.assigneeId === only;
    const klikpayLateNow = status === 'awaiting_klikpay' && dueAt !== null && dueAt <= now;
    const replyAt = f.firstReplyAt;
    const replyMs = inPeriod(replyAt) ? Math.max(0, replyAt - f.createdAt) : -1;

    // The agents' rows: each by its own attribution, whatever the filter.
    if (isOpen) {
      const holder = agentAcc(f.assigneeId);
      if (holder) {
        holder.open++;
        if (klikpayLateNow) holder.lateNow++;
      }
    } else if (inPeriod(f.closedAt)) {
      const closer = agentAcc(f.closedBy);
      if (closer) closer.closedInPeriod++;
    }
    if (replyMs >= 0) agentAcc(f.firstReplyBy)?.replies.push(replyMs);

    for (const e of f.episodes) {
      // The rule the `deadlineWeek` filter reads too (sla-weeks.ts): a queue holds what is counted.
      const verdict = countedVerdict(e, from, to, now);
      if (verdict === null) continue;
      if (verdict === 'missed' && e.party === 'klikpay') {
        const holder = agentAcc(e.assigneeId ?? null);
        if (holder) holder.missedInPeriod++;
      }
      const week = mine ? weekOf(weeks, e.due) : undefined;
      if (week) week.tally[e.party][verdict]++;
    }

    if (!mine) continue;
    if (isOpen) {
      open++;
      openByStatus[status]++;
      openBySubject[f.subject]++;
      const merchant = merchantOf(f);
      merchant.open++;
      const ageDays = ageInDays(f.createdAt, now);
      let bucket = 0;
      while (bucket + 1 < AGE_BUCKET_DAYS.length && ageDays >= (AGE_BUCKET_DAYS[bucket + 1] ?? Infinity)) {
        bucket++;
      }
      ages[bucket] = (ages[bucket] ?? 0) + 1;

      // As the Merchant overdue queue: past the answer deadline, overdue, or reminded.
      const merchantLateNow =
        status === 'awaiting_merchant' &&
        (f.merchantStage !== 'answer_due' || (dueAt !== null && dueAt <= now));
      if (klikpayLateNow) klikpayLate.add(dueAt, f.id);
      else if (merchantLateNow) {
        merchantLate.add(dueAt ?? now, f.id);
        merchant.overdue++;
      } else if (status !== 'awaiting_customer' && dueAt !== null && dueAt > now && dueAt <= riskHorizon) {
        atRisk.add(dueAt, f.id);
      }
    } else if (inPeriod(f.closedAt)) {
      closed++;
      if (f.closureReason !== null) byReason[f.closureReason]++;
      byOutcome[f.closureOutcome ?? 'none']++;
    }

    if (replyMs >= 0) replies.push(replyMs);
    for (const a of f.merchantAnswers) {
      if (!inPeriod(a.at)) continue;
      const merchant = merchantOf(f);
      merchant.answers++;
      merchant.answerSum += a.at - a.since;
    }
    for (const r of f.reminders) if (inPeriod(r)) merchantOf(f).reminders++;
  }

  const agentRows: AgentRow[] = [...agents].map(([agentId, a]) => ({
    agentId,
    open: a.open,
    closedInPeriod: a.closedInPeriod,
    firstReply: { count: a.replies.length, medianMs: median(a.replies) },
    breaches: { missedInPeriod: a.missedInPeriod, lateNow: a.lateNow },
  }));
  agentRows.sort(
    (a, b) => b.open - a.open || b.closedInPeriod - a.closedInPeriod || (a.agentId < b.agentId ? -1 : 1),
  );
  const merchantRows: MerchantRow[] = [];
  for (const [merchantId, m] of merchants) {
    // The merchants who keep claims waiting: overdue now, or reminded in the period.
    if (m.overdue === 0 && m.reminders === 0) continue;
    merchantRows.push({
      merchantId,
      merchantName: m.name,
      open: m.open,
      overdue: m.overdue,
      answers: { count: m.answers, averageMs: m.answers === 0 ? null : m.answerSum / m.answers },
      remindersInPeriod: m.reminders,
    });
  }
  merchantRows.sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.remindersInPeriod - a.remindersInPeriod ||
      b.open - a.open ||
      (a.merchantId < b.merchantId ? -1 : 1),
  );

  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    agent: only ?? null,
    now: new Date(now).toISOString(),
    open,
    openByStatus,
    openBySubject,
    breaches: {
      klikpayLate: klikpayLate.result(),
      merchantLate: merchantLate.result(),
      atRisk: atRisk.result(),
    },
    slaByWeek: weeks.map((w) => {
      const parties = episodePartySchema.options;
      const byParty = Object.fromEntries(
        parties.map((p) => [p, { ...w.tally[p], share: ratio(w.tally[p].met, w.tally[p].missed) }]),
      ) as Record<EpisodeParty, SlaScore>;
      let met = 0;
      let missed = 0;
      for (const p of parties) {
        met += w.tally[p].met;
        missed += w.tally[p].missed;
      }
      return {
        week: isoWeekLabel(w.monday),
        start: new Date(w.start).toISOString(),
        end: new Date(w.end).toISOString(),
        byParty,
        all: { met, missed, share: ratio(met, missed) },
      };
    }),
    ageBuckets: AGE_BUCKET_DAYS.map((fromDays, i) => ({
      fromDays,
      toDays: AGE_BUCKET_DAYS[i + 1] ?? null,
      count: ages[i] ?? 0,
    })),
    firstReply: { count: replies.length, medianMs: median(replies) },
    agents: agentRows,
    closures: { count: closed, byReason, byOutcome },
    merchants: merchantRows.slice(0, TOP_MERCHANTS),
  };
}
