import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dossier, Message } from '../../../src-shared/domain/model';
import { clockNow } from '../../clock';
import type { Collision } from './collision';
import { collisionWith } from './collision';
import type { Audience, Language } from '../../../src-shared/domain/vocabulary';
import { useDesk } from '../../data/desk';
import { readUndoDelay } from '../../ui/undo-delay';
import { useT } from '../../i18n/hooks';
import type { BodyProblemKey } from './composer-text';
import { appendText, bodyProblem, limitBody } from './composer-text';
import type { ComposerFiles } from './composer-files';
import { useFilesInDraft } from './composer-files';
import { attachmentOf } from '../../cache/outbox-files';
import type { ComposerTemplateId } from './letters';
import { audienceForTemplate, isComposerTemplate, letterText, recipientLanguage } from './letters';
import type { Refusal } from '../../../src-shared/domain/transitions';
import type { DossierAction, RuleCheck } from './use-action';
import { useDossierAction } from './use-action';
import type { ComposerForm, DraftKeeper } from './use-draft';
import { mergeForms, useDraft } from './use-draft';

export type Send = 'reply' | 'note' | 'remind' | 'inform' | 'forward';

/** Why the message cannot go as it is: its text, or files on a message that carries none. */
export type ComposerProblemKey = BodyProblemKey | 'composer.problem.filesNotHere';

export const sendLabels = {
  reply: 'action.reply',
  note: 'action.note',
  remind: 'action.remindMerchant',
  inform: 'action.informCustomer',
  forward: 'action.forwardToMerchant',
} as const;

/** A refused message given back to the composer, to be sent again. */
export interface PutBack {
  body: string;
  audience: Audience;
  /** The reminder and the rights letter: sent with their own action again. */
  letter: ComposerTemplateId | null;
}

/** How long "Undo" stays after a draft is discarded. */
export const undoDiscardMs = 10_000;

/** A message just sent and still held back: what an Undo takes back. */
export interface HeldSend {
  mutationId: string;
  dossierId: string;
  reference: string;
  kind: 'reply' | 'forward';
  holdMs: number;
}

export interface ComposerModel {
  form: ComposerForm;
  language: Language;
  closed: boolean;
  primary: Send;
  enabled: Record<Send, boolean>;
  refusals: {
    reply: Refusal | null;
    remind: Refusal | null;
    inform: Refusal | null;
    forward: Refusal | null;
  };
  action: DossierAction;
  keeper: DraftKeeper;
  /** A moment's notice: sent, put back. */
  done: string;
  /** The last change was cut to a message's limit. */
  cut: boolean;
  /** Why the text cannot be sent as it is (found when sending). */
  problem: ComposerProblemKey | null;
  /** The draft just discarded, while it can be brought back. */
  discarded: ComposerForm | null;
  setBody: (text: string) => void;
  chooseTemplate: (value: string) => void;
  chooseAudience: (audience: Audience) => void;
  chooseLanguage: (language: Language) => void;
  send: (kind: Send) => Promise<void>;
  discard: () => void;
  undoDiscard: () => void;
  putBack: (message: PutBack) => void;
  /** A colleague wrote to the same party since the dossier opened: the send waits for an answer. */
  collision: (Collision & { kind: Send }) | null;
  /** "Read it": the send is dropped (the text stays), and what came is taken as read. */
  readCollision: () => void;
  /** "Send anyway". */
  sendAnyway: () => Promise<void>;
}

const cleared = (form: ComposerForm): ComposerForm => ({ ...form, body: '', letter: null, language: null });

/**
 * The composer's state and behaviour: one text per dossier, kept as a draft; letters filled with
 * the dossier's facts in the recipient's language; the text cut and checked as the server will.
 */
export function useComposer(
  dossier: Dossier,
  /** The dossier's correspondence as shown: a colleague's new message makes a send ask first. */
  messages: readonly Message[],
  check: RuleCheck,
  onWritingChange: (writing: boolean) => void,
  /**
   * After a message went: the agent moves on (the workspace puts the focus back on the list); a
   * reply or a forward comes with what its Undo needs.
   */
  onSent?: (held?: HeldSend) => void,
  /** The files of the message: they go with a reply or a forward, and leave with it. */
  attached?: ComposerFiles,
): ComposerModel {
  const t = useT();
  const { settings, user } = useDesk();
  // What the agent has seen: the correspondence as it was when the dossier opened (or "Read it").
  const seenAt = useRef(clockNow());
  const [collision, setCollision] = useState<(Collision & { kind: Send }) | null>(null);
  const action = useDossierAction(dossier);
  const closed = dossier.status === 'closed';
  const [form, setForm] = useState<ComposerForm>(() => ({
    body: '',
    audience: closed ? 'internal' : 'customer',
    letter: null,
    language: null,
  }));
  const latest = useRef(form);
  const [done, setDone] = useState('');
  const [cut, setCut] = useState(false);
  const [problem, setProblem] = useState<ComposerProblemKey | null>(null);
  const [discarded, setDiscarded] = useState<ComposerForm | null>(null);

  const show = useCallback((next: ComposerForm) => {
    latest.current = next;
    setForm(next);
  }, []);
  const onRestore = useCallback(
    (stored: ComposerForm): ComposerForm | null => {
      const typed = latest.current;
      let next = typed.body.trim() === '' ? stored : mergeForms(stored, typed);
      if (closed && next.audience !== 'internal') next = { ...next, audience: 'internal' };
      show(next);
      return next === stored ? null : next;
    },
    [closed, show],
  );
  const keeper = useDraft(dossier.id, onRestore, attached?.restore);
  const draftFiles = useFilesInDraft(attached, keeper);

  useEffect(() => onWritingChange(form.body.trim() !== ''), [form.body, onWritingChange]);
  // The confirmation is a moment's notice: the timeline shows the message, marked until it is sent.
  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(''), 6000);
    return () => clearTimeout(timer);
  }, [done]);
  useEffect(() => {
    if (!discarded) return;
    const timer = setTimeout(() => setDiscarded(null), undoDiscardMs);
    return () => clearTimeout(timer);
  }, [discarded]);

  /** The agent changed the composer: shown, and kept as the draft. */
  const change = (patch: Partial<ComposerForm>, wasCut = false) => {
    const next = { ...latest.current, ...patch };
    show(next);
    keeper.keep(next);
    setCut(wasCut);
    setProblem(null);
    setDone('');
  };

  const recipient = (audience: Audience) =>
    recipientLanguage(dossier, audience === 'internal' ? 'customer' : audience);
  const language = form.language ?? recipient(form.audience);
  const untouched = form.letter !== null && form.body === form.letter.text;

  /** Puts a letter in: over an empty or untouched composer, else after what the agent wrote. */
  const insert = (id: ComposerTemplateId, lang: Language, audience: Audience) => {
    const next = appendText(untouched ? '' : form.body, letterText(dossier, id, lang, settings, Date.now()));
    change({ audience, body: next.text, letter: { id, text: next.text } }, next.cut);
  };
  /** Re-writes an untouched letter when its recipient or language changes. */
  const follow = (lang: Language, patch: Partial<ComposerForm>) => {
    if (form.letter && untouched) {
      const { text } = limitBody(letterText(dossier, form.letter.id, lang, settings, Date.now()));
      change({ ...patch, body: text, letter: { id: form.letter.id, text } });
    } else change(patch);
  };

  const blank = form.body.trim() === '';
  const refusals = {
    reply: check({ name: 'dossier.reply', args: { body: '-', audience: 'customer' } }),
    remind: check({ name: 'dossier.remind_merchant', args: {} }),
    inform: check({ name: 'dossier.inform_customer', args: {} }),
    forward: check({ name: 'dossier.forward_to_merchant', args: { body: '-' } }),
  };
  const enabled: Record<Send, boolean> = {
    reply: !blank && form.audience !== 'internal' && refusals.reply === null,
    note: !blank,
    remind: refusals.remind === null,
    inform: refusals.inform === null,
    forward: !blank && refusals.forward === null,
  };
  const primary: Send =
    form.audience === 'internal'
      ? 'note'
      : form.letter?.id === 'good_practices_reminder' && enabled.remind
        ? 'remind'
        : form.letter?.id === 'rights_information' && enabled.inform
          ? 'inform'
          : 'reply';

  const send = async (kind: Send, anyway = false) => {
    if (!enabled[kind] || action.busy) return;
    setCollision(null);
    const to =
      kind === 'forward' || kind === 'remind' ? 'merchant' : kind === 'inform' ? 'customer' : form.audience;
    const met = kind === 'note' || anyway ? null : collisionWith(messages, user.id, to, seenAt.current);
    if (met) {
      setCollision({ ...met, kind });
      return;
    }
    const body = form.body;
    // The reminder and the rights letter may go without text: the rules then write the standard letter.
    const optional = blank && (kind === 'remind' || kind === 'inform');
    const found = optional ? null : bodyProblem(body);
    const files = attached?.files ?? [];
    // Files travel with a reply or a forward only (the server binds them to those messages).
    const misplaced = files.length > 0 && kind !== 'reply' && kind !== 'forward';
    setProblem(found ?? (misplaced ? 'composer.problem.filesNotHere' : null));
    if (found || misplaced) return;
    const listed = files.length > 0 ? { attachments: files.map(attachmentOf) } : {};
    // The message shows in the timeline at once (sync/optimistic.ts): the text leaves the composer
    // with it, and comes back if the rules refuse it here.
    const was = latest.current;
    show(cleared(was));
    let ok: boolean;
    let held: HeldSend | undefined;
    // A reply or a forward waits for the agent's Undo as long as they chose (ui/undo-delay.ts).
    const holdMs = readUndoDelay() * 1_000;
    const hold = (heldKind: HeldSend['kind']) => ({
      holdMs,
      onQueued: (mutationId: string) => {
        if (holdMs === 0) return;
        held = {
          mutationId,
          dossierId: dossier.id,
          reference: dossier.reference,
          kind: heldKind,
          holdMs,
        };
      },
    });
    if (kind === 'reply') {
      const to = form.audience === 'internal' ? 'customer' : form.audience;
      ok = await action.run('dossier.reply', { body, audience: to, ...listed }, { ...hold('reply'), files });
    } else if (kind === 'note') ok = await action.run('dossier.note', { body });
    else if (kind === 'remind') ok = await action.run('dossier.remind_merchant', optional ? {} : { body });
    else if (kind === 'inform') ok = await action.run('dossier.inform_customer', optional ? {} : { body });
    else
      ok = await action.run(
        'dossier.forward_to_merchant',
        { body, ...listed },
        { ...hold('forward'), files },
      );
    if (!ok) {
      const typed = latest.current;
      show(typed.body.trim() === '' ? was : mergeForms(was, typed));
      return;
    }
    // Accepted on this computer (queued for the server): the draft and the files have served.
    void keeper.clear();
    attached?.clear();
    setCut(false);
    setDone(t('composer.done', { action: t(sendLabels[kind]) }));
    onSent?.(held);
  };

  const discard = () => {
    const was = latest.current;
    void keeper.clear();
    draftFiles.discard();
    show(cleared(was));
    setDiscarded(was);
    setCut(false);
    setProblem(null);
    setDone('');
  };
  const undoDiscard = () => {
    if (!discarded) return;
    change(discarded);
    keeper.flush();
    draftFiles.undoDiscard();
    setDiscarded(null);
  };

  const putBack = (message: PutBack) => {
    const next = appendText(latest.current.body, message.body);
    // The letter marks which action sends it; its text is not the letter's, so it never follows a language.
    const letter = message.letter ? { id: message.letter, text: '' } : null;
    change(
      { body: next.text, audience: closed ? 'internal' : message.audience, letter, language: null },
      next.cut,
    );
    keeper.flush();
    setDiscarded(null);
    setDone(t('draft.putBack'));
  };

  return {
    form,
    language,
    closed,
    primary,
    enabled,
    refusals,
    action,
    keeper,
    done,
    cut,
    problem,
    discarded,
    setBody: (text) => {
      const next = limitBody(text);
      change({ body: next.text }, next.cut);
    },
    chooseTemplate: (value) => {
      if (!isComposerTemplate(value)) return;
      const next = audienceForTemplate(value, form.audience);
      insert(value, form.language ?? recipient(next), next);
    },
    chooseAudience: (audience) => {
      if (form.language === null) follow(recipient(audience), { audience });
      else change({ audience });
    },
    chooseLanguage: (lang) => follow(lang, { language: lang }),
    send,
    collision,
    readCollision: () => {
      seenAt.current = clockNow();
      setCollision(null);
    },
    sendAnyway: async () => {
      if (collision) await send(collision.kind, true);
    },
    discard,
    undoDiscard,
    putBack,
  };
}
