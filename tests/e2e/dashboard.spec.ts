import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { RunningServer } from '../../src-server/server';
import { signInOnPage } from './desk-page';
import { startWebHost } from './server';

/**
 * Issue 13: a supervisor reads the dashboard (computed from the local copy), clicks a breach through
 * to its queue and one of its dossiers, and an agent through to their queue, spreads that agent's
 * dossiers over others, marks her absent and back, and exports a chart's figures as CSV; axe
 * finds nothing serious in either theme, and an agent has no dashboard at all.
 */

let server: RunningServer;

test.beforeAll(async () => {
  server = await startWebHost();
});
test.afterAll(async () => {
  await server.close();
});

async function openDashboard(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Dashboard' })
    .getByRole('button', { name: 'Dashboard' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  // The facts are taken in the background after the first sync: the figures fill in, and the
  // dashboard is busy until every one is known to be taken.
  await expect(page.locator('section.dashboard')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await expect(page.getByText('Still counting')).toBeHidden();
}

test('a supervisor reads the dashboard, opens a breach and an agent’s dossiers, and exports CSV', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(server.url);
  await signInOnPage(page, 'supervisor@klikpay.test');
  await openDashboard(page);
  await expect(page).toHaveURL(/#\/dashboard$/);

  const open = page.getByRole('heading', { level: 2, name: /^Open: \d+ dossiers$/ });
  await expect(open).toBeVisible();
  const statusTable = page.getByRole('table', { name: /^Open: / });
  const figures = (await statusTable.locator('tbody td').allTextContents()).map((s) =>
    Number(s.replace(/\D/g, '')),
  );
  const total = Number((await open.textContent())?.replace(/\D/g, ''));
  expect(figures.reduce((a, b) => a + b, 0)).toBe(total);
  // The dashboard scrolls within the window: a tall one shows all of it in the screenshot.
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.screenshot({ path: 'test-results/dashboard-light.png' });
  await page.setViewportSize({ width: 1280, height: 720 });

  // The breach tile opens the queue of the dossiers Klik & Pay is late on (a filter that can be
  // saved as a view), as many as the tile counts; one opens in the workspace.
  const late = page.getByRole('button', { name: /Klik & Pay late now/ });
  const figure = (await late.locator('.dash-tile__figure').textContent()) ?? '';
  expect(Number(figure.replace(/\D/g, ''))).toBeGreaterThan(0);
  await late.click();
  await expect(page.getByRole('heading', { level: 1, name: /^All/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Klik & Pay late');
  await expect(page.locator('.workspace__count')).toHaveText(figure);
  const first = page.locator('.queue-row__open').first();
  const reference = (await first.locator('.queue-row__ref').textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('heading', { name: reference })).toBeVisible();
  await expect(page.locator('.dossier-header')).toContainText('Klik & Pay’s move');

  // An agent's row opens their dossiers as a filtered queue (which can be saved as a view).
  await openDashboard(page);
  await page.getByRole('button', { name: 'Show the dossiers of Camille Laurent' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^All/ })).toBeVisible();
  await expect(page.locator('.queue-row__assignee').first()).toHaveText('Camille Laurent');

  // Camille is away: her open dossiers are spread over James and Sophie, by their current load.
  await page.getByRole('checkbox', { name: /^Select all \d+ dossiers matching/ }).check();
  await page.getByRole('button', { name: 'Spread over agents…' }).click();
  const spread = page.getByRole('dialog', { name: /^Spread \d+ dossiers? over agents$/ });
  await spread.getByRole('checkbox', { name: /James Whitfield/ }).check();
  await spread.getByRole('checkbox', { name: /Sophie Marchand/ }).check();
  await expect(spread.getByText(/^James Whitfield: \+\d+ → \d+ open$/)).toBeVisible();
  await spread.getByRole('button', { name: 'Reassign' }).click();
  await expect(page.getByRole('region', { name: 'Actions on the selection' })).toContainText(
    /Done: \d+ reassigned/,
  );
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: 'test-results/dashboard-spread.png' });

  // Export CSV: the figures of the table, as a file; Camille holds no open dossier any more.
  await openDashboard(page);
  await expect(
    page
      .getByRole('row', { name: /Camille Laurent/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('0');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV: Agents' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('agents.csv');
  const csv = readFileSync(await file.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('Agent,Open,Closed,Median first reply,Late now,Deadlines missed,Absence');
  expect(csv).toContain('Camille Laurent,');

  // Camille is away: marked absent, she is offered to nobody for new dossiers, until she is back.
  await page.getByRole('button', { name: 'Mark Camille Laurent absent: no new dossiers' }).click();
  await expect(page.getByRole('row', { name: /Camille Laurent/ })).toContainText('Absent');
  await page
    .getByRole('navigation', { name: 'Queues' })
    .getByRole('button', { name: /^Unassigned,/ })
    .click();
  await page.locator('.queue-row__open').first().click();
  const option = page.locator('select[data-action="assign"] option', { hasText: 'Camille Laurent (absent)' });
  await expect(option).toBeDisabled();
  await openDashboard(page);
  await page.getByRole('button', { name: 'Mark Camille Laurent back' }).click();
  await expect(
    page.getByRole('button', { name: 'Mark Camille Laurent absent: no new dossiers' }),
  ).toBeVisible();

  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the dashboard in the dark theme and in French', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1280, height: 2400 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await signInOnPage(page, 'supervisor@klikpay.test');
  await page.evaluate(() => localStorage.setItem('klikpay.locale', 'fr'));
  await page.goto(`${server.url}/#/dashboard`);
  // Only the address's hash changed: the page is reloaded for the language to apply.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await expect(page.getByText('Décompte en cours')).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: /^Ouverts : \d+ dossiers$/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/dashboard-dark-fr.png' });
  // "100 %" is wider in French: no axis label may start left of its chart (it was cut to ".00 %").
  const cut = await page.locator('svg.dash-chart').evaluateAll((charts) =>
    charts.flatMap((chart) => {
      const left = chart.getBoundingClientRect().left;
      return [...chart.querySelectorAll('text')]
        .filter((text) => text.getBoundingClientRect().left < left - 0.5)
        .map((text) => text.textContent);
    }),
  );
  expect(cut).toEqual([]);
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await context.close();
});

test('an agent has no dashboard, even by its address', async ({ page }) => {
  await page.goto(server.url);
  await signInOnPage(page, 'agent@klikpay.test');
  await expect(page.getByRole('navigation', { name: 'Dashboard' })).toHaveCount(0);
  await page.goto(`${server.url}/#/dashboard`);
  await expect(page.getByRole('navigation', { name: 'Queues' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toHaveCount(0);
});
