import Dexie from 'dexie';
import type { Dossier } from '../../src-shared/domain/model';
import { isMerchantOverdue } from '../../src-shared/domain/queues';
import { dossierFacts } from '../../src-shared/domain/stats-facts';
import type { CacheDatabase, CachedDossier } from './db';
import { fromCached } from './db';

/**
 * A party's profile, from the local copy: their dossiers, open and closed, and for a merchant the
 * record of their answers — the same facts the supervisor's dashboard counts (`dossierFacts`):
 * each answer while the merchant had the move, and each Good Practices reminder it took.
 */

export type Party = { kind: 'customer' | 'merchant'; id: string };

export interface PartyDossiers {
  /** Most urgent first. */
  open: Dossier[];
  /** Latest closure first. */
  closed: Dossier[];
  openCount: number;
  closedCount: number;
}

/** How many of each a profile lists (the counts are whole). */
export const profileListLimit = 50;

/** Every dossier of the party, read once for both halves of a profile. */
export function readParty(db: CacheDatabase, party: Party): Promise<CachedDossier[]> {
  return db.dossiers
    .where(party.kind === 'customer' ? 'transaction.customerId' : 'transaction.merchantId')
    .equals(party.id)
    .toArray();
}

/** The party's dossiers as a profile lists them, from `readParty`'s answer. */
export function listParty(all: readonly CachedDossier[], limit = profileListLimit): PartyDossiers {
  const byRef = (a: CachedDossier, b: CachedDossier) => (a.reference < b.reference ? -1 : 1);
  const open = all.filter((d) => d.status !== 'closed').sort((a, b) => a.urgency - b.urgency || byRef(a, b));
  const closed = all
    .filter((d) => d.status === 'closed')
    .sort((a, b) => (b.closedMs ?? 0) - (a.closedMs ?? 0) || byRef(a, b));
  return {
    open: open.slice(0, limit).map(fromCached),
    closed: closed.slice(0, limit).map(fromCached),
    openCount: open.length,
    closedCount: closed.length,
  };
}

export interface AnswerRecord {
  /** The dossiers looked at: the merchant's most recent (`sample`). */
  dossiers: number;
  /** Answers given while the merchant had the move, and how long they took on average. */
  answers: number;
  averageMs: number | null;
  /** Good Practices reminders it took to get them (automatic or by hand). */
  reminders: number;
  /** Past their deadline now (the Merchant overdue queue's rule). */
  overdueNow: number;
}

/** The record is read from the most recent dossiers: a long-standing merchant's whole history is not needed. */
export const recordSample = 200;

/** A merchant's record from its dossiers (`readParty`'s answer): only their audit trails are read. */
export async function merchantRecord(
  db: CacheDatabase,
  all: readonly CachedDossier[],
  now: number,
  sample = recordSample,
): Promise<AnswerRecord> {
  const recent = [...all].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).slice(0, sample);
  const trails = await db.transaction('r', db.events, () =>
    Promise.all(
      recent.map((d) =>
        db.events
          .where('[dossierId+at]')
          .between([d.id, Dexie.minKey], [d.id, Dexie.maxKey], true, true)
          .toArray(),
      ),
    ),
  );
  let answers = 0;
  let sum = 0;
  let reminders = 0;
  let overdueNow = 0;
  recent.forEach((cached, i) => {
    const d = fromCached(cached);
    const facts = dossierFacts(d, trails[i] ?? []);
    for (const a of facts.merchantAnswers) {
      answers++;
      sum += a.at - a.since;
    }
    reminders += facts.reminders.length;
    if (isMerchantOverdue(d, now)) overdueNow++;
  });
  return {
    dossiers: recent.length,
    answers,
    averageMs: answers === 0 ? null : sum / answers,
    reminders,
    overdueNow,
  };
}
