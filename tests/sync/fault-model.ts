import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { fromCached } from '../../src-renderer/cache/db';
import { perform } from '../../src-renderer/sync/actions';
import type { MutationName } from '../../src-shared/contract/sync';
import type { Agent, DeskWindow, ExclusiveLock, WindowOptions } from './client';
import { closeWindow, deliver, openWindow } from './client';
import type { Performed } from './invariants';

/**
 * The randomised model of R1/R2 (docs/targets.md): what an agent does in one or two windows, what
 * other people do meanwhile, and what the network does to the requests. `faults.property.test.ts`
 * plays histories drawn from it against the real API.
 */

export type ActionKind =
  'note' | 'reply' | 'tag' | 'take_over' | 'remind' | 'inform' | 'close' | 'forward' | 'follow_up';
/** Outbox entries this app would never write, that the server must refuse one by one. */
export type Forgery =
  'reopen_as_agent' | 'malformed' | 'bad_date' | 'unknown_name' | 'ghost_dossier' | 'assign_customer';
export type Others = 'customer' | 'merchant' | 'agent2-close' | 'agent2-take-over' | 'supervisor-reopen';

export type Step =
  /** An action in a window; `whileSyncing`: a window's sync round runs at the same time. */
  | { kind: 'act'; window: number; dossier: number; action: ActionKind; whileSyncing: number | null }
  | { kind: 'forge'; window: number; dossier: number; how: Forgery }
  | { kind: 'others'; dossier: number; who: Others }
  /** Days pass on the server's clock and its time rules run (overdue, escalation, auto-close). */
  | { kind: 'time'; days: number }
  | {
      kind: 'sync';
      window: number;
      online: boolean;
      dropPushAnswer: boolean;
      dropPullAnswer: boolean;
      holdPush: boolean;
    }
  /** Both windows sync at once (one window: a second round asked for during the first). */
  | { kind: 'sync-both' }
  | { kind: 'pull'; window: number; dropAnswer: boolean }
  /** The network re-sends a copy of an earlier push, after newer ones were applied. */
  | { kind: 'resend'; pick: number }
  /** A push held on the wire reaches the server late, alone or while the client retries it. */
  | { kind: 'deliver-held'; whileSyncing: boolean }
  | { kind: 'reload'; window: number };

export interface Scenario {
  windows: 1 | 2;
  /** Pull pages written through a second connection, as the app does. */
  bulk: boolean;
  pageSize: number;
  pushBatch: number;
  /** The first sync is cut after this many pages and the window reloaded (null: not cut). */
  cutFirstSyncAfter: number | null;
  /** Held pushes still on the wire at the end arrive before the last sync, during it, or after it. */
  heldArrive: 'before' | 'during' | 'after';
  steps: Step[];
}

const windowIndex = fc.nat(1);
const dossierIndex = fc.nat(2);

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 14,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      window: windowIndex,
      dossier: dossierIndex,
      action: fc.constantFrom<ActionKind>(
        'note',
        'reply',
        'tag',
        'take_over',
        'remind',
        'inform',
        'close',
        'forward',
        'follow_up',
      ),
      // One action in four while a round runs (a click during a sync).
      whileSyncing: fc.oneof(
        { weight: 3, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: windowIndex },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('forge' as const),
      window: windowIndex,
      dossier: dossierIndex,
      how: fc.constantFrom<Forgery>(
        'reopen_as_agent',
        'malformed',
        'bad_date',
        'unknown_name',
        'ghost_dossier',
        'assign_customer',
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('others' as const),
      dossier: dossierIndex,
      who: fc.constantFrom<Others>(
        'customer',
        'merchant',
        'agent2-close',
        'agent2-take-over',
        'supervisor-reopen',
      ),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      window: windowIndex,
      online: fc.nat(2).map((n) => n > 0),
      dropPushAnswer: fc.boolean(),
      dropPullAnswer: fc.boolean(),
      holdPush: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('time' as const), days: fc.constantFrom(1, 3, 8, 16, 130) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'sync-both' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('pull' as const),
      window: windowIndex,
      dropAnswer: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resend' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('deliver-held' as const), whileSyncing: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reload' as const), window: windowIndex }) },
);

export const scenario: fc.Arbitrary<Scenario> = fc.record({
  windows: fc.constantFrom<1 | 2>(1, 2),
  bulk: fc.boolean(),
  pageSize: fc.integer({ min: 2, max: 8 }),
  pushBatch: fc.integer({ min: 1, max: 5 }),
  cutFirstSyncAfter: fc.option(fc.integer({ min: 1, max: 4 }), { freq: 2 }),
  heldArrive: fc.constantFrom<Scenario['heldArrive']>('before', 'during', 'after'),
  steps: fc.array(step, { minLength: 1, maxLength: 24, size: 'max' }),
});

/** One agent's machine during a history: its windows over one cache, and what it did. */
export class Desk {
  readonly windows: DeskWindow[] = [];
  readonly performed: Performed[] = [];
  /** Actions the desk's own rules refused at once (never queued). */
  refusedOnDesk = 0;
  /** Windows reloaded (their connection closed and the page opened again). */
  reloads = 0;
  private written = 0;

  constructor(
    readonly agent: Agent,
    readonly lock: ExclusiveLock,
    private readonly options: WindowOptions & { dbName: string },
    count: number,
    private readonly label: string,
  ) {
    for (let i = 0; i < count; i++) this.windows.push(this.open());
  }

  private open(): DeskWindow {
    return openWindow(this.agent, { ...this.options, exclusive: this.lock.run });
  }

  window(i: number): DeskWindow {
    const w = this.windows[i % this.windows.length];
    if (!w) throw new Error('no window');
    return w;
  }

  /** A reload: the window's connection closes and a new page opens the same database. */
  reload(i: number): void {
    const index = i % this.windows.length;
    closeWindow(this.window(index));
    this.windows[index] = this.open();
    this.reloads++;
  }

  async act(i: number, dossierId: string, action: ActionKind): Promise<void> {
    const w = this.window(i);
    const body = `${this.label} text ${++this.written}`;
    const until = new Date(w.actions.now() + 86_400_000).toISOString();
    const actions: Record<ActionKind, [MutationName, Record<string, unknown>, string | null]> = {
      note: ['dossier.note', { body }, body],
      reply: ['dossier.reply', { body, audience: 'both' }, body],
      tag: ['dossier.tag', { tags: [`t${this.written}`] }, null],
      take_over: ['dossier.take_over', {}, null],
      remind: ['dossier.remind_merchant', { body }, body],
      inform: ['dossier.inform_customer', { body }, body],
      close: ['dossier.close', { summary: body }, null],
      forward: ['dossier.forward_to_merchant', { body }, body],
      follow_up: ['dossier.follow_up', { until }, null],
    };
    const [name, args, message] = actions[action];
    const done = await perform(w.actions, name, { dossierId, ...args });
    if (done.ok) this.performed.push({ id: done.mutationId, name, dossierId, body: message, forged: false });
    else this.refusedOnDesk++;
  }

  /** Writes an entry straight into the outbox, as `perform` would have, bypassing its checks. */
  async forge(i: number, dossierId: string, how: Forgery): Promise<void> {
    const { db, actions } = this.window(i);
    const body = `${this.label} forged ${++this.written}`;
    const forgeries: Record<Forgery, [string, Record<string, unknown>, string]> = {
      // Rules the desk knows: replayed, it is refused there too; the server refuses it (forbidden).
      reopen_as_agent: ['dossier.reopen', { reason: body }, dossierId],
      // Arguments that do not parse: an audience that does not exist, a date that is not one.
      malformed: ['dossier.reply', { body, audience: 'nobody' }, dossierId],
      bad_date: ['dossier.follow_up', { until: 'not a date' }, dossierId],
      // Written by another version of the app: a mutation these rules do not know.
      unknown_name: ['dossier.archive', {}, dossierId],
      ghost_dossier: ['dossier.note', { body }, `ghost-${randomUUID()}`],
      // Written by a version of the app that did not check the assignee (this one refuses it on the
      // desk): only the server knows for sure the assignee is a customer (R2).
      assign_customer: ['dossier.assign', { assigneeId: 'u-alice' }, dossierId],
    };
    const [forgedName, args, target] = forgeries[how];
    const name = forgedName as MutationName;
    const id = randomUUID();
    const { user } = actions;
    const role = user.role;
    if (role !== 'agent' && role !== 'supervisor') throw new Error('not staff');
    await db.transaction('rw', [db.dossiers, db.base, db.outbox], async () => {
      const cached = await db.dossiers.get(target);
      if (cached && !(await db.base.get(target))) await db.base.put(fromCached(cached));
      await db.outbox.add({
        id,
        name,
        args: { dossierId: target, ...args },
        dossierId: target,
        actor: { role, id: user.id, name: user.name },
        createdAt: new Date(actions.now()).toISOString(),
        state: 'pending',
      });
    });
    this.performed.push({
      id,
      name,
      dossierId: target,
      body: how === 'malformed' ? body : null,
      forged: true,
    });
  }

  /** Delivers every push held on the wire; returns their answers. */
  async deliverHeld(): Promise<{ ids: string[]; statuses: string[] }[]> {
    const { network } = this.agent;
    const answers: { ids: string[]; statuses: string[] }[] = [];
    for (const push of network.held.splice(0)) {
      push.results = await deliver(network, push, 'late');
      network.delivered.push(push);
      answers.push({
        ids: push.request.mutations.map((m) => m.id),
        statuses: push.results.map((r) => r.status),
      });
    }
    return answers;
  }
}
