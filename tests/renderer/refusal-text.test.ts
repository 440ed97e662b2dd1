import { describe, expect, it } from 'vitest';
import { refusalReasonSchema, refusalText } from '../../src-shared/domain/refusals';
import { createTranslate } from '../../src-renderer/i18n/translate';
import { refusalReasonText } from '../../src-renderer/ui/refusal';
import { agent, later, refusal, states } from '../unit/fixtures';

const en = createTranslate('en');
const fr = createTranslate('fr');

describe('a refusal, said in the agent’s language', () => {
  it('has English words for the API and a label in both languages, for every reason', () => {
    for (const reason of refusalReasonSchema.options) {
      const details = { reason, role: 'agent' as const, command: 'dossier.reopen' };
      expect(refusalText(details, 'KP-2026-000007'), reason).toMatch(/\w/);
      const english = refusalReasonText(en, { message: 'x', details });
      const french = refusalReasonText(fr, { message: 'x', details });
      expect(english, reason).not.toBe('x');
      expect(french, reason).not.toBe(english);
    }
  });

  it('translates what the shared rules refuse, as the server will refuse it', () => {
    const closed = states.closed();
    const error = refusal(closed, agent, { name: 'dossier.remind_merchant', args: {} }, later(3));
    expect(error.message).toContain(closed.reference);
    expect(error.details).toEqual({ reason: 'dossier_closed' });
    expect(refusalReasonText(fr, error)).toBe(
      'Le dossier est clos : il n’accepte plus de correspondance. Un superviseur peut le rouvrir.',
    );
  });

  it('names the dossier open on the transaction, and the incident of a server failure', () => {
    const other = { reason: 'transaction_has_open_dossier', otherReference: 'KP-2026-000042' };
    expect(refusalReasonText(en, { message: 'x', details: other })).toContain('filed KP-2026-000042');
    expect(refusalReasonText(fr, { message: 'x', details: other })).toContain('ouvert KP-2026-000042');
    const internal = { reason: 'internal', incident: 'c0ffee-01' };
    expect(refusalReasonText(en, { message: 'x', details: internal })).toContain('(incident c0ffee-01)');
    const late = refusal(
      states.merchantAnswerDue(),
      agent,
      { name: 'dossier.remind_merchant', args: {} },
      later(3),
    );
    expect(refusalReasonText(fr, late)).toBe(
      'L’échéance du marchand n’est pas encore passée : le rappel des Bonnes Pratiques s’envoie une fois le marchand en retard.',
    );
  });

  it('names the role and the action when a role cannot do something', () => {
    const details = { reason: 'role_cannot', role: 'agent', command: 'dossier.reopen' };
    expect(refusalReasonText(fr, { message: 'A agent cannot do "dossier.reopen".', details })).toBe(
      'Votre rôle (Agent) ne permet pas « Rouvrir ».',
    );
  });

  it('keeps the server’s words for a reason it does not know (a newer server), or none', () => {
    expect(refusalReasonText(fr, { message: 'New rule.', details: { reason: 'from_the_future' } })).toBe(
      'New rule.',
    );
    expect(refusalReasonText(fr, { message: 'args.body: Too long' })).toBe('args.body: Too long');
  });

  it('says a local storage failure in words of the desk', () => {
    expect(refusalReasonText(en, { code: 'storage_full', message: 'QuotaExceededError' })).toBe(
      en('error.storage_full'),
    );
  });
});
