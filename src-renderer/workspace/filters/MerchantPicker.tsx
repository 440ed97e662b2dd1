import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Merchant } from '../../../src-shared/domain/model';
import { useT } from '../../i18n/hooks';
import { folded } from './filter-model';

export interface MerchantPickerProps {
  merchants: readonly Merchant[];
  selected: readonly string[];
  onToggle: (merchantId: string) => void;
  /** At the filter's limit: no more merchants can be added (chosen ones stay removable). */
  full: boolean;
}

/** At most this many options are in the DOM: the agent narrows by typing, never by scrolling 2,000. */
export const merchantOptionLimit = 50;

interface Indexed {
  merchant: Merchant;
  text: string;
}

/**
 * A searchable multi-select over thousands of merchants: a combobox over a listbox. Typing narrows
 * (name or e-mail, accents and case ignored), the arrow keys move the active option while the
 * focus stays in the field, Enter or a click adds or removes it. Chosen merchants are listed first.
 */
export function MerchantPicker({ merchants, selected, onToggle, full }: MerchantPickerProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const list = useRef<HTMLUListElement>(null);
  const optionId = (i: number) => `${listId}-${i}`;

  const indexed = useMemo<Indexed[]>(
    () => merchants.map((merchant) => ({ merchant, text: folded(`${merchant.name} ${merchant.email}`) })),
    [merchants],
  );
  const { shown, total } = useMemo(() => {
    const words = folded(query).split(/\s+/).filter(Boolean);
    const chosen = new Set(selected);
    const matching = indexed.filter(({ text }) => words.every((w) => text.includes(w)));
    // Chosen merchants first, so they can be removed without searching for them again.
    const ordered = [
      ...matching.filter(({ merchant }) => chosen.has(merchant.id)),
      ...matching.filter(({ merchant }) => !chosen.has(merchant.id)),
    ];
    return {
      shown: ordered.slice(0, merchantOptionLimit).map(({ merchant }) => merchant),
      total: matching.length,
    };
  }, [indexed, query, selected]);
  const current = Math.min(active, Math.max(0, shown.length - 1));

  useEffect(() => {
    list.current?.querySelector<HTMLElement>('[data-active="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const toggle = (merchant: Merchant | undefined) => {
    if (!merchant) return;
    if (full && !selected.includes(merchant.id)) return;
    onToggle(merchant.id);
  };

  return (
    <div className="merchant-picker">
      <input
        type="search"
        role="combobox"
        className="merchant-picker__input"
        aria-label={t('filters.merchant.search')}
        placeholder={t('filters.merchant.placeholder')}
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown.length > 0 ? optionId(current) : undefined}
        autoComplete="off"
        // The panel was opened to search: the field takes the focus at once.
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            if (shown.length === 0) return;
            const delta = event.key === 'ArrowDown' ? 1 : -1;
            setActive((current + delta + shown.length) % shown.length);
          } else if (event.key === 'Enter') {
            event.preventDefault();
            toggle(shown[current]);
          }
        }}
      />
      <ul
        ref={list}
        id={listId}
        role="listbox"
        aria-multiselectable="true"
        aria-label={t('filter.merchant')}
        className="merchant-picker__list"
      >
        {shown.map((merchant, i) => {
          const chosen = selected.includes(merchant.id);
          const unavailable = full && !chosen;
          return (
            <li
              key={merchant.id}
              id={optionId(i)}
              role="option"
              aria-selected={chosen}
              aria-disabled={unavailable || undefined}
              data-active={i === current}
              className="merchant-picker__option"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                setActive(i);
                toggle(merchant);
              }}
            >
              <span className="merchant-picker__check" aria-hidden="true">
                {chosen ? '✓' : ''}
              </span>
              <span className="merchant-picker__name">{merchant.name}</span>
              <span className="merchant-picker__email">{merchant.email}</span>
            </li>
          );
        })}
      </ul>
      <p className="merchant-picker__hint" role="status">
        {total === 0
          ? t('filters.merchant.none')
          : total > shown.length
            ? t('filters.merchant.more', { shown: shown.length, count: total })
            : t('filters.merchant.count', { count: total })}
        {full ? ` ${t('filters.merchant.full', { max: merchantLimit })}` : ''}
      </p>
    </div>
  );
}

/** The filter's own limit on merchants (dossierFilterSchema). */
export const merchantLimit = 50;
