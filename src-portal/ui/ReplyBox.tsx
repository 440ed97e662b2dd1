import type { SubmitEvent } from 'react';
import { useState } from 'react';
import { limits } from '../../src-shared/domain/model';
import { usePostMessage } from '../api/hooks';
import type { Party } from '../domain/claim-status';
import { hasProblems, replyProblems } from '../domain/claim-form';
import { toUploads } from '../domain/files';
import { useI18n } from '../i18n/I18nProvider';
import { FilePicker } from './FilePicker';
import { TextArea } from './fields';
import { errorText, refusedFileIndex } from './words';

/** A party's message in a claim, with files; checked with the contract's schema before it goes. */
export function ReplyBox({ dossierId, party }: { dossierId: string; party: Party }) {
  const i18n = useI18n();
  const { t } = i18n;
  const post = usePostMessage(dossierId);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [tried, setTried] = useState(false);
  const [reading, setReading] = useState(false);
  const [sent, setSent] = useState(false);
  const problems = replyProblems(body, files);
  const shown = tried ? problems : { attachments: problems.attachments };
  const busy = post.isPending || reading;

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    setSent(false);
    if (hasProblems(problems)) {
      document.getElementById(problems.body ? 'reply-body' : 'reply-files')?.focus();
      return;
    }
    setReading(true);
    try {
      const attachments = await toUploads(files);
      post.mutate(
        { body: body.trim(), ...(attachments.length > 0 ? { attachments } : {}) },
        {
          onSuccess: () => {
            // What was sent is in the thread now: the box is ready for the next message.
            setBody('');
            setFiles([]);
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
