import { z } from 'zod';
import { refusalReasonSchema } from '../../src-shared/domain/refusals';
import { PortalError } from '../api/http';
import type { Problem } from '../domain/problems';
import type { I18n } from '../i18n/I18nProvider';

/** Problems and failures in the party's words: never the server's English, never a status code. */

export function problemText({ t, size }: I18n, problem: Problem): string {
  switch (problem.code) {
    case 'required':
      return t('problem.required');
    case 'blank':
      return t('problem.blank');
    case 'too_long':
      return t('problem.tooLong', { max: problem.max, count: problem.over });
    case 'bad_characters':
      return t('problem.badCharacters');
    case 'email_invalid':
      return t('problem.emailInvalid');
    case 'file_type':
      return t('problem.fileType', { name: problem.name });
    case 'file_too_big':
      return t('problem.fileTooBig', { name: problem.name, size: size(problem.max) });
    case 'file_empty':
      return t('problem.fileEmpty', { name: problem.name });
    case 'too_many_files':
      return t('problem.tooManyFiles', { max: problem.max });
    case 'amount_invalid':
      return t('problem.amountInvalid');
    case 'amount_not_below_paid':
      return t('problem.amountNotBelowPaid');
  }
}

const refusalDetails = z.object({ reason: refusalReasonSchema });
const fieldDetails = z.array(z.object({ path: z.string() }));

/** The index of the attached file the server refused, if that is what it refused. */
export function refusedFileIndex(error: unknown): number | null {
  if (!(error instanceof PortalError) || error.code !== 'invalid_request') return null;
  const fields = fieldDetails.safeParse(error.details);
  if (!fields.success) return null;
  for (const { path } of fields.data) {
    const found = /^(?:body\.)?attachments\.(\d+)/.exec(path);
    if (found) return Number(found[1]);
  }
  return null;
}

export function errorText({ t, wait }: I18n, error: unknown): string {
  if (!(error instanceof PortalError)) return t('error.server');
  switch (error.code) {
    case 'network':
      return t('error.network');
    case 'unreadable':
      return t('error.unreadable');
    case 'unauthenticated':
      return t('error.ended');
    case 'forbidden':
      return t('error.forbidden');
    case 'not_found':
      return t('error.notFound');
    case 'too_large':
      return t('error.tooLarge');
    case 'rate_limited':
      return t('error.rateLimited', { wait: wait(error.retryAfterSeconds ?? 60) });
    case 'invalid_request':
      return t('error.invalid');
    case 'conflict': {
      const refusal = refusalDetails.safeParse(error.details);
      const reason = refusal.success ? refusal.data.reason : null;
      if (reason === 'dossier_closed' || reason === 'already_closed') return t('error.closed');
      if (reason === 'already_in_hand') return t('error.alreadyInHand');
      return t('error.conflict');
    }
    case 'internal':
    case 'unavailable':
      return t('error.server');
  }
}
