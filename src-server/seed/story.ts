import type { Command } from '../../src-shared/domain/commands';
import type { ClaimFiling } from '../../src-shared/domain/lifecycle';
import { decide, fileClaim } from '../../src-shared/domain/lifecycle';
import type { AuditEvent, Dossier, Message } from '../../src-shared/domain/model';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import { applyTimeRules, nextTimeRule } from '../../src-shared/domain/time-rules';
import type { Actor } from '../../src-shared/domain/transitions';
import type { Written } from '../store/dossiers';

/**
 * One dossier's history, played through the real lifecycle: filed, then commands at increasing
 * instants with the time rules caught up before each — so generated data is always a reachable state.
 */
export class Story {
  private dossier: Dossier;
  private readonly messages: Message[] = [];
  private readonly events: AuditEvent[] = [];

  constructor(
    claim: ClaimFiling,
    customer: Actor,
    at: number,
    private readonly settings: DisputeSettings,
    private readonly newId: () => string,
    /** The present: nothing in the story happens after it. */
    private readonly now: number,
  ) {
    const filed = fileClaim(claim, { now: at, settings, actor: customer, newId });
    if (!filed.ok) throw new Error(`seed: filing refused: ${filed.error.message}`);
    this.dossier = filed.value.dossier;
    this.keep(filed.value);
  }

  get current(): Dossier {
    return this.dossier;
  }

  /** Lets time pass: the rules that fall due by `at` fire. */
  wait(at: number): this {
    this.keep(applyTimeRules(this.dossier, Math.min(at, this.now), this.settings, this.newId));
    return this;
  }

  /** Someone acts at `at`; a command the rules refuse at that point is simply not part of the story. */
  act(at: number, actor: Actor, command: Command): boolean {
    if (at > this.now) return false;
    this.wait(at);
    const decided = decide(this.dossier, command, {
      now: at,
      settings: this.settings,
      actor,
      newId: this.newId,
    });
    if (decided.ok) this.keep(decided.value);
    return decided.ok;
  }

  finish(now: number): Written {
    this.wait(now);
    return {
      dossier: this.dossier,
      messages: this.messages,
      events: this.events,
      nextRuleAt: nextTimeRule(this.dossier, this.settings)?.at ?? null,
    };
  }

  private keep(d: { dossier: Dossier; messages: readonly Message[]; events: readonly AuditEvent[] }): void {
    this.dossier = d.dossier;
    this.messages.push(...d.messages);
    this.events.push(...d.events);
  }
}
