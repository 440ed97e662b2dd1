import { z } from 'zod';

/**
 * What text a person may write, checked at every boundary. Refused: half of a character (a lone
 * UTF-16 surrogate, e.g. an emoji cut in two: PostgreSQL's jsonb refuses it and it shows as garbage
 * everywhere), NUL and the other control characters but tab and line breaks (invisible, and NUL is
 * refused by PostgreSQL too), and Unicode's non-characters (reserved never to appear in text).
 */

export type TextProblem = 'half_character' | 'control_character' | 'non_character';

const problemText: Record<TextProblem, string> = {
  half_character: 'must not contain half of a character (a lone UTF-16 surrogate)',
  control_character: 'must not contain control characters (only tabs and line breaks)',
  non_character: 'must not contain Unicode non-characters',
};

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isControl = (c: number) =>
  (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);
const isNonCharacter = (cp: number) => (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;

/** The first thing wrong with `s` as written text, or null when it is fine. */
export function textProblem(s: string): TextProblem | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHigh(c)) {
      const next = s.charCodeAt(i + 1);
      if (!isLow(next)) return 'half_character';
      if (isNonCharacter(0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00))) return 'non_character';
      i++;
    } else if (isLow(c)) return 'half_character';
    else if (isControl(c)) return 'control_character';
    else if (isNonCharacter(c)) return 'non_character';
  }
  return null;
}

/**
 * `s` made safe to quote and store (in an error message, a log, the audit trail): every character
 * `textProblem` refuses becomes U+FFFD, and it is cut to `max` UTF-16 units without halving one.
 */
export function quotable(s: string, max = 200): string {
  let out = '';
  let i = 0;
  for (; i < s.length && out.length < max; i++) {
    const c = s.charCodeAt(i);
    if (isHigh(c) && isLow(s.charCodeAt(i + 1))) {
      if (out.length + 2 > max) break;
      const pair = s.slice(i, i + 2);
      out += textProblem(pair) === null ? pair : '\ufffd';
      i++;
    } else if (isHigh(c) || isLow(c) || isControl(c) || isNonCharacter(c)) out += '\ufffd';
    else out += s.charAt(i);
  }
  return i < s.length ? `${out}…` : out;
}

/** Cuts `s` to at most `max` UTF-16 units without leaving half of a character at the end. */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = isHigh(s.charCodeAt(max - 1)) ? max - 1 : max;
  return s.slice(0, end);
}

/** Refines a string schema with `textProblem`. */
export const writtenText = <S extends z.ZodType<string>>(schema: S) =>
  schema.superRefine((s, ctx) => {
    const problem = textProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problemText[problem], params: { problem } });
  });

/** Text a person wrote: trimmed, not blank, bounded. Rendered as text everywhere, never as HTML. */
export const textSchema = (max: number) =>
  writtenText(z.string().trim().min(1, 'must not be blank').max(max, `at most ${max} characters`));

/** A short name (a person's, a merchant's, a file's): written text on one line. */
export const nameSchema = (max: number) => writtenText(z.string().trim().min(1).max(max));
