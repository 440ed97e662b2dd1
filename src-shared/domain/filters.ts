import { z } from 'zod';
import { idSchema, tagSchema } from './model';
import type { Dossier } from './model';
import { compareInQueue } from './queues';
import type { QueueId, Viewer } from './queues';
import { reasonSchema, subjectSchema } from './vocabulary';

/**
 * Filters and sorts an agent applies on top of a queue, and the personal views that save them.
 * Pure, like the queues: the cache's planner and any server list use the same predicate.
 */

export const dossierFilterSchema = z.strictObject({
  subjects: z.array(subjectSchema).max(2).optional(),
  reasons: z.array(reasonSchema).max(6).optional(),
  merchantIds: z.array(idSchema).max(50).optional(),
  /** Inclusive bounds, in minor units of the transaction's own currency. */
  amountMin: z.int().nonnegative().optional(),
  amountMax: z.int().nonnegative().optional(),
  /** Every tag listed must be on the dossier. */
  tags: z.array(tagSchema).max(10).optional(),
  /** `me`, `none` (unassigned) or an agent's id. */
  assignee: z.union([z.enum(['me', 'none']), idSchema]).optional(),
});
export type DossierFilter = z.infer<typeof dossierFilterSchema>;

export const sortKeys = ['urgency', 'amount', 'createdAt', 'updatedAt', 'reference'] as const;
export const dossierSortSchema = z.strictObject({
  key: z.enum(sortKeys),
  direction: z.enum(['asc', 'desc']),
});
export type DossierSort = z.infer<typeof dossierSortSchema>;
export const defaultSort: DossierSort = { key: 'urgency', direction: 'asc' };

export const savedViewSchema = z.strictObject({
  id: idSchema,
  name: z.string().trim().min(1).max(80),
  queue: z.string().max(40),
  filter: dossierFilterSchema,
  sort: dossierSortSchema,
});
export type SavedView = z.infer<typeof savedViewSchema>;

export function isEmptyFilter(f: DossierFilter): boolean {
  const lists = [f.subjects, f.reasons, f.merchantIds, f.tags];
  return (
    lists.every((l) => !l || l.length === 0) &&
    f.amountMin === undefined &&
    f.amountMax === undefined &&
    f.assignee === undefined
  );
}

export function matchesFilter(d: Dossier, f: DossierFilter, viewer: Viewer): boolean {
  if (f.subjects?.length && !f.subjects.includes(d.subject)) return false;
  if (f.reasons?.length && !f.reasons.includes(d.reason)) return false;
  if (f.merchantIds?.length && !f.merchantIds.includes(d.transaction.merchantId)) return false;
  if (f.amountMin !== undefined && d.transaction.amount < f.amountMin) return false;
  if (f.amountMax !== undefined && d.transaction.amount > f.amountMax) return false;
  if (f.tags?.length && !f.tags.every((t) => d.tags.includes(t))) return false;
  if (f.assignee === 'none') return d.assigneeId === null;
  if (f.assignee === 'me') return d.assigneeId === viewer.userId;
  if (f.assignee !== undefined) return d.assigneeId === f.assignee;
  return true;
}

/**
 * The order of a sorted queue. Ties are broken by id in code-unit order, which is how an index
 * orders equal keys, so a page read from an index and one sorted in memory agree.
 */
export function compareBy(sort: DossierSort, queue: QueueId): (a: Dossier, b: Dossier) => number {
  if (sort.key === 'urgency') {
    const base = compareInQueue(queue);
    return sort.direction === 'asc' ? base : (a, b) => base(b, a);
  }
  const value = sortValue[sort.key];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va !== vb) return (va < vb ? -1 : 1) * sign;
    return (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * sign;
  };
}

const sortValue: Record<Exclude<DossierSort['key'], 'urgency'>, (d: Dossier) => number | string> = {
  amount: (d) => d.transaction.amount,
  createdAt: (d) => d.createdAt,
  updatedAt: (d) => d.updatedAt,
  reference: (d) => d.reference,
};
