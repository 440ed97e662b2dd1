import type { KeyboardEvent, Ref } from 'react';
import { useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import type { Dossier } from '../../../src-shared/domain/model';
import { limits } from '../../../src-shared/domain/model';
import type { Audience, Language } from '../../../src-shared/domain/vocabulary';
import { audienceSchema, languageSchema } from '../../../src-shared/domain/vocabulary';
import { useDesk } from '../../data/desk';
import { useT } from '../../i18n/hooks';
import { LocalRefusalNote } from './Refusals';
import type { ComposerTemplateId } from './letters';
import {
  audienceForTemplate,
  composerTemplates,
  isComposerTemplate,
  letterText,
  recipientLanguage,
} from './letters';
import type { RuleCheck } from './use-action';
import { useDossierAction } from './use-action';

export interface ComposerHandle {
  /** Puts the caret in the message: as a reply (to a party) or as an internal note. */
  focus: (mode: 'reply' | 'note') => void;
}

export interface ComposerProps {
  dossier: Dossier;
  check: RuleCheck;
  /** Told whether the composer holds text: the agent's presence on the dossier is then "writing". */
  onWritingChange: (writing: boolean) => void;
  ref?: Ref<ComposerHandle>;
}

type Send = 'reply' | 'note' | 'remind' | 'inform' | 'forward';

/** The letter last put in the composer, to follow a change of language while it is untouched. */
interface Inserted {
  id: ComposerTemplateId;
  text: string;
}

const sendLabels = {
  reply: 'action.reply',
  note: 'action.note',
  remind: 'action.remindMerchant',
  inform: 'action.informCustomer',
  forward: 'action.forwardToMerchant',
} as const;

/**
 * Writes to the customer, the merchant, both, or an internal note; starts from a letter filled with
 * the dossier's facts in the recipient's language. Ctrl/Cmd+Enter sends with the main action.
 */
export function Composer({ dossier, check, onWritingChange, ref }: ComposerProps) {
  const t = useT();
  const { settings } = useDesk();
  const action = useDossierAction(dossier.id);
  const closed = dossier.status === 'closed';
  const [audience, setAudience] = useState<Audience>(closed ? 'internal' : 'customer');
  const [body, setBody] = useState('');
  const [chosenLanguage, setChosenLanguage] = useState<Language | null>(null);
  const [inserted, setInserted] = useState<Inserted | null>(null);
  const [done, setDone] = useState('');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const ids = { name: useId(), body: useId(), hint: useId() };

  const language =
    chosenLanguage ?? recipientLanguage(dossier, audience === 'internal' ? 'customer' : audience);
  const untouched = inserted !== null && body === inserted.text;

  useEffect(() => onWritingChange(body.trim() !== ''), [body, onWritingChange]);
  // The confirmation is a moment's notice: the timeline shows the message, marked until it is sent.
  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(''), 6000);
    return () => clearTimeout(timer);
  }, [done]);

  useImperativeHandle(
    ref,
    () => ({
      focus: (mode) => {
        if (mode === 'note') setAudience('internal');
        else if (audience === 'internal' && !closed) setAudience('customer');
        textarea.current?.focus();
      },
    }),
    [audience, closed],
  );

  /** Puts a letter in: over an empty or untouched composer, else after what the agent wrote. */
  const insert = (id: ComposerTemplateId, lang: Language) => {
    const letter = letterText(dossier, id, lang, settings, Date.now());
    const keep = body.trim() === '' || untouched ? '' : `${body.trimEnd()}\n\n`;
    setBody(keep + letter);
    setInserted({ id, text: keep + letter });
    setDone('');
  };
  /** Re-writes an untouched letter when its recipient or language changes. */
  const follow = (lang: Language) => {
    if (inserted && untouched) {
      const letter = letterText(dossier, inserted.id, lang, settings, Date.now());
      setBody(letter);
      setInserted({ id: inserted.id, text: letter });
    }
  };

  const chooseTemplate = (value: string) => {
    if (!isComposerTemplate(value)) return;
    const next = audienceForTemplate(value, audience);
    setAudience(next);
    insert(value, chosenLanguage ?? recipientLanguage(dossier, next === 'internal' ? 'customer' : next));
  };
  const chooseAudience = (value: Audience) => {
    setAudience(value);
    if (chosenLanguage === null)
      follow(recipientLanguage(dossier, value === 'internal' ? 'customer' : value));
  };
  const chooseLanguage = (value: Language) => {
    setChosenLanguage(value);
    follow(value);
  };

  const blank = body.trim() === '';
  const refusals = {
    reply: check({ name: 'dossier.reply', args: { body: '-', audience: 'customer' } }),
    remind: check({ name: 'dossier.remind_merchant', args: {} }),
    inform: check({ name: 'dossier.inform_customer', args: {} }),
    forward: check({ name: 'dossier.forward_to_merchant', args: { body: '-' } }),
  };
  const enabled: Record<Send, boolean> = {
    reply: !blank && audience !== 'internal' && refusals.reply === null,
    note: !blank,
    remind: refusals.remind === null,
    inform: refusals.inform === null,
    forward: !blank && refusals.forward === null,
  };
  const primary: Send =
    audience === 'internal'
      ? 'note'
      : inserted?.id === 'good_practices_reminder' && enabled.remind
        ? 'remind'
        : inserted?.id === 'rights_information' && enabled.inform
          ? 'inform'
          : 'reply';

  const send = async (kind: Send) => {
    if (!enabled[kind] || action.busy) return;
    // The reminder and the rights letter may go without text: the rules then write the standard letter.
    const optional = blank ? {} : { body };
    let ok: boolean;
    if (kind === 'reply') {
      const to = audience === 'internal' ? 'customer' : audience;
      ok = await action.run('dossier.reply', { body, audience: to });
    } else if (kind === 'note') ok = await action.run('dossier.note', { body });
    else if (kind === 'remind') ok = await action.run('dossier.remind_merchant', optional);
    else if (kind === 'inform') ok = await action.run('dossier.inform_customer', optional);
    else ok = await action.run('dossier.forward_to_merchant', { body });
    if (!ok) return;
    setBody('');
    setInserted(null);
    setChosenLanguage(null);
    setDone(t('composer.done', { action: t(sendLabels[kind]) }));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send(primary);
    }
  };

  const button = (kind: Send, why: string | null = null) => (
    <button
      type="button"
      className={`button button--small${kind === primary ? ' button--primary' : ''}`}
      disabled={!enabled[kind] || action.busy}
      title={why ?? undefined}
      onClick={() => void send(kind)}
    >
      {t(sendLabels[kind])}
    </button>
  );

  return (
    <section
      className={`dossier-composer${audience === 'internal' ? ' dossier-composer--note' : ''}`}
      aria-label={t('composer.region')}
    >
      <div className="dossier-composer__bar">
        <fieldset className="dossier-composer__audience">
          <legend className="dossier-composer__legend">{t('composer.audience')}</legend>
          {audienceSchema.options.map((a) => (
            <label key={a} className="dossier-segment">
              <input
                type="radio"
                name={ids.name}
                value={a}
                checked={audience === a}
                disabled={closed && a !== 'internal'}
                onChange={() => chooseAudience(a)}
              />
              <span>{t(`audience.${a}`)}</span>
            </label>
          ))}
        </fieldset>
        <label className="dossier-composer__select">
          <span>{t('composer.template')}</span>
          <select
            value={inserted?.id ?? ''}
            onChange={(e) => chooseTemplate(e.target.value)}
            disabled={closed}
          >
            <option value="">{t('composer.templateNone')}</option>
            {composerTemplates.map((c) => (
              <option key={c.id} value={c.id}>
                {t(c.label)}
              </option>
            ))}
          </select>
        </label>
        <label className="dossier-composer__select">
          <span>{t('composer.language')}</span>
          <select
            value={language}
            onChange={(e) => {
              const parsed = languageSchema.safeParse(e.target.value);
              if (parsed.success) chooseLanguage(parsed.data);
            }}
          >
            {languageSchema.options.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label htmlFor={ids.body} className="visually-hidden">
        {t('composer.body')}
      </label>
      <textarea
        id={ids.body}
        ref={textarea}
        className="dossier-composer__text"
        value={body}
        rows={5}
        maxLength={limits.body}
        placeholder={audience === 'internal' ? t('composer.placeholderNote') : t('composer.placeholder')}
        aria-describedby={ids.hint}
        onChange={(e) => {
          setBody(e.target.value);
          setDone('');
        }}
        onKeyDown={onKeyDown}
      />
      <p id={ids.hint} className="dossier-composer__hint">
        {closed
          ? t('composer.closedHint')
          : audience === 'internal'
            ? t('composer.noteHint')
            : t('composer.hint', { action: t(sendLabels[primary]) })}
      </p>
      {action.refusal ? <LocalRefusalNote refusal={action.refusal} onDismiss={action.clear} /> : null}
      <div className="dossier-composer__actions">
        {button('reply', audience === 'internal' ? t('composer.replyNeedsParty') : refusals.reply?.message)}
        {button('note')}
        <span className="dossier-composer__gap" aria-hidden="true" />
        {button('remind', refusals.remind?.message)}
        {button('inform', refusals.inform?.message)}
        {button('forward', refusals.forward?.message)}
        <p className="dossier-composer__done" role="status">
          {done}
        </p>
      </div>
    </section>
  );
}
