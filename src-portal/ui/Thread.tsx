import type { Attachment, Dossier, Message } from '../../src-shared/domain/model';
import { useApi } from '../api/context';
import type { Party } from '../domain/claim-status';
import type { ThreadEntry } from '../domain/thread';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/translate';
import { ProposalLine } from './Proposal';

/** Files attached to a message: each downloads (the session's cookie goes with the link); photos show small. */
export function Attachments({ dossierId, files }: { dossierId: string; files: readonly Attachment[] }) {
  const { t, size } = useI18n();
  const api = useApi();
  if (files.length === 0) return null;
  return (
    <ul className="files" aria-label={t('attachments.title')}>
      {files.map((file) => {
        const url = api.attachmentUrl(dossierId, file);
        return (
          <li key={file.id} className="file">
            {file.contentType.startsWith('image/') && (
              <img className="file__thumb" src={url} alt="" loading="lazy" />
            )}
            <a href={url} download={file.filename} className="file__link">
              {t('attachments.download', { name: file.filename, size: size(file.size) })}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

const noticeTitles = {
  notice: 'notice.notice',
  rights_information: 'notice.rights_information',
  good_practices_reminder: 'notice.good_practices_reminder',
} as const satisfies Record<string, MessageKey>;

function writerName(
  t: ReturnType<typeof useI18n>['t'],
  entry: Extract<ThreadEntry, { type: 'message' }>,
  shop: string,
): string {
  const name = entry.message.author.name;
  switch (entry.from) {
    case 'you':
      return t('writer.you');
    case 'customer':
      return t('writer.customer', { name });
    case 'merchant':
      // The shop speaks, whichever of its people wrote (their account's name may already hold the shop's).
      return t('writer.merchant', { name: shop });
    case 'klikpay':
      return t('writer.klikpay', { name });
  }
}

function Body({ message, lang }: { message: Message; lang?: string }) {
  // Text only, as written: line breaks kept by CSS, nothing read as HTML.
  return (
    <p className="entry__body" lang={lang}>
      {message.body}
    </p>
  );
}

/**
 * Klik & Pay's letters are written in their reader's language (the customer's, the merchant's),
 * which may not be the page's: screen readers are told which. What people write is left unmarked.
 */
function letterLanguage(dossier: Dossier, message: Message): string | undefined {
  if (message.audience === 'customer') return dossier.language;
  if (message.audience === 'merchant') return dossier.transaction.merchantLanguage;
  return undefined;
}

/** The correspondence in time order: people's messages as a conversation, Klik & Pay's letters as notices. */
export function Thread({
  dossier,
  entries,
  party,
  labelledBy,
}: {
  dossier: Dossier;
  entries: readonly ThreadEntry[];
  party: Party;
  /** The id of the heading that names the list. */
  labelledBy: string;
}) {
  const { t, dateTime } = useI18n();
  const shop = dossier.transaction.merchantName;
  if (entries.length === 0) return <p>{t('dossier.threadEmpty')}</p>;
  return (
    // News arriving live (a poke) is read out as it is added.
    <ol className="thread" data-party={party} aria-labelledby={labelledBy} aria-live="polite">
      {entries.map((entry) => {
        const m = entry.message;
        const when = <time dateTime={m.createdAt}>{dateTime(m.createdAt)}</time>;
        if (entry.type === 'notice') {
          return (
            <li key={m.id} className={`entry entry--notice entry--${entry.kind}`}>
              <p className="entry__head">
                <strong>{t(noticeTitles[entry.kind])}</strong> {when}
              </p>
              <Body message={m} lang={letterLanguage(dossier, m)} />
            </li>
          );
        }
        return (
          <li key={m.id} className={`entry entry--message entry--from-${entry.from}`}>
            <p className="entry__head">
              <strong>{writerName(t, entry, shop)}</strong> {when}
            </p>
            <Body message={m} />
            {m.proposal && (
              <ProposalLine
                proposal={m.proposal}
                paid={dossier.transaction.amount}
                currency={dossier.transaction.currency}
              />
            )}
            <Attachments dossierId={dossier.id} files={m.attachments} />
          </li>
        );
      })}
    </ol>
  );
}
