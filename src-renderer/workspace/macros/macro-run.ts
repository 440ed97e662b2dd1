import type { Dossier } from '../../../src-shared/domain/model';
import type { DisputeSettings } from '../../../src-shared/domain/settings';
import type { Macro, MacroFollowUp } from '../../../src-shared/domain/team';
import type { ActionRequest } from '../../sync/actions';
import { letterText, recipientLanguage } from '../dossier/letters';
import { agentTimeZone, followUpPresets } from '../dossier/follow-up';

/**
 * A macro run on one dossier is the actions an agent would click, in the order they would: the
 * letter first (written from the dossier's facts, as the composer writes it), then the tags, the
 * follow-up, and last what ends their part (take, assign or close). Each is its own intent in the
 * outbox, decided by the same rules as a click: a refused step is said, the others stand.
 */

export interface MacroContext {
  /** Who runs it: "take" is a no-op on a dossier already theirs. */
  userId: string;
  settings: DisputeSettings;
  /** The server-corrected clock, when the macro runs. */
  now: number;
}

/** The instant a macro's follow-up names, on the department's calendar in the agent's zone. */
export function followUpAt(choice: MacroFollowUp, { settings, now }: MacroContext): number {
  const presets = followUpPresets(now, {
    ...settings.calendar,
    timeZone: agentTimeZone(settings.calendar.timeZone),
  });
  const morning = presets.find((p) => p.id === 'tomorrowMorning' || p.id === 'nextBusinessMorning');
  // "Later today" has no instant once it would fall tomorrow: the next business morning then.
  const wanted = choice === 'nextBusinessMorning' ? morning : presets.find((p) => p.id === choice);
  return (wanted ?? morning ?? { at: now + 86_400_000 }).at;
}

/** The macro's actions on one dossier (none for a dossier not in the cache: the run says so). */
export function macroRequests(
  id: string,
  dossier: Dossier | undefined,
  macro: Macro,
  ctx: MacroContext,
): ActionRequest[] {
  const requests: ActionRequest[] = [];
  const on = (request: ActionRequest) => requests.push(request);
  const { letter, tags, followUp, finish } = macro;
  if (letter?.id === 'good_practices_reminder') {
    // The rules write the reminder themselves, with the deadline it sets, in the merchant's language.
    on({ name: 'dossier.remind_merchant', args: { dossierId: id } });
  } else if (letter?.id === 'rights_information') {
    on({ name: 'dossier.inform_customer', args: { dossierId: id } });
  } else if (letter && dossier) {
    const language = recipientLanguage(dossier, letter.audience);
    const body = letterText(dossier, letter.id, language, ctx.settings, ctx.now);
    on({ name: 'dossier.reply', args: { dossierId: id, body, audience: letter.audience } });
  }
  // Sent as the change it is (add these), never as a whole list that would drop a colleague's tag.
  const missing = tags.filter((tag) => !dossier?.tags.includes(tag));
  if (missing.length > 0) on({ name: 'dossier.tag', args: { dossierId: id, add: missing } });
  if (followUp)
    on({
      name: 'dossier.follow_up',
      args: { dossierId: id, until: new Date(followUpAt(followUp, ctx)).toISOString() },
    });
  if (finish.kind === 'take') {
    if (dossier?.assigneeId !== ctx.userId) on({ name: 'dossier.take_over', args: { dossierId: id } });
  } else if (finish.kind === 'assign') {
    if (dossier?.assigneeId !== finish.assigneeId)
      on({ name: 'dossier.assign', args: { dossierId: id, assigneeId: finish.assigneeId } });
  } else if (finish.kind === 'close')
    on({
      name: 'dossier.close',
      args: {
        dossierId: id,
        summary: finish.summary,
        ...(finish.outcome ? { outcome: finish.outcome } : {}),
      },
    });
  return requests;
}
