import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listWidth, listWidthKey } from '../../src-renderer/workspace/list-width';
import { WorkspaceSplit } from '../../src-renderer/workspace/WorkspaceSplit';
import { renderIn } from './providers';

/**
 * Issue 12, item 4: the separator between the queue list and the dossier pane. happy-dom lays nothing
 * out: the split is given the width it has at 1280×720 (1048 px beside the queues), and the
 * separator's state is checked: its value and bounds, its keys and the mouse, the width kept on this
 * device and read back defensively.
 */

const splitWidth = 1048;
/** The widest list beside a dossier pane of 440 px and the separator's pixel. */
const widest = splitWidth - 1 - 440;

beforeEach(() => {
  localStorage.clear();
  // (Everything else unlaid, as happy-dom has it.)
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('workspace__split')
      ? new DOMRect(0, 0, splitWidth, 676)
      : new DOMRect(0, 0, 0, 0);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

function showSplit(locale: 'en' | 'fr' = 'en') {
  const view = renderIn(
    <WorkspaceSplit
      listId="the-list"
      list={<section id="the-list">list</section>}
      dossier={<section>dossier</section>}
    />,
    locale,
  );
  const split = view.container.querySelector('.workspace__split') as HTMLElement;
  return { ...view, split, separator: screen.getByRole('separator') };
}

const value = (separator: HTMLElement) => Number(separator.getAttribute('aria-valuenow'));

describe('the separator between the list and the dossier', () => {
  it('is a vertical separator with its value and bounds, named in English and French', () => {
    const { separator, split, unmount } = showSplit();
    expect(separator.getAttribute('aria-orientation')).toBe('vertical');
    expect(separator.getAttribute('aria-controls')).toBe('the-list');
    expect(separator.getAttribute('aria-label')).toBe('Width of the list and the dossier');
    expect(separator.getAttribute('aria-valuemin')).toBe(String(listWidth.min));
    expect(separator.getAttribute('aria-valuemax')).toBe(String(widest));
    expect(value(separator)).toBe(listWidth.initial);
    expect(separator.getAttribute('aria-valuetext')).toBe(`List ${listWidth.initial} pixels wide`);
    expect(separator.tabIndex).toBe(0);
    expect(split.style.getPropertyValue('--list-width')).toBe(`${listWidth.initial}px`);
    unmount();
    expect(showSplit('fr').separator.getAttribute('aria-label')).toBe('Largeur de la liste et du dossier');
  });

  it('moves with the arrow keys (Shift: further), Home and End, within its bounds, and keeps the width', async () => {
    const user = userEvent.setup();
    const { separator, split } = showSplit();
    separator.focus();
    await user.keyboard('{ArrowRight}');
    expect(value(separator)).toBe(listWidth.initial + listWidth.step);
    await user.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    expect(value(separator)).toBe(listWidth.initial + listWidth.step - listWidth.bigStep);
    expect(split.style.getPropertyValue('--list-width')).toBe(`${value(separator)}px`);
    expect(localStorage.getItem(listWidthKey)).toBe(String(value(separator)));

    await user.keyboard('{End}');
    expect(value(separator)).toBe(widest);
    await user.keyboard('{ArrowRight}');
    expect(value(separator)).toBe(widest);
    await user.keyboard('{Home}');
    expect(value(separator)).toBe(listWidth.min);
    await user.keyboard('{ArrowLeft}');
    expect(value(separator)).toBe(listWidth.min);
    expect(localStorage.getItem(listWidthKey)).toBe(String(listWidth.min));
  });

  it('follows the mouse while dragged, keeps the width once let go, and a double click resets it', () => {
    const { separator } = showSplit();
    fireEvent.pointerDown(separator, { button: 0, pointerId: 1, clientX: 700 });
    fireEvent.pointerMove(separator, { pointerId: 1, clientX: 640 });
    expect(value(separator)).toBe(listWidth.initial - 60);
    // Written once, when the drag ends.
    expect(localStorage.getItem(listWidthKey)).toBeNull();
    fireEvent.pointerMove(separator, { pointerId: 1, clientX: 620 });
    fireEvent.pointerUp(separator, { pointerId: 1, clientX: 620 });
    expect(value(separator)).toBe(listWidth.initial - 80);
    expect(localStorage.getItem(listWidthKey)).toBe(String(listWidth.initial - 80));
    // A move after the drag does nothing.
    fireEvent.pointerMove(separator, { pointerId: 1, clientX: 100 });
    expect(value(separator)).toBe(listWidth.initial - 80);

    // Dragged far past its bounds: held within them.
    fireEvent.pointerDown(separator, { button: 0, pointerId: 2, clientX: 600 });
    fireEvent.pointerUp(separator, { pointerId: 2, clientX: 5000 });
    expect(value(separator)).toBe(widest);

    fireEvent.doubleClick(separator);
    expect(value(separator)).toBe(listWidth.initial);
    expect(localStorage.getItem(listWidthKey)).toBeNull();
  });

  it('reads the kept width back, and the default for anything else stored', () => {
    localStorage.setItem(listWidthKey, '444');
    const kept = showSplit();
    expect(value(kept.separator)).toBe(444);
    kept.unmount();

    // Wider than this window allows: the dossier keeps its room, the choice is kept for a wider one.
    localStorage.setItem(listWidthKey, '900');
    const wide = showSplit();
    expect(value(wide.separator)).toBe(widest);
    expect(localStorage.getItem(listWidthKey)).toBe('900');
    wide.unmount();

    for (const bad of [
      '',
      'abc',
      '-400',
      '12.5',
      '4e2',
      '0x1f4',
      ' 500',
      '500px',
      'NaN',
      'Infinity',
      '100',
      '99999',
      '{"w":500}',
    ]) {
      localStorage.setItem(listWidthKey, bad);
      const shown = showSplit();
      expect(value(shown.separator), JSON.stringify(bad)).toBe(listWidth.initial);
      shown.unmount();
    }

    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(value(showSplit().separator)).toBe(listWidth.initial);
  });
});
