import type { Ref } from 'react';
import { useEffect, useId, useImperativeHandle, useLayoutEffect, useRef } from 'react';
import type { AuditEvent, Message } from '../../../src-shared/domain/model';
import type { TimelineItem } from '../../data/dossier';
import { useFormat, useT } from '../../i18n/hooks';
import { Attachments } from './Attachments';
import type { EventWords } from './event-text';
import { describeEvent } from './event-text';
import { atLatest, isTimelineScroller, scrollToLatest, timelineScrollers } from './timeline-scroll';

export interface TimelineHandle {
  /** Brings the latest entry into view, and keeps it there as the timeline's room changes. */
  showLatest: () => void;
}

export interface TimelineProps {
  items: readonly TimelineItem[];
  words: Omit<EventWords, 't' | 'format'>;
  now: number;
  /** What the customer paid: a merchant's proposed refund is said against it. */
  paid: { amount: number; currency: string };
  ref?: Ref<TimelineHandle>;
}

/**
 * The dossier's story in one list, oldest first: the correspondence (each party its own colour,
 * internal notes tinted, letters from the rules folded) and the audit trail as one-liners. Message
 * bodies are text, never HTML; attached files open through their own controls (Attachments.tsx).
 * It opens scrolled to the latest, next to the composer.
 */
export function Timeline({ items, words, now, paid, ref }: TimelineProps) {
  const t = useT();
  const format = useFormat();
  const scroller = useRef<HTMLElement>(null);
  const count = items.length;

  // Whether the agent reads the latest entries: new ones then come into view, and they stay in view
  // when the timeline's room changes (the header compacts, the composer grows or folds, the window is
  // resized); reading older ones, they are left where they are. Scroll events do not bubble: the view
  // listens in the capture phase.
  const following = useRef(true);
  useEffect(() => {
    const timeline = scroller.current;
    const view = timeline?.closest('.dossier-view');
    if (!timeline || !view) return;
    const onScroll = (event: Event) => {
      if (event.target instanceof Element && isTimelineScroller(event.target)) {
        following.current = atLatest(event.target);
      }
    };
    view.addEventListener('scroll', onScroll, true);
    const resized =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            if (following.current) scrollToLatest(timeline);
          });
    for (const box of timelineScrollers(timeline)) resized?.observe(box);
    return () => {
      view.removeEventListener('scroll', onScroll, true);
      resized?.disconnect();
    };
  }, []);

  useLayoutEffect(() => {
    if (scroller.current && following.current) scrollToLatest(scroller.current);
  }, [count]);

  useImperativeHandle(
    ref,
    () => ({
      showLatest: () => {
        following.current = true;
        if (scroller.current) scrollToLatest(scroller.current);
      },
    }),
    [],
  );

  const eventWords: EventWords = { ...words, t, format };
  return (
    <section ref={scroller} className="dossier-timeline" aria-label={t('dossier.timeline')} tabIndex={0}>
      {count === 0 ? <p className="dossier-timeline__empty">{t('timeline.empty')}</p> : null}
      <ol className="dossier-timeline__list">
        {items.map((item) =>
          item.kind === 'message' ? (
            <MessageItem
              key={item.message.id}
              message={item.message}
              pending={item.pending}
              now={now}
              paid={paid}
            />
          ) : (
            <EventItem key={item.event.id} event={item.event} words={eventWords} now={now} />
          ),
        )}
      </ol>
    </section>
  );
}

function MessageItem({
  message,
  pending,
  now,
  paid,
}: {
  message: Message;
  pending: boolean;
  now: number;
  paid: TimelineProps['paid'];
}) {
  const t = useT();
  const format = useFormat();
  const headingId = useId();
  const { author, audience, kind } = message;
  const fromParty = author.role === 'customer' || author.role === 'merchant';
  const tone =
    audience === 'internal'
      ? 'note'
      : author.role === 'supervisor'
        ? 'agent'
        : author.role === 'system'
          ? 'system'
          : author.role;
  const head = (
    <div className="dossier-msg__head">
      <h3 id={headingId} className="dossier-msg__author">
        {author.role === 'system' ? t('actor.system') : author.name}
      </h3>
      {author.role === 'system' ? null : (
        <span className="dossier-msg__role">{t(`actor.${author.role}`)}</span>
      )}
      {kind === 'message' || kind === 'note' ? null : (
        <span className="dossier-label">{t(`messageKind.${kind}`)}</span>
      )}
      {fromParty ? null : (
        <span className={`dossier-label dossier-label--${audience}`}>{t(`timeline.to.${audience}`)}</span>
      )}
      {pending ? (
        <span className="dossier-label dossier-label--pending" title={t('timeline.pendingHint')}>
          {t('timeline.pending')}
        </span>
      ) : null}
      <time
        className="dossier-msg__time"
        dateTime={message.createdAt}
        title={format.dateTime(message.createdAt)}
      >
        {format.moment(message.createdAt, now)}
      </time>
    </div>
  );
  const content = (
    <>
      <div className="dossier-msg__body">{message.body}</div>
      {message.proposal ? (
        <p className="dossier-msg__proposal">
          {t('timeline.proposal', {
            what:
              message.proposal.outcome === 'partial_refund'
                ? t('timeline.proposal.partial', {
                    amount: format.amount(message.proposal.amount ?? 0, paid.currency),
                  })
                : message.proposal.outcome === 'refund'
                  ? t('timeline.proposal.full', { amount: format.amount(paid.amount, paid.currency) })
                  : t(`desiredOutcome.${message.proposal.outcome}`),
          })}
        </p>
      ) : null}
      {message.attachments.length > 0 ? (
        <Attachments dossierId={message.dossierId} attachments={message.attachments} />
      ) : null}
    </>
  );
  return (
    <li className={`dossier-msg dossier-msg--${tone}${pending ? ' dossier-msg--pending' : ''}`}>
      <article aria-labelledby={headingId}>
        {tone === 'system' ? (
          // The rules' letters (acknowledgements, notices) are long and known: folded until asked for.
          <details className="dossier-msg__fold">
            <summary>{head}</summary>
            {content}
          </details>
        ) : (
          <>
            {head}
            {content}
          </>
        )}
      </article>
    </li>
  );
}

function EventItem({ event, words, now }: { event: AuditEvent; words: EventWords; now: number }) {
  const format = useFormat();
  const line = describeEvent(event, words);
  if (!line) return null;
  return (
    <li className={`dossier-event dossier-event--${line.tone}`}>
      <span className="dossier-event__text">{line.text}</span>
      <time className="dossier-event__time" dateTime={event.at} title={format.dateTime(event.at)}>
        {format.moment(event.at, now)}
      </time>
    </li>
  );
}
