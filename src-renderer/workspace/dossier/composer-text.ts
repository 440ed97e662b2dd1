import { limits } from '../../../src-shared/domain/model';
import type { TextProblem } from '../../../src-shared/domain/text';
import { cutText, textSchema } from '../../../src-shared/domain/text';
import type { MessageKey } from '../../i18n/catalogue';

/**
 * The composer's text rules: what it holds is cut like the server would have it (never half of a
 * character), and checked before sending with the very schema the server applies to a message body.
 */

const bodySchema = textSchema(limits.body);

const problemKeys = {
  half_character: 'composer.problem.half_character',
  control_character: 'composer.problem.control_character',
  non_character: 'composer.problem.non_character',
} as const satisfies Record<TextProblem, MessageKey>;

export type BodyProblemKey =
  (typeof problemKeys)[TextProblem] | 'composer.problem.blank' | 'composer.problem.tooLong';

const isTextProblem = (value: unknown): value is TextProblem =>
  typeof value === 'string' && Object.hasOwn(problemKeys, value);

/** Why the server would refuse `body` as a message, as a catalogue key; null when it would take it. */
export function bodyProblem(body: string): BodyProblemKey | null {
  const parsed = bodySchema.safeParse(body);
  if (parsed.success) return null;
  for (const issue of parsed.error.issues) {
    const problem =
      issue.code === 'custom' ? (issue.params as { problem?: unknown } | undefined)?.problem : null;
    if (isTextProblem(problem)) return problemKeys[problem];
  }
  if (parsed.error.issues.some((i) => i.code === 'too_big')) return 'composer.problem.tooLong';
  return 'composer.problem.blank';
}

/** The most the composer holds: a message's limit, cut without leaving half of a character. */
export function limitBody(text: string): { text: string; cut: boolean } {
  const cut = cutText(text, limits.body);
  return { text: cut, cut: cut.length < text.length };
}

/** `more` after `text` (a blank line between), within the limit. */
export function appendText(text: string, more: string): { text: string; cut: boolean } {
  return limitBody(text.trim() === '' ? more : `${text.trimEnd()}\n\n${more}`);
}
