import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Audience, Language } from '../../../src-shared/domain/vocabulary';
import type { Draft, DraftFile } from '../../cache/drafts';
import { deleteDraft, readDraft, saveDraft, saveDraftFiles } from '../../cache/drafts';
import { clockNow } from '../../clock';
import { useDesk } from '../../data/desk';
import { appendText } from './composer-text';
import type { ComposerTemplateId } from './letters';
import { isComposerTemplate } from './letters';

/** What the composer holds on a dossier: the part of its state a draft keeps. */
export interface ComposerForm {
  body: string;
  audience: Audience;
  /** The letter last put in and its text as inserted: while untouched it follows the language. */
  letter: { id: ComposerTemplateId; text: string } | null;
  /** The letter language the agent chose; null to follow the recipient's. */
  language: Language | null;
}

/** Writes wait this long after the last keystroke, so typing never waits on the disk. */
export const draftDelayMs = 400;

export interface DraftKeeper {
  /** The composer changed (the agent's doing): kept `draftDelayMs` after the last change. */
  keep: (form: ComposerForm) => void;
  /** Writes what waits now (the field loses the focus, the page goes away). */
  flush: () => void;
  /** The files chosen changed (the agent's doing): kept with the draft at once. */
  keepFiles: (files: readonly DraftFile[]) => void;
  /** The message was accepted, or the agent discarded it: the draft goes, its files too. */
  clear: () => Promise<void>;
  /** A non-blank draft is on the disk (or on its way there). */
  kept: boolean;
}

const serial = (form: ComposerForm) => JSON.stringify([form.body, form.audience, form.letter, form.language]);

function toForm(draft: Draft): ComposerForm {
  const { letter } = draft;
  return {
    body: draft.body,
    audience: draft.audience,
    letter: letter && isComposerTemplate(letter.id) ? { id: letter.id, text: letter.text } : null,
    language: draft.language,
  };
}

/** What was typed before the draft was read back goes after it: neither is lost. */
export function mergeForms(stored: ComposerForm, typed: ComposerForm): ComposerForm {
  if (typed.body.trim() === '') return stored;
  return { ...stored, body: appendText(stored.body, typed.body).text, letter: null };
}

/**
 * Keeps the composer's text of one dossier as a draft in the agent's cache: read back when the
 * dossier opens (`onRestore`), written a moment after the last change and at once on blur, on
 * leaving the dossier and when the page goes away. Writes go one after the other, so a send's
 * clearing is never overtaken by an earlier keystroke's write.
 */
export function useDraft(
  dossierId: string,
  onRestore: (form: ComposerForm) => ComposerForm | null,
  /** The files the draft held, given back once when the dossier opens. */
  onRestoreFiles?: (files: readonly DraftFile[]) => void,
): DraftKeeper {
  const { db } = useDesk();
  const [kept, setKept] = useState(false);
  const pending = useRef<ComposerForm | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const restored = useRef(false);
  const written = useRef('');
  const restore = useRef(onRestore);
  const restoreFiles = useRef(onRestoreFiles);
  useEffect(() => {
    restore.current = onRestore;
    restoreFiles.current = onRestoreFiles;
  }, [onRestore, onRestoreFiles]);

  const enqueue = useCallback((task: () => Promise<void>) => {
    queue.current = queue.current.then(task).catch((error: unknown) => {
      console.error('A draft could not be kept', error);
    });
    return queue.current;
  }, []);

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const form = pending.current;
    if (!form) return;
    pending.current = null;
    const key = serial(form);
    if (key === written.current) return;
    written.current = key;
    // Typed before the draft was read back (a very quick start): both go in, nothing replaced.
    const merge = !restored.current;
    void enqueue(async () => {
      const stored = merge ? await readDraft(db, dossierId) : null;
      const next = stored ? mergeForms(toForm(stored), form) : form;
      await saveDraft(db, { dossierId, ...next, updatedAt: new Date(clockNow()).toISOString() });
    });
  }, [db, dossierId, enqueue]);

  const keep = useCallback(
    (form: ComposerForm) => {
      pending.current = form;
      setKept(form.body.trim() !== '');
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(flush, draftDelayMs);
    },
    [flush],
  );

  const keepFiles = useCallback(
    (files: readonly DraftFile[]) => {
      if (files.length > 0) setKept(true);
      void enqueue(() => saveDraftFiles(db, dossierId, files, new Date(clockNow()).toISOString()));
    },
    [db, dossierId, enqueue],
  );

  const clear = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    written.current = '';
    setKept(false);
    return enqueue(() => deleteDraft(db, dossierId));
  }, [db, dossierId, enqueue]);

  // Read back once; leaving the dossier (or the app) writes what waits.
  useEffect(() => {
    let mounted = true;
    void enqueue(async () => {
      const stored = await readDraft(db, dossierId);
      if (!mounted) return;
      restored.current = true;
      if (!stored) return;
      if (stored.files?.length) restoreFiles.current?.(stored.files);
      const form = toForm(stored);
      written.current = serial(form);
      setKept(true);
      // The composer shows the draft, with anything typed meanwhile after it; a change made before
      // (an audience chosen on an empty composer) is not kept over the draft.
      const merged = restore.current(form);
      if (merged) keep(merged);
      else {
        if (timer.current !== null) clearTimeout(timer.current);
        timer.current = null;
        pending.current = null;
      }
    });
    const hidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      mounted = false;
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', hidden);
      flush();
    };
  }, [db, dossierId, enqueue, flush, keep]);

  return useMemo(() => ({ keep, keepFiles, flush, clear, kept }), [keep, keepFiles, flush, clear, kept]);
}
