import { useId, useMemo, useState } from 'react';
import { tagSchema } from '../../../src-shared/domain/model';
import { useT } from '../../i18n/hooks';
import { CheckList } from './CheckList';
import { folded } from './filter-model';

export interface TagPickerProps {
  knownTags: readonly string[];
  selected: readonly string[];
  onToggle: (tag: string) => void;
  /** How many tags the filter may hold. */
  max: number;
}

const shownLimit = 30;

/** Tags to require: known ones to tick (narrowed by typing), or a new one typed and added. */
export function TagPicker({ knownTags, selected, onToggle, max }: TagPickerProps) {
  const t = useT();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const full = selected.length >= max;

  const options = useMemo(() => {
    const words = folded(text).trim();
    const all = [...new Set([...selected, ...knownTags])];
    const matching = words ? all.filter((tag) => folded(tag).includes(words)) : all;
    return matching.slice(0, shownLimit).map((tag) => ({ value: tag, label: tag }));
  }, [knownTags, selected, text]);

  const add = () => {
    const parsed = tagSchema.safeParse(text);
    if (!parsed.success) {
      setError(t('filters.tag.invalid'));
      return;
    }
    setError(null);
    setText('');
    if (!selected.includes(parsed.data)) onToggle(parsed.data);
  };

  return (
    <div className="tag-picker">
      <form
        className="tag-picker__add"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <label htmlFor={`${id}-input`} className="visually-hidden">
          {t('filters.tag.input')}
        </label>
        <input
          id={`${id}-input`}
          type="text"
          autoComplete="off"
          placeholder={t('filters.tag.placeholder')}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
          }}
        />
        <button type="submit" className="button button--small" disabled={full || text.trim() === ''}>
          {t('filters.tag.add')}
        </button>
      </form>
      {error ? (
        <p id={`${id}-error`} className="filters__field-error">
          {error}
        </p>
      ) : null}
      {options.length > 0 ? (
        <CheckList
          legend={t('filter.tag')}
          options={options}
          selected={selected}
          onToggle={onToggle}
          full={full}
        />
      ) : (
        <p className="filters__hint">{t('filters.tag.none')}</p>
      )}
      {full ? <p className="filters__hint">{t('filters.tag.full', { max })}</p> : null}
    </div>
  );
}
