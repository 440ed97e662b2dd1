import type { Dossier } from './model';
import type { DisputeSettings } from './settings';
import { iso, ms, overdueEscalationAt, preCloseNoticeFrom, reminderDueAt } from './settings';
import type { Decision } from './transitions';
import { Draft, systemActor } from './transitions';

/**
 * The rules that time alone sets off: merchant overdue, escalation after the reminder deadline,
 * the pre-close notice and the auto-close after days without communication. Each fires at its own
 * instant (not when the scheduler happens to run), once, and in the order they fell due.
 */

type Rule = 'rule.merchant_overdue' | 'rule.escalated' | 'rule.pre_close_notice' | 'rule.auto_closed';

/** The next time rule that will fire on this dossier, and when; null if none is pending. */
export function nextTimeRule(d: Dossier, s: DisputeSettings): { rule: Rule; at: number } | null {
  if (d.status === 'closed') return null;
  const due: { rule: Rule; at: number }[] = [];
  if (d.status === 'awaiting_merchant' && d.dueAt !== null) {
    if (d.merchantStage === 'answer_due') due.push({ rule: 'rule.merchant_overdue', at: ms(d.dueAt) });
    // Left in Merchant overdue without a reminder (letters sent by hand): Klik & Pay takes it over.
    if (d.merchantStage === 'overdue')
      due.push({ rule: 'rule.escalated', at: overdueEscalationAt(d.dueAt, s) });
    if (d.merchantStage === 'reminded') due.push({ rule: 'rule.escalated', at: ms(d.dueAt) });
  }
  // While the merchant has the move, its deadlines move the dossier on: its silence never drifts
  // to a closure for inactivity.
  if (d.autoCloseAt !== null && d.status !== 'awaiting_merchant') {
    const closeAt = ms(d.autoCloseAt);
    if (d.preCloseNoticeAt === null) {
      due.push({ rule: 'rule.pre_close_notice', at: preCloseNoticeFrom(d.autoCloseAt, s) });
    }
    due.push({ rule: 'rule.auto_closed', at: closeAt });
  }
  due.sort((a, b) => a.at - b.at);
  return due[0] ?? null;
}

/** Applies every time rule due at or before `now`; an empty result when nothing was due. */
export function applyTimeRules(
  dossier: Dossier,
  now: number,
  settings: DisputeSettings,
  newId: () => string,
): Decision {
  const result: Decision = { dossier, messages: [], events: [] };
  // A dossier goes through at most four rules (overdue, escalation, notice, close) before it closes.
  for (let step = 0; step < 8; step++) {
    const next = nextTimeRule(result.dossier, settings);
    if (next === null || next.at > now) break;
    const decision = fire(result.dossier, next.rule, next.at, settings, newId);
    result.dossier = decision.dossier;
    result.messages.push(...decision.messages);
    result.events.push(...decision.events);
  }
  return result;
}

function fire(d: Dossier, rule: Rule, at: number, s: DisputeSettings, newId: () => string): Decision {
  const draft = new Draft(d, s, newId);
  const x = draft.dossier;
  switch (rule) {
    case 'rule.merchant_overdue':
      x.merchantStage = 'overdue';
      if (s.overdueLetters === 'automatic') {
        // The formal step after a missed deadline, at once: the reminder (with its own deadline)
        // to the merchant, and the customer told of their rights.
        x.merchantStage = 'reminded';
        x.remindedAt = iso(at);
        x.dueAt = reminderDueAt(at, s);
        draft.addMessage(
          systemActor,
          'merchant',
          'good_practices_reminder',
          draft.letter('good_practices_reminder', d.transaction.merchantLanguage),
          at,
        );
        x.customerInformedAt = iso(at);
        draft.addMessage(
          systemActor,
          'customer',
          'rights_information',
          draft.letter('rights_information', d.language),
          at,
        );
      }
      break;
    case 'rule.escalated': {
      const reminded = d.merchantStage === 'reminded';
      draft.toKlikpay(at);
      x.escalatedAt = iso(at);
      draft.notifyBoth('escalation_notice', at, { merchantReminded: reminded });
      draft.keepNoticePeriod(at);
      return draft.finish(rule, systemActor, at, { afterReminder: reminded });
    }
    case 'rule.pre_close_notice':
      x.preCloseNoticeAt = iso(at);
      draft.notifyBoth('pre_close_notice', at);
      break;
    case 'rule.auto_closed':
      draft.close({
        reason: 'inactivity',
        outcome: null,
        summary: null,
        at: iso(at),
        by: { role: 'system', id: null },
      });
      draft.notifyBoth('auto_close_notice', at);
      break;
  }
  return draft.finish(rule, systemActor, at);
}
