import type { ReactNode } from 'react';
import { useEffect, useId, useRef, useState } from 'react';

export interface FilterMenuProps {
  /** The button's text, e.g. "Reason"; also names the panel. */
  label: string;
  /**
   * The button's and the panel's accessible name when the label alone would be taken for another
   * control ("Filter by merchant", not the composer's merchant); it holds the label's words.
   */
  name?: string;
  /** What is chosen, shown after the label ("2"), or nothing. */
  summary?: string;
  /** The panel's content; rendered only while open (a closed picker costs nothing). */
  children: (close: () => void) => ReactNode;
  /** Extra class for the panel (a wider one for the merchant picker). */
  panelClassName?: string;
  disabled?: boolean;
}

/**
 * A disclosure: a button that opens a small panel under it. Escape, a press outside or tabbing
 * away closes it, and Escape gives the focus back to the button. Not a `menu` role: the panel
 * holds form controls.
 */
export function FilterMenu({ label, name, summary, children, panelClassName, disabled }: FilterMenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const buttonId = useId();
  const nameId = useId();
  const summaryId = useId();

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent | MouseEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  // Closing from inside the panel (Escape, a choice made) gives the focus back to the button.
  // Found by id, not by ref: the panel's content receives `close` while it renders.
  const close = () => {
    setOpen(false);
    document.getElementById(buttonId)?.focus();
  };

  return (
    <div
      ref={root}
      className="filter-menu"
      onBlur={(event) => {
        // Tabbing out of the panel closes it; a click elsewhere is handled above.
        const next = event.relatedTarget;
        if (open && next instanceof Node && !root.current?.contains(next)) setOpen(false);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault();
          event.stopPropagation();
          close();
        }
      }}
    >
      <button
        id={buttonId}
        type="button"
        className={summary ? 'filter-menu__button filter-menu__button--set' : 'filter-menu__button'}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        // Named, the button reads its name and what is chosen ("Filter by merchant 2").
        aria-labelledby={name ? (summary ? `${nameId} ${summaryId}` : nameId) : undefined}
        disabled={disabled}
        onClick={() => setOpen((was) => !was)}
      >
        <span>{label}</span>
        {summary ? (
          <span id={summaryId} className="filter-menu__summary">
            {summary}
          </span>
        ) : null}
        <span className="filter-menu__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {name ? (
        <span id={nameId} hidden>
          {name}
        </span>
      ) : null}
      {open ? (
        <div
          id={panelId}
          role="group"
          aria-label={name ?? label}
          className={panelClassName ? `filter-menu__panel ${panelClassName}` : 'filter-menu__panel'}
        >
          {children(close)}
        </div>
      ) : null}
    </div>
  );
}
