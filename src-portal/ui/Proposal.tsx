import type { Proposal } from '../../src-shared/domain/model';
import { desiredOutcomeSchema } from '../../src-shared/domain/vocabulary';
import type { ProposalChoice } from '../domain/proposal';
import type { Problem } from '../domain/problems';
import type { I18n } from '../i18n/I18nProvider';
import { useI18n } from '../i18n/I18nProvider';
import { Choice, Problems } from './fields';

/** A proposal in words: "a partial refund of €20.00", in the reader's language. */
export function proposalWhat(
  { t, amount }: I18n,
  proposal: Proposal,
  paid: number,
  currency: string,
): string {
  switch (proposal.outcome) {
    case 'refund':
      return t('proposal.what.refund', { amount: amount(paid, currency) });
    case 'partial_refund':
      return t('proposal.what.partial_refund', { amount: amount(proposal.amount ?? 0, currency) });
    default:
      return t(`proposal.what.${proposal.outcome}`);
  }
}

interface FieldsProps {
  choice: ProposalChoice;
  onChoice: (choice: ProposalChoice) => void;
  amountText: string;
  onAmount: (text: string) => void;
  paid: number;
  currency: string;
  problem: Problem | null;
}

/** The merchant's reply box part that turns a message into a proposed settlement. */
export function ProposalFields({
  choice,
  onChoice,
  amountText,
  onAmount,
  paid,
  currency,
  problem,
}: FieldsProps) {
  const i18n = useI18n();
  const { t, amount } = i18n;
  const options = (['none', ...desiredOutcomeSchema.options] as const).map((value) => ({
    value,
    label:
      value === 'none'
        ? t('proposal.none')
        : value === 'refund'
          ? t('proposal.refund', { amount: amount(paid, currency) })
          : t(`proposal.${value}`),
  }));
  const problems = problem ? [problem] : undefined;
  return (
    <Choice
      id="reply-proposal"
      legend={t('proposal.legend')}
      options={options}
      value={choice}
      onChange={onChoice}
    >
      <p className="field__hint">{t('proposal.hint')}</p>
      {choice === 'partial_refund' && (
        <div className="field">
          <label className="field__label" htmlFor="reply-amount">
            {t('proposal.amount', { currency })}
          </label>
          <p className="field__hint" id="reply-amount-hint">
            {t('proposal.amountHint', { paid: amount(paid, currency) })}
          </p>
          <Problems id="reply-amount-problems" problems={problems} />
          <input
            id="reply-amount"
            className="input input--amount"
            inputMode="decimal"
            autoComplete="off"
            value={amountText}
            onChange={(event) => onAmount(event.target.value)}
            aria-invalid={problems ? true : undefined}
            aria-describedby={['reply-amount-hint', problems ? 'reply-amount-problems' : '']
              .filter(Boolean)
              .join(' ')}
          />
        </div>
      )}
    </Choice>
  );
}

/** The proposal a message carries, as a line of the thread. */
export function ProposalLine({
  proposal,
  paid,
  currency,
}: {
  proposal: Proposal;
  paid: number;
  currency: string;
}) {
  const i18n = useI18n();
  return (
    <p className="entry__proposal">
      {i18n.t('proposal.made', { what: proposalWhat(i18n, proposal, paid, currency) })}
    </p>
  );
}
