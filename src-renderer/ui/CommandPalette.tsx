import type { RefObject } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useT } from '../i18n/hooks';
import { Dialog } from './Dialog';
import type { PaletteCommand } from './palette-filter';
import { filterCommands } from './palette-filter';

export interface CommandPaletteProps {
  open: boolean;
  onClose: () => void;
  commands: readonly PaletteCommand[];
  /** Commands made from what is typed (e.g. "Open KP-2026-000123"), listed first. */
  fromQuery?: (query: string) => PaletteCommand[];
}

/**
 * Ctrl/Cmd+K: a dialog with a combobox over a listbox of commands. Typing filters, the arrow keys
 * move the active option (announced through `aria-activedescendant` while the focus stays in the
 * field), Enter or a click runs it and closes the palette.
 */
export function CommandPalette({ open, onClose, commands, fromQuery }: CommandPaletteProps) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('palette.title')}
      initialFocus={input}
      className="dialog--palette"
    >
      <PaletteBody commands={commands} fromQuery={fromQuery} onClose={onClose} inputRef={input} />
    </Dialog>
  );
}

interface PaletteBodyProps {
  commands: readonly PaletteCommand[];
  fromQuery: ((query: string) => PaletteCommand[]) | undefined;
  onClose: () => void;
  inputRef: RefObject<HTMLInputElement | null>;
}

function PaletteBody({ commands, fromQuery, onClose, inputRef }: PaletteBodyProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const optionId = (i: number) => `${listId}-option-${i}`;
  const list = useRef<HTMLUListElement>(null);
  const shown = [...(fromQuery?.(query) ?? []), ...filterCommands(commands, query)];
  const current = Math.min(active, Math.max(0, shown.length - 1));

  useEffect(() => {
    const option = list.current?.querySelector<HTMLElement>('[aria-selected="true"]');
    option?.scrollIntoView({ block: 'nearest' });
  }, [current, query]);

  const run = (command: PaletteCommand | undefined) => {
    if (!command || command.disabled) return;
    // Close first, synchronously: the dialog gives the focus back, then the command may move it.
    flushSync(onClose);
    command.run();
  };

  const move = (delta: number) => {
    if (shown.length === 0) return;
    setActive((current + delta + shown.length) % shown.length);
  };

  return (
    <div className="palette">
      <input
        ref={inputRef}
        className="palette__input"
        type="text"
        role="combobox"
        aria-label={t('palette.input')}
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown.length > 0 ? optionId(current) : undefined}
        placeholder={t('palette.placeholder')}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            move(event.key === 'ArrowDown' ? 1 : -1);
          } else if (event.key === 'Enter') {
            event.preventDefault();
            run(shown[current]);
          }
        }}
      />
      <ul ref={list} id={listId} className="palette__list" role="listbox" aria-label={t('palette.list')}>
        {shown.map((command, i) => (
          <li
            key={command.id}
            id={optionId(i)}
            role="option"
            className="palette__option"
            aria-selected={i === current}
            aria-disabled={command.disabled ? true : undefined}
            onMouseMove={() => {
              if (i !== current) setActive(i);
            }}
            onClick={() => run(command)}
          >
            <span className="palette__label">{command.label}</span>
            {command.group ? <span className="palette__group">{command.group}</span> : null}
            {command.shortcut ? <kbd className="palette__shortcut">{command.shortcut}</kbd> : null}
          </li>
        ))}
      </ul>
      {shown.length === 0 ? <p className="palette__empty">{t('palette.empty')}</p> : null}
      <p className="visually-hidden" role="status">
        {t('palette.results', { count: shown.length })}
      </p>
    </div>
  );
}
