import { z } from 'zod';
import {
  attachmentLimits,
  attachmentTypes,
  idSchema,
  instantSchema,
  limits,
} from '../../src-shared/domain/model';
import { templateIds } from '../../src-shared/domain/templates';
import { audienceSchema, languageSchema } from '../../src-shared/domain/vocabulary';
import type { CacheDatabase } from './db';

/**
 * The agent's drafts: what the composer holds on a dossier (its text, to whom, the letter it
 * started from and its language), kept in the agent's own cache until it is sent or discarded —
 * across other dossiers, reloads, restarts and offline stretches. One per dossier, as the composer
 * has one text per dossier whose audience (a reply, a note) is part of it. Never sent anywhere.
 */

/** An ArrayBuffer of any realm (IndexedDB's structured clone may hand back another realm's). */
export const isArrayBuffer = (value: unknown): value is ArrayBuffer =>
  Object.prototype.toString.call(value) === '[object ArrayBuffer]';

/** A file chosen for the message, kept with its text until it is sent (`ChosenFile`). */
const draftFileSchema = z
  .strictObject({
    attachmentId: idSchema,
    filename: z.string().min(1).max(255),
    contentType: z.enum(attachmentTypes),
    size: z.int().positive().max(attachmentLimits.bytes),
    bytes: z.custom<ArrayBuffer>(isArrayBuffer, 'not the file’s bytes'),
  })
  .refine((f) => f.bytes.byteLength === f.size, 'the size is not the bytes’');

const hasContent = (d: { body: string; files?: readonly unknown[] | undefined }) =>
  d.body.trim() !== '' || (d.files?.length ?? 0) > 0;

export const draftSchema = z
  .strictObject({
    dossierId: idSchema,
    /** As typed (not trimmed): never longer than a message may be; blank only beside files. */
    body: z.string().max(limits.body),
    audience: audienceSchema,
    /** The letter put in, with its text as inserted: while untouched it follows a change of language. */
    letter: z.strictObject({ id: z.enum(templateIds), text: z.string().max(limits.body) }).nullable(),
    /** The letter language the agent chose; null when it follows the recipient's. */
    language: languageSchema.nullable(),
    updatedAt: instantSchema,
    /** The files chosen for a reply or forward (absent from drafts kept before files were). */
    files: z.array(draftFileSchema).max(attachmentLimits.perMessage).optional(),
  })
  .refine(hasContent, 'a blank draft is not kept');
export type Draft = z.infer<typeof draftSchema>;
export type DraftFile = NonNullable<Draft['files']>[number];

/** The dossier's draft, or null. A damaged one (another version's, tampered with) is dropped. */
export async function readDraft(db: CacheDatabase, dossierId: string): Promise<Draft | null> {
  const stored = await db.drafts.get(dossierId);
  if (stored === undefined) return null;
  const parsed = draftSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  console.warn(`A damaged draft of dossier ${dossierId} was dropped`, parsed.error.issues);
  await db.drafts.delete(dossierId);
  return null;
}

/**
 * Keeps the draft's text, with the files it holds already unless `files` is given; a draft with
 * neither text nor files is not a draft: it is deleted.
 */
export async function saveDraft(db: CacheDatabase, draft: Draft): Promise<void> {
  await db.transaction('rw', db.drafts, async () => {
    const files = draft.files ?? (await readDraft(db, draft.dossierId))?.files ?? [];
    const next = { ...draft, ...(files.length > 0 ? { files } : {}) };
    if (!hasContent(next)) await db.drafts.delete(draft.dossierId);
    else await db.drafts.put(draftSchema.parse(next));
  });
}

/**
 * Keeps the files chosen on a dossier with its draft (its text as it is, or none yet). Inside the
 * same queue of writes as the text (`use-draft.ts`), so a send's clearing is never overtaken.
 */
export async function saveDraftFiles(
  db: CacheDatabase,
  dossierId: string,
  files: readonly DraftFile[],
  now: string,
): Promise<void> {
  await db.transaction('rw', db.drafts, async () => {
    const stored = await readDraft(db, dossierId);
    const base: Draft = stored ?? {
      dossierId,
      body: '',
      audience: 'customer',
      letter: null,
      language: null,
      updatedAt: now,
    };
    const { files: _old, ...text } = base;
    const next: Draft = files.length > 0 ? { ...text, files: [...files], updatedAt: now } : text;
    if (!hasContent(next)) await db.drafts.delete(dossierId);
    else await db.drafts.put(draftSchema.parse(next));
  });
}

export async function deleteDraft(db: CacheDatabase, dossierId: string): Promise<void> {
  await db.drafts.delete(dossierId);
}

/** The dossiers that have a draft, from the table's keys alone (no draft is read). */
export async function draftDossierIds(db: CacheDatabase): Promise<Set<string>> {
  return new Set(await db.drafts.toCollection().primaryKeys());
}
