import { afterEach, describe, expect, it } from 'vitest';
import { readUndoDelay, undoDelayKey, writeUndoDelay } from '../../src-renderer/ui/undo-delay';

/** The agent's Undo delay for sent messages: kept on this device, read defensively. */
describe('the Undo delay', () => {
  afterEach(() => localStorage.clear());

  it('is 5 seconds until chosen, and what was chosen afterwards, off included', () => {
    expect(readUndoDelay()).toBe(5);
    writeUndoDelay(30);
    expect(readUndoDelay()).toBe(30);
    writeUndoDelay(0);
    expect(readUndoDelay()).toBe(0);
    // The default is stored as no entry, so a later default applies.
    writeUndoDelay(5);
    expect(localStorage.getItem(undoDelayKey)).toBeNull();
  });

  it.each(['7', '-5', '5.5', 'thirty', '', '1e3'])('gives the default for a stored %j', (stored) => {
    localStorage.setItem(undoDelayKey, stored);
    expect(readUndoDelay()).toBe(5);
  });
});
