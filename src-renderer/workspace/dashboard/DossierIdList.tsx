import { useCacheQuery } from '../../data/live';
import { useFormat, useT } from '../../i18n/hooks';
import { StatusBadge } from '../../ui/StatusBadge';

/** How many of a figure's dossiers are listed: the most urgent, enough to act on now. */
const shown = 100;

/**
 * The dossiers behind a figure that no queue holds (Klik & Pay late, about to breach), most urgent
 * first, each one opened in the workspace.
 */
export function DossierIdList({
  title,
  ids,
  total,
  onOpen,
  onClose,
}: {
  title: string;
  ids: readonly string[];
  total: number;
  onOpen: (id: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  const format = useFormat();
  const dossiers = useCacheQuery(
    async ({ db }) => (await db.dossiers.bulkGet(ids.slice(0, shown))).flatMap((d) => (d ? [d] : [])),
    [ids],
    null,
    { tables: ['dossiers'] },
  );
  return (
    <section className="dash-list" aria-labelledby="dash-list-title">
      <header className="dash-card__header">
        <h2 id="dash-list-title" className="dash-card__title">
          {title}
          <span className="dash-list__count">
            {total > shown ? t('dash.listFirst', { shown, total }) : format.number(total)}
          </span>
        </h2>
        <button type="button" className="dash-card__export" onClick={onClose}>
          {t('dash.closeList')}
        </button>
      </header>
      {dossiers === null ? (
        <p role="status">{t('dash.loading')}</p>
      ) : (
        <ul className="dash-list__items">
          {dossiers.map((d) => (
            <li key={d.id}>
              <button type="button" className="dash-list__open" onClick={() => onOpen(d.id)}>
                <span className="dash-list__reference">{d.reference}</span>
                <span>{d.transaction.customerName}</span>
                <span>{d.transaction.merchantName}</span>
              </button>
              <StatusBadge
                status={d.status}
                merchantStage={d.merchantStage}
                escalated={d.escalatedAt !== null && d.status === 'awaiting_klikpay'}
                compact
              />
              {d.dueAt && <span className="dash-list__due">{format.dateTime(d.dueAt)}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
