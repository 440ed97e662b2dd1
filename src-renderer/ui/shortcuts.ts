import { useEffect, useEffectEvent } from 'react';

/**
 * The workspace's keyboard shortcuts (docs/product.md, The back office): j/k to move, Enter to open, r reply,
 * n note, c close, / search, ? help, Ctrl/Cmd+K the command palette. One registry, read by the
 * hook that handles them and by the help overlay that lists them.
 */
export type ShortcutId =
  | 'next'
  | 'previous'
  | 'open'
  | 'select'
  | 'selectRange'
  | 'reply'
  | 'note'
  | 'close'
  | 'undoSend'
  | 'markUnread'
  | 'search'
  | 'help'
  | 'palette';

export interface Shortcut {
  id: ShortcutId;
  /** The key as `KeyboardEvent.key` gives it (layout-independent: `?` is `?` on AZERTY too). */
  key: string;
  /** Ctrl on Windows/Linux, Cmd on macOS (either is accepted everywhere). */
  mod: boolean;
  /** Set where Shift makes a different shortcut of the same letter (x, Shift+X). */
  shift?: boolean;
  group: 'navigation' | 'dossier' | 'general';
  description: `shortcut.${ShortcutId}`;
}

export const shortcuts: readonly Shortcut[] = [
  { id: 'next', key: 'j', mod: false, group: 'navigation', description: 'shortcut.next' },
  { id: 'previous', key: 'k', mod: false, group: 'navigation', description: 'shortcut.previous' },
  { id: 'open', key: 'Enter', mod: false, group: 'navigation', description: 'shortcut.open' },
  { id: 'select', key: 'x', mod: false, shift: false, group: 'navigation', description: 'shortcut.select' },
  {
    id: 'selectRange',
    key: 'x',
    mod: false,
    shift: true,
    group: 'navigation',
    description: 'shortcut.selectRange',
  },
  { id: 'reply', key: 'r', mod: false, group: 'dossier', description: 'shortcut.reply' },
  { id: 'note', key: 'n', mod: false, group: 'dossier', description: 'shortcut.note' },
  { id: 'close', key: 'c', mod: false, group: 'dossier', description: 'shortcut.close' },
  { id: 'undoSend', key: 'z', mod: false, group: 'dossier', description: 'shortcut.undoSend' },
  { id: 'markUnread', key: 'u', mod: false, group: 'dossier', description: 'shortcut.markUnread' },
  { id: 'search', key: '/', mod: false, group: 'general', description: 'shortcut.search' },
  { id: 'palette', key: 'k', mod: true, group: 'general', description: 'shortcut.palette' },
  { id: 'help', key: '?', mod: false, group: 'general', description: 'shortcut.help' },
];

export type ShortcutHandlers = Partial<Record<ShortcutId, () => void>>;

/** A field the agent types in: letters typed there are text, not commands. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('[contenteditable="true"]')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(
      target.type,
    );
  }
  return target.getAttribute('role') === 'combobox' || target.getAttribute('role') === 'textbox';
}

/** A control Enter already activates (a button, a link): Enter there is not "open the dossier". */
function activatesOnEnter(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.closest(
      'button, a[href], summary, [role="button"], [role="link"], [role="menuitem"], [role="tab"]',
    ) !== null
  );
}

/** Inside an open modal dialog the dialog handles the keyboard, not the page behind it. */
const inDialog = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && target.closest('dialog[open], [aria-modal="true"]') !== null;

/** Which shortcut a key press is, if any, given where it was typed. */
export function matchShortcut(event: KeyboardEvent): ShortcutId | null {
  if (event.defaultPrevented || event.isComposing || event.altKey) return null;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (mod) {
    // A modifier chord types no text: the palette opens from a field too, but not over a dialog.
    if (key === 'k' && !event.shiftKey && !inDialog(event.target)) return 'palette';
    return null;
  }
  if (isTypingTarget(event.target) || inDialog(event.target)) return null;
  if (event.key === '?') return 'help';
  if (key === 'Enter' && activatesOnEnter(event.target)) return null;
  const candidates = shortcuts.filter((s) => !s.mod && s.key === key && s.key !== '?');
  const found =
    candidates.find((s) => s.shift === event.shiftKey) ?? candidates.find((s) => s.shift === undefined);
  return found ? found.id : null;
}

/**
 * Handles the shortcuts given handlers for, on the whole window, while `enabled`. Shortcuts
 * without a handler are left to the page (the key keeps its usual effect).
 */
export function useShortcuts(handlers: ShortcutHandlers, enabled = true): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const id = matchShortcut(event);
    const handler = id ? handlers[id] : undefined;
    if (!handler) return;
    event.preventDefault();
    handler();
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}
