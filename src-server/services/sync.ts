import type { SyncEntity } from '../../src-shared/contract/sync';
import type { Dossier } from '../../src-shared/domain/model';
import { isStaff } from '../../src-shared/domain/vocabulary';
import { ApiProblem } from '../http/problem';
import type { FeedRow, FeedScope } from '../store/feed';
import {
  readFeed,
  readSnapshotOpenDossiers,
  readSnapshotPeople,
  readSnapshotStart,
  readSnapshotTeamItems,
} from '../store/feed';
import type { AccountRow } from '../store/people';
import type { ServerContext } from './context';
import { viewOf } from './visibility';

/** The back office's sync: pulling the change log (pushing intents: push.ts). */

/** A change as it goes out: its document still the JSON text the database holds. */
export interface OutgoingChange {
  entity: SyncEntity;
  id: string;
  /** Null for a deletion. */
  json: string | null;
}

/** A page of `GET /sync/pull` (`PullResponse`), its documents not parsed (see `pullBody`). */
export interface PullPage {
  changes: OutgoingChange[];
  cursor: string;
  hasMore: boolean;
  remaining: number;
}

/**
 * The page as `PullResponse` JSON, with each document spliced in as stored: a page of 2,000
 * changes is several megabytes, and parsing and serializing them again cost more than reading them.
 */
export function pullBody(page: PullPage): string {
  const q = (s: string) => JSON.stringify(s);
  const changes = page.changes.map(
    (c) =>
      `{"entity":${q(c.entity)},"id":${q(c.id)},"op":${c.json === null ? '"delete","data":null' : `"put","data":${c.json}`}}`,
  );
  return `{"changes":[${changes.join(',')}],"cursor":${q(page.cursor)},"hasMore":${page.hasMore},"remaining":${page.remaining}}`;
}

/**
 * Where a pull goes on from. Opaque to clients (at most 200 characters), in two forms:
 * - `c1.<seq>`: after `seq` in the change log (base 36);
 * - `s1.<phase>.<key>.<upTo>.<total>.<sent>`: inside a staff's first sync (docs/sync.md, "The first
 *   sync"): the phase (`u` users, `m` merchants, `t` the team's views and macros, `o` open
 *   dossiers, `l` the rest of the log up to `upTo`), the key of the last row sent in it (an id —
 *   ids never hold a dot — or a seq in base 36; empty at the start of a phase), `upTo` (the last
 *   seq committed when the snapshot began), how many changes the snapshot held, and how many it
 *   has sent.
 */
type SnapshotPhase = 'user' | 'merchant' | 'team' | 'open' | 'log';
interface SnapshotPosition {
  phase: SnapshotPhase;
  /** The last key sent in this phase: an entity id, or a seq in decimal for `log`; '' for none. */
  after: string;
  upTo: bigint;
  total: number;
  sent: number;
}
type Position = { kind: 'log'; after: bigint } | ({ kind: 'snapshot' } & SnapshotPosition);

/** The phases before the log, in order (`t` was added later: the other letters keep their meaning). */
const firstPhases = ['user', 'merchant', 'team', 'open'] as const;
const phaseLetters: Record<SnapshotPhase, string> = {
  user: 'u',
  merchant: 'm',
  team: 't',
  open: 'o',
  log: 'l',
};
const phaseOfLetter = new Map(Object.entries(phaseLetters).map(([p, l]) => [l, p as SnapshotPhase]));

const invalidCursor = () => new ApiProblem('invalid_request', 'This sync cursor is not one the server gave.');
// Twelve base-36 digits stay below 2^63 (a PostgreSQL bigint); ten below 2^53 (a safe integer).
const seqDigits = /^[0-9a-z]{1,12}$/;
const countDigits = /^[0-9a-z]{1,10}$/;
const idKey = /^[A-Za-z0-9_-]{0,64}$/;

function fromBase36(digits: string | undefined, pattern: RegExp): bigint {
  if (digits === undefined || !pattern.test(digits)) throw invalidCursor();
  let n = 0n;
  for (const ch of digits) n = n * 36n + BigInt(parseInt(ch, 36));
  return n;
}

export const encodeCursor = (seq: bigint): string => `c1.${seq.toString(36)}`;
function encodeSnapshotCursor(at: SnapshotPosition): string {
  const key = at.phase === 'log' && at.after !== '' ? BigInt(at.after).toString(36) : at.after;
  const counts = `${at.total.toString(36)}.${at.sent.toString(36)}`;
  return `s1.${phaseLetters[at.phase]}.${key}.${at.upTo.toString(36)}.${counts}`;
}

/** The position a cursor names; null for no cursor (from the start). Refuses any cursor the server would not give. */
export function decodeCursor(cursor: string | undefined): Position | null {
  if (cursor === undefined || cursor === '') return null;
  const parts = cursor.split('.');
  if (parts[0] === 'c1' && parts.length === 2) return { kind: 'log', after: fromBase36(parts[1], seqDigits) };
  if (parts[0] !== 's1' || parts.length !== 6) throw invalidCursor();
  const [, letter = '', key = '', upTo, total, sent] = parts;
  const phase = phaseOfLetter.get(letter);
  if (!phase) throw invalidCursor();
  const at = {
    kind: 'snapshot' as const,
    phase,
    after: key,
    upTo: fromBase36(upTo, seqDigits),
    total: Number(fromBase36(total, countDigits)),
    sent: Number(fromBase36(sent, countDigits)),
  };
  if (phase !== 'log') {
    if (!idKey.test(key)) throw invalidCursor();
    return at;
  }
  if (key === '') return at;
  const after = fromBase36(key, seqDigits);
  if (after > at.upTo) throw invalidCursor();
  return { ...at, after: after.toString() };
}

export function feedScopeOf(a: AccountRow): FeedScope {
  if (isStaff(a.role)) return { kind: 'staff' };
  if (a.role === 'customer' && a.customerId) return { kind: 'customer', id: a.customerId };
  if (a.role === 'merchant' && a.merchantId) return { kind: 'merchant', id: a.merchantId };
  throw new ApiProblem('forbidden', 'This account has nothing to sync.');
}

/**
 * A page of changes. Staff without a cursor get a snapshot first (users, merchants, the team's
 * views and macros and the open dossiers, then the rest of the log as it was when the snapshot
 * began), then the log after it; everyone else, and staff with a `c1` cursor, the log in commit order.
 */
export async function pull(
  ctx: ServerContext,
  a: AccountRow,
  cursor: string | undefined,
  limit: number,
): Promise<PullPage> {
  const scope = feedScopeOf(a);
  const at = decodeCursor(cursor);
  if (at?.kind === 'snapshot') {
    // A snapshot reads the whole log: only staff ever get (or may present) such a cursor.
    if (scope.kind !== 'staff') throw invalidCursor();
    return pullSnapshot(ctx, a, at, limit);
  }
  if (at === null && scope.kind === 'staff') {
    const start = await readSnapshotStart(ctx.db);
    return pullSnapshot(ctx, a, { phase: 'user', after: '', ...start, sent: 0 }, limit);
  }
  return pullLog(ctx, a, scope, at?.after ?? 0n, limit);
}

/** The log after `after`; `remaining` is counted by the same query, over what is left to pull only. */
async function pullLog(
  ctx: ServerContext,
  a: AccountRow,
  scope: FeedScope,
  after: bigint,
  limit: number,
): Promise<PullPage> {
  const page = await readFeed(ctx.db, scope, after, limit, { count: true });
  const last = page.rows.at(-1);
  return {
    changes: page.rows.map(changeFor(a)),
    cursor: encodeCursor(last ? BigInt(last.key) : after),
    hasMore: page.hasMore,
    remaining: page.hasMore ? Math.max(1, (page.after ?? 0) - page.rows.length) : 0,
  };
}

/**
 * Fills the page from the snapshot's phases in order, going on to the next phase when one is done.
 * The last phase is the log after the snapshot's place in it, leaving out what the first phases sent
 * while at or below `upTo`, and going on past `upTo` with the ordinary log: once a page reaches past
 * `upTo` (or the end), the snapshot is complete and the cursor is an ordinary `c1` one.
 */
async function pullSnapshot(
  ctx: ServerContext,
  a: AccountRow,
  at: SnapshotPosition,
  limit: number,
): Promise<PullPage> {
  const rows: FeedRow[] = [];
  const inSnapshot = (position: SnapshotPosition): PullPage => {
    const sent = at.sent + rows.length;
    return {
      changes: rows.map(changeFor(a)),
      cursor: encodeSnapshotCursor({ ...position, sent }),
      hasMore: true,
      remaining: Math.max(1, at.total - sent),
    };
  };
  if (at.phase !== 'log') {
    for (const phase of firstPhases.slice(firstPhases.indexOf(at.phase))) {
      const after = phase === at.phase ? at.after : '';
      const budget = limit - rows.length;
      const page =
        phase === 'open'
          ? await readSnapshotOpenDossiers(ctx.db, after, budget)
          : phase === 'team'
            ? await readSnapshotTeamItems(ctx.db, after, budget)
            : await readSnapshotPeople(ctx.db, phase, after, budget);
      rows.push(...page.rows);
      if (page.hasMore) return inSnapshot({ ...at, phase, after: page.rows.at(-1)?.key ?? after });
    }
  }
  const after = at.phase === 'log' ? at.after : '';
  const page = await readFeed(ctx.db, { kind: 'staff' }, BigInt(after || '0'), limit - rows.length, {
    count: true,
    snapshotUpTo: at.upTo,
  });
  rows.push(...page.rows);
  const lastKey = page.rows.at(-1)?.key ?? after;
  const last = BigInt(lastKey || '0');
  if (page.hasMore && last < at.upTo) return inSnapshot({ ...at, phase: 'log', after: lastKey });
  // Complete. With nothing more to read, every row left between `last` and `upTo` was one the first
  // phases sent: the cursor may go to `upTo`.
  const pastSnapshot = page.rows.filter((r) => BigInt(r.key) > at.upTo).length;
  return {
    changes: rows.map(changeFor(a)),
    cursor: encodeCursor(page.hasMore || last > at.upTo ? last : at.upTo),
    hasMore: page.hasMore,
    remaining: page.hasMore ? Math.max(1, (page.after ?? 0) - pastSnapshot) : 0,
  };
}

const changeFor =
  (a: AccountRow) =>
  (r: FeedRow): OutgoingChange => {
    if (r.op === 'delete' || r.data === null) return { entity: r.entity, id: r.entity_id, json: null };
    // Staff see documents whole; a party's view of a dossier leaves out the staff's own fields.
    const json =
      r.entity === 'dossier' && !isStaff(a.role)
        ? JSON.stringify(viewOf(a, JSON.parse(r.data) as Dossier))
        : r.data;
    return { entity: r.entity, id: r.entity_id, json };
  };
