import type { Message } from '../../src-shared/domain/model';
import type { Party } from './claim-status';

/**
 * A claim's correspondence as a party reads it: the request it was filed with, then the messages
 * people wrote and Klik & Pay's notices (acknowledgement, rights, Good Practices reminder, the
 * pre-close warning, the closure), which are letters, not conversation.
 */

export type NoticeKind = 'notice' | 'rights_information' | 'good_practices_reminder';
export type Writer = 'you' | 'customer' | 'merchant' | 'klikpay';

export type ThreadEntry =
  | { type: 'notice'; kind: NoticeKind; message: Message }
  | { type: 'message'; from: Writer; message: Message };

export interface Thread {
  /** The customer's claim as filed, with its files. */
  request: Message | null;
  entries: ThreadEntry[];
}

const noticeKinds: readonly string[] = ['notice', 'rights_information', 'good_practices_reminder'];
const isNoticeKind = (kind: string): kind is NoticeKind => noticeKinds.includes(kind);

function writerOf(m: Message, party: Party): Writer {
  const role = m.author.role;
  if (role === party) return 'you';
  if (role === 'customer' || role === 'merchant') return role;
  return 'klikpay';
}

export function threadOf(messages: readonly Message[], party: Party): Thread {
  let request: Message | null = null;
  const entries: ThreadEntry[] = [];
  for (const m of messages) {
    if (m.kind === 'claim' && request === null) request = m;
    else if (isNoticeKind(m.kind) || m.author.role === 'system') {
      entries.push({ type: 'notice', kind: isNoticeKind(m.kind) ? m.kind : 'notice', message: m });
    } else entries.push({ type: 'message', from: writerOf(m, party), message: m });
  }
  return { request, entries };
}

/** The latest Good Practices reminder the merchant received, if any. */
export const latestReminder = (messages: readonly Message[]): Message | null =>
  messages.findLast((m) => m.kind === 'good_practices_reminder') ?? null;
