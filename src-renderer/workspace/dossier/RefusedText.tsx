import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/hooks';
import { copyText } from '../../ui/clipboard';
import type { RefusedText } from './refused-text';
import type { PutBack } from './use-composer';

export interface RefusedTextBlockProps {
  refused: RefusedText;
  /** Loads a refused message into the composer; absent where there is no composer. */
  onPutBack?: (message: PutBack) => void;
}

/** The text of a refused change, kept: shown as text, to copy or to put back in the composer. */
export function RefusedTextBlock({ refused, onPutBack }: RefusedTextBlockProps) {
  const t = useT();
  const body = useRef<HTMLQuoteElement>(null);
  const [copied, setCopied] = useState<'copied' | 'selected' | null>(null);
  useEffect(() => {
    if (copied !== 'copied') return;
    const timer = setTimeout(() => setCopied(null), 4000);
    return () => clearTimeout(timer);
  }, [copied]);
  const { putBack } = refused;
  return (
    <figure className="dossier-rejection__refused">
      <figcaption className="dossier-rejection__caption">{t('refused.text')}</figcaption>
      <blockquote ref={body} className="dossier-rejection__body">
        {refused.text}
      </blockquote>
      <div className="dossier-rejection__actions">
        <button
          type="button"
          className="button button--small"
          onClick={() => void copyText(refused.text, body.current).then(setCopied)}
        >
          {t('refused.copy')}
        </button>
        {putBack && onPutBack ? (
          <button type="button" className="button button--small" onClick={() => onPutBack(putBack)}>
            {t('refused.putBack')}
          </button>
        ) : null}
        <span className="dossier-rejection__copied" role="status">
          {copied === 'copied' ? t('refused.copied') : copied === 'selected' ? t('refused.copySelected') : ''}
        </span>
      </div>
    </figure>
  );
}
