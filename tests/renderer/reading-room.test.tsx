import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DossierViewHandle } from '../../src-renderer/workspace/dossier';
import { DossierView } from '../../src-renderer/workspace/dossier';
import { compactAfterPx } from '../../src-renderer/workspace/dossier/use-compact-header';
import { textShareOfView } from '../../src-renderer/workspace/dossier/use-growing-text';
import { applyStylesheets } from './stylesheets';
import { cacheOf, composerText, deskOf, show } from './workbench';

/**
 * Issue 12, item 4: room to read while writing. happy-dom lays nothing out, so the boxes' sizes are
 * given (`sizes` below) and the behaviour is checked: which part scrolls, the header's state as the
 * timeline scrolls, the composer's height as its text grows and its folding, the timeline brought to
 * the latest message when a letter comes in. The look at 1280×720 is tests/e2e/layout.spec.ts.
 */

type Size = 'scrollHeight' | 'clientHeight' | 'offsetHeight';
const measured: { size: Size; own: PropertyDescriptor | undefined }[] = [];

/** Gives elements the sizes a browser would compute, by their class (or, for the text, by its lines). */
function sizes(size: Size, of: (el: HTMLElement) => number): void {
  measured.push({ size, own: Object.getOwnPropertyDescriptor(HTMLElement.prototype, size) });
  Object.defineProperty(HTMLElement.prototype, size, {
    configurable: true,
    get(this: HTMLElement) {
      return of(this);
    },
  });
}

afterEach(() => {
  // happy-dom's own getters come back (on HTMLElement, or inherited from Element).
  for (const { size, own } of measured.splice(0).reverse()) {
    if (own) Object.defineProperty(HTMLElement.prototype, size, own);
    else Reflect.deleteProperty(HTMLElement.prototype, size);
  }
});

const is = (el: HTMLElement, className: string) => el.classList.contains(className);
/** The timeline's scroll box, laid out as a long correspondence in a short view. */
const scroller = () => document.querySelector('.dossier-view__body') as HTMLElement;
const header = () => document.querySelector('.dossier-header') as HTMLElement;
const compact = () => header().classList.contains('dossier-header--compact');

function longTimeline(): void {
  sizes('scrollHeight', (el) => (is(el, 'dossier-view__body') || is(el, 'dossier-timeline') ? 2400 : 0));
  sizes('clientHeight', (el) => (is(el, 'dossier-view__body') || is(el, 'dossier-timeline') ? 300 : 0));
}

/** The agent scrolls the timeline to `top`, with the wheel. */
function scrollTo(top: number): void {
  fireEvent.wheel(scroller(), { deltaY: top - scroller().scrollTop });
  scroller().scrollTop = top;
  fireEvent.scroll(scroller());
}

async function openDossier(ref?: React.Ref<DossierViewHandle>) {
  const db = await cacheOf(1);
  const view = show(deskOf(db), <DossierView dossierId="d-1" {...(ref ? { ref } : {})} />);
  await screen.findByRole('heading', { level: 2, name: 'KP-2026-000123' });
  return view;
}

describe('room to read while writing', () => {
  let removeStyles: () => void = () => undefined;
  afterEach(() => removeStyles());

  it('gives the timeline the room the header and the composer leave, the composer giving way first', async () => {
    removeStyles = applyStylesheets(
      'src-renderer/ui/css/controls.css',
      'src-renderer/workspace/dossier/dossier-header.css',
      'src-renderer/workspace/dossier/dossier-timeline.css',
      'src-renderer/workspace/dossier/dossier-composer.css',
      'src-renderer/workspace/dossier/dossier.css',
    );
    await openDossier();
    const body = scroller();
    const composer = screen.getByRole('region', { name: 'Write in the dossier' });
    // The scrolling part holds the story (and, narrow, the transaction above it), never the
    // header or the composer: both stay in view whatever is read.
    expect(body.contains(screen.getByRole('region', { name: 'Timeline' }))).toBe(true);
    expect(body.contains(header())).toBe(false);
    expect(body.contains(composer)).toBe(false);
    expect(getComputedStyle(body).overflowY).toBe('auto');
    // It takes what is left, and keeps at least a message's room …
    expect(getComputedStyle(body).flexGrow).toBe('1');
    expect(['', 'auto', '0', '0px']).not.toContain(getComputedStyle(body).minBlockSize);
    expect(getComputedStyle(header()).flexGrow).toBe('0');
    // … before which the composer shrinks (its text then scrolls).
    expect(getComputedStyle(composer).flexShrink).toBe('1');
    expect(getComputedStyle(composer).minBlockSize).toBe('0');
    const panel = composer.querySelector('.dossier-composer__panel') as HTMLElement;
    expect(getComputedStyle(panel).minBlockSize).toBe('0');
    expect(getComputedStyle(composerText()).flexShrink).toBe('1');
  });

  it('compacts the header as the agent scrolls the timeline, and shows it whole at the top', async () => {
    longTimeline();
    await openDossier();
    // Opened at the latest message, by the app: the whole header, nothing of it hidden. Nor does a
    // scroll the agent did not make fold it (the browser's, as the view is resized).
    expect(scroller().scrollTop).toBe(2400);
    fireEvent.scroll(scroller());
    scroller().scrollTop = 1800;
    fireEvent.scroll(scroller());
    expect(compact()).toBe(false);
    const details = screen.getByRole('button', { name: 'Dossier details' });
    expect(details.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('button', { name: 'Close dossier' })).toBeTruthy();

    // The agent scrolls up to read: one line, reference, status and deadline.
    scrollTo(1200);
    await waitFor(() => expect(compact()).toBe(true));
    const top = header().querySelector('.dossier-header__top') as HTMLElement;
    expect(within(top).getByRole('heading', { name: 'KP-2026-000123' })).toBeTruthy();
    expect(top.querySelector('.badge')?.textContent).toBe('Awaiting merchant');
    expect(top.querySelector('.countdown')).not.toBeNull();
    expect(details.getAttribute('aria-expanded')).toBe('false');
    // The rest is kept, hidden: the toolbar's buttons are out of reach until it unfolds.
    expect(screen.queryByRole('button', { name: 'Close dossier' })).toBeNull();
    expect(document.getElementById(details.getAttribute('aria-controls') ?? '')?.hidden).toBe(true);

    // Still reading: still compact. Back within a few pixels of the top: whole again.
    scrollTo(compactAfterPx + 1);
    expect(compact()).toBe(true);
    scrollTo(compactAfterPx);
    await waitFor(() => expect(compact()).toBe(false));
    expect(screen.getByRole('button', { name: 'Close dossier' })).toBeTruthy();

    // The agent folds and unfolds it by hand too.
    fireEvent.click(details);
    expect(compact()).toBe(true);
    fireEvent.click(details);
    expect(compact()).toBe(false);
  });

  it('keeps the whole header while the timeline would fit under a compact one, so it never flickers', async () => {
    // Compacting would give the timeline 240 px: it would then fit, be at its top, and unfold again.
    sizes('offsetHeight', (el) => (is(el, 'dossier-header') ? 280 : is(el, 'dossier-header__top') ? 40 : 0));
    sizes('scrollHeight', (el) => (is(el, 'dossier-view__body') ? 500 : 0));
    sizes('clientHeight', (el) => (is(el, 'dossier-view__body') ? 300 : 0));
    await openDossier();
    scrollTo(100);
    expect(compact()).toBe(false);
  });

  it('grows the composer with its text up to a share of the view, and shrinks it back', async () => {
    const lineHeight = 20;
    const viewHeight = 1000;
    sizes('scrollHeight', (el) =>
      el instanceof HTMLTextAreaElement ? el.value.split('\n').length * lineHeight : 0,
    );
    sizes('clientHeight', (el) => (is(el, 'dossier-view') ? viewHeight : 0));
    const user = userEvent.setup();
    await openDossier();
    const text = composerText();
    await user.click(text);
    await user.paste('Bonjour,\nmerci pour votre message.\nCordialement');
    expect(text.style.blockSize).toBe(`${3 * lineHeight}px`);
    expect(text.style.overflowY).toBe('hidden');

    await user.paste('\n…'.repeat(30));
    const max = Math.round(viewHeight * textShareOfView);
    expect(text.style.blockSize).toBe(`${max}px`);
    expect(text.style.overflowY).toBe('auto');

    await user.clear(text);
    await user.paste('Bonjour,\nmerci.');
    expect(text.style.blockSize).toBe(`${2 * lineHeight}px`);
  });

  it('folds the composer to a "Reply…" bar that keeps the draft, unfolded by a click or by r', async () => {
    const user = userEvent.setup();
    const handle = createRef<DossierViewHandle>();
    await openDossier(handle);
    await user.type(composerText(), 'Could you send the tracking number');

    await user.click(screen.getByRole('button', { name: 'Fold the composer' }));
    // One line: the text is out of reach, the bar says what waits in it, and has the focus.
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reply' })).toBeNull();
    const bar = screen.getByRole('button', { name: /^Reply…/ });
    expect(bar.getAttribute('aria-expanded')).toBe('false');
    expect(bar.textContent).toContain('Draft: Could you send the tracking number');
    expect(document.activeElement).toBe(bar);

    await user.click(bar);
    expect(composerText()).toBe(document.activeElement);
    expect(composerText().value).toBe('Could you send the tracking number');
    expect(screen.queryByRole('button', { name: /^Reply…/ })).toBeNull();

    // r (the workspace's shortcut, through the view's handle) unfolds it too, caret in the text.
    await user.click(screen.getByRole('button', { name: 'Fold the composer' }));
    handle.current?.focusReply();
    await waitFor(() => expect(document.activeElement).toBe(composerText()));
    expect(composerText().value).toBe('Could you send the tracking number');
  });

  it('shows the message being answered when a letter comes into the composer', async () => {
    longTimeline();
    const user = userEvent.setup();
    await openDossier();
    // The agent had scrolled up, to the start of the story, a while ago.
    scroller().scrollTop = 0;
    await user.selectOptions(screen.getByRole('combobox', { name: 'Template' }), 'Request for proof');
    // (The customer writes French: the letter is in French.)
    expect(composerText().value).toMatch(/^Bonjour,/);
    // The timeline is at its latest message again, and the header gave its room to the letter.
    expect(scroller().scrollTop).toBe(2400);
    expect(compact()).toBe(true);
    // That scroll is the app's own: it does not unfold the header, even at the top of a short story.
    scroller().scrollTop = 0;
    fireEvent.scroll(scroller());
    expect(compact()).toBe(true);
  });
});
