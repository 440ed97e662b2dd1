import type { Macro, MacroFields, MacroFollowUp, MacroLetterId } from '../../../src-shared/domain/team';
import {
  macroFieldsSchema,
  macroLetters,
  teamItemLimits,
  teamNameKey,
} from '../../../src-shared/domain/team';
import type { Outcome } from '../../../src-shared/domain/vocabulary';

/** The macro dialog's fields as the agent edits them, and how they become a macro or say why not. */

export type FinishKind = 'none' | 'take' | 'assign' | 'close';

export interface MacroForm {
  name: string;
  letter: MacroLetterId | '';
  audience: 'customer' | 'merchant' | 'both';
  tags: string;
  followUp: MacroFollowUp | '';
  finish: FinishKind;
  /** '' for nobody. */
  assigneeId: string;
  summary: string;
  outcome: Outcome | '';
}

export const emptyMacroForm: MacroForm = {
  name: '',
  letter: '',
  audience: 'customer',
  tags: '',
  followUp: '',
  finish: 'none',
  assigneeId: '',
  summary: '',
  outcome: '',
};

export function formOf(macro: Macro): MacroForm {
  const { finish } = macro;
  return {
    name: macro.name,
    letter: macro.letter?.id ?? '',
    audience: macro.letter?.audience ?? 'customer',
    tags: macro.tags.join(', '),
    followUp: macro.followUp ?? '',
    finish: finish.kind,
    assigneeId: finish.kind === 'assign' ? (finish.assigneeId ?? '') : '',
    summary: finish.kind === 'close' ? finish.summary : '',
    outcome: finish.kind === 'close' ? (finish.outcome ?? '') : '',
  };
}

/** Whom the letter goes to: its own recipient when it has one, else the one chosen. */
export const letterAudience = (form: MacroForm): MacroForm['audience'] =>
  form.letter === '' ? form.audience : (macroLetters[form.letter] ?? form.audience);

export type MacroProblem =
  | { field: 'name'; kind: 'invalid' }
  | { field: 'name'; kind: 'duplicate' }
  | { field: 'tags'; tag: string }
  | { field: 'summary' }
  | { field: 'form' };

/** The fields to send, or the first thing to put right (checked by the API's own schema). */
export function fieldsOf(
  form: MacroForm,
  others: readonly Macro[],
  editingId: string | null,
): { ok: true; fields: MacroFields } | { ok: false; problem: MacroProblem } {
  const tags = [
    ...new Set(
      form.tags
        .split(',')
        .map((tag) => tag.trim().toLowerCase())
        .filter((tag) => tag !== ''),
    ),
  ];
  const candidate = {
    name: form.name,
    letter: form.letter === '' ? null : { id: form.letter, audience: letterAudience(form) },
    tags,
    // A follow-up ends when the dossier closes: the dialog offers none then.
    followUp: form.followUp === '' || form.finish === 'close' ? null : form.followUp,
    finish:
      form.finish === 'assign'
        ? { kind: 'assign' as const, assigneeId: form.assigneeId === '' ? null : form.assigneeId }
        : form.finish === 'close'
          ? {
              kind: 'close' as const,
              summary: form.summary,
              ...(form.outcome === '' ? {} : { outcome: form.outcome }),
            }
          : { kind: form.finish },
  };
  const parsed = macroFieldsSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [head, index] = issue?.path ?? [];
    if (head === 'name') return { ok: false, problem: { field: 'name', kind: 'invalid' } };
    if (head === 'tags')
      return {
        ok: false,
        problem: { field: 'tags', tag: typeof index === 'number' ? (tags[index] ?? '') : '' },
      };
    if (head === 'finish') return { ok: false, problem: { field: 'summary' } };
    return { ok: false, problem: { field: 'form' } };
  }
  const key = teamNameKey(parsed.data.name);
  if (others.some((m) => m.id !== editingId && teamNameKey(m.name) === key))
    return { ok: false, problem: { field: 'name', kind: 'duplicate' } };
  return { ok: true, fields: parsed.data };
}

export const macroNameMax = teamItemLimits.name;
