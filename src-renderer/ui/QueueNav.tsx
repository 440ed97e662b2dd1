import type { QueueId } from '../../src-shared/domain/queues';
import { useFormat, useT } from '../i18n/hooks';

export interface QueueNavItem {
  id: QueueId;
  /** The live count; null while it is being counted. */
  count: number | null;
}

export interface QueueNavProps {
  queues: readonly QueueNavItem[];
  active: QueueId | null;
  onSelect: (id: QueueId) => void;
}

/** The system queues with their live counts: `<nav aria-label="Queues">`, the current one marked. */
export function QueueNav({ queues, active, onSelect }: QueueNavProps) {
  const t = useT();
  const format = useFormat();
  return (
    <nav className="queue-nav" aria-label={t('nav.queues')}>
      <ul className="queue-nav__list">
        {queues.map(({ id, count }) => {
          const queue = t(`queue.${id}`);
          return (
            <li key={id}>
              <button
                type="button"
                className="queue-nav__item"
                aria-current={id === active ? 'page' : undefined}
                aria-label={
                  count === null ? t('queue.counting', { queue }) : t('queue.withCount', { queue, count })
                }
                onClick={() => onSelect(id)}
              >
                <span className="queue-nav__name">{queue}</span>
                <span className="queue-nav__count" aria-hidden="true">
                  {count === null ? '…' : format.number(count)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
