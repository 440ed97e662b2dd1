import { countdownTone } from '../i18n/countdown';
import { useFormat, useT } from '../i18n/hooks';

export interface CountdownProps {
  /** The deadline (ISO instant); null shows "No deadline". */
  dueAt: string | null;
  /** The present, from the shared clock: `useNow()`. */
  now: number;
  /** Below this many milliseconds left the countdown turns to a warning (default 4 h). */
  soonMs?: number;
  /** The tooltip, when it should say whose deadline it is (default: "Due {date}"). */
  title?: string;
}

/**
 * A deadline counting down live: "in 3 h 20 min", "overdue by 2 d". Not a live region: a screen
 * reader reads it when it reaches it, it does not announce every tick. The exact instant is in
 * the `<time>` element and its tooltip.
 */
export function Countdown({ dueAt, now, soonMs, title }: CountdownProps) {
  const t = useT();
  const format = useFormat();
  if (dueAt === null) return <span className="countdown countdown--none">{t('dossier.noDeadline')}</span>;
  const tone = countdownTone(dueAt, now, soonMs);
  return (
    <time
      className={`countdown countdown--${tone}`}
      dateTime={dueAt}
      title={title ?? t('countdown.dueAt', { date: format.dateTime(dueAt) })}
    >
      {format.countdown(dueAt, now)}
    </time>
  );
}
