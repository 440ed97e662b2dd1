import { useEffect, useRef } from 'react';
import { clockNow } from '../../clock';
import { useFormat, useT } from '../../i18n/hooks';
import type { Collision } from './collision';

/**
 * "James Whitfield wrote to the customer 20 s ago": the send waits, the focus on "Read it first"
 * (the safe choice); "Send anyway" sends what the agent wrote as it is.
 */
export function CollisionNote({
  collision,
  onRead,
  onSend,
}: {
  collision: Collision;
  onRead: () => void;
  onSend: () => void;
}) {
  const t = useT();
  const format = useFormat();
  const read = useRef<HTMLButtonElement>(null);
  // "20 s ago" while it is fresh (the case that matters), then "3 minutes ago".
  const ago = (at: string) => {
    const seconds = Math.max(0, Math.round((clockNow() - Date.parse(at)) / 1_000));
    return seconds < 60
      ? t('composer.collision.secondsAgo', { count: seconds })
      : format.relative(at, clockNow());
  };
  useEffect(() => read.current?.focus(), [collision]);
  return (
    <div className="dossier-composer__collision" role="alert">
      <p>
        {t('composer.collision', {
          name: collision.name,
          party: t(`composer.collision.${collision.party}`),
          when: ago(collision.at),
        })}
      </p>
      <button ref={read} type="button" className="button button--small button--primary" onClick={onRead}>
        {t('composer.collision.read')}
      </button>
      <button type="button" className="button button--small" onClick={onSend}>
        {t('composer.collision.send')}
      </button>
    </div>
  );
}
