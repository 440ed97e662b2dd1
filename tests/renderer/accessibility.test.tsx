import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UserEvent } from '@testing-library/user-event';
import { createRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BridgeError } from '../../src-shared/contract/bridge';
import type { Desk } from '../../src-renderer/data/desk';
import { defaultSort } from '../../src-shared/domain/filters';
import type { Dossier } from '../../src-shared/domain/model';
import { SignInForm } from '../../src-renderer/ui/SignInForm';
import type { DossierViewHandle } from '../../src-renderer/workspace/dossier';
import { DossierView } from '../../src-renderer/workspace/dossier';
import { FilterBar } from '../../src-renderer/workspace/filters';
import { Palette } from '../../src-renderer/workspace/Palette';
import { MONDAY, agent2, cmd, filing, later, ok, run, step } from '../unit/fixtures';
import { plain, renderIn } from './providers';
import { agent, cacheOf, deskOf, nth, renderRow, show, storeDecisions } from './workbench';

/** Issue 12, item 12: what a keyboard and a screen reader can reach, and what they hear. */

afterEach(() => {
  vi.restoreAllMocks();
});

/** The accessible description: the texts `aria-describedby` points at, in its order. */
function description(element: Element): string {
  const ids = element.getAttribute('aria-describedby')?.split(/\s+/).filter(Boolean) ?? [];
  return ids
    .map((id) => {
      const target = document.getElementById(id);
      return target?.getAttribute('aria-label') ?? target?.textContent ?? '';
    })
    .join(' ');
}

/** Tabs from the top of the page until `element` has the focus; false if Tab never gets there. */
async function reachedByTab(user: UserEvent, element: Element): Promise<boolean> {
  (document.activeElement as HTMLElement | null)?.blur();
  const stops = document.querySelectorAll('button, input, select, textarea, a[href], [tabindex]').length;
  for (let i = 0; i <= stops; i++) {
    await user.tab();
    if (document.activeElement === element) return true;
  }
  return false;
}

/** The dossier d-1 opened, then the command palette over it (which reads its controls). */
async function paletteOver(desk: Desk, onMarkUnread?: (dossierId: string, reference: string) => void) {
  const handle = createRef<DossierViewHandle>();
  const palette = (open: boolean) => (
    <>
      <DossierView ref={handle} dossierId="d-1" {...(onMarkUnread ? { onMarkUnread } : {})} />
      {open ? (
        <Palette
          open
          onClose={() => undefined}
          counts={null}
          onQueue={() => undefined}
          onSearch={() => undefined}
          onHelp={() => undefined}
          onSignOut={() => undefined}
          dossier={handle}
          onReference={() => undefined}
        />
      ) : null}
    </>
  );
  const view = show(desk, palette(false));
  await screen.findByRole('heading', { level: 2, name: 'KP-2026-000123' });
  view.rerender(palette(true));
  return within(screen.getByRole('dialog', { name: 'Command palette' }));
}

describe('a button the rules refuse now', () => {
  it('stays reachable, says why to a screen reader, and does nothing when pressed', async () => {
    const user = userEvent.setup();
    // A payment claim a colleague took over: not ours to take, and not awaiting the merchant.
    const filed = filing({ subject: 'payment' });
    const taken = ok(run(filed.dossier, agent2, cmd.takeOver(), later(1)));
    const db = await cacheOf(0);
    await storeDecisions(db, [filed, taken]);
    const desk = deskOf(db);
    const perform = vi.spyOn(desk, 'perform');
    show(desk, <DossierView dossierId="d-1" />);
    await screen.findByRole('heading', { level: 2, name: 'KP-2026-000123' });

    const refused: [string, RegExp][] = [
      // The dossier's toolbar…
      ['Take over', /is assigned to another agent: only a supervisor can reassign it/],
      // …and the composer.
      ['Send reminder', /is not awaiting the merchant/],
    ];
    for (const [name, why] of refused) {
      const button = screen.getByRole<HTMLButtonElement>('button', { name });
      expect(button.disabled, name).toBe(false);
      expect(button.getAttribute('aria-disabled'), name).toBe('true');
      expect(description(button), name).toMatch(why);
      // The reason is in the page for a screen reader, hidden from the eye (the tooltip stays).
      const reason = document.getElementById(button.getAttribute('aria-describedby') ?? '');
      expect(reason?.className, name).toBe('visually-hidden');
      expect(button.title, name).toMatch(why);

      expect(await reachedByTab(user, button), name).toBe(true);
      await user.keyboard('{Enter}');
      await user.keyboard(' ');
      await user.click(button);
    }
    expect(perform).not.toHaveBeenCalled();
    expect(await db.outbox.count()).toBe(0);
    // Nothing was tried, so nothing was refused on the spot.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says why in the agent’s language', async () => {
    const filed = filing({ subject: 'payment' });
    const taken = ok(run(filed.dossier, agent2, cmd.takeOver(), later(1)));
    const db = await cacheOf(0);
    await storeDecisions(db, [filed, taken]);
    show(deskOf(db), <DossierView dossierId="d-1" />, 'fr');
    await screen.findByRole('heading', { level: 2, name: 'KP-2026-000123' });
    const refused = [...document.querySelectorAll<HTMLButtonElement>('button[aria-disabled="true"]')];
    const reasons = refused.map((b) => description(b));
    expect(reasons).toContain(
      'Le dossier est attribué à un autre agent : seul un superviseur peut le réattribuer.',
    );
    expect(reasons.some((r) => r.startsWith('Le dossier n’est pas en attente du marchand'))).toBe(true);
    // Not a word of the rules' English.
    for (const reason of reasons) expect(reason).not.toMatch(/\b(the|is|not|only)\b/);
  });

  it('is still greyed in the command palette, which reads the controls', async () => {
    const user = userEvent.setup();
    const filed = filing({ subject: 'payment' });
    const db = await cacheOf(0);
    await storeDecisions(db, [filed, ok(run(filed.dossier, agent2, cmd.takeOver(), later(1)))]);
    const desk = deskOf(db);
    const perform = vi.spyOn(desk, 'perform');
    const dialog = await paletteOver(desk);
    const option = (name: string) => dialog.getByRole('option', { name: new RegExp(`^${name}`) });
    expect(option('Take over the open dossier').getAttribute('aria-disabled')).toBe('true');
    expect(option('Send the merchant a Good Practices reminder').getAttribute('aria-disabled')).toBe('true');
    expect(option('Follow up on the open dossier').getAttribute('aria-disabled')).toBeNull();

    await user.type(dialog.getByRole('combobox'), 'take over the open dossier');
    await user.keyboard('{Enter}');
    expect(perform).not.toHaveBeenCalled();
  });

  it('offers "mark unread" on the open dossier when the workspace handles it, and runs it', async () => {
    const user = userEvent.setup();
    const db = await cacheOf(0);
    await storeDecisions(db, [filing({ subject: 'payment' })]);
    const desk = deskOf(db);
    const marked = vi.fn();
    const dialog = await paletteOver(desk, marked);
    await user.type(dialog.getByRole('combobox'), 'mark unread');
    await user.keyboard('{Enter}');
    expect(marked).toHaveBeenCalledWith('d-1', 'KP-2026-000123');
  });

  it('opens the customer’s or the merchant’s profile from the palette', async () => {
    const user = userEvent.setup();
    const filed = filing({ subject: 'payment' });
    const db = await cacheOf(0);
    await storeDecisions(db, [filed]);
    const dialog = await paletteOver(deskOf(db));
    await user.type(dialog.getByRole('combobox'), 'merchant profile');
    await user.keyboard('{Enter}');
    const merchant = filed.dossier.transaction.merchantName;
    expect(await screen.findByRole('dialog', { name: `Merchant: ${merchant}` })).toBeTruthy();
  });

  it('acts again once the rules allow it, with no reason left to tell', async () => {
    const user = userEvent.setup();
    const db = await cacheOf(0);
    await storeDecisions(db, [filing({ subject: 'payment' })]);
    const desk = deskOf(db);
    show(desk, <DossierView dossierId="d-1" />);
    await screen.findByRole('heading', { level: 2, name: 'KP-2026-000123' });
    const takeOver = screen.getByRole('button', { name: 'Take over' });
    expect(takeOver.getAttribute('aria-disabled')).toBeNull();
    expect(takeOver.getAttribute('aria-describedby')).toBeNull();
    await user.click(takeOver);
    await vi.waitFor(async () => expect((await db.dossiers.get('d-1'))?.assigneeId).toBe(agent.id));
  });
});

/** The sign-in form as its screen drives it: busy while signing in, then the failure. */
function SignIn({ attempts }: { attempts: BridgeError[] }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BridgeError | null>(null);
  const [tried, setTried] = useState(0);
  return (
    <SignInForm
      busy={busy}
      error={error}
      onSubmit={() => {
        setBusy(true);
        setError(null);
        // The answer comes later, as the bridge's does.
        queueMicrotask(() => {
          setBusy(false);
          setError(attempts[tried] ?? null);
          setTried((n) => n + 1);
        });
      }}
    />
  );
}

describe('a failed sign-in', () => {
  it('takes the focus to the error, at each failure', async () => {
    const user = userEvent.setup();
    renderIn(
      <SignIn
        attempts={[
          { code: 'unauthenticated', message: 'bad credentials' },
          { code: 'offline', message: 'fetch failed' },
        ]}
      />,
    );
    await user.type(screen.getByLabelText('E-mail'), 'agent@klikandpay.example');
    await user.type(screen.getByLabelText('Password'), 'wrong{Enter}');
    const first = await screen.findByRole('alert');
    expect(first.textContent).toBe('Wrong e-mail or password.');
    expect(first.tabIndex).toBe(-1);
    expect(document.activeElement).toBe(first);

    await user.type(screen.getByLabelText('Password'), 'again');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const second = await screen.findByText(/The server cannot be reached/);
    expect(second.getAttribute('role')).toBe('alert');
    expect(document.activeElement).toBe(second);
  });
});

const now = MONDAY + 3_600_000;

describe('a queue row', () => {
  it('is named by its reference, customer, status and deadline, in that order', () => {
    const { dossier } = nth(1);
    const { container } = renderRow(dossier, now, 'en', true);
    const open = container.querySelector('.queue-row__open') as HTMLElement;
    expect(plain(open.getAttribute('aria-label'))).toBe(
      'KP-2026-000123, Claire Dumont, Awaiting merchant, merchant’s deadline in 6 d 23 h',
    );
    expect(screen.getByRole('button', { name: /^KP-2026-000123, Claire Dumont/ })).toBe(open);
    // The rest of the row is still told, as its description.
    expect(plain(description(open))).toBe(
      '€129.90 Delivery · Not received · La Boutique du Voyageur Unassigned You have a draft',
    );
  });

  it('names a merchant overdue, a closed dossier by its date, and speaks French', () => {
    const { dossier } = nth(1);
    const overdue: Dossier = {
      ...dossier,
      merchantStage: 'overdue',
      dueAt: new Date(now - 7_200_000).toISOString(),
    };
    const { unmount } = renderRow(overdue, now, 'fr');
    expect(plain(screen.getByRole('button').getAttribute('aria-label'))).toBe(
      'KP-2026-000123, Claire Dumont, Marchand en retard, échéance du marchand en retard de 2 h',
    );
    unmount();

    const closed = step(dossier, agent2, cmd.close(), later(1)).dossier;
    renderRow(closed, now);
    expect(plain(screen.getByRole('button').getAttribute('aria-label'))).toBe(
      'KP-2026-000123, Claire Dumont, Closed, closed on Jul 14, 2026',
    );
  });
});

describe('the merchant filter and the merchant audience', () => {
  it('have names of their own, in English and in French', async () => {
    for (const [locale, filter, audience] of [
      ['en', 'Filter by merchant', 'Write to the merchant'],
      ['fr', 'Filtrer par marchand', 'Écrire au marchand'],
    ] as const) {
      const db = await cacheOf(1);
      const { unmount } = show(
        deskOf(db),
        <>
          <FilterBar
            queue="mine"
            filter={{}}
            sort={defaultSort}
            onChange={() => undefined}
            merchants={[]}
            staff={[]}
            knownTags={[]}
          />
          <DossierView dossierId="d-1" />
        </>,
        locale,
      );
      await screen.findByRole('heading', { level: 2, name: 'KP-2026-000123' });
      const button = screen.getByRole('button', { name: filter });
      expect(button.getAttribute('aria-expanded')).toBe('false');
      const radio = screen.getByRole<HTMLInputElement>('radio', { name: audience });
      expect(radio.value).toBe('merchant');
      // The words shown stay short: "Merchant" / "Marchand" is in both names.
      expect(within(button).getByText(locale === 'en' ? 'Merchant' : 'Marchand')).toBeTruthy();
      expect(
        screen.queryAllByRole('button', { name: locale === 'en' ? 'Merchant' : 'Marchand' }),
      ).toHaveLength(0);
      expect(
        screen.queryAllByRole('radio', { name: locale === 'en' ? 'Merchant' : 'Marchand' }),
      ).toHaveLength(0);
      unmount();
    }
  });

  it('keeps what is chosen in the filter’s name', async () => {
    const db = await cacheOf(0);
    show(
      deskOf(db),
      <FilterBar
        queue="mine"
        filter={{ merchantIds: ['m-1', 'm-2'] }}
        sort={defaultSort}
        onChange={() => undefined}
        merchants={[]}
        staff={[]}
        knownTags={[]}
      />,
    );
    expect(screen.getByRole('button', { name: 'Filter by merchant 2' })).toBeTruthy();
  });
});
