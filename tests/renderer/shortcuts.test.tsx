import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Mock } from 'vitest';
import { describe, expect, it, vi } from 'vitest';
import type { ShortcutHandlers, ShortcutId } from '../../src-renderer/ui/shortcuts';
import { shortcuts, useShortcuts } from '../../src-renderer/ui/shortcuts';

function Workspace({ handlers, enabled }: { handlers: ShortcutHandlers; enabled?: boolean }) {
  useShortcuts(handlers, enabled);
  return (
    <div>
      <input aria-label="Search dossiers" />
      <textarea aria-label="Message" />
      <div contentEditable suppressContentEditableWarning aria-label="Rich text" role="textbox" />
      <select aria-label="Audience">
        <option>Customer</option>
      </select>
      <button type="button">Take over</button>
      <dialog open aria-label="Some dialog">
        <button type="button">Inside the dialog</button>
      </dialog>
    </div>
  );
}

const allHandlers = () =>
  Object.fromEntries(shortcuts.map((s) => [s.id, vi.fn<() => void>()])) as Record<
    ShortcutId,
    Mock<() => void>
  >;

describe('useShortcuts', () => {
  it('runs j/k, Enter, r, n, c, / and ? on the page', async () => {
    const user = userEvent.setup();
    const spies = allHandlers();
    render(<Workspace handlers={spies} />);
    await user.keyboard('jjkrnc/?');
    await user.keyboard('{Enter}');
    expect(spies.next).toHaveBeenCalledTimes(2);
    expect(spies.previous).toHaveBeenCalledTimes(1);
    expect(spies.reply).toHaveBeenCalledTimes(1);
    expect(spies.note).toHaveBeenCalledTimes(1);
    expect(spies.close).toHaveBeenCalledTimes(1);
    expect(spies.search).toHaveBeenCalledTimes(1);
    expect(spies.help).toHaveBeenCalledTimes(1);
    expect(spies.open).toHaveBeenCalledTimes(1);
    expect(spies.palette).not.toHaveBeenCalled();
  });

  it('opens the palette with Ctrl+K and Cmd+K', async () => {
    const user = userEvent.setup();
    const spies = allHandlers();
    render(<Workspace handlers={spies} />);
    await user.keyboard('{Control>}k{/Control}');
    await user.keyboard('{Meta>}k{/Meta}');
    expect(spies.palette).toHaveBeenCalledTimes(2);
    expect(spies.previous).not.toHaveBeenCalled();
  });

  it('ignores keys typed in inputs, text areas, selects and editable text', async () => {
    const user = userEvent.setup();
    const spies = allHandlers();
    render(<Workspace handlers={spies} />);
    const input = screen.getByRole<HTMLInputElement>('textbox', { name: 'Search dossiers' });
    await user.click(input);
    await user.keyboard('jkrnc/?');
    expect(input.value).toBe('jkrnc/?');
    const area = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
    await user.click(area);
    await user.keyboard('reply now{Enter}');
    expect(area.value).toBe('reply now\n');
    await user.click(screen.getByRole('textbox', { name: 'Rich text' }));
    await user.keyboard('jk');
    screen.getByRole('combobox', { name: 'Audience' }).focus();
    await user.keyboard('c');
    for (const spy of Object.values(spies)) expect(spy).not.toHaveBeenCalled();
  });

  it('still opens the palette from a field: a chord types no text', async () => {
    const user = userEvent.setup();
    const spies = allHandlers();
    render(<Workspace handlers={spies} />);
    await user.click(screen.getByRole('textbox', { name: 'Search dossiers' }));
    await user.keyboard('{Control>}k{/Control}');
    expect(spies.palette).toHaveBeenCalledTimes(1);
  });

  it('leaves Enter to a focused button and keys to an open dialog', async () => {
    const user = userEvent.setup();
    const spies = allHandlers();
    render(<Workspace handlers={spies} />);
    screen.getByRole('button', { name: 'Take over' }).focus();
    await user.keyboard('{Enter}');
    expect(spies.open).not.toHaveBeenCalled();
    screen.getByRole('button', { name: 'Inside the dialog' }).focus();
    await user.keyboard('j{Control>}k{/Control}');
    expect(spies.next).not.toHaveBeenCalled();
    expect(spies.palette).not.toHaveBeenCalled();
  });

  it('does nothing while disabled, and leaves keys without a handler alone', async () => {
    const user = userEvent.setup();
    const spies = allHandlers();
    const { rerender } = render(<Workspace handlers={spies} enabled={false} />);
    await user.keyboard('jk?');
    for (const spy of Object.values(spies)) expect(spy).not.toHaveBeenCalled();

    const next = vi.fn();
    rerender(<Workspace handlers={{ next }} />);
    const seen: boolean[] = [];
    const listener = (event: KeyboardEvent) => seen.push(event.defaultPrevented);
    window.addEventListener('keydown', listener);
    await user.keyboard('jr');
    window.removeEventListener('keydown', listener);
    expect(next).toHaveBeenCalledTimes(1);
    // j was handled (default prevented); r has no handler here, so it keeps its usual effect.
    expect(seen).toEqual([true, false]);
  });

  it('uses the latest handlers without re-subscribing', async () => {
    const user = userEvent.setup();
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = render(<Workspace handlers={{ reply: first }} />);
    rerender(<Workspace handlers={{ reply: second }} />);
    await user.keyboard('r');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
