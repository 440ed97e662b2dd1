import type { SubmitEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import type { TransactionListItem } from '../../../src-shared/contract/api';
import { claimGoesToMerchant } from '../../../src-shared/domain/lifecycle';
import { limits } from '../../../src-shared/domain/model';
import type { MerchantContact } from '../../../src-shared/domain/vocabulary';
import {
  desiredOutcomeSchema,
  merchantContactSchema,
  reasonSchema,
  subjectSchema,
} from '../../../src-shared/domain/vocabulary';
import { useDossiers, useFileClaim, useTransactions } from '../../api/hooks';
import { PortalError } from '../../api/http';
import type { ClaimDraft, ClaimField, ClaimProblems } from '../../domain/claim-form';
import { claimFields, claimProblems, claimRequest, emptyClaim, hasProblems } from '../../domain/claim-form';
import { toUploads } from '../../domain/files';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate } from '../../router';
import { useSettings } from '../../ui/clock';
import { ErrorNote, Loading } from '../../ui/Feedback';
import { Choice, TextArea } from '../../ui/fields';
import { FilePicker } from '../../ui/FilePicker';
import { usePageTitle } from '../../ui/page';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { errorText, refusedFileIndex } from '../../ui/words';

const openDossierDetails = z.object({ dossierId: z.string() });

/** Filing a claim on one purchase: the questions of the department's page, one after the other. */
export function FileClaim({ id }: { id: string }) {
  const { t } = useI18n();
  usePageTitle(t('claim.title'));
  const transactions = useTransactions();
  const transaction = transactions.data?.find((tx) => tx.id === id);
  if (transactions.isPending) return <Loading />;
  if (transactions.isError)
    return <ErrorNote error={transactions.error} retry={() => void transactions.refetch()} />;
  if (!transaction) {
    return (
      <>
        <h1>{t('notFound.title')}</h1>
        <p>{t('transaction.notFound')}</p>
      </>
    );
  }
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/transactions/${transaction.id}`}>
          {t('transaction.title', { merchant: transaction.merchantName })}
        </Link>
      </p>
      <h1>{t('claim.title')}</h1>
      {transaction.openDossierId !== null ? (
        <AlreadyOpen dossierId={transaction.openDossierId} />
      ) : (
        <ClaimForm transaction={transaction} />
      )}
    </>
  );
}

/** One open claim per purchase: said plainly, with the way to the open one. */
function AlreadyOpen({ dossierId, role = 'status' }: { dossierId: string; role?: 'status' | 'alert' }) {
  const { t } = useI18n();
  const reference = useDossiers().data?.find((d) => d.id === dossierId)?.reference;
  return (
    <div className={role === 'alert' ? 'note note--error' : 'note note--warning'} role={role}>
      <p>{t('claim.alreadyOpen')}</p>
      <p>
        <Link to={`/claims/${dossierId}`}>
          {reference ? t('transaction.follow', { reference }) : t('nav.claims')}
        </Link>
      </p>
    </div>
  );
}

const fieldIds: Record<ClaimField, string> = {
  merchantContact: 'claim-contact',
  subject: 'claim-subject',
  reason: 'claim-reason',
  desiredOutcome: 'claim-outcome',
  description: 'claim-description',
  attachments: 'claim-files',
};

export function ClaimForm({ transaction }: { transaction: TransactionListItem }) {
  const i18n = useI18n();
  const { t, amount, date, locale } = i18n;
  const settings = useSettings();
  const fileClaim = useFileClaim();
  const [draft, setDraft] = useState<Omit<ClaimDraft, 'files'>>(emptyClaim);
  const [files, setFiles] = useState<File[]>([]);
  const [tried, setTried] = useState(false);
  const [reading, setReading] = useState(false);
  // Each refused attempt moves the focus to the summary, once it is on the page.
  const [refusals, setRefusals] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refusals > 0) summary.current?.focus();
  }, [refusals]);
  const set = (change: Partial<ClaimDraft>) => setDraft((d) => ({ ...d, ...change }));

  const all: ClaimProblems = claimProblems({ ...draft, files });
  // Files are checked as soon as they are picked; the rest once the party tries to send.
  const shown: ClaimProblems = tried ? all : { attachments: all.attachments };
  // A delivery claim the merchant cannot receive goes to Klik & Pay: said before it is sent.
  const deliveryToKlikpay =
    draft.subject === 'delivery' &&
    !claimGoesToMerchant({
      subject: 'delivery',
      merchantContact: draft.merchantContact ?? 'not_contacted',
      merchantEmailValid: transaction.merchantEmailValid,
    });

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    if (hasProblems(all)) {
      setRefusals((n) => n + 1);
      return;
    }
    setReading(true);
    try {
      const request = claimRequest({ ...draft, files }, transaction.id, locale, await toUploads(files));
      fileClaim.mutate(request, {
        onSuccess: (dossier) => navigate(`/claims/${dossier.id}?filed=1`),
      });
    } finally {
      setReading(false);
    }
  };

  const failure = fileClaim.error;
  const openElsewhere =
    failure instanceof PortalError && failure.code === 'conflict'
      ? openDossierDetails.safeParse(failure.details)
      : null;
  const refusedFile = refusedFileIndex(failure);
  const stepOf = (n: number) => t('claim.step', { n, total: 5 });

  return (
    <form className="claim-form" onSubmit={(event) => void submit(event)} noValidate>
      <p className="lead">
        {t('claim.about', {
          merchant: transaction.merchantName,
          date: date(transaction.occurredAt),
          amount: amount(transaction.amount, transaction.currency),
          order: transaction.orderReference,
        })}
      </p>
      {tried && hasProblems(all) && (
        <ProblemSummary
          ref={summary}
          problems={all}
          order={claimFields}
          ids={fieldIds}
          labels={{
            merchantContact: t('claim.contact.legend'),
            subject: t('claim.subject.legend'),
            reason: t('claim.reason.legend'),
            desiredOutcome: t('claim.outcome.legend'),
            description: t('claim.description.label'),
            attachments: t('files.label'),
          }}
        />
      )}
      <Choice<MerchantContact>
        id={fieldIds.merchantContact}
        step={stepOf(1)}
        legend={t('claim.contact.legend')}
        value={draft.merchantContact}
        onChange={(merchantContact) => set({ merchantContact })}
        problems={shown.merchantContact}
        options={merchantContactSchema.options.map((value) => ({
          value,
          label: t(`claim.contact.${value}`),
        }))}
      >
        {draft.merchantContact === 'not_contacted' && (
          <div className="note note--info" role="status">
            <p>{t('claim.contact.advice')}</p>
            <p>
              {t('claim.contact.address')}{' '}
              <a href={`mailto:${transaction.merchantEmail}`}>{transaction.merchantEmail}</a>
            </p>
            {!transaction.merchantEmailValid && <p>{t('claim.contact.bounces')}</p>}
            <p>{t('claim.contact.still')}</p>
          </div>
        )}
      </Choice>
      {draft.merchantContact !== null && (
        <Choice
          id={fieldIds.subject}
          step={stepOf(2)}
          legend={t('claim.subject.legend')}
          value={draft.subject}
          onChange={(subject) => set({ subject })}
          problems={shown.subject}
          options={subjectSchema.options.map((value) => ({
            value,
            label: t(`claim.subject.${value}`),
            hint:
              value === 'payment'
                ? t('claim.subject.paymentHint', { count: settings.klikpayReplyBusinessDays })
                : t('claim.subject.deliveryHint', { count: settings.merchantAnswerDays }),
          }))}
        >
          {deliveryToKlikpay && (
            <p className="note note--info" role="status">
              {t('claim.subject.toKlikpay')}
            </p>
          )}
        </Choice>
      )}
      {draft.subject !== null && (
        <Choice
          id={fieldIds.reason}
          step={stepOf(3)}
          legend={t('claim.reason.legend')}
          value={draft.reason}
          onChange={(reason) => set({ reason })}
          problems={shown.reason}
          options={reasonSchema.options.map((value) => ({ value, label: t(`reason.${value}`) }))}
        />
      )}
      {draft.reason !== null && (
        <Choice
          id={fieldIds.desiredOutcome}
          step={stepOf(4)}
          legend={t('claim.outcome.legend')}
          value={draft.desiredOutcome}
          onChange={(desiredOutcome) => set({ desiredOutcome })}
          problems={shown.desiredOutcome}
          options={desiredOutcomeSchema.options.map((value) => ({ value, label: t(`outcome.${value}`) }))}
        />
      )}
      {draft.desiredOutcome !== null && (
        <div className="field-group">
          <p className="field__step">{stepOf(5)}</p>
          <TextArea
            id={fieldIds.description}
            label={t('claim.description.label')}
            hint={t('claim.description.hint')}
            value={draft.description}
            max={limits.description}
            onChange={(description) => set({ description })}
            problems={shown.description}
          />
          <FilePicker
            id={fieldIds.attachments}
            files={files}
            onChange={setFiles}
            problems={shown.attachments}
          />
          {failure &&
            (openElsewhere?.success ? (
              <AlreadyOpen dossierId={openElsewhere.data.dossierId} role="alert" />
            ) : (
              <p className="note note--error" role="alert">
                {refusedFile !== null && files[refusedFile]
                  ? t('error.fileRefused', { name: files[refusedFile].name })
                  : errorText(i18n, failure)}
              </p>
            ))}
          <button type="submit" className="button button--primary" disabled={fileClaim.isPending || reading}>
            {fileClaim.isPending || reading ? t('claim.submitting') : t('claim.submit')}
          </button>
        </div>
      )}
    </form>
  );
}
