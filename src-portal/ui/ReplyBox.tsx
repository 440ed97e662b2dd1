import type { SubmitEvent } from 'react';
import { useState } from 'react';
import { limits } from '../../src-shared/domain/model';
import { usePostMessage } from '../api/hooks';
import type { Party } from '../domain/claim-status';
import { hasProblems, replyProblems } from '../domain/claim-form';
import { toUploads } from '../domain/files';
import type { ProposalChoice } from '../domain/proposal';
import { proposalFrom } from '../domain/proposal';
import { useI18n } from '../i18n/I18nProvider';
import { FilePicker } from './FilePicker';
import { ProposalFields } from './Proposal';
import { TextArea } from './fields';
import { errorText, refusedFileIndex } from './words';

/**
 * A party's message in a claim, with files; checked with the contract's schema before it goes. A
 * merchant's may propose a settlement (`paid`: what the customer paid, which a partial refund stays under).
 */
export function ReplyBox({
  dossierId,
  party,
  paid,
}: {
  dossierId: string;
  party: Party;
  paid?: { amount: number; currency: string };
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const post = usePostMessage(dossierId);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [tried, setTried] = useState(false);
  const [reading, setReading] = useState(false);
  const [sent, setSent] = useState(false);
  const [choice, setChoice] = useState<ProposalChoice>('none');
  const [amountText, setAmountText] = useState('');
  const proposing = party === 'merchant' && paid !== undefined;
  const offer = proposing
    ? proposalFrom(choice, amountText, paid.amount, paid.currency)
    : { proposal: null, problem: null };
  const problems = replyProblems(body, files);
  const shown = tried ? problems : { attachments: problems.attachments };
  const busy = post.isPending || reading;

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    setSent(false);
    if (hasProblems(problems) || offer.problem) {
      const first = problems.body ? 'reply-body' : problems.attachments ? 'reply-files' : 'reply-amount';
      document.getElementById(first)?.focus();
      return;
    }
    setReading(true);
    try {
      const attachments = await toUploads(files);
      post.mutate(
        {
          body: body.trim(),
          ...(attachments.length > 0 ? { attachments } : {}),
          ...(offer.proposal ? { proposal: offer.proposal } : {}),
        },
        {
          onSuccess: () => {
            // What was sent is in the thread now: the box is ready for the next message.
            setBody('');
            setFiles([]);
            setChoice('none');
            setAmountText('');
            setTried(false);
            setSent(true);
          },
        },
      );
    } finally {
      setReading(false);
    }
  };
  const refused = refusedFileIndex(post.error);

  return (
    <form
      className="panel reply"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="reply-heading"
    >
      <h2 id="reply-heading">{t('reply.heading')}</h2>
      <TextArea
        id="reply-body"
        label={t('reply.label')}
        hint={t(party === 'customer' ? 'reply.hintCustomer' : 'reply.hintMerchant')}
        value={body}
        max={limits.body}
        rows={5}
        onChange={(value) => {
          setBody(value);
          setSent(false);
        }}
        problems={shown.body}
      />
      <FilePicker id="reply-files" files={files} onChange={setFiles} problems={shown.attachments} />
      {proposing && (
        <ProposalFields
          choice={choice}
          onChoice={(next) => {
            setChoice(next);
            setSent(false);
          }}
          amountText={amountText}
          onAmount={setAmountText}
          paid={paid.amount}
          currency={paid.currency}
          problem={tried ? offer.problem : null}
        />
      )}
      {post.isError && (
        <p className="note note--error" role="alert">
          {refused !== null && files[refused]
            ? t('error.fileRefused', { name: files[refused].name })
            : errorText(i18n, post.error)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('reply.sending') : t('reply.send')}
        </button>
        <p role="status" className="actions__status">
          {sent ? t('reply.sent') : ''}
        </p>
      </div>
    </form>
  );
}
