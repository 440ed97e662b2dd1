/**
 * Where the timeline scrolls: itself in a wide dossier view, the view's body (the transaction panel
 * above it) in a narrow one (dossier.css). Both are named here, for the timeline that keeps its latest
 * entry in view and for the header that compacts as the agent reads.
 */

export const isTimelineScroller = (el: Element): boolean =>
  el.classList.contains('dossier-timeline') || el.classList.contains('dossier-view__body');

/** The timeline or what scrolls it: where the agent's wheel, touch, keys and scrollbar act on it. */
export const inTimeline = (target: EventTarget | null): boolean =>
  target instanceof Element && target.closest('.dossier-timeline, .dossier-view__body') !== null;

/** The timeline's possible scrollers; the one that is not a scroll box in this layout ignores scrollTop. */
export function timelineScrollers(timeline: HTMLElement): HTMLElement[] {
  const body = timeline.closest<HTMLElement>('.dossier-view__body');
  return body ? [timeline, body] : [timeline];
}

/** Shows the latest entry. */
export function scrollToLatest(timeline: HTMLElement): void {
  for (const box of timelineScrollers(timeline)) box.scrollTop = box.scrollHeight;
}

/** Reading the latest entries (within a few lines of the end): new ones then come into view. */
export const atLatest = (box: Element): boolean => box.scrollHeight - box.scrollTop - box.clientHeight < 80;
