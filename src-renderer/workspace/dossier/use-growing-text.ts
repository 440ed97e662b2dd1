import type { RefObject } from 'react';
import { useEffect, useLayoutEffect } from 'react';

/** The composer's text takes at most this share of the dossier view's height: the timeline keeps the rest. */
export const textShareOfView = 0.35;

/**
 * Fits a text area's height to its text: it grows line by line up to a share of the dossier view (then
 * scrolls), and shrinks back as text goes. Measured, not left to `field-sizing`, so it works in every
 * browser the browser host meets, and again when the view is resized (the text wraps anew).
 */
export function useGrowingText(
  textarea: RefObject<HTMLTextAreaElement | null>,
  text: string,
  shown: boolean,
): void {
  useLayoutEffect(() => {
    if (shown && textarea.current) fitText(textarea.current);
  }, [textarea, text, shown]);

  useEffect(() => {
    const el = textarea.current;
    const view = el?.closest('.dossier-view');
    if (!el || !view || !shown || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => fitText(el));
    observer.observe(view);
    return () => observer.disconnect();
  }, [textarea, shown]);
}

function fitText(el: HTMLTextAreaElement): void {
  const viewHeight = el.closest<HTMLElement>('.dossier-view')?.clientHeight ?? 0;
  const max = viewHeight > 0 ? Math.round(viewHeight * textShareOfView) : Number.POSITIVE_INFINITY;
  // Measured at its natural height (its rows); meanwhile what holds it keeps its height, so the
  // timeline above neither grows nor loses its place at the latest message.
  const holder = el.parentElement;
  const held = holder?.style.minBlockSize ?? '';
  if (holder) holder.style.minBlockSize = `${holder.offsetHeight}px`;
  el.style.blockSize = 'auto';
  const wanted = el.scrollHeight + el.offsetHeight - el.clientHeight;
  // Not laid out (a hidden view): its rows and the stylesheet size it.
  el.style.blockSize = wanted > 0 ? `${Math.min(wanted, max)}px` : '';
  el.style.overflowY = wanted > max ? 'auto' : 'hidden';
  if (holder) holder.style.minBlockSize = held;
}
