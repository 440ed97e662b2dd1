import { useId } from 'react';
import type { DeadlineFilter } from '../../../src-shared/domain/filters';
import { deadlineFilters } from '../../../src-shared/domain/filters';
import { useT } from '../../i18n/hooks';

export interface DeadlineChoiceProps {
  selected: DeadlineFilter | undefined;
  /** `undefined`: any deadline (the filter cleared). */
  onChoose: (deadline: DeadlineFilter | undefined) => void;
}

/**
 * The deadline filter: one of the dashboard's breach figures, or any. Radio buttons, since a dossier
 * stands in one of them at most; choosing does not close the panel, so arrow keys can move along.
 */
export function DeadlineChoice({ selected, onChoose }: DeadlineChoiceProps) {
  const t = useT();
  const name = useId();
  const options = [
    { key: 'any', value: undefined, label: t('filters.deadline.any') },
    ...deadlineFilters.map((value) => ({ key: value, value, label: t(`filters.deadline.${value}`) })),
  ];
  return (
    <fieldset className="check-list">
      <legend className="visually-hidden">{t('filters.deadline')}</legend>
      {options.map(({ key, value, label }) => (
        <label key={key} className="check-list__option">
          <input type="radio" name={name} checked={selected === value} onChange={() => onChoose(value)} />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}
