import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The back office's screens as an agent uses them, for both hosts' end-to-end tests. */

export const statusRegion = (page: Page) => page.getByRole('status', { name: 'Sync status' });

/** Signs in on the sign-in page already shown, and waits for the first sync. */
export async function signInOnPage(page: Page, email: string): Promise<void> {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Queues' })).toBeVisible();
  await expect(statusRegion(page)).toContainText('Up to date');
}

export async function openQueue(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Queues' })
    .getByRole('button', { name: new RegExp(`^${label},`) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${label}`) })).toBeVisible();
}

/** Opens the first dossier of a queue and answers its reference. */
export async function openFirst(page: Page, queue: string): Promise<string> {
  await openQueue(page, queue);
  const row = page.locator('.queue-row__open').first();
  const reference = (await row.locator('.queue-row__ref').textContent()) ?? '';
  await row.click();
  await expect(page.getByRole('heading', { name: reference })).toBeVisible();
  return reference;
}

/** Closes the open dossier through its dialog, with a resolution summary. */
export async function closeOpenDossier(page: Page, summary: string): Promise<void> {
  await page.getByRole('button', { name: 'Close dossier' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Close dossier' });
  await dialog.getByRole('textbox', { name: 'Resolution summary' }).fill(summary);
  await dialog.getByRole('button', { name: 'Close dossier' }).click();
  await expect(page.locator('.dossier-header').getByText('Closed').first()).toBeVisible();
}

/** Adds an internal note on the open dossier, and waits for it in the timeline. */
export async function addNote(page: Page, text: string): Promise<void> {
  await page.getByRole('radio', { name: 'Internal note' }).check();
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.locator('.dossier-msg__body', { hasText: text })).toBeVisible();
}
