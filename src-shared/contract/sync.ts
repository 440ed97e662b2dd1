import { z } from 'zod';
import type { CommandArgs, StaffCommandName } from '../domain/commands';
import { staffCommandSchemas } from '../domain/commands';
import {
  auditEventSchema,
  dossierSchema,
  idSchema,
  merchantSchema,
  messageSchema,
  userSchema,
} from '../domain/model';
import { macroSchema, teamViewSchema } from '../domain/team';
import { quotable } from '../domain/text';
import { errorCodeSchema } from './errors';

/** The sync protocol of docs/api.md: the back office's only way to read and write. */

export const syncEntities = [
  'dossier',
  'message',
  'event',
  'user',
  'merchant',
  'team_view',
  'macro',
] as const;
export const syncEntitySchema = z.enum(syncEntities);
export type SyncEntity = z.infer<typeof syncEntitySchema>;

const put = <E extends SyncEntity, S extends z.ZodType>(entity: E, data: S) =>
  z.object({ entity: z.literal(entity), id: idSchema, op: z.literal('put'), data });

export const changeSchema = z.discriminatedUnion('entity', [
  put('dossier', dossierSchema),
  put('message', messageSchema),
  put('event', auditEventSchema),
  put('user', userSchema),
  put('merchant', merchantSchema),
  // The team's shared views and macros (staff only): deleted ones go as `delete` changes.
  put('team_view', teamViewSchema),
  put('macro', macroSchema),
]);
export const deleteChangeSchema = z.object({
  entity: syncEntitySchema,
  id: idSchema,
  op: z.literal('delete'),
  data: z.null(),
});
export const syncChangeSchema = z.union([changeSchema, deleteChangeSchema]);
export type SyncChange = z.infer<typeof syncChangeSchema>;

/** Opaque to clients: a position in the server's change log. */
export const cursorSchema = z.string().max(200);

export const pullQuerySchema = z.object({
  cursor: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1_000),
});
export const pullResponseSchema = z.object({
  changes: z.array(syncChangeSchema),
  cursor: cursorSchema,
  hasMore: z.boolean(),
  /**
   * How many changes are still to pull after this page (0 when `hasMore` is false), as the server
   * counted them: changes committed meanwhile may add to it. What a progress bar needs.
   */
  remaining: z.int().nonnegative().optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

const knownEntities = new Set<string>(syncEntities);
/**
 * A page as a client reads it: changes of an entity this version does not know (one a newer server
 * added) are left out rather than failing the page, so an older back office keeps syncing what it
 * knows while it waits for its update; everything else is checked as `pullResponseSchema` says.
 */
export const clientPullResponseSchema = z.preprocess((raw) => {
  if (typeof raw !== 'object' || raw === null || !('changes' in raw) || !Array.isArray(raw.changes))
    return raw;
  const changes = raw.changes.filter(
    (c: unknown) =>
      typeof c !== 'object' || c === null || !('entity' in c) || knownEntities.has(String(c.entity)),
  );
  return { ...raw, changes };
}, pullResponseSchema);

export const mutationNames = Object.keys(staffCommandSchemas) as StaffCommandName[];
export type MutationName = StaffCommandName;

/** The args of a mutation: its command's args plus the dossier it targets. */
const withDossier = <S extends z.ZodObject>(schema: S) => schema.extend({ dossierId: idSchema });
const c = staffCommandSchemas;
export const mutationArgsSchemas = {
  'dossier.reply': withDossier(c['dossier.reply']),
  'dossier.note': withDossier(c['dossier.note']),
  'dossier.remind_merchant': withDossier(c['dossier.remind_merchant']),
  'dossier.inform_customer': withDossier(c['dossier.inform_customer']),
  'dossier.forward_to_merchant': withDossier(c['dossier.forward_to_merchant']),
  'dossier.take_over': withDossier(c['dossier.take_over']),
  'dossier.assign': withDossier(c['dossier.assign']),
  'dossier.tag': withDossier(c['dossier.tag']),
  'dossier.follow_up': withDossier(c['dossier.follow_up']),
  'dossier.close': withDossier(c['dossier.close']),
  'dossier.reopen': withDossier(c['dossier.reopen']),
} satisfies Record<StaffCommandName, z.ZodType>;
export type MutationArgs<N extends MutationName> = CommandArgs<N> & { dossierId: string };
export type Mutation = { [N in MutationName]: { id: string; name: N; args: MutationArgs<N> } }[MutationName];

/**
 * The envelope of a pushed mutation. Each entry of a batch is checked on its own on the server —
 * its envelope, then its name and args — so one malformed mutation is rejected alone instead of
 * failing the whole batch.
 */
export const mutationEnvelopeSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(64),
  args: z.unknown(),
});
export const pushRequestSchema = z.object({
  clientId: idSchema,
  mutations: z
    .array(
      z.union([
        mutationEnvelopeSchema,
        z.unknown().describe('anything else: answered `rejected` on its own, the batch goes on'),
      ]),
    )
    .min(1)
    .max(500),
});
/** What a client sends: well-formed envelopes. */
export type PushRequest = { clientId: string; mutations: z.infer<typeof mutationEnvelopeSchema>[] };
/** What the server accepts and answers entry by entry. */
export type ReceivedPush = z.infer<typeof pushRequestSchema>;

export const mutationResultSchema = z.object({
  /**
   * The mutation's id. The results are in the order of the mutations, one each: an entry sent
   * without a valid id is answered with what it had as id (printable, cut), or "".
   */
  id: z.string().max(100),
  status: z.enum(['applied', 'rejected', 'duplicate']),
  error: z.object({ code: errorCodeSchema, message: z.string(), details: z.unknown().optional() }).optional(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;
export const pushResponseSchema = z.object({ results: z.array(mutationResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const presenceRequestSchema = z.object({
  dossierId: idSchema,
  activity: z.enum(['viewing', 'writing']),
});
export const presenceEventSchema = z.object({
  userId: idSchema,
  name: z.string(),
  dossierId: idSchema,
  activity: z.enum(['viewing', 'writing']),
  until: z.iso.datetime(),
});
export type PresenceEvent = z.infer<typeof presenceEventSchema>;
/** The lease given, and who else is already on the dossier (so a newcomer sees them at once). */
export const presenceResponseSchema = z.object({
  until: z.iso.datetime(),
  others: z.array(presenceEventSchema),
});
export type PresenceResponse = z.infer<typeof presenceResponseSchema>;

/**
 * Parses a pushed mutation's name and args; a readable reason when it is malformed. What the reason
 * quotes of the input (a name, a key) is made printable first: it goes to logs and the audit trail.
 */
export function parseMutation(
  envelope: z.infer<typeof mutationEnvelopeSchema>,
): { ok: true; value: Mutation } | { ok: false; message: string; details?: unknown } {
  if (!(mutationNames as string[]).includes(envelope.name)) {
    return { ok: false, message: `Unknown mutation "${quotable(envelope.name, 64)}".` };
  }
  const name = envelope.name as MutationName;
  const parsed = mutationArgsSchemas[name].safeParse(envelope.args);
  if (!parsed.success) return { ok: false, ...describeIssues(`Invalid arguments for ${name}`, parsed.error) };
  return { ok: true, value: { id: envelope.id, name, args: parsed.data } as Mutation };
}

/** A schema's complaints as a sentence and a list of `{path, message}`, printable. */
export function describeIssues(
  what: string,
  error: z.ZodError,
): { message: string; details: { path: string; message: string }[] } {
  const details = error.issues.slice(0, 20).map((i) => ({
    path: quotable(i.path.map(String).join('.'), 100),
    message: quotable(i.message, 300),
  }));
  const message = `${what}: ${details.map((d) => `${d.path || 'args'} ${d.message}`).join('; ')}`;
  return { message, details };
}
