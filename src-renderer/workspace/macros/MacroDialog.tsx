import { useId, useRef, useState } from 'react';
import type { Macro } from '../../../src-shared/domain/team';
import {
  macroFollowUps,
  macroLetterIds,
  macroLetters,
  mayEditTeamItem,
} from '../../../src-shared/domain/team';
import { limits } from '../../../src-shared/domain/model';
import { useDesk } from '../../data/desk';
import { useStaff } from '../../data/queues';
import type { MessageKey } from '../../i18n/catalogue';
import { useT } from '../../i18n/hooks';
import { Dialog } from '../../ui/Dialog';
import { OutcomeSelect, RequiredText } from '../../ui/fields';
import type { FinishKind, MacroForm, MacroProblem } from './macro-form';
import { emptyMacroForm, fieldsOf, formOf, letterAudience, macroNameMax } from './macro-form';
import './macros.css';

export interface MacroDialogProps {
  /** The macro to edit; null for a new one. */
  macro: Macro | null;
  /** Every macro of the team (a name is used once). */
  macros: readonly Macro[];
  onClose: () => void;
  /** Told what was saved or deleted, to say so. */
  onDone: (what: 'saved' | 'deleted', name: string) => void;
}

const letterLabels = {
  good_practices_reminder: 'template.goodPractices',
  rights_information: 'template.rights',
  request_for_proof: 'template.proofRequest',
  resolution_proposal: 'template.resolutionProposal',
} as const satisfies Record<(typeof macroLetterIds)[number], MessageKey>;

const finishes: readonly FinishKind[] = ['none', 'take', 'assign', 'close'];

/** A macro's steps in the order they run, saved for the whole team (online: the server shares it). */
export function MacroDialog(props: MacroDialogProps) {
  const t = useT();
  const name = useRef<HTMLInputElement>(null);
  return (
    <Dialog
      open
      onClose={props.onClose}
      title={props.macro ? t('macro.dialog.edit', { name: props.macro.name }) : t('macro.dialog.new')}
      description={t('macro.dialog.description')}
      initialFocus={name}
      className="dialog--macro"
    >
      <MacroFormView {...props} nameRef={name} />
    </Dialog>
  );
}

function MacroFormView({
  macro,
  macros,
  onClose,
  onDone,
  nameRef,
}: MacroDialogProps & { nameRef: React.RefObject<HTMLInputElement | null> }) {
  const t = useT();
  const desk = useDesk();
  const everyone = useStaff();
  const staff = everyone.filter((member) => member.absent !== true || member.id === formAssignee(macro));
  const id = useId();
  const [form, setForm] = useState<MacroForm>(() => (macro ? formOf(macro) : emptyMacroForm));
  const [problem, setProblem] = useState<MacroProblem | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const editable = mayEditTeamItem('macro', desk.user, macro?.createdBy ?? null);
  // The whole staff, absent included: an author on leave still wrote it.
  const author = macro ? (everyone.find((s) => s.id === macro.createdBy)?.name ?? null) : null;
  const authorLine = [
    author ? t('macro.by', { name: author }) : null,
    editable ? null : author ? t('macro.readOnly', { name: author }) : t('macro.error.forbidden'),
  ]
    .filter((part) => part !== null)
    .join(' — ');
  const change = (patch: Partial<MacroForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblem(null);
    setFailure(null);
  };
  const fixed = form.letter !== '' && macroLetters[form.letter] !== null;

  const answerText = (code: string, message: string): string =>
    code === 'offline'
      ? t('macro.error.offline')
      : code === 'forbidden'
        ? t('macro.error.forbidden')
        : t('macro.error.refused', { message });

  const save = async () => {
    const checked = fieldsOf(form, macros, macro?.id ?? null);
    if (!checked.ok) {
      setProblem(checked.problem);
      return;
    }
    setBusy(true);
    const answer = await desk.saveTeamItem({
      kind: 'macro',
      id: macro?.id ?? crypto.randomUUID(),
      fields: checked.fields,
    });
    setBusy(false);
    if (!answer.ok) setFailure(answerText(answer.error.code, answer.error.message));
    else onDone('saved', checked.fields.name);
  };

  const remove = async () => {
    if (!macro) return;
    setBusy(true);
    const answer = await desk.deleteTeamItem({ kind: 'macro', id: macro.id });
    setBusy(false);
    if (!answer.ok) {
      setConfirmDelete(false);
      setFailure(answerText(answer.error.code, answer.error.message));
    } else onDone('deleted', macro.name);
  };

  const nameError =
    problem?.field === 'name'
      ? problem.kind === 'duplicate'
        ? t('macro.error.duplicate', { name: form.name.trim() })
        : t('macro.error.name', { max: macroNameMax })
      : null;
  const field = (suffix: string) => `${id}-${suffix}`;

  return (
    <form
      className="macro-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy && editable) void save();
      }}
    >
      {authorLine ? <p className="macro-form__author">{authorLine}</p> : null}
      <fieldset className="macro-form__fields" disabled={!editable || busy}>
        <div className="field">
          <label htmlFor={field('name')}>{t('macro.name')}</label>
          <input
            ref={nameRef}
            id={field('name')}
            type="text"
            autoComplete="off"
            maxLength={macroNameMax + 20}
            value={form.name}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? field('name-error') : undefined}
            onChange={(e) => change({ name: e.target.value })}
          />
          {nameError ? (
            <p id={field('name-error')} className="field__error" role="alert">
              {nameError}
            </p>
          ) : null}
        </div>
        <div className="macro-form__row">
          <div className="field">
            <label htmlFor={field('letter')}>{t('macro.letter')}</label>
            <select
              id={field('letter')}
              value={form.letter}
              onChange={(e) => {
                const letter = macroLetterIds.find((l) => l === e.target.value) ?? '';
                change({ letter });
              }}
            >
              <option value="">{t('macro.letter.none')}</option>
              {macroLetterIds.map((l) => (
                <option key={l} value={l}>
                  {t(letterLabels[l])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={field('audience')}>{t('macro.audience')}</label>
            <select
              id={field('audience')}
              value={letterAudience(form)}
              disabled={form.letter === '' || fixed}
              onChange={(e) => {
                const audience = (['customer', 'merchant', 'both'] as const).find(
                  (a) => a === e.target.value,
                );
                if (audience) change({ audience });
              }}
            >
              {(['customer', 'merchant', 'both'] as const).map((a) => (
                <option key={a} value={a}>
                  {t(`audience.${a}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={field('tags')}>{t('macro.tags')}</label>
          <input
            id={field('tags')}
            type="text"
            autoComplete="off"
            value={form.tags}
            aria-invalid={problem?.field === 'tags' ? true : undefined}
            aria-describedby={problem?.field === 'tags' ? field('tags-error') : field('tags-hint')}
            onChange={(e) => change({ tags: e.target.value })}
          />
          {problem?.field === 'tags' ? (
            <p id={field('tags-error')} className="field__error" role="alert">
              {t('macro.error.tag', { tag: problem.tag })}
            </p>
          ) : (
            <p id={field('tags-hint')} className="field__hint">
              {t('macro.tagsHint')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={field('follow')}>{t('macro.followUp')}</label>
          <select
            id={field('follow')}
            value={form.finish === 'close' ? '' : form.followUp}
            disabled={form.finish === 'close'}
            onChange={(e) => change({ followUp: macroFollowUps.find((f) => f === e.target.value) ?? '' })}
          >
            <option value="">{t('macro.followUp.none')}</option>
            {macroFollowUps.map((f) => (
              <option key={f} value={f}>
                {t(`followUp.preset.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="macro-form__finish">
          <legend>{t('macro.finish')}</legend>
          {finishes.map((kind) => (
            <label key={kind} className="macro-form__choice">
              <input
                type="radio"
                name={field('finish')}
                value={kind}
                checked={form.finish === kind}
                onChange={() => change({ finish: kind })}
              />
              {t(`macro.finish.${kind}`)}
            </label>
          ))}
        </fieldset>
        {form.finish === 'assign' ? (
          <div className="field">
            <label htmlFor={field('assignee')}>{t('macro.assignee')}</label>
            <select
              id={field('assignee')}
              value={form.assigneeId}
              onChange={(e) => change({ assigneeId: e.target.value })}
            >
              <option value="">{t('macro.assignee.nobody')}</option>
              {staff.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {form.finish === 'close' ? (
          <>
            <RequiredText
              label={t('macro.summary')}
              rows={3}
              maxLength={limits.summary}
              value={form.summary}
              error={problem?.field === 'summary' ? t('macro.error.summary') : null}
              onChange={(summary) => change({ summary })}
            />
            <OutcomeSelect
              value={form.outcome}
              onChange={(outcome) => change({ outcome })}
              noneLabel={t('macro.outcome.none')}
            />
          </>
        ) : null}
      </fieldset>
      {problem?.field === 'form' ? (
        <p className="field__error" role="alert">
          {t('macro.error.empty')}
        </p>
      ) : null}
      {failure ? (
        <p className="field__error" role="alert">
          {failure}
        </p>
      ) : null}
      {confirmDelete ? (
        <div className="macro-form__confirm" role="group" aria-label={t('macro.delete')}>
          <p>{t('macro.deleteConfirm', { name: macro?.name ?? '' })}</p>
          <button type="button" className="button" onClick={() => setConfirmDelete(false)}>
            {t('filters.cancel')}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={() => void remove()}
          >
            {t('macro.delete')}
          </button>
        </div>
      ) : null}
      <div className="filters-dialog__actions">
        {macro && editable && !confirmDelete ? (
          <button
            type="button"
            className="button button--danger macro-form__delete"
            onClick={() => setConfirmDelete(true)}
          >
            {t('macro.delete')}
          </button>
        ) : null}
        <button type="button" className="button" onClick={onClose}>
          {t('filters.cancel')}
        </button>
        {editable ? (
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('macro.save')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** The member a saved macro assigns to (kept in the list even when absent). */
const formAssignee = (macro: Macro | null): string | null =>
  macro?.finish.kind === 'assign' ? macro.finish.assigneeId : null;
