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
});
