import type { RefObject } from 'react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { inTimeline, isTimelineScroller } from './timeline-scroll';

/** Scrolled past this many pixels, the header compacts; back within them, the whole header returns. */
export const compactAfterPx = 8;

/**
 * How long after the agent's wheel, touch or key on the timeline its scrolling is the agent's. The
 * rest is the app's or the browser's: the scroll to the latest message, a clamp or scroll anchoring
 * as the view is resized or the composer grows; none of those folds or unfolds the header.
 */
export const agentScrollMs = 1000;

export interface CompactHeader {
  /** The header shows one line: reference, status, deadline. */
  compact: boolean;
  setCompact: (compact: boolean) => void;
}

/**
 * The dossier header gives its room to the correspondence while the agent reads it: it compacts as
 * the agent scrolls the timeline, and is whole again at the top. A dossier opens with its whole header
 * (only the agent's scrolling counts, see `agentScrollMs`), and the agent can unfold or fold it.
 * `ready`: the view is shown (its root, which the events reach, is in the document).
 */
export function useCompactHeader(view: RefObject<HTMLElement | null>, ready: boolean): CompactHeader {
  const [compact, setState] = useState(false);
  const current = useRef(compact);
  const setCompact = useCallback((next: boolean) => {
    current.current = next;
    setState(next);
  }, []);
  // Where the agent was reading when the header compacted, to keep it on screen (below).
  const reading = useRef<{ box: HTMLElement; top: number; headerHeight: number } | null>(null);

  useEffect(() => {
    const root = view.current;
    if (!ready || !root) return;
    let intentAt = Number.NEGATIVE_INFINITY;
    let pressing = false;
    const onIntent = (event: Event) => {
      if (inTimeline(event.target)) intentAt = performance.now();
    };
    // A press on the scroll box is its scrollbar dragged (or text selected past its edge).
    const onPress = (event: Event) => {
      if (inTimeline(event.target)) pressing = true;
    };
    const onRelease = () => {
      if (pressing) intentAt = performance.now();
      pressing = false;
    };
    const onScroll = (event: Event) => {
      const box = event.target;
      if (!(box instanceof HTMLElement) || !isTimelineScroller(box)) return;
      if (!pressing && performance.now() - intentAt > agentScrollMs) return;
      if (box.scrollTop <= compactAfterPx) {
        if (current.current) setCompact(false);
        return;
      }
      if (current.current) return;
      const header = root.querySelector<HTMLElement>('.dossier-header');
      const headerHeight = header?.offsetHeight ?? 0;
      // The lines under the first go; a timeline that would then fit whole stays under a whole header
      // (else it would compact, fit, be at its top, and unfold again).
      const freed =
        headerHeight - (header?.querySelector<HTMLElement>('.dossier-header__top')?.offsetHeight ?? 0);
      if (box.scrollHeight - box.clientHeight - freed <= compactAfterPx) return;
      reading.current = { box, top: box.scrollTop, headerHeight };
      setCompact(true);
    };
    const intents = ['wheel', 'touchmove', 'keydown'] as const;
    for (const type of intents) root.addEventListener(type, onIntent, { passive: true });
    root.addEventListener('pointerdown', onPress);
    window.addEventListener('pointerup', onRelease);
    window.addEventListener('pointercancel', onRelease);
    // Scroll events do not bubble: the view listens in the capture phase.
    root.addEventListener('scroll', onScroll, true);
    return () => {
      for (const type of intents) root.removeEventListener(type, onIntent);
      root.removeEventListener('pointerdown', onPress);
      window.removeEventListener('pointerup', onRelease);
      window.removeEventListener('pointercancel', onRelease);
      root.removeEventListener('scroll', onScroll, true);
    };
  }, [view, ready, setCompact]);

  // The timeline's top rose by what the header gave up: what the agent was reading stays where it was.
  useLayoutEffect(() => {
    const was = reading.current;
    reading.current = null;
    if (!compact || !was) return;
    const height = view.current?.querySelector<HTMLElement>('.dossier-header')?.offsetHeight ?? 0;
    const freed = was.headerHeight - height;
    if (freed > 0) was.box.scrollTop = Math.max(compactAfterPx + 1, was.top - freed);
  }, [compact, view]);

  return { compact, setCompact };
}
