import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttachmentType } from '../../../src-shared/domain/model';
import { attachmentLimits, isAttachmentType } from '../../../src-shared/domain/model';
import type { ChosenFile } from '../../cache/outbox-files';
import type { DraftKeeper } from './use-draft';

/**
 * The files of the message being written (a reply or a forward): checked against the API's types
 * and limits as they are chosen, so a file the server would refuse never reaches the outbox.
 */

/** A file as the picker hands it, before it is read. */
export interface PickedFile {
  name: string;
  type: string;
  size: number;
  arrayBuffer: () => Promise<ArrayBuffer>;
}

export type FileProblem =
  | { kind: 'type'; name: string }
  | { kind: 'size'; name: string }
  | { kind: 'empty'; name: string }
  | { kind: 'count' };

/** A type the browser could not tell (some systems give none for `.txt` or `.webp`), from the name. */
const byExtension: Record<string, AttachmentType> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  txt: 'text/plain',
};

export function typeOf(file: Pick<PickedFile, 'name' | 'type'>): AttachmentType | null {
  if (isAttachmentType(file.type)) return file.type;
  if (file.type !== '') return null;
  const extension = file.name.split('.').at(-1)?.toLowerCase() ?? '';
  return byExtension[extension] ?? null;
}

/** The file inputs' `accept`: the types, and the extensions for systems that give no type. */
export const acceptedFiles = [
  ...new Set<string>([...Object.values(byExtension), ...Object.keys(byExtension).map((e) => `.${e}`)]),
].join(',');

/**
 * Which of the picked files may join the `already` chosen: each of an accepted type, not empty,
 * within the size limit, and no more than the limit per message in all (the first ones kept).
 */
export function screenFiles(
  already: number,
  picked: readonly Pick<PickedFile, 'name' | 'type' | 'size'>[],
): { accepted: number[]; problems: FileProblem[] } {
  const accepted: number[] = [];
  const problems: FileProblem[] = [];
  let room = attachmentLimits.perMessage - already;
  for (const [i, f] of picked.entries()) {
    if (typeOf(f) === null) problems.push({ kind: 'type', name: f.name });
    else if (f.size === 0) problems.push({ kind: 'empty', name: f.name });
    else if (f.size > attachmentLimits.bytes) problems.push({ kind: 'size', name: f.name });
    else if (room <= 0) {
      if (!problems.some((p) => p.kind === 'count')) problems.push({ kind: 'count' });
    } else {
      accepted.push(i);
      room--;
    }
  }
  return { accepted, problems };
}

export interface ComposerFiles {
  files: readonly ChosenFile[];
  problems: readonly FileProblem[];
  add: (picked: readonly PickedFile[]) => Promise<void>;
  remove: (attachmentId: string) => void;
  clear: () => void;
  /** The draft's files, given back when the dossier opens (kept before any picked meanwhile). */
  restore: (kept: readonly ChosenFile[]) => void;
  /** Counts the agent's changes (picks and removals): each is kept with the draft (`use-composer.ts`). */
  edits: number;
}

/** The message's files while it is written; the composer keeps them with the draft. */
export function useComposerFiles(newId: () => string = () => crypto.randomUUID()): ComposerFiles {
  const [files, setFiles] = useState<readonly ChosenFile[]>([]);
  const [problems, setProblems] = useState<readonly FileProblem[]>([]);
  const [edits, setEdits] = useState(0);
  const add = useCallback(
    async (picked: readonly PickedFile[]) => {
      const { accepted, problems: found } = screenFiles(files.length, picked);
      const read = await Promise.all(
        accepted.map(async (i): Promise<ChosenFile | null> => {
          const f = picked[i];
          const contentType = f ? typeOf(f) : null;
          if (!f || !contentType) return null;
          const bytes = await f.arrayBuffer();
          return { attachmentId: newId(), filename: f.name, contentType, size: bytes.byteLength, bytes };
        }),
      );
      setFiles((current) =>
        [...current, ...read.filter((f): f is ChosenFile => f !== null)].slice(
          0,
          attachmentLimits.perMessage,
        ),
      );
      setProblems(found);
      if (accepted.length > 0) setEdits((n) => n + 1);
    },
    [files.length, newId],
  );
  const remove = useCallback((attachmentId: string) => {
    setFiles((current) => current.filter((f) => f.attachmentId !== attachmentId));
    setProblems([]);
    setEdits((n) => n + 1);
  }, []);
  const clear = useCallback(() => {
    setFiles([]);
    setProblems([]);
  }, []);
  const restore = useCallback((kept: readonly ChosenFile[]) => {
    setFiles((current) => {
      const ids = new Set(kept.map((f) => f.attachmentId));
      return [...kept, ...current.filter((f) => !ids.has(f.attachmentId))].slice(
        0,
        attachmentLimits.perMessage,
      );
    });
  }, []);
  return { files, problems, add, remove, clear, restore, edits };
}

/**
 * The files kept with the dossier's draft: each pick or removal written at once (a reload keeps
 * them), taken by "Discard draft" and brought back by its Undo.
 */
export function useFilesInDraft(
  attached: ComposerFiles | undefined,
  keeper: Pick<DraftKeeper, 'keepFiles'>,
): { discard: () => void; undoDiscard: () => void } {
  const keptEdits = useRef(0);
  const edits = attached?.edits ?? 0;
  const chosen = attached?.files;
  const { keepFiles } = keeper;
  useEffect(() => {
    if (edits === keptEdits.current || !chosen) return;
    keptEdits.current = edits;
    keepFiles(chosen);
  }, [edits, chosen, keepFiles]);
  const [discarded, setDiscarded] = useState<readonly ChosenFile[]>([]);
  return {
    discard: () => {
      setDiscarded(attached?.files ?? []);
      attached?.clear();
    },
    undoDiscard: () => {
      if (discarded.length === 0) return;
      attached?.restore(discarded);
      keepFiles(discarded);
    },
  };
}
