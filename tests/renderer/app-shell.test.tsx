import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QueueId } from '../../src-shared/domain/queues';
import { queueIds } from '../../src-shared/domain/queues';
import { I18nProvider } from '../../src-renderer/i18n/I18nProvider';
import { localeStorageKey } from '../../src-renderer/i18n/locale';
import { AppShell } from '../../src-renderer/ui/AppShell';
import type { QueueNavItem } from '../../src-renderer/ui/QueueNav';
import { SearchBox } from '../../src-renderer/ui/SearchBox';
import { StatusBadge } from '../../src-renderer/ui/StatusBadge';
import { ThemeProvider, themeStorageKey } from '../../src-renderer/ui/theme';
import { UserMenu } from '../../src-renderer/ui/UserMenu';

afterEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});

const counts: QueueNavItem[] = queueIds.map((id, i) => ({ id, count: id === 'all' ? null : i * 1000 + 1 }));

function Workspace({
  onSignOut = vi.fn(),
  onSelect = vi.fn(),
}: {
  onSignOut?: () => void;
  onSelect?: (id: QueueId) => void;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState<QueueId>('mine');
  return (
    <I18nProvider languages={['en-GB']}>
      <ThemeProvider>
        <AppShell
          search={<SearchBox value={query} onChange={setQuery} />}
          syncStatus={<span>Up to date</span>}
          userMenu={
            <UserMenu name="Camille Martin" email="camille@klikandpay.example" onSignOut={onSignOut} />
          }
          queues={counts}
          activeQueue={active}
          onSelectQueue={(id) => {
            onSelect(id);
            setActive(id);
          }}
        >
          <p>Query: {query}</p>
          <StatusBadge status="awaiting_merchant" merchantStage="overdue" />
        </AppShell>
      </ThemeProvider>
    </I18nProvider>
  );
}

describe('AppShell', () => {
  it('lists the queues with their live counts in a “Queues” navigation', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<Workspace onSelect={onSelect} />);
    const nav = screen.getByRole('navigation', { name: 'Queues' });
    const buttons = within(nav).getAllByRole('button');
    expect(buttons).toHaveLength(queueIds.length);
    expect(buttons.map((b) => b.textContent.replace(/[\d,…]+$/, ''))).toEqual([
      'Mine',
      'Unassigned',
      'Payment claims',
      'Escalated',
      'Awaiting merchant',
      'Merchant overdue',
      'Awaiting customer',
      'Closing soon',
      'Recently closed',
      'All',
    ]);
    expect(within(nav).getByRole('button', { name: 'Mine, 1 dossier' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(within(nav).getByRole('button', { name: 'Unassigned, 1,001 dossiers' })).toBeTruthy();
    expect(within(nav).getByRole('button', { name: 'All, counting' })).toBeTruthy();
    await user.click(within(nav).getByRole('button', { name: /^Merchant overdue/ }));
    expect(onSelect).toHaveBeenCalledWith('merchant_overdue');
    expect(
      within(nav)
        .getByRole('button', { name: /^Merchant overdue/ })
        .getAttribute('aria-current'),
    ).toBe('page');
    expect(within(nav).getByRole('button', { name: /^Mine/ }).hasAttribute('aria-current')).toBe(false);
  });

  it('has a search landmark with the “Search dossiers” box, a main area and a skip link', async () => {
    const user = userEvent.setup();
    render(<Workspace />);
    const search = screen.getByRole('search', { name: 'Search dossiers' });
    const box = within(search).getByRole('searchbox', { name: 'Search dossiers' });
    await user.type(box, 'KP-2026');
    expect(screen.getByText('Query: KP-2026')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.getByText('Query:')).toBeTruthy();
    expect(screen.getByRole('main').id).toBe('workspace-main');
    expect(screen.getByRole('link', { name: 'Skip to the dossiers' }).getAttribute('href')).toBe(
      '#workspace-main',
    );
    expect(screen.getByText('Merchant overdue', { selector: '.badge' })).toBeTruthy();
  });

  it('switches the language and the theme from the user menu, and keeps them', async () => {
    const user = userEvent.setup();
    render(<Workspace />);
    const menu = screen.getByRole('button', { name: 'Account and preferences: Camille Martin' });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    await user.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText(/Signed in as Camille Martin/)).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem(themeStorageKey)).toBe('dark');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'fr');
    expect(localStorage.getItem(localeStorageKey)).toBe('fr');
    expect(screen.getByRole('navigation', { name: 'Files' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mes dossiers, 1 dossier' })).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Rechercher des dossiers' })).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Thème' }), 'system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(localStorage.getItem(themeStorageKey)).toBeNull();
  });

  it('signs out, and closes the menu on Escape', async () => {
    const user = userEvent.setup();
    const onSignOut = vi.fn();
    render(<Workspace onSignOut={onSignOut} />);
    const menu = screen.getByRole('button', { name: /Account and preferences/ });
    await user.click(menu);
    await user.keyboard('{Escape}');
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menu);
    await user.click(menu);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(onSignOut).toHaveBeenCalledTimes(1);
  });

  it('asks for desktop notifications only when the agent presses “Turn on”, and says what the browser answered', async () => {
    // The browser's permission prompt is the one thing a test cannot answer: the person's answer is stubbed.
    let permission: NotificationPermission = 'default';
    const requestPermission = vi.fn(async () => {
      permission = 'granted';
      return permission;
    });
    vi.stubGlobal('Notification', {
      get permission() {
        return permission;
      },
      requestPermission,
    });
    try {
      const user = userEvent.setup();
      render(<Workspace />);
      await user.click(screen.getByRole('button', { name: /Account and preferences/ }));
      expect(requestPermission).not.toHaveBeenCalled();
      await user.click(screen.getByRole('button', { name: 'Turn on' }));
      expect(requestPermission).toHaveBeenCalledTimes(1);
      expect(await screen.findByText('On')).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Turn on' })).toBeNull();

      permission = 'denied';
      window.dispatchEvent(new Event('focus'));
      expect(await screen.findByText('Blocked in the browser’s site settings')).toBeTruthy();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
