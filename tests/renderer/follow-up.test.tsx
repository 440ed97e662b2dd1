import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../src-shared/domain/calendar';
import type { Dossier } from '../../src-shared/domain/model';
import { defaultSettings } from '../../src-shared/domain/settings';
import { fromCached, toCached } from '../../src-renderer/cache/db';
import {
  agentTimeZone,
  followUpHidesOverdue,
  followUpPresets,
} from '../../src-renderer/workspace/dossier/follow-up';
import { FollowUpDialog, toLocalInput } from '../../src-renderer/workspace/dossier/FollowUpDialog';
import { agent as agentActor, at, cmd, later, states, step } from '../unit/fixtures';
import { testDesk } from './desk';
import { agent, cacheOf, show } from './workbench';

/** Issue 12, item 9: quick follow-up dates on the business calendar, and a warning before hiding an overdue dossier. */

const paris = defaultCalendar;
const presetsAt = (now: string) =>
  followUpPresets(at(now), paris).map((p) => [p.id, new Date(p.at).toISOString()]);

describe('the follow-up’s quick choices', () => {
  it('on a Monday before a public holiday: later today, the next business morning, next Monday, in a week', () => {
    // Monday 13 July 2026, 10:00 in Paris; Tuesday 14 July is a public holiday.
    expect(presetsAt('2026-07-13T10:00:00+02:00')).toEqual([
      ['laterToday', '2026-07-13T11:00:00.000Z'],
      ['nextBusinessMorning', '2026-07-15T07:00:00.000Z'],
      ['nextMonday', '2026-07-20T07:00:00.000Z'],
      ['inAWeek', '2026-07-20T08:00:00.000Z'],
    ]);
  });

  it('on a Friday: the next business morning is Monday, said once', () => {
    expect(presetsAt('2026-07-17T10:00:00+02:00')).toEqual([
      ['laterToday', '2026-07-17T11:00:00.000Z'],
      ['nextBusinessMorning', '2026-07-20T07:00:00.000Z'],
      ['inAWeek', '2026-07-24T08:00:00.000Z'],
    ]);
  });

  it('late in the evening: no “later today”; tomorrow morning when tomorrow is a business day', () => {
    expect(presetsAt('2026-07-15T22:30:00+02:00')).toEqual([
      ['tomorrowMorning', '2026-07-16T07:00:00.000Z'],
      ['nextMonday', '2026-07-20T07:00:00.000Z'],
      ['inAWeek', '2026-07-22T20:30:00.000Z'],
    ]);
  });

  it('rounds “later today” up to the quarter hour', () => {
    expect(presetsAt('2026-07-16T10:07:30+02:00')[0]).toEqual(['laterToday', '2026-07-16T11:15:00.000Z']);
  });

  it('move off public holidays: Easter Monday, and a week that lands on 14 July', () => {
    // Thursday 2 April 2026: next Monday is Easter Monday (6 April), so Tuesday 9:00.
    expect(presetsAt('2026-04-02T10:00:00+02:00')).toContainEqual(['nextMonday', '2026-04-07T07:00:00.000Z']);
    // Tuesday 7 July 2026: a week later is 14 July, so 9:00 on Wednesday 15 July.
    expect(presetsAt('2026-07-07T10:00:00+02:00')).toContainEqual(['inAWeek', '2026-07-15T07:00:00.000Z']);
  });

  it('count on the agent’s own wall clock', () => {
    const newYork = followUpPresets(at('2026-07-13T10:00:00-04:00'), {
      ...paris,
      timeZone: 'America/New_York',
    });
    expect(newYork.find((p) => p.id === 'nextBusinessMorning')?.at).toBe(at('2026-07-15T09:00:00-04:00'));
  });
});

/** Taken over by agent a1 on Monday 12:24: Klik & Pay's reply is due Wednesday 15 July (14 July is off). */
const takenOver = (): Dossier => step(states.klikpay(), agentActor, cmd.takeOver(), later(0.1)).dossier;
const overdueAt = later(3);

describe('a follow-up that would hide an overdue dossier', () => {
  it('is one that takes a dossier past its deadline out of the agent’s Mine', () => {
    const d = takenOver();
    expect(followUpHidesOverdue(d, 'a1', later(4), overdueAt, defaultSettings)).toBe(true);
    // Not overdue yet.
    expect(followUpHidesOverdue(d, 'a1', later(4), later(1), defaultSettings)).toBe(false);
    // Not in that agent's Mine to begin with.
    expect(followUpHidesOverdue(d, 'a2', later(4), overdueAt, defaultSettings)).toBe(false);
    // A date already past hides nothing.
    expect(followUpHidesOverdue(d, 'a1', overdueAt, overdueAt, defaultSettings)).toBe(false);
  });
});

async function open(dossier: Dossier, now: number) {
  const db = await cacheOf(0);
  await db.dossiers.put(toCached(dossier));
  const desk = testDesk(db, { user: agent, now: () => now });
  show(desk, <FollowUpDialog dossier={dossier} userId="a1" now={now} open onClose={() => undefined} />);
  const dialog = within(await screen.findByRole('dialog', { name: 'Follow up' }));
  return { db, dialog, when: dialog.getByLabelText<HTMLInputElement>('Follow up on') };
}

const labels = {
  laterToday: 'Later today',
  tomorrowMorning: 'Tomorrow morning',
  nextBusinessMorning: 'Next business morning',
  nextMonday: 'Next Monday',
  inAWeek: 'In a week',
} as const;

describe('the follow-up dialog', () => {
  const presets = (now: number) =>
    followUpPresets(now, { ...paris, timeZone: agentTimeZone(paris.timeZone) });

  it('offers the quick choices with their dates, the next business morning first chosen', async () => {
    const user = userEvent.setup();
    const now = later(0.1);
    const { db, dialog, when } = await open(states.klikpay(), now);
    // In the zone this runs in (the agent's): on a Monday before 14 July, the next business morning.
    const offered = presets(now);
    const morning = offered.find((p) => p.id === 'tomorrowMorning' || p.id === 'nextBusinessMorning');
    expect(when.value).toBe(toLocalInput(morning?.at ?? 0));
    const group = within(dialog.getByRole('group', { name: 'Quick choices' }));
    const buttons = group.getAllByRole('button');
    // Each says what it is, then the date it sets.
    expect(buttons).toHaveLength(offered.length);
    offered.forEach((p, i) => expect(buttons[i]?.textContent).toMatch(new RegExp(`^${labels[p.id]} \\S`)));
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual(
      offered.map((p) => String(p === morning)),
    );

    await user.click(group.getByRole('button', { name: /^In a week/ }));
    const week = offered.find((p) => p.id === 'inAWeek')?.at ?? 0;
    expect(when.value).toBe(toLocalInput(week));
    expect(group.getByRole('button', { name: /^In a week/ }).getAttribute('aria-pressed')).toBe('true');
    // Nothing to warn about: the dossier is not overdue.
    expect(dialog.queryByRole('status')).toBeNull();
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    await waitFor(async () => {
      const row = await db.dossiers.get('d-1');
      expect(row && fromCached(row).followUps.a1).toBe(
        new Date(Date.parse(toLocalInput(week))).toISOString(),
      );
    });
  });

  it('warns before a date that takes an overdue dossier out of Mine', async () => {
    const { dialog, when } = await open(takenOver(), overdueAt);
    const warning = dialog.getByRole('status');
    expect(warning.textContent).toMatch(
      /^This dossier is overdue: this follow-up takes it out of Mine until /,
    );
    expect(when.getAttribute('aria-describedby')).toBe(warning.id);
  });
});
