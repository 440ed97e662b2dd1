import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CacheDatabase } from '../../src-renderer/cache/db';
import { DeskContextProvider } from '../../src-renderer/data/desk';
import { I18nProvider } from '../../src-renderer/i18n/I18nProvider';
import { ThemeProvider } from '../../src-renderer/ui/theme';
import { DossierView } from '../../src-renderer/workspace/dossier';
import type { User } from '../../src-shared/domain/model';
import { filing } from '../unit/fixtures';
import { testDesk } from './desk';
import { storeDecisions } from './workbench';

/** Issue 12, item 8: a party's name opens their profile; another of their dossiers opens from it. */

const agent: User = { id: 'a1', name: 'Camille Laurent', email: 'camille@klikpay.test', role: 'agent' };
const opened: CacheDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('a party’s profile from the dossier', () => {
  it('lists the customer’s other dossiers, and opens one', async () => {
    const user = userEvent.setup();
    const db = new CacheDatabase(`profile-${crypto.randomUUID()}`);
    opened.push(db);
    await db.users.put(agent);
    const first = filing({ subject: 'payment' });
    const second = filing({ subject: 'delivery' });
    const other = { ...second, dossier: { ...second.dossier, id: 'd-2', reference: 'KP-2026-000124' } };
    await storeDecisions(db, [first]);
    await storeDecisions(db, [other]);
    const onOpen = vi.fn();
    render(<DossierView dossierId="d-1" onOpenDossier={onOpen} />, {
      wrapper: ({ children }) => (
        <I18nProvider initialPreference="en">
          <ThemeProvider initialPreference="light">
            <DeskContextProvider desk={testDesk(db, { user: agent })}>{children}</DeskContextProvider>
          </ThemeProvider>
        </I18nProvider>
      ),
    });
    await screen.findByRole('heading', { level: 2, name: 'KP-2026-000123' });
    const customer = first.dossier.transaction.customerName;
    await user.click(screen.getByRole('button', { name: customer }));
    const dialog = within(await screen.findByRole('dialog', { name: `Customer: ${customer}` }));
    const open = await dialog.findByRole('region', { name: '2 open dossiers' });
    const rows = within(open).getAllByRole('button');
    expect(rows.map((r) => r.textContent.slice(0, 14))).toEqual(
      expect.arrayContaining(['KP-2026-000123', 'KP-2026-000124']),
    );
    expect(dialog.getByText(first.dossier.language === 'fr' ? 'French' : 'English')).toBeTruthy();
    // The dossier already open is marked and not offered again.
    const current = rows.find((r) => r.getAttribute('aria-current') === 'true');
    expect(current?.textContent).toContain('KP-2026-000123');
    expect(current).toHaveProperty('disabled', true);
    const next = rows.find((r) => r.textContent.includes('KP-2026-000124'));
    if (!next) throw new Error('the other dossier is not listed');
    await user.click(next);
    expect(onOpen).toHaveBeenCalledWith('d-2');
  });
});
