import type {
  ClosureOutcomeFilter,
  DeadlineFilter,
  DossierFilter,
  DossierSort,
} from '../../../src-shared/domain/filters';
import { dossierFilterSchema, dossierSortSchema } from '../../../src-shared/domain/filters';
import type { ClosureReason, Reason, Subject } from '../../../src-shared/domain/vocabulary';

/**
 * The filter bar's model, as pure functions: filters are edited as plain values, cleaned of empty
 * parts, and checked against the shared schemas before the queue ever sees them.
 */

/** The filter without its empty parts: `{}` is "no filter", and a saved view stores no noise. */
export function cleanFilter(f: DossierFilter): DossierFilter {
  const out: DossierFilter = {};
  if (f.subjects?.length) out.subjects = f.subjects;
  if (f.reasons?.length) out.reasons = f.reasons;
  if (f.merchantIds?.length) out.merchantIds = f.merchantIds;
  if (f.currency !== undefined) out.currency = f.currency;
  if (f.amountMin !== undefined) out.amountMin = f.amountMin;
  if (f.amountMax !== undefined) out.amountMax = f.amountMax;
  if (f.tags?.length) out.tags = f.tags;
  if (f.assignee !== undefined) out.assignee = f.assignee;
  if (f.deadline !== undefined) out.deadline = f.deadline;
  if (f.age !== undefined) out.age = f.age;
  if (f.closureReasons?.length) out.closureReasons = f.closureReasons;
  if (f.outcomes?.length) out.outcomes = f.outcomes;
  if (f.closedFrom !== undefined) out.closedFrom = f.closedFrom;
  if (f.closedTo !== undefined) out.closedTo = f.closedTo;
  if (f.deadlineWeek !== undefined) out.deadlineWeek = f.deadlineWeek;
  if (f.unread) out.unread = true;
  return out;
}

/** The list with `value` added, or removed when it was there. */
export function toggleIn<T>(list: readonly T[] | undefined, value: T): T[] {
  const current = list ?? [];
  return current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
}

/** What keeps a filter from being applied, each with its own message in the bar. */
export type FilterProblem = 'amountOrder' | 'amountCurrency' | 'tooManyMerchants' | 'tooManyTags' | 'invalid';

export type CheckedFilters =
  { ok: true; filter: DossierFilter; sort: DossierSort } | { ok: false; problem: FilterProblem };

/** The filter and sort as the shared schemas accept them (tags trimmed and lower-cased), or why not. */
export function checkFilters(filter: DossierFilter, sort: DossierSort): CheckedFilters {
  const parsedFilter = dossierFilterSchema.safeParse(cleanFilter(filter));
  const parsedSort = dossierSortSchema.safeParse(sort);
  if (!parsedFilter.success) {
    const issues = parsedFilter.error.issues;
    const has = (code: string, field: string) =>
      issues.some((issue) => issue.code === code && issue.path[0] === field);
    if (has('too_big', 'merchantIds')) return { ok: false, problem: 'tooManyMerchants' };
    if (has('too_big', 'tags')) return { ok: false, problem: 'tooManyTags' };
    // Amount bounds without a currency (the bar always sends one; a filter made elsewhere may not).
    if (has('custom', 'currency')) return { ok: false, problem: 'amountCurrency' };
    return { ok: false, problem: 'invalid' };
  }
  if (!parsedSort.success) return { ok: false, problem: 'invalid' };
  const { amountMin, amountMax } = parsedFilter.data;
  if (amountMin !== undefined && amountMax !== undefined && amountMin > amountMax) {
    return { ok: false, problem: 'amountOrder' };
  }
  return { ok: true, filter: parsedFilter.data, sort: parsedSort.data };
}

/** The currency the amount control proposes when the filter names none: most dossiers are in EUR. */
export const defaultCurrency = 'EUR';

/**
 * The currencies the amount control offers: those of the cached dossiers, most frequent first,
 * then the default and the filter's own if the cache holds none of them (a saved view may name a
 * currency no cached dossier uses yet).
 */
export function currencyOptions(inCache: readonly string[], selected: string | undefined): string[] {
  const options = [...inCache];
  for (const code of [defaultCurrency, selected]) {
    if (code !== undefined && !options.includes(code)) options.push(code);
  }
  return options;
}

/**
 * One active filter, as a removable chip; `amount` is the currency with its bounds, if any, `age`
 * both bounds of the age, `closed` both ends of the closure period, `deadlineWeek` a figure of the
 * dashboard's deadlines met by week.
 */
export type FilterChip =
  | { kind: 'subject'; value: Subject }
  | { kind: 'reason'; value: Reason }
  | { kind: 'merchant'; value: string }
  | { kind: 'amount' }
  | { kind: 'tag'; value: string }
  | { kind: 'assignee'; value: string }
  | { kind: 'deadline'; value: DeadlineFilter }
  | { kind: 'age' }
  | { kind: 'closureReason'; value: ClosureReason }
  | { kind: 'outcome'; value: ClosureOutcomeFilter }
  | { kind: 'closed' }
  | { kind: 'deadlineWeek' }
  | { kind: 'unread' };

export function chipsOf(f: DossierFilter): FilterChip[] {
  return [
    ...(f.subjects ?? []).map((value): FilterChip => ({ kind: 'subject', value })),
    ...(f.reasons ?? []).map((value): FilterChip => ({ kind: 'reason', value })),
    ...(f.merchantIds ?? []).map((value): FilterChip => ({ kind: 'merchant', value })),
    ...(f.currency !== undefined || f.amountMin !== undefined || f.amountMax !== undefined
      ? [{ kind: 'amount' } as const]
      : []),
    ...(f.tags ?? []).map((value): FilterChip => ({ kind: 'tag', value })),
    ...(f.assignee !== undefined ? [{ kind: 'assignee', value: f.assignee } as const] : []),
    ...(f.deadline !== undefined ? [{ kind: 'deadline', value: f.deadline } as const] : []),
    ...(f.age !== undefined ? [{ kind: 'age' } as const] : []),
    ...(f.closureReasons ?? []).map((value): FilterChip => ({ kind: 'closureReason', value })),
    ...(f.outcomes ?? []).map((value): FilterChip => ({ kind: 'outcome', value })),
    ...(f.closedFrom !== undefined || f.closedTo !== undefined ? [{ kind: 'closed' } as const] : []),
    ...(f.deadlineWeek !== undefined ? [{ kind: 'deadlineWeek' } as const] : []),
    ...(f.unread ? [{ kind: 'unread' } as const] : []),
  ];
}

/** The filter without the chip's part. */
export function withoutChip(f: DossierFilter, chip: FilterChip): DossierFilter {
  switch (chip.kind) {
    case 'subject':
      return cleanFilter({ ...f, subjects: f.subjects?.filter((v) => v !== chip.value) });
    case 'reason':
      return cleanFilter({ ...f, reasons: f.reasons?.filter((v) => v !== chip.value) });
    case 'merchant':
      return cleanFilter({ ...f, merchantIds: f.merchantIds?.filter((v) => v !== chip.value) });
    case 'amount':
      // The bounds mean nothing without their currency: the chip removes both.
      return cleanFilter({ ...f, currency: undefined, amountMin: undefined, amountMax: undefined });
    case 'tag':
      return cleanFilter({ ...f, tags: f.tags?.filter((v) => v !== chip.value) });
    case 'assignee':
      return cleanFilter({ ...f, assignee: undefined });
    case 'deadline':
      return cleanFilter({ ...f, deadline: undefined });
    case 'age':
      return cleanFilter({ ...f, age: undefined });
    case 'closureReason':
      return cleanFilter({ ...f, closureReasons: f.closureReasons?.filter((v) => v !== chip.value) });
    case 'outcome':
      return cleanFilter({ ...f, outcomes: f.outcomes?.filter((v) => v !== chip.value) });
    case 'closed':
      return cleanFilter({ ...f, closedFrom: undefined, closedTo: undefined });
    case 'deadlineWeek':
      return cleanFilter({ ...f, deadlineWeek: undefined });
    case 'unread':
      return cleanFilter({ ...f, unread: undefined });
  }
}

export const chipKey = (chip: FilterChip): string =>
  'value' in chip ? `${chip.kind}:${chip.value}` : chip.kind;

/** Case- and accent-insensitive text for "type to narrow" pickers. */
export const folded = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
