import { useEffect, useMemo, useState } from 'react';
import type { SpreadMode } from '../../../src-shared/domain/assignments';
import { spreadAssignments } from '../../../src-shared/domain/assignments';
import { useDesk } from '../../data/desk';
import { useStaff } from '../../data/queues';
import { useFormat, useT } from '../../i18n/hooks';
import { Dialog } from '../../ui/Dialog';

export interface SpreadDialogProps {
  /** The selection, read when the dialog opened; null while closed. */
  dossiers: readonly { id: string; assigneeId: string | null }[] | null;
  onCancel: () => void;
  onConfirm: (targets: ReadonlyMap<string, string>) => void;
}

/**
 * A supervisor's bulk reassignment: the selection spread over the chosen agents, evenly or by
 * their current load (open dossiers in this computer's copy), with the plan shown before anything
 * changes ("Camille: +12 → 40 open").
 */
export function SpreadDialog({ dossiers, onCancel, onConfirm }: SpreadDialogProps) {
  const t = useT();
  const format = useFormat();
  const desk = useDesk();
  const staff = useStaff();
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [mode, setMode] = useState<SpreadMode>('load');
  const [loads, setLoads] = useState<ReadonlyMap<string, number>>(new Map());
  const open = dossiers !== null;

  useEffect(() => {
    if (!open) return;
    let live = true;
    // Open dossiers per person: the `assignee` index holds open dossiers only.
    void Promise.all(
      staff.map(async (u) => [u.id, await desk.db.dossiers.where('assignee').equals(u.id).count()] as const),
    ).then((counted) => {
      if (live) setLoads(new Map(counted));
    });
    return () => {
      live = false;
    };
  }, [open, staff, desk.db]);

  const plan = useMemo(
    () => (dossiers ? spreadAssignments(dossiers, chosen, mode, loads) : new Map<string, string>()),
    [dossiers, chosen, mode, loads],
  );
  const given = new Map<string, number>();
  let kept = 0;
  for (const d of dossiers ?? []) {
    const to = plan.get(d.id);
    if (to === undefined) continue;
    if (d.assigneeId === to) kept++;
    else given.set(to, (given.get(to) ?? 0) + 1);
  }
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));

  return (
    <Dialog open={open} onClose={onCancel} title={t('spread.title', { count: dossiers?.length ?? 0 })}>
      <form
        className="spread"
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen.length > 0) onConfirm(plan);
        }}
      >
        <fieldset className="spread__agents">
          <legend>{t('spread.agents')}</legend>
          {staff.map((u) => (
            <label key={u.id} className="spread__agent">
              <input
                type="checkbox"
                checked={chosen.includes(u.id)}
                disabled={u.absent === true}
                onChange={() => toggle(u.id)}
              />
              <span>{u.absent === true ? t('staff.nameAbsent', { name: u.name }) : u.name}</span>
              <span className="spread__load">{t('spread.load', { count: loads.get(u.id) ?? 0 })}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="spread__mode">
          <legend>{t('spread.mode')}</legend>
          {(['load', 'even'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="spread-mode" checked={mode === m} onChange={() => setMode(m)} />
              {t(`spread.mode.${m}`)}
            </label>
          ))}
        </fieldset>
        {chosen.length === 0 ? (
          <p className="spread__plan">{t('spread.none')}</p>
        ) : (
          <ul className="spread__plan" aria-live="polite">
            {chosen.map((id) => (
              <li key={id}>
                {t('spread.plan', {
                  name: staff.find((u) => u.id === id)?.name ?? id,
                  given: format.number(given.get(id) ?? 0),
                  total: format.number((loads.get(id) ?? 0) + (given.get(id) ?? 0)),
                })}
              </li>
            ))}
            {kept > 0 && <li>{t('spread.keep', { count: kept })}</li>}
          </ul>
        )}
        <div className="filters-dialog__actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('filters.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={chosen.length === 0}>
            {t('spread.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
