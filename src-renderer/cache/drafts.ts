import { z } from 'zod';
import { idSchema, instantSchema, limits } from '../../src-shared/domain/model';
import { templateIds } from '../../src-shared/domain/templates';
import { audienceSchema, languageSchema } from '../../src-shared/domain/vocabulary';
import type { CacheDatabase } from './db';

/**
 * The agent's drafts: what the composer holds on a dossier (its text, to whom, the letter it
 * started from and its language), kept in the agent's own cache until it is sent or discarded —
 * across other dossiers, reloads, restarts and offline stretches. One per dossier, as the composer
 * has one text per dossier whose audience (a reply, a note) is part of it. Never sent anywhere.
 */

export const draftSchema = z.strictObject({
  dossierId: idSchema,
  /** As typed (not trimmed): never blank, never longer than a message may be. */
  body: z
    .string()
    .max(limits.body)
    .refine((s) => s.trim() !== '', 'a blank draft is not kept'),
  audience: audienceSchema,
  /** The letter put in, with its text as inserted: while untouched it follows a change of language. */
  letter: z.strictObject({ id: z.enum(templateIds), text: z.string().max(limits.body) }).nullable(),
  /** The letter language the agent chose; null when it follows the recipient's. */
  language: languageSchema.nullable(),
  updatedAt: instantSchema,
});
export type Draft = z.infer<typeof draftSchema>;

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

/** Keeps the draft; a blank one is not a draft: it is deleted. */
export async function saveDraft(db: CacheDatabase, draft: Draft): Promise<void> {
  if (draft.body.trim() === '') {
    await db.drafts.delete(draft.dossierId);
    return;
  }
  await db.drafts.put(draftSchema.parse(draft));
}

export async function deleteDraft(db: CacheDatabase, dossierId: string): Promise<void> {
  await db.drafts.delete(dossierId);
}

/** The dossiers that have a draft, from the table's keys alone (no draft is read). */
export async function draftDossierIds(db: CacheDatabase): Promise<Set<string>> {
  return new Set(await db.drafts.toCollection().primaryKeys());
}
