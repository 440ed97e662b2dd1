import type { DisputeSettings } from '../../../src-shared/domain/settings';
import type { Macro } from '../../../src-shared/domain/team';
import type { BulkAction } from '../filters/bulk-run';
import { macroRequests } from './macro-run';

/**
 * A macro as a bulk action: each dossier's steps are planned as the run reads it (its letter
 * written from its own facts), at the clock of that moment.
 */
export function macroAction(
  macro: Macro,
  ctx: { userId: string; settings: DisputeSettings; now: () => number },
): BulkAction {
  return {
    kind: 'macro',
    name: macro.name,
    requestsFor: (id, dossier) =>
      macroRequests(id, dossier, macro, { userId: ctx.userId, settings: ctx.settings, now: ctx.now() }),
  };
}
