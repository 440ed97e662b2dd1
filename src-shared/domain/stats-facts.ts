import { z } from 'zod';
import type { AuditEvent, Dossier, Message } from './model';
import { idSchema } from './model';
import type { MerchantStage, Status } from './vocabulary';
import {
  closureReasonSchema,
  merchantStageSchema,
  outcomeSchema,
  statuses,
  statusSchema,
  subjectSchema,
} from './vocabulary';

/**
 * What the supervisor's figures need of one dossier, and nothing more: a compact, JSON-serialisable
 * record kept per dossier (an IndexedDB store on the desktop, a table on the server) and recomputed
 * whenever the dossier changes. Instants are epoch milliseconds so the figures never parse a date.
 */

const instantMs = z.int();

/** Who had the move with a deadline: Klik & Pay, the merchant, or the merchant after a Good Practices reminder. */
export const episodePartySchema = z.enum(['klikpay', 'merchant', 'merchant_reminded']);
export type EpisodeParty = z.infer<typeof episodePartySchema>;

/**
 * One deadline a party had: from the moment it got the move (`start`) until the move left it or its
 * stage changed (`end`; null while it lasts). Klik & Pay's episodes also say who held the dossier
 * when the episode was decided (its end, or its deadline if that came first): the one a miss is put to.
 */
export const deadlineEpisodeSchema = z.object({
  party: episodePartySchema,
  start: instantMs,
  due: instantMs,
  end: instantMs.nullable(),
  assigneeId: idSchema.nullable().optional(),
});
export type DeadlineEpisode = z.infer<typeof deadlineEpisodeSchema>;

export const dossierFactsSchema = z.object({
  id: idSchema,
  /** The dossier's version the facts were taken from: a store recomputes them when it moves. */
  version: z.int().nonnegative(),
  status: statusSchema,
  subject: subjectSchema,
  assigneeId: idSchema.nullable(),
  merchantId: idSchema,
  merchantName: z.string(),
  createdAt: instantMs,
  closedAt: instantMs.nullable(),
  closureReason: closureReasonSchema.nullable(),
  closureOutcome: outcomeSchema.nullable(),
  /** The agent or supervisor who closed it; null when the customer or the inactivity rule did. */
  closedBy: idSchema.nullable(),
  dueAt: instantMs.nullable(),
  merchantStage: merchantStageSchema.nullable(),
  /** In the Escalated queue now. */
  escalated: z.boolean(),
  /** Times the move went back to Klik & Pay by escalation (customer or rule), as far as the history tells. */
  escalations: z.int().nonnegative(),
  /** Klik & Pay's first message to a party (an agent's or a supervisor's, never an automatic letter). */
  firstReplyAt: instantMs.nullable(),
  /** Who wrote it; null when only the dossier's `firstResponseAt` is known. */
  firstReplyBy: idSchema.nullable(),
  /** Each Good Practices reminder that gave the merchant a new deadline (automatic or by hand), in order. */
  reminders: z.array(instantMs),
  episodes: z.array(deadlineEpisodeSchema),
  /** Each time the merchant answered while it had the move: when, and since when it had the move. */
  merchantAnswers: z.array(z.object({ at: instantMs, since: instantMs })),
});
export type DossierFacts = z.infer<typeof dossierFactsSchema>;

/**
 * Met when the episode ended before its deadline; missed when it ended at or after it, or is still
 * running past it; null (not decided yet) while it runs within it. At the deadline itself a party is
 * already late, as everywhere in the rules (`queues.ts`), and the time rules end a missed merchant
 * deadline exactly on it.
 */
export function episodeVerdict(e: DeadlineEpisode, now: number): 'met' | 'missed' | null {
  if (e.end !== null) return e.end < e.due ? 'met' : 'missed';
  return e.due <= now ? 'missed' : null;
}

// ---------------------------------------------------------------------------------------------
// Replaying the audit trail

interface Tracked {
  status: Status;
  dueAt: number | null;
  merchantStage: MerchantStage | null;
  assigneeId: string | null;
  remindedAt: number | null;
  escalatedAt: number | null;
  reopenedAt: number | null;
}
type Field = keyof Tracked;
const fields: readonly Field[] = [
  'status',
  'dueAt',
  'merchantStage',
  'assigneeId',
  'remindedAt',
  'escalatedAt',
  'reopenedAt',
];

const isStatus = (v: unknown): v is Status => (statuses as readonly unknown[]).includes(v);
const isStage = (v: unknown): v is MerchantStage => merchantStageSchema.options.includes(v as MerchantStage);
/** An instant, null, or undefined when the value is neither (a malformed change is ignored). */
function readInstant(v: unknown): number | null | undefined {
  if (v === null) return null;
  if (typeof v !== 'string') return undefined;
  const at = Date.parse(v);
  return Number.isFinite(at) ? at : undefined;
}
const readers: { [K in Field]: (v: unknown) => Tracked[K] | undefined } = {
  status: (v) => (isStatus(v) ? v : undefined),
  dueAt: readInstant,
  merchantStage: (v) => (v === null || isStage(v) ? v : undefined),
  assigneeId: (v) => (v === null || typeof v === 'string' ? v : undefined),
  remindedAt: readInstant,
  escalatedAt: readInstant,
  reopenedAt: readInstant,
};

const parseOr = (value: string | null, fallback: number | null): number | null => {
  if (value === null) return fallback;
  const at = Date.parse(value);
  return Number.isFinite(at) ? at : fallback;
};

function snapshotState(d: Dossier): Tracked {
  return {
    status: d.status,
    dueAt: parseOr(d.dueAt, null),
    merchantStage: d.merchantStage,
    assigneeId: d.assigneeId,
    remindedAt: parseOr(d.remindedAt, null),
    escalatedAt: parseOr(d.escalatedAt, null),
    reopenedAt: parseOr(d.reopenedAt, null),
  };
}

/** The deadline whose move it is in a state, or null when nobody's move has a deadline. */
function episodeKey(s: Tracked): { party: EpisodeParty; due: number } | null {
  if (s.dueAt === null) return null;
  if (s.status === 'awaiting_klikpay') return { party: 'klikpay', due: s.dueAt };
  if (s.status !== 'awaiting_merchant') return null;
  // Merchant overdue (letters by hand) has no deadline of the merchant's own: the first one was missed.
  if (s.merchantStage === 'answer_due') return { party: 'merchant', due: s.dueAt };
  if (s.merchantStage === 'reminded') return { party: 'merchant_reminded', due: s.dueAt };
  return null;
}
const sameKey = (a: ReturnType<typeof episodeKey>, b: ReturnType<typeof episodeKey>): boolean =>
  a === null || b === null ? a === b : a.party === b.party && a.due === b.due;

/**
 * When an episode's start is not in the history (a dossier without events, a history cut short):
 * the latest marker the snapshot keeps that could have opened it, else the filing.
 */
function estimatedStart(party: EpisodeParty, s: Tracked, createdAt: number, due: number): number {
  let start = createdAt;
  const consider = (at: number | null) => {
    if (at !== null && at > start && at <= due) start = at;
  };
  consider(s.reopenedAt);
  if (party === 'klikpay') consider(s.escalatedAt);
  if (party === 'merchant_reminded') consider(s.remindedAt);
  return Math.min(start, due);
}

/** A staff command that always sends a message to a party: Klik & Pay replying. */
const staffReplies = new Set([
  'dossier.reply',
  'dossier.forward_to_merchant',
  'dossier.remind_merchant',
  'dossier.inform_customer',
]);
const isStaffRole = (role: string): boolean => role === 'agent' || role === 'supervisor';

interface Timed {
  event: AuditEvent;
  at: number;
}
interface FirstReply {
  at: number;
  by: string | null;
  id: string;
}

/** How far (in events and in time) the replay looks for the event that really came next. */
const LOOKAHEAD_EVENTS = 8;
const LOOKAHEAD_MS = 6 * 3_600_000;

/** The dossier's life told again from its audit trail, one event at a time. */
class Replay {
  readonly episodes: DeadlineEpisode[] = [];
  readonly reminders = new Set<number>();
  readonly escalations = new Set<number>();
  readonly merchantAnswers: { at: number; since: number }[] = [];
  firstReply: FirstReply | null = null;
  lastAt = Number.NEGATIVE_INFINITY;
  private current: DeadlineEpisode | null = null;
  /** The episode that ended last. */
  private ended: DeadlineEpisode | null = null;
  /** Null when the merchant's move began before the known history. */
  private merchantSince: number | null = null;

  constructor(
    readonly state: Tracked,
    private readonly createdAt: number,
    firstAt: number,
  ) {
    const key = episodeKey(state);
    if (key !== null) {
      this.open(key.party, key.due, Math.min(estimatedStart(key.party, state, createdAt, key.due), firstAt));
    }
    if (state.remindedAt !== null) this.reminders.add(state.remindedAt);
    if (state.escalatedAt !== null) this.escalations.add(state.escalatedAt);
  }

  private open(party: EpisodeParty, due: number, start: number): void {
    const episode: DeadlineEpisode = { party, start, due, end: null };
    if (party === 'klikpay') episode.assigneeId = this.state.assigneeId;
    this.episodes.push(episode);
    this.current = episode;
  }

  private close(at: number): void {
    if (this.current === null) return;
    this.current.end = Math.max(at, this.current.start);
    this.ended = this.current;
    this.current = null;
  }

  apply({ event, at }: Timed): void {
    const state = this.state;
    this.lastAt = Math.max(this.lastAt, at);
    const keyBefore = episodeKey(state);
    const statusBefore = state.status;
    for (const field of fields) {
      const change = event.changes[field];
      if (change === undefined) continue;
      const after = readers[field](change.after);
      if (after !== undefined) (state as Record<Field, unknown>)[field] = after;
    }
    if (event.changes.remindedAt !== undefined && state.remindedAt !== null) {
      this.reminders.add(state.remindedAt);
    }
    if (event.changes.escalatedAt !== undefined && state.escalatedAt !== null) {
      this.escalations.add(state.escalatedAt);
    }
    if (statusBefore !== 'awaiting_merchant' && state.status === 'awaiting_merchant') this.merchantSince = at;
    if (statusBefore === 'awaiting_merchant' && state.status !== 'awaiting_merchant') {
      if (event.actor.role === 'merchant' && this.merchantSince !== null) {
        this.merchantAnswers.push({ at, since: Math.min(this.merchantSince, at) });
      }
      this.merchantSince = null;
    }
    if (this.firstReply === null && staffReplies.has(event.type) && isStaffRole(event.actor.role)) {
      this.firstReply = { at, by: event.actor.id, id: event.id };
    }
    const keyAfter = episodeKey(state);
    if (!sameKey(keyBefore, keyAfter)) {
      this.close(at);
      if (keyAfter !== null) this.open(keyAfter.party, keyAfter.due, at);
    }
    // Klik & Pay's deadline is put to whoever holds the dossier when it passes or, if the move left
    // before, once every event of that instant has happened (their order within it is unknown).
    const holder = state.assigneeId;
    const current = this.current;
    if (current?.party === 'klikpay' && at < current.due) current.assigneeId = holder;
    const ended = this.ended;
    if (ended?.party === 'klikpay' && ended.end === at && at < ended.due) ended.assigneeId = holder;
  }

  /** A history that stops short of the snapshot: what is missing happened by the last update. */
  catchUp(snapshot: Tracked, updatedAt: number, hadHistory: boolean): void {
    const key = episodeKey(snapshot);
    if (sameKey(this.current, key)) return;
    const at = Math.max(updatedAt, this.lastAt);
    this.close(at);
    if (key === null) return;
    const start = hadHistory ? at : estimatedStart(key.party, snapshot, this.createdAt, key.due);
    for (const field of fields) (this.state as Record<Field, unknown>)[field] = snapshot[field];
    this.open(key.party, key.due, Math.min(start, key.due));
  }
}

const filed = (t: Timed): number => (t.event.type === 'dossier.filed' ? 0 : 1);

/** Time order, the filing first at its instant, then ids: any arrival order gives one order. */
function inTimeOrder(dossierId: string, events: readonly AuditEvent[]): Timed[] {
  const timed: Timed[] = [];
  for (const event of events) {
    const at = Date.parse(event.at);
    if (event.dossierId === dossierId && Number.isFinite(at)) timed.push({ event, at });
  }
  return timed.sort(
    (a, b) =>
      a.at - b.at || filed(a) - filed(b) || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0),
  );
}

/** The event's values on one side of it are the state's (values it does not change, or cannot be read, agree). */
function agrees(event: AuditEvent, state: Tracked, side: 'before' | 'after'): boolean {
  return fields.every((field) => {
    const change = event.changes[field];
    if (change === undefined) return true;
    const value = readers[field](change[side]);
    return value === undefined || value === state[field];
  });
}

/**
 * The order the events happened in, and the state before the first of them, found by undoing them
 * from the snapshot (the one state known for sure) back: latest first, except where the latest's
 * after-values contradict the state (an instant shared by a time rule and a command, a clock a
 * little behind), then the first of the few events before it that agrees goes back first.
 */
function chronicle(timed: readonly Timed[], snapshot: Tracked): { order: Timed[]; initial: Tracked } {
  const state: Tracked = { ...snapshot };
  const done = new Uint8Array(timed.length);
  const order: Timed[] = [];
  for (let tail = timed.length - 1; tail >= 0;) {
    const last = timed[tail];
    if (last === undefined || done[tail] === 1) {
      tail--;
      continue;
    }
    let pick = last;
    let at = tail;
    if (!agrees(last.event, state, 'after')) {
      for (let j = tail - 1, seen = 0; j >= 0 && seen < LOOKAHEAD_EVENTS; j--) {
        const candidate = timed[j];
        if (candidate === undefined || last.at - candidate.at > LOOKAHEAD_MS) break;
        if (done[j] === 1) continue;
        seen++;
        if (agrees(candidate.event, state, 'after')) {
          pick = candidate;
          at = j;
          break;
        }
      }
    }
    done[at] = 1;
    order.push(pick);
    for (const field of fields) {
      const change = pick.event.changes[field];
      const before = change === undefined ? undefined : readers[field](change.before);
      if (before !== undefined) (state as Record<Field, unknown>)[field] = before;
    }
  }
  return { order: order.reverse(), initial: state };
}

function firstReplyOf(
  dossier: Dossier,
  fromEvents: FirstReply | null,
  timed: readonly Timed[],
  messages: readonly Message[],
): FirstReply | null {
  let first = fromEvents;
  let earliest = timed[0]?.at ?? Number.POSITIVE_INFINITY;
  for (const m of messages) {
    if (m.dossierId !== dossier.id) continue;
    const at = Date.parse(m.createdAt);
    if (!Number.isFinite(at)) continue;
    earliest = Math.min(earliest, at);
    if (m.audience === 'internal' || !isStaffRole(m.author.role)) continue;
    if (first === null || at < first.at || (at === first.at && m.id < first.id)) {
      first = { at, by: m.author.id, id: m.id };
    }
  }
  const firstResponseAt = parseOr(dossier.firstResponseAt, null);
  // `firstResponseAt` also counts a merchant's answer: trusted only from before the known history.
  if (first === null && firstResponseAt !== null && firstResponseAt < earliest) {
    first = { at: firstResponseAt, by: null, id: '' };
  }
  return first;
}

/**
 * The figures' facts of one dossier, from its snapshot (the truth for every current value) and its
 * audit trail (what happened over time: deadline episodes, first reply, reminders, answers). Events
 * may come in any order, and the history may be partial or absent: the facts are then what the
 * snapshot alone can tell (an episode's start is then estimated). `messages`, when given, also
 * name the first reply's author.
 */
export function dossierFacts(
  dossier: Dossier,
  events: readonly AuditEvent[],
  messages: readonly Message[] = [],
): DossierFacts {
  const createdAt = Date.parse(dossier.createdAt);
  const snapshot = snapshotState(dossier);
  const timed = inTimeOrder(dossier.id, events);
  const { order, initial } = chronicle(timed, snapshot);
  const replay = new Replay(initial, createdAt, timed[0]?.at ?? Number.POSITIVE_INFINITY);
  for (const t of order) replay.apply(t);
  replay.catchUp(snapshot, parseOr(dossier.updatedAt, createdAt) ?? createdAt, timed.length > 0);
  if (snapshot.remindedAt !== null) replay.reminders.add(snapshot.remindedAt);
  if (snapshot.escalatedAt !== null) replay.escalations.add(snapshot.escalatedAt);
  const firstReply = firstReplyOf(dossier, replay.firstReply, timed, messages);

  const closure = dossier.closure;
  return {
    id: dossier.id,
    version: dossier.version,
    status: dossier.status,
    subject: dossier.subject,
    assigneeId: dossier.assigneeId,
    merchantId: dossier.transaction.merchantId,
    merchantName: dossier.transaction.merchantName,
    createdAt,
    closedAt: closure === null ? null : parseOr(closure.at, null),
    closureReason: closure?.reason ?? null,
    closureOutcome: closure?.outcome ?? null,
    closedBy: closure !== null && isStaffRole(closure.by.role) ? closure.by.id : null,
    dueAt: snapshot.dueAt,
    merchantStage: dossier.merchantStage,
    escalated: dossier.status === 'awaiting_klikpay' && snapshot.escalatedAt !== null,
    escalations: replay.escalations.size,
    firstReplyAt: firstReply?.at ?? null,
    firstReplyBy: firstReply?.by ?? null,
    reminders: [...replay.reminders].sort((a, b) => a - b),
    episodes: replay.episodes,
    merchantAnswers: replay.merchantAnswers,
  };
}
