import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusBadge } from '../../src-renderer/ui/StatusBadge';
import { renderIn } from './providers';

describe('the status badge', () => {
  it('says the whole status on a dossier, and short words in a queue row with the whole as tooltip', () => {
    renderIn(
      <>
        <StatusBadge status="awaiting_klikpay" />
        <StatusBadge status="awaiting_klikpay" compact />
        <StatusBadge status="awaiting_merchant" merchantStage="reminded" compact />
        <StatusBadge status="closed" compact />
      </>,
      'fr',
    );
    expect(screen.getByText('En attente de Klik & Pay').title).toBe('');
    expect(screen.getByText('Attente Klik & Pay').title).toBe('En attente de Klik & Pay');
    expect(screen.getByText('Marchand relancé').title).toBe('Marchand relancé (Bonnes Pratiques)');
    // Nothing to add when the short words are the whole words.
    expect(screen.getByText('Clos').title).toBe('');
  });

  it('tells a merchant reminded from a merchant overdue, in words and in colour', () => {
    const { container } = renderIn(
      <>
        <StatusBadge status="awaiting_merchant" merchantStage="overdue" compact />
        <StatusBadge status="awaiting_merchant" merchantStage="reminded" compact />
      </>,
    );
    const [overdue, reminded] = [...container.querySelectorAll('.badge')];
    expect(overdue?.textContent).toBe('Merchant overdue');
    expect(reminded?.textContent).toBe('Merchant reminded');
    expect(overdue?.className).toBe('badge badge--overdue');
    expect(reminded?.className).toBe('badge badge--reminded');
  });

  it('says an escalation instead of “Awaiting Klik & Pay”, in English and French', () => {
    const { unmount } = renderIn(
      <>
        <StatusBadge status="awaiting_klikpay" escalated />
        <StatusBadge status="awaiting_klikpay" escalated compact />
      </>,
    );
    expect(screen.getByText('Escalated to Klik & Pay').className).toBe('badge badge--escalated');
    expect(screen.getByText('Escalated').title).toBe('Escalated to Klik & Pay');
    unmount();
    renderIn(<StatusBadge status="awaiting_klikpay" escalated compact />, 'fr');
    expect(screen.getByText('Escaladé').title).toBe('Escaladé à Klik & Pay');
  });

  it('says no escalation once the move has left Klik & Pay', () => {
    renderIn(<StatusBadge status="awaiting_customer" escalated />);
    expect(screen.getByText('Awaiting customer')).toBeTruthy();
  });
});
