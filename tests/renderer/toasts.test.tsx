import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTranslate } from '../../src-renderer/i18n/translate';
import { refusalToast } from '../../src-renderer/ui/refusal';
import type { Toast } from '../../src-renderer/ui/toast-queue';
import { useToastQueue } from '../../src-renderer/ui/toast-queue';
import { Toasts } from '../../src-renderer/ui/Toasts';
import { renderIn } from './providers';

function Harness({ initial }: { initial: Toast[] }) {
  const q = useToastQueue();
  return (
    <>
      <button type="button" onClick={() => initial.forEach(q.push)}>
        Show
      </button>
      <button
        type="button"
        onClick={() => {
          for (let i = 0; i < 7; i++) q.push({ id: `t${i}`, tone: 'info', title: `Toast ${i}` });
          q.push({ id: 't6', tone: 'info', title: 'Toast 6 again' });
        }}
      >
        Show many
      </button>
      <Toasts toasts={q.toasts} onDismiss={q.dismiss} />
    </>
  );
}

const refused: Toast = refusalToast(createTranslate('en'), {
  id: 'm1',
  name: 'dossier.close',
  reference: 'KP-2026-000123',
  message: 'Dossier KP-2026-000123 is already closed.',
});

describe('Toasts', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  // Synchronous events: Testing Library's async helpers wait on a real timer, which fake timers stop.
  const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

  it('announce politely in a named region', () => {
    renderIn(<Harness initial={[refused]} />);
    const region = screen.getByRole('region', { name: 'Notifications' });
    const live = region.querySelector('[aria-live]');
    expect(live?.getAttribute('aria-live')).toBe('polite');
    click('Show');
    expect(region.textContent).toContain('Change refused on KP-2026-000123: Close dossier');
    expect(region.textContent).toContain('Dossier KP-2026-000123 is already closed.');
  });

  it('leave by themselves after their time', () => {
    renderIn(<Harness initial={[{ id: 'a', tone: 'info', title: 'Assigned to you' }, refused]} />);
    click('Show');
    act(() => {
      vi.advanceTimersByTime(6_000);
    });
    expect(screen.queryByText('Assigned to you')).toBeNull();
    expect(screen.getByText(/Change refused/)).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(4_000);
    });
    expect(screen.queryByText(/Change refused/)).toBeNull();
  });

  it('stay while the pointer is on them', () => {
    renderIn(<Harness initial={[{ id: 'a', tone: 'success', title: 'Tagged 3 dossiers' }]} />);
    click('Show');
    fireEvent.mouseEnter(screen.getByText('Tagged 3 dossiers'));
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.getByText('Tagged 3 dossiers')).toBeTruthy();
    fireEvent.mouseLeave(screen.getByText('Tagged 3 dossiers'));
    act(() => {
      vi.advanceTimersByTime(6_000);
    });
    expect(screen.queryByText('Tagged 3 dossiers')).toBeNull();
  });

  it('tell what they offer when the pointer or the focus holds them, and when it lets go', () => {
    const onHold = vi.fn<(held: boolean) => void>();
    renderIn(<Harness initial={[{ id: 'u', tone: 'info', title: 'Reply sent', onHold }]} />);
    click('Show');
    expect(onHold).not.toHaveBeenCalled();
    fireEvent.mouseEnter(screen.getByText('Reply sent'));
    expect(onHold).toHaveBeenLastCalledWith(true);
    fireEvent.mouseLeave(screen.getByText('Reply sent'));
    expect(onHold).toHaveBeenLastCalledWith(false);
    expect(onHold).toHaveBeenCalledTimes(2);
  });

  it('can be dismissed, and run their action', () => {
    const open = vi.fn();
    const withAction = refusalToast(
      createTranslate('en'),
      { id: 'm2', name: 'dossier.reply', message: 'No.' },
      open,
    );
    renderIn(<Harness initial={[withAction, { id: 'b', tone: 'info', title: 'Hello' }]} />);
    click('Show');
    click('Dismiss: Hello');
    expect(screen.queryByText('Hello')).toBeNull();
    click('Open dossier');
    expect(open).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/Change refused/)).toBeNull();
  });

  it('replace a toast of the same id and keep the newest few', () => {
    renderIn(<Harness initial={[]} />);
    click('Show many');
    expect(
      screen.getAllByRole('listitem').map((li) => li.querySelector('.toast__title')?.textContent),
    ).toEqual(['Toast 2', 'Toast 3', 'Toast 4', 'Toast 5', 'Toast 6 again']);
  });
});

describe('refusalToast', () => {
  it('names the refused action in the agent’s language', () => {
    const fr = refusalToast(createTranslate('fr'), {
      id: 'm3',
      name: 'dossier.take_over',
      reference: 'KP-2026-000124',
      message: 'Klik & Pay already has dossier KP-2026-000124 in hand.',
    });
    expect(fr.id).toBe('refusal-m3');
    expect(fr.tone).toBe('error');
    expect(fr.title).toBe('Modification refusée sur KP-2026-000124 : Prendre en charge');
    expect(fr.action).toBeUndefined();
    expect(refusalToast(createTranslate('en'), { id: 'x', name: 'toString', message: '?' }).title).toBe(
      'Change refused: Change',
    );
  });
});
