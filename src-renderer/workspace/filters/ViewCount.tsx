import { useMemo } from 'react';
import type { SavedView } from '../../../src-shared/domain/filters';
import { upgradeStoredFilter } from '../../../src-shared/domain/filters';
import type { QueueId } from '../../../src-shared/domain/queues';
import { queueIds } from '../../../src-shared/domain/queues';
import { useSteppedNow } from '../../data/live';
import { useQueueCount } from '../../data/queues';
import { useFormat, useT } from '../../i18n/hooks';

export const isQueueId = (queue: string): queue is QueueId => (queueIds as readonly string[]).includes(queue);

/** A view's live count, as the queues show theirs (read once the changes pause, like theirs). */
export function ViewCount({ view, queue }: { view: SavedView; queue: QueueId }) {
  const t = useT();
  const format = useFormat();
  const now = useSteppedNow(60_000);
  const query = useMemo(
    () => ({ queue, filter: upgradeStoredFilter(view.filter), sort: view.sort }),
    [queue, view.filter, view.sort],
  );
  const count = useQueueCount(query, now);
  return (
    <span className="saved-views__count">
      <span aria-hidden="true">{count === null ? '…' : format.number(count)}</span>
      <span className="visually-hidden">
        {count === null ? t('views.counting') : t('views.count', { count })}
      </span>
    </span>
  );
}
