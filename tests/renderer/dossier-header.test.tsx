import { within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dossier, User } from '../../src-shared/domain/model';
import type { Locale } from '../../src-renderer/i18n/locale';
import type { Presence } from '../../src-renderer/sync/presence';
import { DossierHeader } from '../../src-renderer/workspace/dossier/DossierHeader';
import { later, states } from '../unit/fixtures';
import { plain, renderIn } from './providers';
import { applyStylesheets } from './stylesheets';

/** Issue 12, item 9: the dossier header shows an escalation, and keeps still as things come and go. */

const agent: User = { id: 'a1', name: 'Camille Laurent', email: 'camille@klikpay.test', role: 'agent' };
const colleague: Presence = {
  userId: 'a2',
  name: 'Jean-Christophe Delacroix-Martin',
  activity: 'writing',
  until: later(9),
};

function header(dossier: Dossier, now: number, extra: { others?: Presence[]; pending?: number } = {}) {
  return (
    <DossierHeader
      dossier={dossier}
      user={agent}
      now={now}
      headingLevel={2}
      staffName={() => 'Camille Laurent'}
      others={extra.others ?? []}
      pendingCount={extra.pending ?? 0}
      tags={<span>no tags</span>}
      toolbar={<div className="toolbar-stand-in" />}
    />
  );
}

function show(dossier: Dossier, now: number, locale: Locale = 'en') {
  const view = renderIn(header(dossier, now), locale);
  return { ...view, header: view.container.querySelector('header') as HTMLElement };
}

describe('the dossier header', () => {
  let removeStyles: () => void = () => undefined;
  afterEach(() => removeStyles());

  it('shows an escalation in its status badge and says when it happened', () => {
    const { header: shown, unmount } = show(states.escalated(), later(2.1));
    const badge = shown.querySelector('.badge') as HTMLElement;
    expect(badge.textContent).toBe('Escalated to Klik & Pay');
    expect(plain(within(shown).getByText(/escalated on/).textContent)).toBe('· escalated on Jul 15, 2026');
    unmount();

    const fr = show(states.escalated(), later(2.1), 'fr');
    expect(fr.header.querySelector('.badge')?.textContent).toBe('Escaladé à Klik & Pay');
    expect(plain(within(fr.header).getByText(/escaladé le/).textContent)).toBe('· escaladé le 15 juil. 2026');
  });

  it('says no escalation on a dossier Klik & Pay took up by itself', () => {
    const { header: shown } = show(states.klikpay(), later(0.1));
    expect(shown.querySelector('.badge')?.textContent).toBe('Awaiting Klik & Pay');
    expect(within(shown).queryByText(/escalated on/)).toBeNull();
  });

  it('keeps its lines when another agent, unsent changes or a longer badge come', () => {
    const answerDue = states.merchantAnswerDue();
    const { header: shown, rerender } = show(answerDue, later(1), 'fr');
    const details = () => shown.querySelector('.dossier-header__details')?.children ?? [];
    const lines = () => [...shown.children, ...details()].map((line) => line.className);
    const before = lines();
    // A colleague starts writing, two changes wait, and the merchant is reminded (a longer badge).
    rerender(header(states.merchantReminded(), later(7.6), { others: [colleague], pending: 2 }));
    expect(shown.querySelector('.badge')?.textContent).toBe('Marchand relancé (Bonnes Pratiques)');
    expect(within(shown).getByText('Jean-Christophe Delacroix-Martin rédige dans ce dossier')).toBeTruthy();
    expect(within(shown).getByText('2 modifications pas encore envoyées')).toBeTruthy();
    expect(lines()).toEqual(before);
  });

  it('reserves the line of presence, and lets the subject give way to the badge, never the badge wrap', () => {
    removeStyles = applyStylesheets(
      'src-renderer/ui/css/controls.css',
      'src-renderer/workspace/dossier/dossier-header.css',
    );
    const { header: shown } = show(states.merchantReminded(), later(7.6), 'fr');
    const live = getComputedStyle(shown.querySelector('.dossier-header__live') as Element);
    // At least one line of presence badges, kept while nobody else is there.
    expect(['', 'auto', '0', '0px']).not.toContain(live.minBlockSize);
    const status = shown.querySelector('.dossier-header__status') as HTMLElement;
    expect(getComputedStyle(status).flexWrap).toBe('nowrap');
    const badge = status.querySelector('.badge') as HTMLElement;
    expect(getComputedStyle(badge).flexShrink).toBe('0');
    for (let el: HTMLElement | null = badge; el && el !== shown; el = el.parentElement) {
      expect(['hidden', 'clip'], `.${el.className}`).not.toContain(getComputedStyle(el).overflow);
      expect(getComputedStyle(el).textOverflow, `.${el.className}`).not.toBe('ellipsis');
    }
    const subject = status.querySelector('.dossier-header__subject') as HTMLElement;
    expect(getComputedStyle(subject).textOverflow).toBe('ellipsis');
    // Shortened on screen, whole in its tooltip.
    expect(subject.title).toBe('Livraison · Non reçu');
  });
});
