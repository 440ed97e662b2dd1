import { countQuery } from '../../src-renderer/cache/queues';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { QueueQuery } from '../../src-renderer/cache/queues';
import type { Desk } from '../../src-renderer/data/desk';
import { DeskContextProvider } from '../../src-renderer/data/desk';
import { en, fr } from '../../src-renderer/i18n/catalogue';
import { enDesk } from '../../src-renderer/i18n/catalogue/en-desk';
import { enDomain } from '../../src-renderer/i18n/catalogue/en-domain';
import { enDossier } from '../../src-renderer/i18n/catalogue/en-dossier';
import { enFilters } from '../../src-renderer/i18n/catalogue/en-filters';
import { enShell } from '../../src-renderer/i18n/catalogue/en-shell';
import { enWorkspace } from '../../src-renderer/i18n/catalogue/en-workspace';
import type { BulkSelection } from '../../src-renderer/workspace/filters';
import { BulkBar, FilterBar, SavedViewsNav, SaveViewButton } from '../../src-renderer/workspace/filters';
import type { BulkTarget } from '../../src-renderer/workspace/filters/bulk-run';
import { runBulk } from '../../src-renderer/workspace/filters/bulk-run';
import { minorToMajorText, parseMajorAmount } from '../../src-renderer/workspace/filters/amount';
import { checkFilters } from '../../src-renderer/workspace/filters/filter-model';
import { merchantOptionLimit } from '../../src-renderer/workspace/filters/MerchantPicker';
import type { DossierFilter, DossierSort, SavedView } from '../../src-shared/domain/filters';
import { defaultSort, dossierFilterSchema, savedViewSchema } from '../../src-shared/domain/filters';
import type { Merchant } from '../../src-shared/domain/model';
import { MONDAY } from '../unit/fixtures';
import { plain, renderIn } from './providers';
import { testDesk } from './desk';
import { agent, cacheWith, colleague, deskOf, now, opened, outboxOf, renderWith } from './filter-world';

/** Filters, saved views and bulk actions, over a real Dexie cache (fake-indexeddb). */

describe('amounts typed in major units', () => {
  it('become minor units without floating-point loss, in the currency’s digits', () => {
    expect(parseMajorAmount('12.50', 2)).toEqual({ ok: true, minor: 1250 });
    expect(parseMajorAmount('12,5', 2)).toEqual({ ok: true, minor: 1250 });
    expect(parseMajorAmount(' 1 234,56 ', 2)).toEqual({ ok: true, minor: 123_456 });
    expect(parseMajorAmount('1,234.56', 2)).toEqual({ ok: true, minor: 123_456 });
    expect(parseMajorAmount('0.29', 2)).toEqual({ ok: true, minor: 29 });
    expect(parseMajorAmount('', 2)).toEqual({ ok: true, minor: undefined });
    expect(parseMajorAmount('1500', 0)).toEqual({ ok: true, minor: 1500 });
    expect(minorToMajorText(1250, 2)).toBe('12.50');
    expect(minorToMajorText(5, 2)).toBe('0.05');
  });

  it('are refused with a reason when negative, malformed, too precise or too large', () => {
    expect(parseMajorAmount('-5', 2)).toEqual({ ok: false, error: 'negative' });
    expect(parseMajorAmount('12a', 2)).toEqual({ ok: false, error: 'format' });
    expect(parseMajorAmount('.', 2)).toEqual({ ok: false, error: 'format' });
    expect(parseMajorAmount('1.234', 2)).toEqual({ ok: false, error: 'decimals' });
    expect(parseMajorAmount('10.5', 0)).toEqual({ ok: false, error: 'decimals' });
    expect(parseMajorAmount('99999999999999999', 2)).toEqual({ ok: false, error: 'tooLarge' });
  });
});

/** The bar as the queue screen uses it: controlled, every change it reports recorded. */
function Harness({
  onChange,
  merchants = [],
  initial = {},
}: {
  onChange: (filter: DossierFilter, sort: DossierSort) => void;
  merchants?: Merchant[];
  initial?: DossierFilter;
}) {
  const [filter, setFilter] = useState<DossierFilter>(initial);
  const [sort, setSort] = useState<DossierSort>(defaultSort);
  return (
    <FilterBar
      queue="all"
      filter={filter}
      sort={sort}
      onChange={(f, s) => {
        onChange(f, s);
        setFilter(f);
        setSort(s);
      }}
      merchants={merchants}
      staff={[agent, colleague]}
      knownTags={['vip', 'chargeback']}
    />
  );
}

const lastCall = (spy: ReturnType<typeof vi.fn>) => spy.mock.calls.at(-1) as [DossierFilter, DossierSort];

/**
 * The bar over a cache holding one dossier per entry of `currencies` (the amount control offers the
 * cache's currencies), in `locale`.
 */
async function renderBar(
  props: Parameters<typeof Harness>[0],
  { currencies = [], locale = 'en' }: { currencies?: string[]; locale?: 'en' | 'fr' } = {},
) {
  const desk = deskOf(await cacheWith(currencies.length, (i) => currencies[i] ?? 'EUR'));
  return renderIn(
    <DeskContextProvider desk={desk}>
      <Harness {...props} />
    </DeskContextProvider>,
    locale,
  );
}

/** The options of the amount control's currency list, once the cache has answered. */
async function currencyChoices(count: number): Promise<string[]> {
  const select = screen.getByRole('combobox', { name: 'Currency' });
  await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(count));
  return within(select)
    .getAllByRole('option')
    .map((o) => o.textContent);
}

describe('the filter bar', () => {
  it('converts an amount range to minor units and reports only valid filters', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    await renderBar({ onChange });
    await user.click(screen.getByRole('button', { name: /^Amount/ }));
    await user.type(screen.getByRole('textbox', { name: 'Minimum amount (EUR)' }), '12.50');
    await user.type(screen.getByRole('textbox', { name: 'Maximum amount (EUR)' }), '100');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onChange).toHaveBeenCalledTimes(1);
    const [filter, sort] = lastCall(onChange);
    expect(filter).toEqual({ currency: 'EUR', amountMin: 1250, amountMax: 10_000 });
    expect(dossierFilterSchema.safeParse(filter).success).toBe(true);
    expect(sort).toEqual(defaultSort);
    // The panel closed; the range is a chip.
    expect(screen.queryByRole('textbox', { name: 'Minimum amount (EUR)' })).toBeNull();
    expect(plain(screen.getByRole('list', { name: 'Active filters' }).textContent)).toContain(
      '€12.50 to €100.00',
    );
    // The button says which currency the amounts are in.
    expect(screen.getByRole('button', { name: 'Amount EUR' })).toBeTruthy();
  });

  it('keeps the new replies only, as a toggle and a chip, both taking it off again', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    await renderBar({ onChange });
    const toggle = screen.getByRole('button', { name: 'New replies' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    expect(lastCall(onChange)[0]).toEqual({ unread: true });
    expect(screen.getByRole('button', { name: 'New replies' }).getAttribute('aria-pressed')).toBe('true');
    expect(plain(screen.getByRole('list', { name: 'Active filters' }).textContent)).toContain(
      'Replies' + 'new since you last opened them',
    );
    await user.click(screen.getByRole('button', { name: 'New replies' }));
    expect(lastCall(onChange)[0]).toEqual({});
    await user.click(screen.getByRole('button', { name: 'New replies' }));
    await user.click(screen.getByRole('button', { name: /^Remove the filter Replies/ }));
    expect(lastCall(onChange)[0]).toEqual({});
  });

  it('offers the cached currencies, most frequent first, EUR chosen by default', async () => {
    const user = userEvent.setup();
    await renderBar(
      { onChange: vi.fn() },
      { currencies: ['JPY', 'USD', 'JPY', 'EUR', 'USD', 'JPY', 'GBP', 'GBP', 'GBP', 'GBP'] },
    );
    await user.click(screen.getByRole('button', { name: /^Amount/ }));
    expect(await currencyChoices(5)).toEqual([
      'GBP – British Pound',
      'JPY – Japanese Yen',
      'USD – US Dollar',
      'EUR – Euro',
      'Any currency',
    ]);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Currency' }).value).toBe('EUR');
  });

  it('offers EUR even when no cached dossier is in EUR', async () => {
    const user = userEvent.setup();
    await renderBar({ onChange: vi.fn() }, { currencies: ['USD'] });
    await user.click(screen.getByRole('button', { name: /^Amount/ }));
    expect(await currencyChoices(3)).toEqual(['USD – US Dollar', 'EUR – Euro', 'Any currency']);
  });

  it('types amounts in the chosen currency’s own digits: yen have none', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    await renderBar({ onChange }, { currencies: ['EUR', 'JPY'] });
    await user.click(screen.getByRole('button', { name: /^Amount/ }));
    await currencyChoices(3);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), 'JPY');
    const min = screen.getByRole('textbox', { name: 'Minimum amount (JPY)' });
    expect(min.getAttribute('placeholder')).toBe('0');
    await user.type(min, '1500.5');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByText('Amounts in JPY have no decimals.')).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();

    await user.clear(min);
    await user.type(min, '1 500');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(lastCall(onChange)[0]).toEqual({ currency: 'JPY', amountMin: 1500 });
    expect(dossierFilterSchema.safeParse(lastCall(onChange)[0]).success).toBe(true);
    expect(plain(screen.getByRole('list', { name: 'Active filters' }).textContent)).toContain(
      'at least ¥1,500',
    );

    // Opened again, the control shows the filter's currency and bound as typed.
    await user.click(screen.getByRole('button', { name: 'Amount JPY' }));
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Currency' }).value).toBe('JPY');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Minimum amount (JPY)' }).value).toBe(
      '1500',
    );
  });

  it('filters on a currency alone, and the chip removes it', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    await renderBar({ onChange }, { currencies: ['EUR', 'USD'] });
    await user.click(screen.getByRole('button', { name: /^Amount/ }));
    await currencyChoices(3);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), 'USD');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(lastCall(onChange)[0]).toEqual({ currency: 'USD' });
    await user.click(screen.getByRole('button', { name: 'Remove the filter Currency: USD – US Dollar' }));
    expect(lastCall(onChange)[0]).toEqual({});
  });

  it('asks for a currency before bounds, and “any currency” with no bound clears the amount filter', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    await renderBar({ onChange, initial: { currency: 'EUR', amountMax: 5_000, tags: ['vip'] } });
    await user.click(screen.getByRole('button', { name: 'Amount EUR' }));
    const currency = screen.getByRole('combobox', { name: 'Currency' });
    await user.selectOptions(currency, 'Any currency');
    expect(screen.getByRole('textbox', { name: 'Maximum amount' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByText('Choose the currency of the amounts.')).toBeTruthy();
    expect(currency.getAttribute('aria-invalid')).toBe('true');
    expect(onChange).not.toHaveBeenCalled();

    await user.clear(screen.getByRole('textbox', { name: 'Maximum amount' }));
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(lastCall(onChange)[0]).toEqual({ tags: ['vip'] });
  });

  it('reads a filter saved with bounds but no currency as EUR, and keeps it in EUR when edited', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    await renderBar({ onChange, initial: { amountMin: 10_000 } });
    expect(plain(screen.getByRole('list', { name: 'Active filters' }).textContent)).toContain(
      'at least €100.00',
    );
    await user.click(screen.getByRole('button', { name: 'Amount EUR' }));
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Minimum amount (EUR)' }).value).toBe(
      '100.00',
    );
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: /^Subject/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Payment' }));
    expect(lastCall(onChange)[0]).toEqual({ subjects: ['payment'], currency: 'EUR', amountMin: 10_000 });
  });

  it('says the range in the agent’s language and way of writing amounts', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    await renderBar(
      { onChange, initial: { currency: 'USD', amountMin: 1_250, amountMax: 123_456 } },
      { currencies: ['USD'], locale: 'fr' },
    );
    const chips = screen.getByRole('list', { name: 'Filtres actifs' });
    expect(plain(chips.textContent)).toContain('de 12,50 $US à 1 234,56 $US');
    await user.click(screen.getByRole('button', { name: 'Montant USD' }));
    const currency = screen.getByRole('combobox', { name: 'Devise' });
    await waitFor(() =>
      expect(
        within(currency)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['USD – dollar des États-Unis', 'EUR – euro', 'Toutes les devises']),
    );
    // Written the French way, with a decimal comma.
    const minimum = screen.getByRole<HTMLInputElement>('textbox', { name: 'Montant minimum (USD)' });
    expect(minimum.value).toBe('12,50');
    expect(minimum.placeholder).toBe('0,00');
    await user.clear(minimum);
    await user.type(minimum, '5000');
    await user.click(screen.getByRole('button', { name: 'Appliquer' }));
    expect(screen.getByText('Le minimum ne doit pas dépasser le maximum.')).toBeTruthy();
    await user.selectOptions(currency, 'Toutes les devises');
    await user.click(screen.getByRole('button', { name: 'Appliquer' }));
    expect(screen.getByText('Choisissez la devise des montants.')).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('refuses amount bounds without a currency from anywhere, with its own problem', () => {
    expect(checkFilters({ amountMin: 100 }, defaultSort)).toEqual({ ok: false, problem: 'amountCurrency' });
    expect(checkFilters({ currency: 'JPY', amountMin: 100 }, defaultSort)).toEqual({
      ok: true,
      filter: { currency: 'JPY', amountMin: 100 },
      sort: defaultSort,
    });
    expect(checkFilters({ currency: 'yen' }, defaultSort)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('refuses a minimum above the maximum, and a negative amount, with a message', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    await renderBar({ onChange });
    await user.click(screen.getByRole('button', { name: /^Amount/ }));
    const min = screen.getByRole('textbox', { name: 'Minimum amount (EUR)' });
    const max = screen.getByRole('textbox', { name: 'Maximum amount (EUR)' });
    await user.type(min, '100');
    await user.type(max, '12.50');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByText('The minimum must not be above the maximum.')).toBeTruthy();
    expect(max.getAttribute('aria-invalid')).toBe('true');
    expect(onChange).not.toHaveBeenCalled();

    await user.clear(min);
    await user.type(min, '-5');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByText('An amount cannot be negative.')).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();
    // The shared check refuses the same inverted range if it ever came from elsewhere.
    expect(checkFilters({ currency: 'EUR', amountMin: 10_000, amountMax: 1250 }, defaultSort)).toEqual({
      ok: false,
      problem: 'amountOrder',
    });
  });

  it('shows each filter as a chip that removes it, and clears them all', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    await renderBar({ onChange });
    await user.click(screen.getByRole('button', { name: /^Reason/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Not received' }));
    await user.click(screen.getByRole('checkbox', { name: 'Damaged or defective' }));
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: /^Subject/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Payment' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Assignee' }), 'Me');
    expect(lastCall(onChange)[0]).toEqual({
      reasons: ['not_received', 'damaged_or_defective'],
      subjects: ['payment'],
      assignee: 'me',
    });

    await user.click(screen.getByRole('button', { name: 'Remove the filter Reason: Not received' }));
    expect(lastCall(onChange)[0]).toEqual({
      reasons: ['damaged_or_defective'],
      subjects: ['payment'],
      assignee: 'me',
    });
    await user.click(screen.getByRole('button', { name: 'Remove the filter Assignee: Me' }));
    expect(lastCall(onChange)[0]).toEqual({ reasons: ['damaged_or_defective'], subjects: ['payment'] });

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(lastCall(onChange)[0]).toEqual({});
    expect(screen.queryByRole('list', { name: 'Active filters' })).toBeNull();
  });

  it('filters on one deadline at a time, as a chip, and clears it', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    await renderBar({ onChange, initial: { assignee: 'a2' } });
    await user.click(screen.getByRole('button', { name: /^Deadline/ }));
    expect(screen.getAllByRole('radio').map((r) => r.parentElement?.textContent)).toEqual([
      'Any deadline',
      'Klik & Pay late',
      'Merchant late',
      'Due within the next business day',
    ]);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Any deadline' }).checked).toBe(true);

    await user.click(screen.getByRole('radio', { name: 'Klik & Pay late' }));
    expect(lastCall(onChange)[0]).toEqual({ assignee: 'a2', deadline: 'klikpay_late' });
    // A single choice: another replaces it.
    await user.click(screen.getByRole('radio', { name: 'Due within the next business day' }));
    expect(lastCall(onChange)[0]).toEqual({ assignee: 'a2', deadline: 'due_next_business_day' });
    expect(dossierFilterSchema.safeParse(lastCall(onChange)[0]).success).toBe(true);
    await user.click(screen.getByRole('radio', { name: 'Any deadline' }));
    expect(lastCall(onChange)[0]).toEqual({ assignee: 'a2' });

    await user.click(screen.getByRole('radio', { name: 'Merchant late' }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: /^Deadline\s*Merchant late/ })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Remove the filter Deadline: Merchant late' }));
    expect(lastCall(onChange)[0]).toEqual({ assignee: 'a2' });
  });

  it('says the deadline in French, as the dashboard’s figure', async () => {
    await renderBar({ onChange: vi.fn(), initial: { deadline: 'due_next_business_day' } }, { locale: 'fr' });
    expect(
      screen.getByRole('button', {
        name: 'Retirer le filtre Échéance : Échéance dans le prochain jour ouvré',
      }),
    ).toBeTruthy();
  });

  it('picks merchants among 2,000 without rendering them all', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const merchants: Merchant[] = Array.from({ length: 2_000 }, (_, i) => ({
      id: `m-${i}`,
      name: `Boutique ${String(i).padStart(4, '0')}`,
      email: `shop${i}@example.test`,
      emailValid: true,
      language: 'fr',
    }));
    await renderBar({ onChange, merchants });
    await user.click(screen.getByRole('button', { name: /^Filter by merchant/ }));
    const listbox = screen.getByRole('listbox', { name: 'Merchant' });
    expect(within(listbox).getAllByRole('option')).toHaveLength(merchantOptionLimit);
    expect(plain(screen.getByText(/type to narrow/).textContent)).toBe(
      'Showing 50 of 2,000: type to narrow.',
    );
    await user.type(screen.getByRole('combobox', { name: 'Search merchants' }), 'boutique 1999');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Boutique 1999shop1999@example.test']);
    await user.keyboard('{Enter}');
    expect(lastCall(onChange)[0]).toEqual({ merchantIds: ['m-1999'] });
    expect(screen.getByRole('option', { name: /Boutique 1999/ }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('button', { name: 'Remove the filter Merchant: Boutique 1999' })).toBeTruthy();
  });

  it('adds tags checked against the shared tag rule, and sets the sort', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    await renderBar({ onChange });
    await user.click(screen.getByRole('button', { name: /^Tag/ }));
    const field = screen.getByRole('textbox', { name: 'Find or add a tag' });
    await user.type(field, '!!{Enter}');
    expect(screen.getByText(/A tag is letters, digits/)).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();
    await user.clear(field);
    await user.type(field, 'Litige Carte{Enter}');
    await user.click(screen.getByRole('checkbox', { name: 'vip' }));
    expect(lastCall(onChange)[0]).toEqual({ tags: ['litige carte', 'vip'] });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort' }), 'Amount');
    expect(lastCall(onChange)[1]).toEqual({ key: 'amount', direction: 'asc' });
    await user.click(screen.getByRole('button', { name: 'Reverse the order (now: Smallest amount first)' }));
    expect(lastCall(onChange)[1]).toEqual({ key: 'amount', direction: 'desc' });
    expect(
      screen.getByRole('button', { name: 'Reverse the order (now: Largest amount first)' }),
    ).toBeTruthy();
  });
});

describe('saved views', () => {
  it('are saved, listed, renamed and deleted in the agent’s own cache', async () => {
    const user = userEvent.setup();
    const desk = deskOf(await cacheWith(0));
    const onSelect = vi.fn<(view: SavedView) => void>();
    const filter: DossierFilter = { subjects: ['delivery'], currency: 'EUR', amountMin: 10_000 };
    const sort: DossierSort = { key: 'amount', direction: 'desc' };
    renderWith(
      desk,
      <>
        <SavedViewsNav activeViewId={null} onSelect={onSelect} />
        <SaveViewButton queue="awaiting_merchant" filter={filter} sort={sort} />
      </>,
    );
    expect(await screen.findByText(/No saved views yet/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Save as a view' }));
    const dialog = screen.getByRole('dialog', { name: 'Save as a view' });
    await user.click(within(dialog).getByRole('button', { name: 'Save view' }));
    expect(await within(dialog).findByText('Give the view a name.')).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: 'View name' }), 'Gros montants livraison');
    await user.click(within(dialog).getByRole('button', { name: 'Save view' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const [saved] = await desk.db.views.toArray();
    expect(savedViewSchema.parse(saved)).toEqual({
      id: expect.any(String),
      name: 'Gros montants livraison',
      queue: 'awaiting_merchant',
      filter,
      sort,
    });
    const nav = screen.getByRole('navigation', { name: 'My views' });
    const open = await within(nav).findByRole('button', { name: /^Gros montants livraison/ });
    // With its live count, as the queues have theirs.
    const members = await countQuery(
      desk.db,
      { queue: 'awaiting_merchant', filter, sort },
      { now: Date.now(), viewer: { userId: desk.user.id }, settings: desk.settings },
    );
    await waitFor(() =>
      expect(open.textContent).toContain(members === 1 ? '1 dossier' : `${members} dossiers`),
    );
    await user.click(open);
    expect(onSelect).toHaveBeenCalledWith(saved);

    // A second view may not take the same name.
    await user.click(screen.getByRole('button', { name: 'Save as a view' }));
    await user.type(screen.getByRole('textbox', { name: 'View name' }), 'gros montants LIVRAISON');
    await user.click(screen.getByRole('button', { name: 'Save view' }));
    expect(await screen.findByText('You already have a view named “gros montants LIVRAISON”.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await desk.db.views.count()).toBe(1);

    await user.click(within(nav).getByRole('button', { name: 'Rename the view “Gros montants livraison”' }));
    const name = screen.getByRole('textbox', { name: 'View name' });
    expect((name as HTMLInputElement).value).toBe('Gros montants livraison');
    await user.clear(name);
    await user.type(name, 'Livraisons > 100 €');
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    await waitFor(async () =>
      expect((await desk.db.views.toArray()).map((v) => v.name)).toEqual(['Livraisons > 100 €']),
    );
    expect(await within(nav).findByRole('button', { name: /^Livraisons > 100 €/ })).toBeTruthy();

    await user.click(within(nav).getByRole('button', { name: 'Delete the view “Livraisons > 100 €”' }));
    const confirm = screen.getByRole('dialog', { name: 'Delete the view “Livraisons > 100 €”' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(async () => expect(await desk.db.views.count()).toBe(0));
    expect(await screen.findByText(/No saved views yet/)).toBeTruthy();
  });
});

describe('a view saved before the amount filter named its currency', () => {
  it('is listed, opened with its bounds in EUR, and renamed without error', async () => {
    const user = userEvent.setup();
    const desk = deskOf(await cacheWith(0));
    // As the previous version stored it: amount bounds, no currency.
    const stored = {
      id: 'v-old',
      name: 'Gros montants',
      queue: 'all',
      filter: { reasons: ['not_received'], amountMin: 10_000, amountMax: 50_000 },
      sort: { key: 'amount', direction: 'desc' },
    } as SavedView;
    expect(savedViewSchema.safeParse(stored).success).toBe(false);
    await desk.db.views.put(stored);
    const onSelect = vi.fn<(view: SavedView) => void>();
    renderWith(desk, <SavedViewsNav activeViewId={null} onSelect={onSelect} />);
    const nav = screen.getByRole('navigation', { name: 'My views' });
    await user.click(await within(nav).findByRole('button', { name: /^Gros montants/ }));
    const upgraded = { ...stored, filter: { ...stored.filter, currency: 'EUR' } };
    expect(onSelect).toHaveBeenCalledWith(upgraded);

    await user.click(within(nav).getByRole('button', { name: 'Rename the view “Gros montants”' }));
    const name = screen.getByRole('textbox', { name: 'View name' });
    await user.clear(name);
    await user.type(name, 'Montants 100–500 €');
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    await waitFor(async () =>
      expect(await desk.db.views.get('v-old')).toEqual({ ...upgraded, name: 'Montants 100–500 €' }),
    );
  });
});

function Bulk({ selection, query, at = now }: { selection: BulkSelection; query: QueueQuery; at?: number }) {
  return <BulkBar selection={selection} query={query} now={at} onClear={() => undefined} />;
}

/** Eight days after the filings: the merchants' 7-day deadlines have passed. */
const late = MONDAY + 8 * 86_400_000;

describe('bulk actions', () => {
  it('assign the selected dossiers at once: one outbox entry per dossier', async () => {
    const user = userEvent.setup();
    const desk = deskOf(await cacheWith(4));
    renderWith(
      desk,
      <Bulk selection={{ kind: 'ids', ids: ['d-0', 'd-1', 'd-3'] }} query={{ queue: 'all' }} />,
    );
    expect(screen.getByText('3 selected')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Assign' }));
    await user.click(screen.getByRole('button', { name: 'Assign to me' }));
    expect(await screen.findByText('Done: 3 assigned')).toBeTruthy();
    const assignees = (await desk.db.dossiers.orderBy('id').toArray()).map((d) => d.assigneeId);
    expect(assignees).toEqual(['a1', 'a1', null, 'a1']);
    expect(await outboxOf(desk.db)).toEqual([
      ['dossier.assign', 'd-0'],
      ['dossier.assign', 'd-1'],
      ['dossier.assign', 'd-3'],
    ]);
  });

  it('close every dossier that matches, after a summary and outcome, optimistically', async () => {
    const user = userEvent.setup();
    const desk = deskOf(await cacheWith(6));
    renderWith(desk, <Bulk selection={{ kind: 'all', count: 3 }} query={{ queue: 'payment' }} />);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    const dialog = screen.getByRole('dialog', { name: 'Close 3 dossiers' });
    await user.click(within(dialog).getByRole('button', { name: 'Close 3 dossiers' }));
    expect(within(dialog).getByText('A resolution summary is required.')).toBeTruthy();
    expect(await desk.db.outbox.count()).toBe(0);
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Resolution summary' }),
      'Remboursés par le marchand.',
    );
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Outcome' }), 'Refunded');
    await user.click(within(dialog).getByRole('button', { name: 'Close 3 dossiers' }));
    expect(await screen.findByText('Done: 3 closed')).toBeTruthy();

    const dossiers = await desk.db.dossiers.orderBy('id').toArray();
    expect(dossiers.map((d) => [d.id, d.status])).toEqual([
      ['d-0', 'closed'],
      ['d-1', 'awaiting_merchant'],
      ['d-2', 'closed'],
      ['d-3', 'awaiting_merchant'],
      ['d-4', 'closed'],
      ['d-5', 'awaiting_merchant'],
    ]);
    expect(dossiers[0]?.closure).toMatchObject({
      reason: 'resolved_by_klikpay',
      outcome: 'refunded',
      summary: 'Remboursés par le marchand.',
    });
    expect(await outboxOf(desk.db)).toEqual([
      ['dossier.close', 'd-0'],
      ['dossier.close', 'd-2'],
      ['dossier.close', 'd-4'],
    ]);
  });

  it('can be undone while their changes are still held: the dossiers are back, nothing goes', async () => {
    const user = userEvent.setup();
    const desk = deskOf(await cacheWith(6));
    const before = (await desk.db.dossiers.orderBy('id').toArray()).map((d) => [d.id, d.assigneeId]);
    renderWith(desk, <Bulk selection={{ kind: 'all', count: 6 }} query={{ queue: 'all' }} />);
    await user.click(screen.getByRole('button', { name: 'Assign' }));
    await user.click(screen.getByRole('button', { name: 'Assign to me' }));
    expect(await screen.findByText('Done: 6 assigned')).toBeTruthy();
    // Held for the Undo (5 s by default), in the outbox, not yet for the server.
    const held = await desk.db.outbox.toArray();
    expect(held).toHaveLength(6);
    expect(held.every((e) => e.holdUntil !== undefined)).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(
      await screen.findByText('Undone: 6 changes taken back before they went to the server.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(await desk.db.outbox.count()).toBe(0);
    expect(await desk.db.rejections.count()).toBe(0);
    expect((await desk.db.dossiers.orderBy('id').toArray()).map((d) => [d.id, d.assigneeId])).toEqual(before);
  });

  it('send reminders only to merchants past their deadline, after saying who is left out and why', async () => {
    const user = userEvent.setup();
    const db = await cacheWith(6);
    opened.push(db);
    const desk = testDesk(db, { user: agent, now: () => late });
    // d-3 was forwarded again today: its merchant has a fresh deadline; d-5's merchant was reminded.
    expect((await desk.perform('dossier.forward_to_merchant', { dossierId: 'd-3', body: 'Merci.' })).ok).toBe(
      true,
    );
    expect((await desk.perform('dossier.remind_merchant', { dossierId: 'd-5' })).ok).toBe(true);
    renderWith(
      desk,
      <Bulk
        selection={{ kind: 'ids', ids: ['d-0', 'd-1', 'd-2', 'd-3', 'd-4', 'd-5'] }}
        query={{ queue: 'all' }}
        at={late}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Send reminders' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send the Good Practices reminder' });
    expect(dialog.textContent).toContain('The reminder will be sent to the merchants of 2 dossiers');
    expect(dialog.textContent).toContain('4 dossiers of the selection are left out');
    expect(dialog.textContent).toContain('1: the merchant’s deadline has not passed yet');
    expect(dialog.textContent).toContain('3: not awaiting the merchant');
    expect(dialog.textContent).toContain(
      '1 of them was already reminded: the letter goes again, its 5-day deadline is kept.',
    );
    // Nothing is sent before the agent confirms.
    expect(await outboxOf(desk.db)).toEqual([
      ['dossier.forward_to_merchant', 'd-3'],
      ['dossier.remind_merchant', 'd-5'],
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Send 2 reminders' }));
    expect(await screen.findByText('Done: 2 reminders sent, 4 skipped')).toBeTruthy();
    expect(await outboxOf(desk.db)).toEqual([
      ['dossier.forward_to_merchant', 'd-3'],
      ['dossier.remind_merchant', 'd-5'],
      ['dossier.remind_merchant', 'd-1'],
      ['dossier.remind_merchant', 'd-5'],
    ]);
    expect((await desk.db.dossiers.get('d-1'))?.merchantStage).toBe('reminded');
  });

  it('send no reminder when no merchant is late, and say so', async () => {
    const user = userEvent.setup();
    const desk = deskOf(await cacheWith(2));
    renderWith(desk, <Bulk selection={{ kind: 'ids', ids: ['d-0', 'd-1'] }} query={{ queue: 'all' }} />);
    await user.click(screen.getByRole('button', { name: 'Send reminders' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send the Good Practices reminder' });
    expect(dialog.textContent).toContain('no reminder would be sent');
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Send 0 reminders' }).disabled).toBe(
      true,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await outboxOf(desk.db)).toEqual([]);
  });

  it('refuse to take another agent’s dossier, and keep the others going', async () => {
    const user = userEvent.setup();
    const desk = deskOf(await cacheWith(3));
    expect((await desk.perform('dossier.assign', { dossierId: 'd-1', assigneeId: 'a2' })).ok).toBe(true);
    renderWith(
      desk,
      <Bulk selection={{ kind: 'ids', ids: ['d-0', 'd-1', 'd-2'] }} query={{ queue: 'all' }} />,
    );
    await user.click(screen.getByRole('button', { name: 'Assign' }));
    await user.click(screen.getByRole('button', { name: 'Assign to me' }));
    expect(await screen.findByText('Done: 2 assigned, 1 refused')).toBeTruthy();
    expect(screen.getByText(/only a supervisor can reassign it/)).toBeTruthy();
    expect((await desk.db.dossiers.get('d-1'))?.assigneeId).toBe('a2');
  });

  it('tag with the union of each dossier’s tags, and skip those that have it', async () => {
    const user = userEvent.setup();
    const desk = deskOf(await cacheWith(2));
    expect((await desk.perform('dossier.tag', { dossierId: 'd-0', tags: ['vip'] })).ok).toBe(true);
    renderWith(desk, <Bulk selection={{ kind: 'ids', ids: ['d-0', 'd-1'] }} query={{ queue: 'all' }} />);
    await user.click(screen.getByRole('button', { name: 'Tag' }));
    await user.type(screen.getByRole('combobox', { name: 'Tag to add' }), 'Urgent{Enter}');
    expect(await screen.findByText('Done: 2 tagged')).toBeTruthy();
    expect((await desk.db.dossiers.get('d-0'))?.tags).toEqual(['urgent', 'vip']);
    expect((await desk.db.dossiers.get('d-1'))?.tags).toEqual(['urgent']);

    await user.click(screen.getByRole('button', { name: 'Tag' }));
    await user.type(screen.getByRole('combobox', { name: 'Tag to add' }), 'urgent{Enter}');
    expect(await screen.findByText('Done: 0 tagged, 2 already tagged')).toBeTruthy();
    expect(await desk.db.outbox.count()).toBe(3);
  });

  it('confirm before acting on more than 50, then act on each and sum up', async () => {
    const user = userEvent.setup();
    const desk = deskOf(await cacheWith(60));
    renderWith(desk, <Bulk selection={{ kind: 'all', count: 60 }} query={{ queue: 'unassigned' }} />);
    await user.click(screen.getByRole('button', { name: 'Assign' }));
    await user.click(screen.getByRole('button', { name: 'Assign to James Whitfield' }));
    const confirm = screen.getByRole('dialog', { name: 'Assign to James Whitfield' });
    expect(within(confirm).getByText('Assign to James Whitfield: 60 dossiers. Continue?')).toBeTruthy();
    expect(await desk.db.outbox.count()).toBe(0);
    await user.click(within(confirm).getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Done: 60 assigned')).toBeTruthy();
    expect(await desk.db.outbox.count()).toBe(60);
    expect(await desk.db.dossiers.where('assignee').equals('a2').count()).toBe(60);
  });
});

describe('a long bulk action', () => {
  it('runs in slices of one local transaction each, shows its progress and can be stopped between slices', async () => {
    const user = userEvent.setup();
    const desk = deskOf(await cacheWith(120));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slices: number[] = [];
    // The second slice waits: the bar is seen mid-run, after the first slice's yield to the event loop.
    const slow: Desk = {
      ...desk,
      performMany: async (requests) => {
        slices.push(requests.length);
        if (slices.length === 2) await gate;
        return desk.performMany(requests);
      },
    };
    renderWith(slow, <Bulk selection={{ kind: 'all', count: 120 }} query={{ queue: 'all' }} />);
    await user.click(screen.getByRole('button', { name: 'Assign' }));
    await user.click(screen.getByRole('button', { name: 'Assign to me' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Assigning 50 of 120…')).toBeTruthy();
    const bar = screen.getByRole('progressbar');
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['50', '120']);
    expect(screen.getByRole('button', { name: 'Close' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    release();
    expect(await screen.findByText('Stopped: 100 assigned, 20 not done')).toBeTruthy();
    expect(slices).toEqual([50, 50]);
    expect(await desk.db.outbox.count()).toBe(100);
  });

  it('stops when the local storage fails, and says how many were not done', async () => {
    const desk = deskOf(await cacheWith(120));
    let calls = 0;
    const failing: BulkTarget = {
      db: desk.db,
      releaseHeld: (ids, holdMs) => desk.releaseHeld(ids, holdMs),
      performMany: async (requests) => {
        if (++calls === 2) {
          return requests.map(() => ({
            ok: false as const,
            error: { code: 'storage_full' as const, message: 'QuotaExceededError' },
          }));
        }
        return desk.performMany(requests);
      },
    };
    const ids = Array.from({ length: 120 }, (_, i) => `d-${String(i)}`);
    const report = await runBulk(failing, ids, { kind: 'assign', assigneeId: 'a1' });
    expect(report).toMatchObject({ succeeded: 50, refused: 1, notDone: 69, stopped: 'storage' });
    expect(report.groups).toEqual([expect.objectContaining({ code: 'storage_full' })]);
  });
});

describe('the filters catalogue', () => {
  it('adds keys of its own, translated into French', () => {
    const others = new Set(
      [enDomain, enDesk, enShell, enDossier, enWorkspace].flatMap((part) => Object.keys(part)),
    );
    for (const key of Object.keys(enFilters)) {
      expect(others.has(key), key).toBe(false);
      expect(fr[key as keyof typeof fr], key).toBeTruthy();
    }
    expect(Object.keys(en)).toEqual(expect.arrayContaining(Object.keys(enFilters)));
  });

  it('speaks French in the bar and the summary', async () => {
    const user = userEvent.setup();
    const db = await cacheWith(2);
    opened.push(db);
    const desk = testDesk(db, { user: agent, now: () => late });
    renderIn(
      <DeskContextProvider desk={desk}>
        <Bulk selection={{ kind: 'ids', ids: ['d-0', 'd-1'] }} query={{ queue: 'all' }} at={late} />
      </DeskContextProvider>,
      'fr',
    );
    await user.click(screen.getByRole('button', { name: 'Envoyer les relances' }));
    const dialog = await screen.findByRole('dialog', { name: 'Envoyer le rappel des Bonnes Pratiques' });
    expect(plain(dialog.textContent)).toContain('1 : pas en attente du marchand');
    await user.click(within(dialog).getByRole('button', { name: 'Envoyer 1 rappel' }));
    expect(plain((await screen.findByText(/^Terminé/)).textContent)).toBe(
      'Terminé : 1 relance envoyée, 1 écarté',
    );
  });
});
