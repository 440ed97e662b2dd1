import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { RunningServer } from '../../src-server/server';
import { openFirst, signInOnPage } from './desk-page';
import { startWebHost } from './server';

/**
 * Issue 13: a supervisor assigns a dossier, then reads its audit trail: the assignment with its
 * before → after names, filtered down to their own doings; axe finds nothing serious in either theme.
 */

let server: RunningServer;

test.beforeAll(async () => {
  server = await startWebHost();
});
test.afterAll(async () => {
  await server.close();
});

async function seriousViolations(page: Page): Promise<string[]> {
  return (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('a supervisor assigns a dossier and reads it in its audit trail, filtered to their own name', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(server.url);
  await signInOnPage(page, 'supervisor@klikpay.test');
  const reference = await openFirst(page, 'Unassigned');

  await page.getByRole('combobox', { name: 'Assign to…' }).selectOption({ label: 'Camille Laurent' });
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(page.locator('.dossier-facts')).toContainText('Camille Laurent');

  const trailButton = page.getByRole('button', { name: 'Audit trail' });
  await trailButton.click();
  await expect(trailButton).toHaveAttribute('aria-pressed', 'true');
  const table = page.getByRole('table', { name: `Audit trail of ${reference}` });
  await expect(table).toBeVisible();

  // Newest first: the assignment just made, by the supervisor, from nobody to Camille Laurent.
  const assignment = table.locator('tbody').first();
  await expect(assignment.locator('.dossier-audit__kind')).toHaveText('Assignment');
  await expect(assignment.locator('.dossier-audit__name')).toHaveText('Sophie Marchand');
  const assignee = assignment
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'Assignee' }) });
  await expect(assignee.locator('.dossier-audit__before')).toHaveText('—');
  await expect(assignee.locator('.dossier-audit__after')).toHaveText('Camille Laurent');

  // The assignment reaches the server and comes back as its own record: no longer pending.
  await expect(assignment.getByText('Pending')).toHaveCount(0);
  await expect(assignment.locator('.dossier-audit__kind')).toHaveText('Assignment');

  // Filtered to the supervisor's own doings: only theirs, and the count says how many of all.
  const count = page.locator('.dossier-audit__count');
  const total = await table.locator('tbody').count();
  expect(total).toBeGreaterThan(1);
  await expect(count).toHaveText(`${total} of ${total} events`);
  await page.getByRole('combobox', { name: 'Who' }).selectOption({ label: 'Sophie Marchand' });
  await expect(count).toHaveText(new RegExp(`^\\d+ of ${total} events$`));
  const names = await table.locator('tbody .dossier-audit__name').allTextContents();
  expect(names.length).toBeGreaterThan(0);
  expect(names.length).toBeLessThan(total);
  expect(new Set(names)).toEqual(new Set(['Sophie Marchand']));
  await expect(count).toHaveText(`${names.length} of ${total} events`);

  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/audit-trail.png' });
  // Wide enough, the dossier view lays the trail out as a table with its header row.
  await page.setViewportSize({ width: 1920, height: 900 });
  await expect(table.locator('thead')).toBeVisible();
  await page.screenshot({ path: 'test-results/audit-trail-wide.png' });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText(`${total} of ${total} events`);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/audit-trail-dark.png' });
  // Oldest first: the filing opens the trail.
  await page.getByRole('button', { name: 'Order: Newest first' }).click();
  await expect(table.locator('tbody').first().locator('.dossier-audit__kind')).toHaveText('Claim filed');
  await page.screenshot({ path: 'test-results/audit-trail-oldest.png' });

  // Back to the correspondence, by the keyboard.
  await page.getByRole('button', { name: 'Correspondence' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
  expect(problems).toEqual([]);
});
