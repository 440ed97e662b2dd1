export interface CheckListProps<V extends string> {
  legend: string;
  options: readonly { value: V; label: string }[];
  selected: readonly V[];
  onToggle: (value: V) => void;
  /** Options that cannot be added (a list at its limit); checked ones stay removable. */
  full?: boolean;
}

/** A fieldset of checkboxes: the multi-choice of a filter (subjects, reasons, tags). */
export function CheckList<V extends string>({
  legend,
  options,
  selected,
  onToggle,
  full,
}: CheckListProps<V>) {
  return (
    <fieldset className="check-list">
      <legend className="visually-hidden">{legend}</legend>
      {options.map(({ value, label }) => {
        const checked = selected.includes(value);
        return (
          <label key={value} className="check-list__option">
            <input
              type="checkbox"
              checked={checked}
              disabled={!checked && full}
              onChange={() => onToggle(value)}
            />
            <span>{label}</span>
          </label>
        );
      })}
    </fieldset>
  );
}
