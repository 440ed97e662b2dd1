import type { ReactNode } from 'react';
import { useCallback, useState } from 'react';
import type { Macro } from '../../../src-shared/domain/team';
import { clockNow } from '../../clock';
import { useDesk } from '../../data/desk';
import { useMacros } from '../../data/team';
import { useT } from '../../i18n/hooks';
import type { PaletteCommand } from '../../ui/palette-filter';
import type { ToastQueue } from '../../ui/toast-queue';
import { readUndoDelay } from '../../ui/undo-delay';
import { runBulk } from '../filters/bulk-run';
import { reasonText } from '../filters/BulkSummary';
import { macroAction } from './macro-action';
import { MacroDialog } from './MacroDialog';

export interface MacroControls {
  /** The palette's macro commands: run one on the open dossier, write a new one, edit one. */
  commands: PaletteCommand[];
  /** The macro dialog, when it is open. */
  dialog: ReactNode;
}

/**
 * The team's macros in the workspace. Run on the open dossier, a macro is a bulk action of one
 * dossier: the same planning, refusals and Undo (its changes held for the agent's delay).
 */
export function useMacroControls(
  toasts: ToastQueue,
  /** The open dossier, if any. */
  openId: string | null,
): MacroControls {
  const t = useT();
  const desk = useDesk();
  const macros = useMacros();
  const [editing, setEditing] = useState<Macro | 'new' | null>(null);

  const runOn = useCallback(
    async (macro: Macro, dossierId: string) => {
      const toastId = `macro-${dossierId}`;
      const name = macro.name;
      try {
        const dossier = {
          id: dossierId,
          reference: (await desk.db.dossiers.get(dossierId))?.reference ?? dossierId,
        };
        const report = await runBulk(
          desk,
          [dossier.id],
          macroAction(macro, { userId: desk.user.id, settings: desk.settings, now: clockNow }),
          { holdMs: readUndoDelay() * 1_000, now: clockNow },
        );
        const undo =
          report.undoUntil !== null && report.mutationIds.length > 0
            ? {
                label: t('bulk.undo'),
                onClick: () => {
                  toasts.dismiss(toastId);
                  void desk.undoMany(report.mutationIds).then((taken) => {
                    const late = report.mutationIds.length - taken.length;
                    const where = { name, reference: dossier.reference };
                    toasts.push(
                      late === 0
                        ? { id: toastId, tone: 'info', title: t('macro.undone', where) }
                        : {
                            id: toastId,
                            tone: 'error',
                            title: t('macro.undoneLate', { ...where, count: late }),
                          },
                    );
                  });
                },
              }
            : undefined;
        const group = report.groups[0];
        toasts.push({
          id: toastId,
          ...(group
            ? {
                tone: 'error' as const,
                title: t('macro.ranPartly', {
                  name,
                  reference: dossier.reference,
                  reason: reasonText(t, group),
                }),
              }
            : report.succeeded > 0
              ? { tone: 'success' as const, title: t('macro.ran', { name, reference: dossier.reference }) }
              : { tone: 'info' as const, title: t('macro.nothing', { name, reference: dossier.reference }) }),
          ...(undo ? { action: undo, durationMs: Math.max(6_000, readUndoDelay() * 1_000) } : {}),
        });
      } catch (error) {
        console.error('The macro could not run', error);
        toasts.push({ id: toastId, tone: 'error', title: t('error.storage_failed') });
      }
    },
    [desk, t, toasts],
  );

  const group = t('macro.group');
  const commands: PaletteCommand[] = [
    ...(openId
      ? macros.map((macro) => ({
          id: `macro-run-${macro.id}`,
          label: t('macro.runOn', { name: macro.name }),
          group,
          run: () => void runOn(macro, openId),
        }))
      : []),
    { id: 'macro-new', label: t('macro.new'), group, run: () => setEditing('new') },
    ...macros.map((macro) => ({
      id: `macro-edit-${macro.id}`,
      label: t('macro.edit', { name: macro.name }),
      group,
      run: () => setEditing(macro),
    })),
  ];

  const dialog =
    editing === null ? null : (
      <MacroDialog
        key={editing === 'new' ? 'new' : editing.id}
        macro={editing === 'new' ? null : editing}
        macros={macros}
        onClose={() => setEditing(null)}
        onDone={(what, name) => {
          setEditing(null);
          toasts.push({
            id: `macro-${what}`,
            tone: 'success',
            title: t(what === 'saved' ? 'macro.saved' : 'macro.deleted', { name }),
          });
        }}
      />
    );
  return { commands, dialog };
}
