import type { Dossier, Merchant } from '../../../src-shared/domain/model';
import type { AnswerRecord, Party, PartyDossiers } from '../../cache/profiles';
import { listParty, merchantRecord, readParty, recordSample } from '../../cache/profiles';
import { useCacheQuery } from '../../data/live';
import { useFormat, useT } from '../../i18n/hooks';
import { Dialog } from '../../ui/Dialog';
import { StatusBadge } from '../../ui/StatusBadge';
import { formatDuration } from '../dashboard/Dashboard';
import './dossier-profile.css';

export interface PartyProfileProps {
  /** The dossier it was opened from: the customer's contact details are on its transaction. */
  dossier: Dossier;
  party: Party | null;
  now: number;
  onClose: () => void;
  /** Opens another of the party's dossiers (the profile closes). */
  onOpenDossier?: ((dossierId: string) => void) | undefined;
}

interface Profile {
  dossiers: PartyDossiers;
  merchant: Merchant | null;
  record: AnswerRecord | null;
}

/**
 * A customer's or a merchant's profile, from the local copy (offline too): contact details and
 * language, their other dossiers open and closed, and for a merchant how they answer.
 */
export function PartyProfile({ dossier, party, now, onClose, onOpenDossier }: PartyProfileProps) {
  const t = useT();
  const profile = useCacheQuery(
    async ({ db }): Promise<Profile | null> => {
      if (!party) return null;
      const all = await readParty(db, party);
      const [merchant, record] = await Promise.all([
        party.kind === 'merchant' ? db.merchants.get(party.id) : undefined,
        party.kind === 'merchant' ? merchantRecord(db, all, now) : null,
      ]);
      const dossiers = listParty(all);
      return { dossiers, merchant: merchant ?? null, record };
    },
    [party?.kind, party?.id, now],
    null,
    { tables: ['dossiers', 'merchants', 'events'], background: true },
  );
  const tx = dossier.transaction;
  const name = party?.kind === 'merchant' ? tx.merchantName : tx.customerName;
  return (
    <Dialog
      open={party !== null}
      onClose={onClose}
      title={party ? t(`profile.title.${party.kind}`, { name }) : ''}
      className="party-profile"
    >
      {party === null ? null : profile === null ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          <dl className="party-profile__facts">
            {party.kind === 'customer' ? (
              <>
                <dt>{t('profile.email')}</dt>
                <dd>{tx.customerEmail ?? t('profile.emailUnknown')}</dd>
                <dt>{t('profile.language')}</dt>
                <dd>{t(`language.${dossier.language}`)}</dd>
              </>
            ) : (
              <>
                <dt>{t('profile.email')}</dt>
                <dd>
                  {profile.merchant?.email ?? '—'}
                  {profile.merchant && !profile.merchant.emailValid ? (
                    <span className="badge badge--overdue party-profile__bounced">
                      {t('profile.bounced')}
                    </span>
                  ) : null}
                </dd>
                <dt>{t('profile.language')}</dt>
                <dd>{t(`language.${profile.merchant?.language ?? tx.merchantLanguage}`)}</dd>
              </>
            )}
          </dl>
          {profile.record ? <MerchantRecordText record={profile.record} /> : null}
          <DossierList
            title={t('profile.open', { count: profile.dossiers.openCount })}
            dossiers={profile.dossiers.open}
            current={dossier.id}
            more={profile.dossiers.openCount - profile.dossiers.open.length}
            onOpen={onOpenDossier}
          />
          <DossierList
            title={t('profile.closed', { count: profile.dossiers.closedCount })}
            dossiers={profile.dossiers.closed}
            current={dossier.id}
            more={profile.dossiers.closedCount - profile.dossiers.closed.length}
            onOpen={onOpenDossier}
          />
        </>
      )}
    </Dialog>
  );
}

function MerchantRecordText({ record }: { record: AnswerRecord }) {
  const t = useT();
  const format = useFormat();
  return (
    <section className="party-profile__record" aria-label={t('profile.record')}>
      <h3 className="party-profile__heading">{t('profile.record')}</h3>
      <ul>
        <li>
          {record.averageMs === null
            ? t('profile.noAnswers')
            : t('profile.answers', {
                count: record.answers,
                average: formatDuration(t, record.averageMs),
              })}
        </li>
        <li>{t('profile.reminders', { count: record.reminders })}</li>
        <li>{t('profile.overdueNow', { count: record.overdueNow })}</li>
      </ul>
      <p className="party-profile__note">
        {t('profile.recordScope', { count: format.number(Math.min(record.dossiers, recordSample)) })}
      </p>
    </section>
  );
}

function DossierList({
  title,
  dossiers,
  current,
  more,
  onOpen,
}: {
  title: string;
  dossiers: readonly Dossier[];
  current: string;
  more: number;
  onOpen?: ((dossierId: string) => void) | undefined;
}) {
  const t = useT();
  const format = useFormat();
  return (
    <section className="party-profile__list" aria-label={title}>
      <h3 className="party-profile__heading">{title}</h3>
      {dossiers.length === 0 ? null : (
        <ul>
          {dossiers.map((d) => (
            <li key={d.id}>
              <button
                type="button"
                className="party-profile__dossier"
                aria-current={d.id === current ? 'true' : undefined}
                disabled={!onOpen || d.id === current}
                onClick={() => onOpen?.(d.id)}
              >
                <span className="party-profile__ref">{d.reference}</span>
                <StatusBadge
                  status={d.status}
                  merchantStage={d.merchantStage}
                  escalated={d.escalatedAt !== null}
                  compact
                />
                <span className="party-profile__what">
                  {t(`subject.${d.subject}`)} · {format.amount(d.transaction.amount, d.transaction.currency)}
                </span>
                <span
                  className="party-profile__when"
                  title={t('profile.filedOn', { date: format.date(d.createdAt) })}
                >
                  {format.date(d.createdAt)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {more > 0 ? <p className="party-profile__note">{t('profile.more', { count: more })}</p> : null}
    </section>
  );
}
