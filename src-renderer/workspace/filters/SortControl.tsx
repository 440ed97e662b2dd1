import { useId } from 'react';
import type { DossierSort } from '../../../src-shared/domain/filters';
import { sortKeys } from '../../../src-shared/domain/filters';
import type { QueueId } from '../../../src-shared/domain/queues';
import type { MessageKey } from '../../i18n/catalogue';
import { useT } from '../../i18n/hooks';

export interface SortControlProps {
  sort: DossierSort;
  onChange: (sort: DossierSort) => void;
  /** The queue sorted: "urgency" of Recently closed is the date of closure, latest first. */
  queue: QueueId;
}

const isSortKey = (value: string): value is DossierSort['key'] =>
  (sortKeys as readonly string[]).includes(value);

/** The order each (key, direction) gives, in words. */
const orderKeys = {
  urgency: { asc: 'sort.urgency', desc: 'filters.order.urgency.desc' },
  amount: { asc: 'sort.amountAsc', desc: 'sort.amountDesc' },
  createdAt: { asc: 'sort.oldest', desc: 'sort.newest' },
  updatedAt: { asc: 'filters.order.updatedAt.asc', desc: 'sort.updated' },
  reference: { asc: 'filters.order.reference.asc', desc: 'filters.order.reference.desc' },
} as const satisfies Record<DossierSort['key'], Record<DossierSort['direction'], MessageKey>>;

type OrderKey =
  | (typeof orderKeys)[DossierSort['key']][DossierSort['direction']]
  | 'sort.recentlyClosed'
  | 'filters.order.closed.desc';

export function orderKey(sort: DossierSort, queue: QueueId): OrderKey {
  if (sort.key === 'urgency' && queue === 'recently_closed') {
    return sort.direction === 'asc' ? 'sort.recentlyClosed' : 'filters.order.closed.desc';
  }
  return orderKeys[sort.key][sort.direction];
}

/** What the sort control calls a key in this queue: Recently closed has no urgency, only closure dates. */
function keyLabel(
  key: DossierSort['key'],
  queue: QueueId,
): `filters.sortKey.${DossierSort['key']}` | 'filters.sortKey.closedAt' {
  return key === 'urgency' && queue === 'recently_closed'
    ? 'filters.sortKey.closedAt'
    : `filters.sortKey.${key}`;
}

/** The sort key and its direction; the direction button says, in words, what the order is now. */
export function SortControl({ sort, onChange, queue }: SortControlProps) {
  const t = useT();
  const id = useId();
  const order = t(orderKey(sort, queue));
  return (
    <div className="sort-control">
      <label htmlFor={id} className="sort-control__label">
        {t('sort.label')}
      </label>
      <select
        id={id}
        value={sort.key}
        onChange={(event) => {
          const key = event.target.value;
          if (isSortKey(key)) onChange({ ...sort, key });
        }}
      >
        {sortKeys.map((key) => (
          <option key={key} value={key}>
            {t(keyLabel(key, queue))}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="icon-button sort-control__direction"
        aria-label={t('filters.reverse', { order })}
        title={order}
        onClick={() => onChange({ ...sort, direction: sort.direction === 'asc' ? 'desc' : 'asc' })}
      >
        <span aria-hidden="true">{sort.direction === 'asc' ? '↑' : '↓'}</span>
      </button>
    </div>
  );
}
