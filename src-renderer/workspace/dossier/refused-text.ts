import { z } from 'zod';
import type { Rejection } from '../../cache/db';
import type { Translate } from '../../i18n/translate';
import type { PutBack } from './use-composer';

/**
 * What a refused change said, read from its arguments as the outbox kept them: the text to show
 * and copy, and — for a message — how to put it back in the composer. Arguments are read
 * defensively (a newer or older version's, damaged): what cannot be read is simply not offered.
 */

const text = z.string().refine((s) => s.trim() !== '');
const words = z.array(z.string()).optional();
const argsSchema = z.looseObject({
  body: text.optional(),
  audience: z.enum(['customer', 'merchant', 'both']).optional(),
  summary: text.optional(),
  reason: text.optional(),
  tags: words,
  add: words,
  remove: words,
});

export interface RefusedText {
  /** Shown as text, never as HTML. */
  text: string;
  /** Set for a message: what "Put back in the composer" loads. */
  putBack: PutBack | null;
}

export function refusedText(t: Translate, rejection: Pick<Rejection, 'name' | 'args'>): RefusedText | null {
  const parsed = argsSchema.safeParse(rejection.args ?? {});
  if (!parsed.success) return null;
  const args = parsed.data;
  const message = (putBack: Omit<PutBack, 'body'>): RefusedText | null =>
    args.body === undefined ? null : { text: args.body, putBack: { body: args.body, ...putBack } };
  switch (rejection.name) {
    case 'dossier.reply':
      return message({ audience: args.audience ?? 'customer', letter: null });
    case 'dossier.note':
      return message({ audience: 'internal', letter: null });
    case 'dossier.forward_to_merchant':
      return message({ audience: 'merchant', letter: null });
    case 'dossier.remind_merchant':
      return message({ audience: 'merchant', letter: 'good_practices_reminder' });
    case 'dossier.inform_customer':
      return message({ audience: 'customer', letter: 'rights_information' });
    case 'dossier.close':
      return args.summary === undefined ? null : { text: args.summary, putBack: null };
    case 'dossier.reopen':
      return args.reason === undefined ? null : { text: args.reason, putBack: null };
    case 'dossier.tag': {
      const lines = [
        args.tags?.length ? t('refused.tagsSet', { tags: args.tags.join(', ') }) : null,
        args.add?.length ? t('refused.tagsAdd', { tags: args.add.join(', ') }) : null,
        args.remove?.length ? t('refused.tagsRemove', { tags: args.remove.join(', ') }) : null,
      ].filter((line): line is string => line !== null);
      return lines.length === 0 ? null : { text: lines.join('\n'), putBack: null };
    }
    default:
      return null;
  }
}
