import type { DossierFilter } from '../../../src-shared/domain/filters';
import { filterCurrency } from '../../../src-shared/domain/filters';
import { useFormat, useLocale, useT } from '../../i18n/hooks';
import { currencyLabel } from './amount';
import { ageText, closedText, deadlineWeekText } from './closure-age';
import type { FilterChip } from './filter-model';
import { chipKey, chipsOf } from './filter-model';

export interface FilterChipsProps {
  filter: DossierFilter;
  merchantName: (id: string) => string;
  staffName: (id: string) => string;
  onRemove: (chip: FilterChip) => void;
  onClear: () => void;
}

/** The active filters as chips, each removable on its own, and "Clear filters" for all of them. */
export function FilterChips({ filter, merchantName, staffName, onRemove, onClear }: FilterChipsProps) {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const chips = chipsOf(filter);
  if (chips.length === 0) return null;

  const describe = (chip: FilterChip): { field: string; value: string } => {
    switch (chip.kind) {
      case 'subject':
        return { field: t('filter.subject'), value: t(`subject.${chip.value}`) };
      case 'reason':
        return { field: t('filter.reason'), value: t(`reason.${chip.value}`) };
      case 'merchant':
        return { field: t('filter.merchant'), value: merchantName(chip.value) };
      case 'tag':
        return { field: t('filter.tag'), value: chip.value };
      case 'deadline':
        return { field: t('filters.deadline'), value: t(`filters.deadline.${chip.value}`) };
      case 'age':
        return { field: t('filters.age'), value: filter.age ? ageText(t, filter.age) : '' };
      case 'closureReason':
        return { field: t('filters.closureReason'), value: t(`closureReason.${chip.value}`) };
      case 'outcome':
        return {
          field: t('filters.outcome'),
          value: chip.value === 'none' ? t('filters.outcome.none') : t(`outcome.${chip.value}`),
        };
      case 'closed':
        return { field: t('filters.closed'), value: closedText(t, format.date, filter) };
      case 'deadlineWeek':
        return filter.deadlineWeek
          ? deadlineWeekText(t, format.date, filter.deadlineWeek)
          : { field: '', value: '' };
      case 'unread':
        return { field: t('filters.unread.field'), value: t('filters.unread.value') };
      case 'assignee':
        return {
          field: t('filter.assignee'),
          value:
            chip.value === 'me'
              ? t('filters.assignee.me')
              : chip.value === 'none'
                ? t('dossier.unassigned')
                : staffName(chip.value),
        };
      case 'amount': {
        // The bounds in their currency, the agent's way ("€12.50 to €100.00", "de 12,50 € à 100,00 €"),
        // or the currency alone.
        const currency = filterCurrency(filter) ?? '';
        const { amountMin: min, amountMax: max } = filter;
        if (min === undefined && max === undefined) {
          return { field: t('filters.amount.currency'), value: currencyLabel(locale, currency) };
        }
        const amount = (minor: number) => format.amount(minor, currency);
        const value =
          min !== undefined && max !== undefined
            ? t('filters.amount.between', { min: amount(min), max: amount(max) })
            : min !== undefined
              ? t('filters.amount.atLeast', { min: amount(min) })
              : t('filters.amount.atMost', { max: amount(max ?? 0) });
        return { field: t('dossier.amount'), value };
      }
    }
  };

  return (
    <div className="filter-chips">
      <ul className="filter-chips__list" aria-label={t('filters.active')}>
        {chips.map((chip) => {
          const { field, value } = describe(chip);
          return (
            <li key={chipKey(chip)} className="filter-chip">
              <span className="filter-chip__field">{field}</span>
              <span className="filter-chip__value">{value}</span>
              <button
                type="button"
                className="filter-chip__remove"
                aria-label={t('filters.removeChip', { field, value })}
                onClick={() => onRemove(chip)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="button button--small filter-chips__clear" onClick={onClear}>
        {t('filter.clear')}
      </button>
    </div>
  );
}
