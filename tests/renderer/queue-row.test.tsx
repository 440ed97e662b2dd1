import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dossier } from '../../src-shared/domain/model';
import type { MessagePreview } from '../../src-renderer/cache/reads';
import { agent, cmd, later, states, step } from '../unit/fixtures';
import { plain } from './providers';
import { applyStylesheets } from './stylesheets';
import { renderRow } from './workbench';

/** Issue 12, item 9: a queue row says what its time counts, escalations, follow-ups come due, late merchants. */

const cell = (container: HTMLElement) => container.querySelector('.queue-row__deadline') as HTMLElement;
const name = () => plain(screen.getByRole('button').getAttribute('aria-label'));

describe('the time column of a queue row', () => {
  it('says whose deadline it counts, the auto-close or the closure, with the whole of it as tooltip', () => {
    const cases: [string, Dossier, number, string, RegExp, string][] = [
      [
        'Klik & Pay’s move',
        states.klikpay(),
        later(0.1),
        // Filed on Monday: due on Wednesday, 14 July being a public holiday.
        'Klik & Pay in 1 d 21 h',
        /^Klik & Pay’s deadline to reply: Jul 15, 2026/,
        'Klik & Pay’s deadline in 1 d 21 h',
      ],
      [
        'the merchant’s move',
        states.merchantAnswerDue(),
        later(1),
        'Merchant in 6 d',
        /^The merchant’s deadline to answer: Jul 20, 2026/,
        'merchant’s deadline in 6 d',
      ],
      [
        'the customer’s move',
        states.customerAfterMerchant(),
        later(2),
        'Auto-close in 119 d',
        /^Closes automatically for inactivity on Nov 11, 2026/,
        'auto-close in 119 d',
      ],
      [
        'closed',
        states.closed(),
        later(5),
        'Closed on Jul 15, 2026',
        /^Closed on Jul 15, 2026$/,
        'closed on Jul 15, 2026',
      ],
    ];
    for (const [situation, dossier, now, text, title, spoken] of cases) {
      const { container, unmount } = renderRow(dossier, now);
      expect(plain(cell(container).textContent), situation).toBe(text);
      expect(cell(container).title, situation).toMatch(title);
      // The countdown's own tooltip (what a pointer over it shows) says the same.
      const countdown = cell(container).querySelector('time');
      expect(countdown?.getAttribute('title') ?? cell(container).title, situation).toMatch(title);
      expect(name(), situation).toMatch(new RegExp(`, ${spoken}$`));
      unmount();
    }
  });

  it('says it in French', () => {
    const { container, unmount } = renderRow(states.klikpay(), later(0.1), 'fr');
    expect(plain(cell(container).textContent)).toBe('Klik & Pay dans 1 j 21 h');
    expect(plain(cell(container).title)).toMatch(/^Échéance de réponse de Klik & Pay : 15 juil\. 2026/);
    expect(name()).toMatch(/, échéance de Klik & Pay dans 1 j 21 h$/);
    unmount();
    const closed = renderRow(states.closed(), later(5), 'fr');
    expect(plain(cell(closed.container).textContent)).toBe('Clos le 15 juil. 2026');
    expect(name()).toMatch(/, Clos, clos le 15 juil\. 2026$/);
  });
});

describe('the status of a queue row', () => {
  it('shows an escalation in its badge and its name', () => {
    const { container } = renderRow(states.escalated(), later(2.1));
    const badge = container.querySelector('.queue-row__status .badge') as HTMLElement;
    expect(badge.textContent).toBe('Escalated');
    expect(badge.title).toBe('Escalated to Klik & Pay');
    expect(name()).toMatch(/^KP-2026-000123, Claire Dumont, Escalated to Klik & Pay, Klik & Pay’s deadline/);
  });

  it('tells a merchant reminded from a merchant overdue', () => {
    const overdue = renderRow(states.merchantOverdue(), later(7.6));
    expect(within(overdue.container).getByText('Merchant overdue').className).toBe('badge badge--overdue');
    overdue.unmount();
    const reminded = renderRow(states.merchantReminded(), later(7.6));
    expect(within(reminded.container).getByText('Merchant reminded').className).toBe('badge badge--reminded');
  });
});

describe('a follow-up come due', () => {
  /** Unassigned, followed up by the viewer (a1) until Thursday 16 July 10:00. */
  const followed = () => step(states.merchantAnswerDue(), agent, cmd.followUp(later(3)), later(1)).dossier;

  it('says on the row why the dossier is back in Mine, from the date on', () => {
    const early = renderRow(followed(), later(3) - 60_000);
    expect(within(early.container).queryByText('Follow-up due')).toBeNull();
    early.unmount();

    const { container } = renderRow(followed(), later(3));
    const badge = within(container).getByText('Follow-up due');
    expect(badge.className).toBe('badge badge--follow-up');
    expect(badge.title).toMatch(
      /^Your follow-up date \(Jul 16, 2026, .+\) has come: the dossier is back in Mine\.$/,
    );
    // Said to a screen reader too, as part of the row's description.
    const open = screen.getByRole('button');
    expect(open.getAttribute('aria-describedby')?.split(' ')).toContain(badge.id);
  });

  it('is the viewer’s own: a colleague’s follow-up says nothing on their row', () => {
    const theirs = step(states.merchantAnswerDue(), { ...agent, id: 'a2' }, cmd.followUp(later(3)), later(1));
    const { container } = renderRow(theirs.dossier, later(4));
    expect(within(container).queryByText('Follow-up due')).toBeNull();
  });

  it('says it in French', () => {
    const { container } = renderRow(followed(), later(4), 'fr');
    expect(within(container).getByText('Suivi à faire').title).toMatch(/revient dans Mes dossiers\.$/);
  });
});

describe('the badges of a queue row', () => {
  let removeStyles: () => void = () => undefined;
  afterEach(() => removeStyles());

  it('are never cut, in French either: they keep their width and the subject gives way', () => {
    removeStyles = applyStylesheets(
      'src-renderer/ui/css/controls.css',
      'src-renderer/workspace/workspace.css',
    );
    // The longest French badges at once: a reminded merchant, a follow-up come due and a draft.
    const dossier = step(states.merchantReminded(), agent, cmd.followUp(later(7.7)), later(7.6)).dossier;
    const { container } = renderRow(dossier, later(8), 'fr', true);
    const badges = [...container.querySelectorAll<HTMLElement>('.badge')];
    expect(badges.map((b) => b.textContent)).toEqual(['Marchand relancé', 'Suivi à faire', 'Brouillon']);
    const rowElement = container.querySelector('.queue-row') as HTMLElement;
    for (const badge of badges) {
      expect(getComputedStyle(badge).flexShrink, badge.textContent).toBe('0');
      expect(getComputedStyle(badge).whiteSpace, badge.textContent).toBe('nowrap');
      // Nothing between the badge and its row cuts it or ends it with an ellipsis.
      for (let el: HTMLElement | null = badge; el && el !== rowElement; el = el.parentElement) {
        const style = getComputedStyle(el);
        expect(['hidden', 'clip'], `${badge.textContent} in .${el.className}`).not.toContain(style.overflow);
        expect(style.textOverflow, `${badge.textContent} in .${el.className}`).not.toBe('ellipsis');
      }
    }
    expect(getComputedStyle(container.querySelector('.queue-row__status') as Element).flexShrink).toBe('0');
    // What gives way is the subject: shortened with an ellipsis, its whole text in the transaction panel.
    const subject = getComputedStyle(container.querySelector('.queue-row__subject') as Element);
    expect(subject.textOverflow).toBe('ellipsis');
    expect(subject.flexShrink).toBe('1');
  });
});

describe('what is new on a queue row (issue 12, item 2)', () => {
  const preview = (over: Partial<MessagePreview> = {}): MessagePreview => ({
    authorRole: 'customer',
    authorId: 'c1',
    authorName: 'Alice Martin',
    audience: 'both',
    text: 'Avez-vous du nouveau ?',
    files: 0,
    createdAt: '2026-07-14T09:00:00.000Z',
    ...over,
  });

  it('says a new reply first in its name, and marks it', () => {
    const { container } = renderRow(states.klikpay(), later(0.1), 'en', false, { unread: true });
    expect(name()).toMatch(/^New reply: KP-/);
    expect(container.querySelector('.queue-row--unread .queue-row__new')).not.toBeNull();
  });

  it('reads as before when nothing is new', () => {
    const { container } = renderRow(states.klikpay(), later(0.1));
    expect(name()).toMatch(/^KP-/);
    expect(container.querySelector('.queue-row--unread, .queue-row__new')).toBeNull();
  });

  it('previews the last message with its author, and describes the row with it', () => {
    renderRow(states.klikpay(), later(0.1), 'en', false, { preview: preview() });
    const button = screen.getByRole('button');
    expect(plain(button.querySelector('.queue-row__preview')?.textContent ?? '')).toBe(
      'Alice MartinAvez-vous du nouveau ?',
    );
    const described = (button.getAttribute('aria-describedby') ?? '').split(' ');
    const text = described.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    expect(text).toContain('Last message, from Alice Martin: Avez-vous du nouveau ?');
  });

  it('names the agent’s own message “You”, an internal note as such, and files alone by their number', () => {
    const own = renderRow(states.klikpay(), later(0.1), 'en', false, {
      preview: preview({ authorRole: 'agent', authorId: 'a1', authorName: 'Camille', audience: 'customer' }),
    });
    expect(own.container.querySelector('.queue-row__preview-author')?.textContent).toBe('You');
    own.unmount();
    const note = renderRow(states.klikpay(), later(0.1), 'fr', false, {
      preview: preview({ authorRole: 'agent', authorId: 'a2', authorName: 'James', audience: 'internal' }),
    });
    expect(note.container.querySelector('.queue-row__preview-author')?.textContent).toBe(
      'James (note interne)',
    );
    note.unmount();
    const files = renderRow(states.klikpay(), later(0.1), 'en', false, {
      preview: preview({ text: '', files: 2 }),
    });
    expect(files.container.querySelector('.queue-row__preview-text')?.textContent).toBe('2 files attached');
  });
});
