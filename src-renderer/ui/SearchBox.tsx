import type { Ref } from 'react';
import { useT } from '../i18n/hooks';

export interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  /** Given so the `/` shortcut can focus the box. */
  ref?: Ref<HTMLInputElement>;
  /** Called on Enter (e.g. to open the first result). */
  onSubmit?: () => void;
  /** Called on the down arrow: into the results, where j/k and Enter work. */
  onDown?: () => void;
}

/** The search box of the top bar, named "Search dossiers"; Escape empties it. */
export function SearchBox({ value, onChange, ref, onSubmit, onDown }: SearchBoxProps) {
  const t = useT();
  return (
    <input
      ref={ref}
      type="search"
      className="search-box"
      aria-label={t('search.label')}
      placeholder={t('search.placeholder')}
      autoComplete="off"
      spellCheck={false}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && value !== '') {
          event.preventDefault();
          onChange('');
        } else if (event.key === 'Enter' && onSubmit) {
          event.preventDefault();
          onSubmit();
        } else if (event.key === 'ArrowDown' && onDown) {
          event.preventDefault();
          onDown();
        }
      }}
    />
  );
}
