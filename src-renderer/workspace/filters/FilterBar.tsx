import { useId, useMemo, useState } from 'react';
import type { DossierFilter, DossierSort } from '../../../src-shared/domain/filters';
import { upgradeStoredFilter } from '../../../src-shared/domain/filters';
import type { Merchant, User } from '../../../src-shared/domain/model';
import type { QueueId } from '../../../src-shared/domain/queues';
import { reasonSchema, subjectSchema } from '../../../src-shared/domain/vocabulary';
import type { MessageKey } from '../../i18n/catalogue';
import { useCurrencies } from '../../data/queues';
import { useFormat, useT } from '../../i18n/hooks';
import type { AmountRangeProps } from './AmountRange';
import { AmountRange } from './AmountRange';
import { CheckList } from './CheckList';
import { DeadlineChoice } from './DeadlineChoice';
import { FilterChips } from './FilterChips';
import { FilterMenu } from './FilterMenu';
import type { FilterProblem } from './filter-model';
import { checkFilters, cleanFilter, currencyOptions, toggleIn, withoutChip } from './filter-model';
import { MerchantPicker, merchantLimit } from './MerchantPicker';
import { SortControl } from './SortControl';
import { TagPicker } from './TagPicker';
import './filters.css';

export interface FilterBarProps {
  filter: DossierFilter;
  sort: DossierSort;
  /** Called only with a filter and sort the shared schemas accept. */
  onChange: (filter: DossierFilter, sort: DossierSort) => void;
  merchants: readonly Merchant[];
  staff: readonly User[];
  knownTags: readonly string[];
  /** The queue filtered, for the words of its sort (Recently closed sorts by closure). */
  queue: QueueId;
}

const tagLimit = 10;

const problemKeys = {
  amountOrder: 'filters.amount.error.order',
  amountCurrency: 'filters.problem.amountCurrency',
  tooManyMerchants: 'filters.problem.tooManyMerchants',
  tooManyTags: 'filters.problem.tooManyTags',
  invalid: 'filters.problem.invalid',
} as const satisfies Record<FilterProblem, MessageKey>;

/**
 * The filters and sort of a queue: one compact row of pickers, then the active filters as chips.
 * Every change is checked against the shared schemas before `onChange` hears of it. The amount
 * filter is about one currency, chosen among those of the cached dossiers (read from the cache).
 */
export function FilterBar({
  filter: given,
  sort,
  onChange,
  merchants,
  staff,
  knownTags,
  queue,
}: FilterBarProps) {
  const t = useT();
  const format = useFormat();
  const assigneeId = useId();
  const [problem, setProblem] = useState<FilterProblem | null>(null);
  // A filter from before the amount named its currency is read, shown and edited as in EUR.
  const filter = useMemo(() => upgradeStoredFilter(given), [given]);
  const currency = filter.currency;

  const merchantNames = useMemo(() => new Map(merchants.map((m) => [m.id, m.name])), [merchants]);
  const staffNames = useMemo(() => new Map(staff.map((u) => [u.id, u.name])), [staff]);

  const apply = (nextFilter: DossierFilter, nextSort: DossierSort = sort) => {
    const checked = checkFilters(nextFilter, nextSort);
    if (!checked.ok) {
      setProblem(checked.problem);
      return false;
    }
    setProblem(null);
    onChange(checked.filter, checked.sort);
    return true;
  };
  const edit = (part: Partial<DossierFilter>) => apply(cleanFilter({ ...filter, ...part }));
  const count = (list: readonly unknown[] | undefined) =>
    list?.length ? format.number(list.length) : undefined;

  const subjects = subjectSchema.options.map((value) => ({ value, label: t(`subject.${value}`) }));
  const reasons = reasonSchema.options.map((value) => ({ value, label: t(`reason.${value}`) }));
  const assignee = filter.assignee ?? '';

  return (
    <section className="filter-bar" aria-label={t('filter.title')}>
      <div className="filter-bar__row">
        <FilterMenu label={t('filter.subject')} summary={count(filter.subjects)}>
          {() => (
            <CheckList
              legend={t('filter.subject')}
              options={subjects}
              selected={filter.subjects ?? []}
              onToggle={(value) => edit({ subjects: toggleIn(filter.subjects, value) })}
            />
          )}
        </FilterMenu>
        <FilterMenu label={t('filter.reason')} summary={count(filter.reasons)}>
          {() => (
            <CheckList
              legend={t('filter.reason')}
              options={reasons}
              selected={filter.reasons ?? []}
              onToggle={(value) => edit({ reasons: toggleIn(filter.reasons, value) })}
            />
          )}
        </FilterMenu>
        <FilterMenu
          label={t('filter.merchant')}
          name={t('filter.byMerchant')}
          summary={count(filter.merchantIds)}
          panelClassName="filter-menu__panel--wide"
        >
          {() => (
            <MerchantPicker
              merchants={merchants}
              selected={filter.merchantIds ?? []}
              full={(filter.merchantIds?.length ?? 0) >= merchantLimit}
              onToggle={(id) => edit({ merchantIds: toggleIn(filter.merchantIds, id) })}
            />
          )}
        </FilterMenu>
        <FilterMenu label={t('dossier.amount')} summary={currency}>
          {(close) => (
            <CachedCurrencyAmountRange
              currency={currency}
              min={filter.amountMin}
              max={filter.amountMax}
              onApply={(nextCurrency, amountMin, amountMax) => {
                if (edit({ currency: nextCurrency, amountMin, amountMax })) close();
              }}
            />
          )}
        </FilterMenu>
        <FilterMenu label={t('filter.tag')} summary={count(filter.tags)}>
          {() => (
            <TagPicker
              knownTags={knownTags}
              selected={filter.tags ?? []}
              max={tagLimit}
              onToggle={(tag) => edit({ tags: toggleIn(filter.tags, tag) })}
            />
          )}
        </FilterMenu>
        <FilterMenu
          label={t('filters.deadline')}
          summary={filter.deadline ? t(`filters.deadline.${filter.deadline}`) : undefined}
        >
          {() => <DeadlineChoice selected={filter.deadline} onChoose={(deadline) => edit({ deadline })} />}
        </FilterMenu>
        <button
          type="button"
          className={`filter-menu__button${filter.unread ? ' filter-menu__button--set' : ''}`}
          aria-pressed={filter.unread === true}
          title={t('filters.unreadTitle')}
          onClick={() => edit({ unread: filter.unread ? undefined : true })}
        >
          {filter.unread ? <span className="queue-row__new" aria-hidden="true" /> : null}
          {t('filters.unread')}
        </button>
        <div className="filter-bar__assignee">
          <label htmlFor={assigneeId}>{t('filter.assignee')}</label>
          <select
            id={assigneeId}
            value={assignee}
            onChange={(event) =>
              edit({ assignee: event.target.value === '' ? undefined : event.target.value })
            }
          >
            <option value="">{t('filter.any')}</option>
            <option value="me">{t('filters.assignee.me')}</option>
            <option value="none">{t('dossier.unassigned')}</option>
            <optgroup label={t('filters.assignee.agents')}>
              {assignee !== '' && assignee !== 'me' && assignee !== 'none' && !staffNames.has(assignee) ? (
                <option value={assignee}>{assignee}</option>
              ) : null}
              {staff.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <div className="filter-bar__spacer" />
        <SortControl sort={sort} queue={queue} onChange={(next) => apply(filter, next)} />
      </div>
      {problem ? (
        <p className="filters__problem" role="alert">
          {t(problemKeys[problem], { max: problem === 'tooManyTags' ? tagLimit : merchantLimit })}
        </p>
      ) : null}
      <FilterChips
        filter={filter}
        merchantName={(id) => merchantNames.get(id) ?? id}
        staffName={(id) => staffNames.get(id) ?? id}
        onRemove={(chip) => apply(withoutChip(filter, chip))}
        onClear={() => apply({})}
      />
    </section>
  );
}

/**
 * The amount filter, with the currencies of the local copy to choose from — read only while its
 * menu is open: walking the currency index of 100,000 dossiers at every queue shown held every
 * other read of the cache (the agent's search included) behind it.
 */
function CachedCurrencyAmountRange(props: Omit<AmountRangeProps, 'currencies'>) {
  const cached = useCurrencies();
  const currencies = useMemo(() => currencyOptions(cached, props.currency), [cached, props.currency]);
  return <AmountRange {...props} currencies={currencies} />;
}
