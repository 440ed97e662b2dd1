import type { Dossier } from './model';
import type { DisputeSettings } from './settings';
import { iso, ms, preCloseNoticeFrom } from './settings';
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
    if (d.merchantStage === 'reminded') due.push({ rule: 'rule.escalated', at: ms(d.dueAt) });
  }
  if (d.autoCloseAt !== null) {
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
      break;
    case 'rule.escalated':
      draft.toKlikpay(at);
      x.escalatedAt = iso(at);
      draft.notifyBoth('escalation_notice', at);
      break;
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
