import { useId, useState } from 'react';
import { tagSchema } from '../../../src-shared/domain/model';
import type { Macro } from '../../../src-shared/domain/team';
import { useDesk } from '../../data/desk';
import { useStaff } from '../../data/queues';
import { useT } from '../../i18n/hooks';
import type { BulkAction } from './bulk-run';
import { FilterMenu } from './FilterMenu';

export interface BulkMenuProps {
  disabled: boolean;
  /** The action chosen, and its label in the confirmation ("Assign to Camille Laurent"). */
  onChoose: (action: BulkAction, label: string) => void;
}

/** Assign the selection to me, to an agent, or to nobody. */
export function AssignMenu({ disabled, onChoose }: BulkMenuProps) {
  const t = useT();
  const { user } = useDesk();
  // Absent staff get no new dossier: the rules would refuse each one.
  const staff = useStaff().filter((member) => member.id !== user.id && member.absent !== true);
  return (
    <FilterMenu label={t('bulk.assign')} disabled={disabled} panelClassName="bulk-menu">
      {(close) => {
        const choose = (action: BulkAction, label: string) => {
          close();
          onChoose(action, label);
        };
        return (
          <ul className="bulk-menu__list">
            <li>
              <button
                type="button"
                className="bulk-menu__item"
                onClick={() => choose({ kind: 'assign', assigneeId: user.id }, t('action.assignToMe'))}
              >
                {t('action.assignToMe')}
              </button>
            </li>
            <li>
              <button
                type="button"
                className="bulk-menu__item"
                onClick={() => choose({ kind: 'assign', assigneeId: null }, t('action.unassign'))}
              >
                {t('action.unassign')}
              </button>
            </li>
            {staff.length > 0 ? (
              <li className="bulk-menu__group" aria-hidden="true">
                {t('filters.assignee.agents')}
              </li>
            ) : null}
            {staff.map((member) => {
              const label = t('bulk.assignTo', { name: member.name });
              return (
                <li key={member.id}>
                  <button
                    type="button"
                    className="bulk-menu__item"
                    aria-label={label}
                    onClick={() => choose({ kind: 'assign', assigneeId: member.id }, label)}
                  >
                    {member.name}
                  </button>
                </li>
              );
            })}
          </ul>
        );
      }}
    </FilterMenu>
  );
}

/** Add one tag to every dossier of the selection (their other tags are kept). */
export function TagMenu({ disabled, onChoose, knownTags }: BulkMenuProps & { knownTags: readonly string[] }) {
  const t = useT();
  return (
    <FilterMenu label={t('bulk.tag')} disabled={disabled} panelClassName="bulk-menu">
      {(close) => (
        <TagForm
          knownTags={knownTags}
          onAdd={(tag) => {
            close();
            onChoose({ kind: 'tag', tag }, t('bulk.tagWith', { tag }));
          }}
        />
      )}
    </FilterMenu>
  );
}

function TagForm({ knownTags, onAdd }: { knownTags: readonly string[]; onAdd: (tag: string) => void }) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  return (
    <form
      className="bulk-menu__tag"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = tagSchema.safeParse(text);
        if (!parsed.success) {
          setInvalid(true);
          return;
        }
        onAdd(parsed.data);
      }}
    >
      <div className="field">
        <label htmlFor={id}>{t('bulk.tagLabel')}</label>
        <input
          id={id}
          type="text"
          autoComplete="off"
          list={`${id}-known`}
          value={text}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setInvalid(false);
          }}
        />
        <datalist id={`${id}-known`}>
          {knownTags.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        {invalid ? (
          <p id={`${id}-error`} className="filters__field-error" role="alert">
            {t('filters.tag.invalid')}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button button--primary button--small">
        {t('bulk.tagSubmit')}
      </button>
    </form>
  );
}

/** Run one of the team's macros on every dossier of the selection. */
export function MacroMenu({
  disabled,
  onChoose,
  macros,
  runFor,
}: BulkMenuProps & {
  macros: readonly Macro[];
  /** The macro as a bulk action (its steps planned per dossier when the run reads it). */
  runFor: (macro: Macro) => BulkAction;
}) {
  const t = useT();
  return (
    <FilterMenu label={t('bulk.macros')} disabled={disabled} panelClassName="bulk-menu">
      {(close) =>
        macros.length === 0 ? (
          <p className="bulk-menu__empty">{t('bulk.macrosNone')}</p>
        ) : (
          <ul className="bulk-menu__list">
            {macros.map((macro) => {
              const label = t('bulk.runMacro', { name: macro.name });
              return (
                <li key={macro.id}>
                  <button
                    type="button"
                    className="bulk-menu__item"
                    aria-label={label}
                    onClick={() => {
                      close();
                      onChoose(runFor(macro), label);
                    }}
                  >
                    {macro.name}
                  </button>
                </li>
              );
            })}
          </ul>
        )
      }
    </FilterMenu>
  );
}
