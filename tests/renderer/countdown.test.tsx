import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNow } from '../../src-renderer/ui/clock';
import { Countdown } from '../../src-renderer/ui/Countdown';
import { renderIn } from './providers';

const start = Date.parse('2026-03-12T13:05:00Z');

function Row({ dueAt }: { dueAt: string | null }) {
  const now = useNow(60_000);
  return (
    <p>
      <Countdown dueAt={dueAt} now={now} />
    </p>
  );
}

describe('Countdown and the shared clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(start);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts down live and turns overdue', () => {
    const dueAt = new Date(start + 2 * 60_000 + 30_000).toISOString();
    renderIn(<Row dueAt={dueAt} />);
    const time = screen.getByText('in 2 min');
    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('datetime')).toBe(dueAt);
    expect(time.className).toContain('countdown--soon');
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.getByText('in 1 min')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(120_000);
    });
    const overdue = screen.getByText('overdue by less than 1 min');
    expect(overdue.className).toContain('countdown--overdue');
  });

  it('shares one timer between every countdown of the same interval', () => {
    const setInterval = vi.spyOn(globalThis, 'setInterval');
    const dueAt = new Date(start + 5 * 3_600_000).toISOString();
    renderIn(
      <>
        <Row dueAt={dueAt} />
        <Row dueAt={dueAt} />
        <Row dueAt={dueAt} />
      </>,
    );
    expect(setInterval).toHaveBeenCalledTimes(1);
    expect(screen.getAllByText('in 5 h')).toHaveLength(3);
    setInterval.mockRestore();
  });

  it('says so when there is no deadline, in French too', () => {
    renderIn(<Row dueAt={null} />, 'fr');
    expect(screen.getByText('Pas d’échéance')).toBeTruthy();
  });

  it('shows the exact deadline on hover', () => {
    const dueAt = new Date(start - 2 * 86_400_000).toISOString();
    renderIn(<Row dueAt={dueAt} />, 'fr');
    const time = screen.getByText('en retard de 2 j');
    expect(time.getAttribute('title')).toMatch(/^Échéance : /);
  });
});
