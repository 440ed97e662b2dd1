import type { ReactNode } from 'react';
import { useId } from 'react';
import { useT } from '../i18n/hooks';

/** The card of the pages before the workspace (sign-in, Connect to server): product, title, form. */
export function SignInCard(props: {
  title: string;
  subtitle: string;
  subtitleId?: string;
  busy: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const t = useT();
  const titleId = useId();
  return (
    <main className="sign-in">
      <form
        className="sign-in__card"
        aria-labelledby={titleId}
        aria-busy={props.busy}
        onSubmit={(event) => {
          event.preventDefault();
          if (!props.busy) props.onSubmit();
        }}
      >
        <p className="sign-in__product">{t('app.name')}</p>
        <h1 id={titleId} className="sign-in__title">
          {props.title}
        </h1>
        <p id={props.subtitleId} className="sign-in__subtitle">
          {props.subtitle}
        </p>
        {props.children}
      </form>
    </main>
  );
}
