import type { z } from 'zod';

/**
 * What is wrong with what a party typed or picked, as codes the screens put in words
 * (ui/problem-text.ts). Text is checked with the contract's own schemas, so the portal refuses
 * exactly what the API would, before anything is sent.
 */

export type Problem =
  | { code: 'required' }
  | { code: 'blank' }
  | { code: 'too_long'; max: number; over: number }
  | { code: 'bad_characters' }
  | { code: 'email_invalid' }
  | { code: 'file_type'; name: string }
  | { code: 'file_too_big'; name: string; max: number }
  | { code: 'file_empty'; name: string }
  | { code: 'too_many_files'; max: number }
  | { code: 'amount_invalid' }
  | { code: 'amount_not_below_paid' };

/** The first problem of `value` under a text schema of the contract (`textSchema(max)`), or null. */
export function textProblem(schema: z.ZodType<string>, value: string): Problem | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  if (issue?.code === 'too_small') return { code: 'blank' };
  if (issue?.code === 'too_big') {
    const max = Number(issue.maximum);
    return { code: 'too_long', max, over: value.trim().length - max };
  }
  return { code: 'bad_characters' };
}
