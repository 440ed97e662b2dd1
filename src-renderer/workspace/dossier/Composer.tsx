import type { KeyboardEvent, Ref } from 'react';
import { useId, useImperativeHandle, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Dossier, Message } from '../../../src-shared/domain/model';
import { limits } from '../../../src-shared/domain/model';
import type { Refusal } from '../../../src-shared/domain/transitions';
import { audienceSchema, languageSchema } from '../../../src-shared/domain/vocabulary';
import { useT } from '../../i18n/hooks';
import { ActionButton } from '../../ui/ActionButton';
import { refusalReasonText } from '../../ui/refusal';
import { shortcuts } from '../../ui/shortcuts';
import { CollisionNote } from './CollisionNote';
import { useComposerFiles } from './composer-files';
import { AttachButton, ChosenFiles } from './ComposerFiles';
import { LocalRefusalNote } from './Refusals';
import { composerTemplates, isComposerTemplate } from './letters';
import type { RuleCheck } from './use-action';
import type { HeldSend, PutBack, Send } from './use-composer';
import { sendLabels, useComposer } from './use-composer';
import { useGrowingText } from './use-growing-text';

/** The reply shortcut, shown on the folded composer. */
const replyKey = shortcuts.find((s) => s.id === 'reply')?.key ?? 'r';

export interface ComposerHandle {
  /**
   * Puts the caret in the message: as a reply (to a party), as an internal note, or as the Good
   * Practices reminder to the merchant (its letter filled in, sent with "Send reminder").
   */
  focus: (mode: 'reply' | 'note' | 'remind') => void;
  /** Gives a refused message back to the composer (after what it holds), to send it again. */
  putBack: (message: PutBack) => void;
}

export interface ComposerProps {
  dossier: Dossier;
  /** The correspondence as shown: a colleague's message since the dossier opened makes a send ask. */
  messages: readonly Message[];
  /** "Read it first": the view brings the latest message into sight. */
  onShowLatest?: () => void;
  check: RuleCheck;
  /** Told whether the composer holds text: the agent's presence on the dossier is then "writing". */
  onWritingChange: (writing: boolean) => void;
  /**
   * The agent is done here: a message went (a reply or forward with what its Undo needs), or Escape
   * left the composer (the draft stays).
   */
  onLeave?: (held?: HeldSend) => void;
  /** A letter was put in: the view keeps the message being answered in sight. */
  onLetter?: () => void;
  ref?: Ref<ComposerHandle>;
}

/**
 * Writes to the customer, the merchant, both, or an internal note; starts from a letter filled with
 * the dossier's facts in the recipient's language. Ctrl/Cmd+Enter sends with the main action. What
 * it holds is kept as the dossier's draft until it is sent or discarded (`use-draft.ts`). Its text
 * grows with what is written, up to a share of the view; folded, it is a one-line "Reply…" bar that
 * unfolds on a click or on r, the text kept.
 */
export function Composer({
  dossier,
  messages,
  check,
  onWritingChange,
  onLeave,
  onLetter,
  onShowLatest,
  ref,
}: ComposerProps) {
  const t = useT();
  const files = useComposerFiles();
  const c = useComposer(dossier, messages, check, onWritingChange, onLeave, files);
  const { form, action, enabled, primary, closed } = c;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const unfoldButton = useRef<HTMLButtonElement>(null);
  const ids = { name: useId(), body: useId(), hint: useId(), problem: useId(), panel: useId() };
  const { chooseAudience, chooseTemplate, putBack } = c;
  const [folded, setFolded] = useState(false);
  useGrowingText(textarea, form.body, !folded);

  const fold = () => {
    c.keeper.flush();
    flushSync(() => setFolded(true));
    unfoldButton.current?.focus();
  };
  // Unfolded at once, so the caret can go in the text straight after.
  const unfold = () => {
    if (folded) flushSync(() => setFolded(false));
  };
  const chooseLetter = (value: string) => {
    chooseTemplate(value);
    if (isComposerTemplate(value)) onLetter?.();
  };

  useImperativeHandle(ref, () => ({
    focus: (mode) => {
      unfold();
      if (mode === 'note') chooseAudience('internal');
      else if (mode === 'remind' && !closed) chooseLetter('good_practices_reminder');
      else if (form.audience === 'internal' && !closed) chooseAudience('customer');
      textarea.current?.focus();
    },
    putBack: (message) => {
      unfold();
      putBack(message);
      textarea.current?.focus();
    },
  }));

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void c.send(primary);
    } else if (
      event.key === 'Escape' &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey &&
      !event.shiftKey
    ) {
      // Out of the composer, back to the list; what was typed stays as the dossier's draft.
      event.preventDefault();
      textarea.current?.blur();
      onLeave?.();
    }
  };

  // Unavailable with a reason (the rules refuse it now), or for a moment (nothing written yet, a
  // send under way): reachable all the same, and pressing it does nothing.
  // The rules' reason in the agent's language (their `message` is the API's English).
  const reasonOf = (refusal: Refusal | null | undefined) => (refusal ? refusalReasonText(t, refusal) : null);
  const button = (kind: Send, why: string | null = null) => (
    <ActionButton
      className={`button button--small${kind === primary ? ' button--primary' : ''}`}
      data-send={kind}
      unavailableBecause={enabled[kind] ? null : why}
      unavailable={!enabled[kind] || action.busy}
      onPress={() => void c.send(kind)}
    >
      {t(sendLabels[kind])}
    </ActionButton>
  );
  const problem =
    c.problem === null
      ? null
      : c.problem === 'composer.problem.tooLong'
        ? t(c.problem, { max: limits.body })
        : t(c.problem);

  const draftStart = form.body.trim().split('\n', 1)[0] ?? '';
  return (
    <section
      className={`dossier-composer${form.audience === 'internal' ? ' dossier-composer--note' : ''}${
        folded ? ' dossier-composer--folded' : ''
      }`}
      aria-label={t('composer.region')}
    >
      {folded ? (
        <button
          ref={unfoldButton}
          type="button"
          className="dossier-composer__unfold"
          aria-expanded={false}
          aria-controls={ids.panel}
          onClick={() => {
            unfold();
            textarea.current?.focus();
          }}
        >
          <span className="dossier-composer__unfold-label">{t('composer.folded')}</span>
          {draftStart ? (
            <span className="dossier-composer__unfold-draft">
              {t('composer.foldedDraft', { text: draftStart })}
            </span>
          ) : null}
          <kbd aria-hidden="true">{replyKey}</kbd>
        </button>
      ) : null}
      <div id={ids.panel} className="dossier-composer__panel" hidden={folded}>
        <div className="dossier-composer__bar">
          <fieldset className="dossier-composer__audience">
            <legend className="dossier-composer__legend">{t('composer.audience')}</legend>
            {audienceSchema.options.map((a) => (
              <label key={a} className="dossier-segment">
                <input
                  type="radio"
                  name={ids.name}
                  value={a}
                  checked={form.audience === a}
                  disabled={closed && a !== 'internal'}
                  // "Merchant" alone would be taken for the queue's merchant filter.
                  aria-label={a === 'merchant' ? t('composer.toMerchant') : undefined}
                  onChange={() => chooseAudience(a)}
                />
                <span>{t(`audience.${a}`)}</span>
              </label>
            ))}
          </fieldset>
          <label className="dossier-composer__select">
            <span>{t('composer.template')}</span>
            <select
              value={form.letter?.id ?? ''}
              onChange={(e) => chooseLetter(e.target.value)}
              disabled={closed}
            >
              <option value="">{t('composer.templateNone')}</option>
              {composerTemplates.map((template) => (
                <option key={template.id} value={template.id}>
                  {t(template.label)}
                </option>
              ))}
            </select>
          </label>
          <label className="dossier-composer__select">
            <span>{t('composer.language')}</span>
            <select
              value={c.language}
              onChange={(e) => {
                const parsed = languageSchema.safeParse(e.target.value);
                if (parsed.success) c.chooseLanguage(parsed.data);
              }}
            >
              {languageSchema.options.map((l) => (
                <option key={l} value={l}>
                  {t(`language.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="icon-button dossier-composer__fold"
            aria-label={t('composer.fold')}
            title={t('composer.fold')}
            aria-expanded={true}
            aria-controls={ids.panel}
            onClick={fold}
          >
            <span aria-hidden="true">▾</span>
          </button>
        </div>
        <label htmlFor={ids.body} className="visually-hidden">
          {t('composer.body')}
        </label>
        <textarea
          id={ids.body}
          ref={textarea}
          className="dossier-composer__text"
          value={form.body}
          rows={3}
          placeholder={
            form.audience === 'internal' ? t('composer.placeholderNote') : t('composer.placeholder')
          }
          aria-describedby={problem ? `${ids.hint} ${ids.problem}` : ids.hint}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => c.setBody(e.target.value)}
          onBlur={c.keeper.flush}
          onKeyDown={onKeyDown}
        />
        <p id={ids.hint} className="dossier-composer__hint">
          {closed
            ? t('composer.closedHint')
            : form.audience === 'internal'
              ? t('composer.noteHint')
              : t('composer.hint', { action: t(sendLabels[primary]) })}
          {c.keeper.kept ? (
            <>
              {' · '}
              <span className="dossier-composer__kept">{t('draft.kept')}</span>
            </>
          ) : null}
          {c.cut ? (
            <>
              {' · '}
              <span className="dossier-composer__cut">{t('composer.cut', { max: limits.body })}</span>
            </>
          ) : null}
        </p>
        <ChosenFiles files={files} />
        {problem ? (
          <p id={ids.problem} className="form-error" role="alert">
            {problem}
          </p>
        ) : null}
        {action.refusal ? <LocalRefusalNote refusal={action.refusal} onDismiss={action.clear} /> : null}
        {c.collision ? (
          <CollisionNote
            collision={c.collision}
            onRead={() => {
              c.readCollision();
              onShowLatest?.();
              textarea.current?.focus();
            }}
            onSend={() => void c.sendAnyway()}
          />
        ) : null}
        <div className="dossier-composer__actions">
          {button(
            'reply',
            form.audience === 'internal' ? t('composer.replyNeedsParty') : c.refusals.reply?.message,
          )}
          {button('note')}
          {closed ? null : (
            <AttachButton
              files={files}
              note={form.audience === 'internal'}
              {...(onLetter ? { onAdded: onLetter } : {})}
            />
          )}
          <span className="dossier-composer__gap" aria-hidden="true" />
          {button('remind', reasonOf(c.refusals.remind))}
          {button('inform', reasonOf(c.refusals.inform))}
          {button('forward', reasonOf(c.refusals.forward))}
          {form.body.trim() !== '' ? (
            <button type="button" className="button button--small" onClick={c.discard}>
              {t('draft.discard')}
            </button>
          ) : null}
          <p className="dossier-composer__done" role="status">
            {c.discarded ? (
              <>
                {t('draft.discarded')}{' '}
                <button type="button" className="button button--small" onClick={c.undoDiscard}>
                  {t('draft.undo')}
                </button>
              </>
            ) : (
              c.done
            )}
          </p>
        </div>
      </div>
    </section>
  );
}
