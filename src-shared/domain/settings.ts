import { z } from 'zod';
import { addBusinessDays, addCalendarDays, businessCalendarSchema, defaultCalendar } from './calendar';
import type { Dossier } from './model';

/** Every delay of the rules, configurable (docs/product.md, Deadlines and their defaults). */
export const disputeSettingsSchema = z
  .object({
    calendar: businessCalendarSchema,
    /** Klik & Pay replies within this many business days ("if possible, will reply within a day"). */
    klikpayReplyBusinessDays: z.int().min(1).max(30),
    /** The merchant's reasonable period to answer a forwarded claim, in calendar days. */
    merchantAnswerDays: z.int().min(1).max(90),
    /** The new deadline a Good Practices reminder gives the merchant, in calendar days. */
    merchantReminderDays: z.int().min(1).max(90),
    /**
     * When the merchant misses its deadline: `automatic` sends the Good Practices reminder and the
     * customer's rights information at that moment; `manual` leaves them to an agent, and a dossier
     * left in Merchant overdue escalates to Klik & Pay after `overdueEscalationBusinessDays`. Either
     * way a merchant's silence never drifts to a closure for inactivity.
     */
    overdueLetters: z.enum(['automatic', 'manual']).default('automatic'),
    overdueEscalationBusinessDays: z.int().min(1).max(30).default(1),
    /** Days without communication after which a dossier closes by itself. */
    inactivityDays: z.int().min(2).max(3650),
    /** Days before the auto-close at which both parties get a notice. */
    preCloseNoticeDays: z.int().min(1).max(365),
    /** How long a closed dossier stays in the "Recently closed" queue. */
    recentlyClosedDays: z.int().min(1).max(365),
  })
  .refine((s) => s.preCloseNoticeDays < s.inactivityDays, {
    message: 'the pre-close notice must come before the auto-close',
    path: ['preCloseNoticeDays'],
  });
export type DisputeSettings = z.infer<typeof disputeSettingsSchema>;

export const defaultSettings: DisputeSettings = {
  calendar: defaultCalendar,
  klikpayReplyBusinessDays: 1,
  merchantAnswerDays: 7,
  merchantReminderDays: 5,
  overdueLetters: 'automatic',
  overdueEscalationBusinessDays: 1,
  inactivityDays: 120,
  preCloseNoticeDays: 14,
  recentlyClosedDays: 30,
};

const DAY = 86_400_000;
export const ms = (iso: string): number => Date.parse(iso);
export const iso = (at: number): string => new Date(at).toISOString();

export const klikpayDueAt = (from: number, s: DisputeSettings): string =>
  iso(addBusinessDays(from, s.klikpayReplyBusinessDays, s.calendar));
export const merchantDueAt = (from: number, s: DisputeSettings): string =>
  iso(addCalendarDays(from, s.merchantAnswerDays, s.calendar));
export const reminderDueAt = (from: number, s: DisputeSettings): string =>
  iso(addCalendarDays(from, s.merchantReminderDays, s.calendar));
/** Manual letters: when a dossier left in Merchant overdue since `missedAt` escalates. */
export const overdueEscalationAt = (missedAt: string, s: DisputeSettings): number =>
  addBusinessDays(ms(missedAt), s.overdueEscalationBusinessDays, s.calendar);

/**
 * The inactivity clock runs from the last communication, or from a reopening, whichever is later:
 * a dossier reopened after an inactivity close must not close again at once.
 */
export function autoCloseAtFor(
  d: Pick<Dossier, 'lastCommunicationAt' | 'reopenedAt'>,
  s: DisputeSettings,
): string {
  const since = Math.max(ms(d.lastCommunicationAt), d.reopenedAt ? ms(d.reopenedAt) : 0);
  return iso(since + s.inactivityDays * DAY);
}

export const preCloseNoticeFrom = (autoCloseAt: string, s: DisputeSettings): number =>
  ms(autoCloseAt) - s.preCloseNoticeDays * DAY;
