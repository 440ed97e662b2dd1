import { useCallback, useMemo, useState } from 'react';
import type { ChosenFile } from '../../cache/outbox-files';
import type { MutationName } from '../../../src-shared/contract/sync';
import type { Command, CommandArgs } from '../../../src-shared/domain/commands';
import type { Dossier, User } from '../../../src-shared/domain/model';
import type { DisputeSettings } from '../../../src-shared/domain/settings';
import { decide } from '../../../src-shared/domain/lifecycle';
import type { RefusalDetails } from '../../../src-shared/domain/refusals';
import type { Refusal } from '../../../src-shared/domain/transitions';
import { useDesk } from '../../data/desk';

/** A change the agent just tried, refused at once by the local rules (or by the local storage). */
export interface LocalRefusal {
  name: MutationName;
  code: string;
  message: string;
  details?: RefusalDetails | undefined;
}

export interface DossierAction {
  /**
   * Applies the action to the cache (and queues it); true when it was accepted. `holdMs` holds it
   * back from the server for an Undo; `onQueued` learns its mutation id.
   */
  run: <N extends MutationName>(name: N, args: CommandArgs<N>, options?: RunOptions) => Promise<boolean>;
  busy: boolean;
  refusal: LocalRefusal | null;
  clear: () => void;
}

export interface RunOptions {
  holdMs?: number;
  onQueued?: (mutationId: string) => void;
  /** The files the change's `attachments` list (a reply or forward). */
  files?: readonly ChosenFile[];
}

/**
 * One way to act on a dossier from a control: `perform`, with its refusal kept to show inline. The
 * dossier as shown is handed along, so the action shows on it before the cache has it.
 */
export function useDossierAction(dossier: Dossier): DossierAction {
  const dossierId = dossier.id;
  const desk = useDesk();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<LocalRefusal | null>(null);
  const run = useCallback(
    async <N extends MutationName>(
      name: N,
      args: CommandArgs<N>,
      options: RunOptions = {},
    ): Promise<boolean> => {
      setBusy(true);
      setRefusal(null);
      try {
        const { holdMs, onQueued, files } = options;
        const result = await desk.perform(
          name,
          { ...args, dossierId },
          { shown: dossier, ...(holdMs ? { holdMs } : {}), ...(files?.length ? { files } : {}) },
        );
        if (result.ok) onQueued?.(result.mutationId);
        if (!result.ok) {
          const { code, message } = result.error;
          setRefusal({
            name,
            code,
            message,
            details: 'details' in result.error ? result.error.details : undefined,
          });
        }
        return result.ok;
      } finally {
        setBusy(false);
      }
    },
    [desk, dossierId, dossier],
  );
  const clear = useCallback(() => setRefusal(null), []);
  return useMemo(() => ({ run, busy, refusal, clear }), [run, busy, refusal, clear]);
}

/**
 * Would the shared rules refuse this command now? The same `decide` the outbox and the server run,
 * tried on the agent's copy: the screen greys out what cannot be done, and `perform` stays the judge.
 */
export type RuleCheck = (command: Command) => Refusal | null;

export function ruleCheck(dossier: Dossier, user: User, settings: DisputeSettings, now: number): RuleCheck {
  const actor = { role: user.role, id: user.id, name: user.name };
  return (command) => {
    const decided = decide(dossier, command, { now, settings, actor, newId: () => 'preview' });
    return decided.ok ? null : decided.error;
  };
}
