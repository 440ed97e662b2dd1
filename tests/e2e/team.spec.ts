import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { RunningServer } from '../../src-server/server';
import type { PullResponse } from '../../src-shared/contract/sync';
import { serverView, signIn } from './api';
import { openFirst, openQueue, signInOnPage, statusRegion } from './desk-page';
import { startWebHost } from './server';

/**
 * What the team shares, in Debian's Chromium against a real server: an agent writes a macro and
 * runs it on a dossier from the palette (the server gets every step); a colleague finds it and may
 * not change it; a supervisor shares a view, and it reaches an agent's open workspace by itself.
 */

let server: RunningServer;

test.beforeAll(async () => {
  server = await startWebHost();
});
test.afterAll(async () => {
  await server.close();
});

async function signInAs(page: Page, email: string): Promise<void> {
  await page.goto(server.url);
  await signInOnPage(page, email);
}

/** Runs a command of the palette by its words, from the keyboard alone. */
async function palette(page: Page, command: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
  await page.keyboard.type(command);
  // Enter runs the first command listed: wait for it to be this one (the desk's lists, such as
  // its macros, may still be coming in).
  await expect(page.getByRole('listbox', { name: 'Commands' }).getByRole('option').first()).toContainText(
    command,
  );
  await page.keyboard.press('Enter');
}

test('an agent writes a macro and runs it from the palette; the server gets each step; a colleague may not change it', async ({
  page,
  browser,
}) => {
  await signInAs(page, 'agent@klikpay.test');
  await palette(page, 'New macro…');
  const dialog = page.getByRole('dialog', { name: 'New macro' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Proof, then a week');
  await dialog.getByRole('combobox', { name: 'Letter' }).selectOption({ label: 'Request for proof' });
  await dialog.getByRole('combobox', { name: 'To' }).selectOption({ label: 'Customer' });
  await dialog.getByRole('textbox', { name: 'Tags to add' }).fill('proof-asked');
  await dialog.getByRole('combobox', { name: 'Follow up' }).selectOption({ label: 'In a week' });
  await dialog.getByRole('radio', { name: /^Take it over/ }).check();
  // The dialog as a screen reader and a keyboard meet it: nothing serious for axe.
  const found = await new AxeBuilder({ page }).include('.dialog--macro').analyze();
  expect(
    found.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
  await dialog.getByRole('button', { name: 'Save macro' }).click();
  await expect(page.getByText('Macro “Proof, then a week” saved for the team.')).toBeVisible();

  const reference = await openFirst(page, 'Unassigned');
  await palette(page, 'Run macro “Proof, then a week” on the open dossier');
  await expect(page.getByText(`Macro “Proof, then a week” run on ${reference}.`)).toBeVisible();
  const header = page.locator('.dossier-header');
  await expect(header.getByText('proof-asked')).toBeVisible();
  // Held for the Undo delay, then sent: the server ends with every step.
  const token = await signIn(server.url, 'agent@klikpay.test');
  await expect
    .poll(
      async () => {
        const { dossiers, messages } = await serverView(server.url, token);
        const dossier = dossiers.find((d) => d.reference === reference);
        const letter = messages.find(
          (m) => m.dossierId === dossier?.id && m.author.id === 'u-agent' && m.audience === 'customer',
        );
        return {
          tagged: dossier?.tags.includes('proof-asked'),
          assignee: dossier?.assigneeId,
          followUp: dossier ? typeof dossier.followUps['u-agent'] : null,
          letter: letter?.body.includes(reference) ?? false,
        };
      },
      { timeout: 60_000 },
    )
    .toEqual({ tagged: true, assignee: 'u-agent', followUp: 'string', letter: true });
  await expect(statusRegion(page)).toContainText('Up to date');

  const colleague = await browser.newContext();
  const other = await colleague.newPage();
  await other.goto(server.url);
  await signInOnPage(other, 'agent2@klikpay.test');
  // The palette lists the macros this desk holds: its first sync must have brought them.
  await expect(statusRegion(other)).toContainText('Up to date', { timeout: 60_000 });
  await palette(other, 'Edit macro “Proof, then a week”');
  const theirs = other.getByRole('dialog', { name: 'Edit macro “Proof, then a week”' });
  await expect(theirs.getByText(/Only Camille Laurent or a supervisor can change this macro/)).toBeVisible();
  await expect(theirs.getByRole('button', { name: 'Save macro' })).toHaveCount(0);
  await colleague.close();
});

test('a supervisor shares a view: it reaches an agent at work by itself, with its count, and opens by its link', async ({
  page,
  browser,
}) => {
  await signInAs(page, 'agent@klikpay.test');
  await expect(page.getByRole('navigation', { name: 'Team views' })).toHaveCount(0);

  const boss = await browser.newContext();
  const supervisor = await boss.newPage();
  await supervisor.goto(server.url);
  await signInOnPage(supervisor, 'supervisor@klikpay.test');
  await openQueue(supervisor, 'Awaiting merchant');
  await supervisor.getByRole('button', { name: 'Save as a view' }).click();
  const dialog = supervisor.getByRole('dialog', { name: 'Save as a view' });
  await dialog.getByRole('textbox', { name: 'View name' }).fill('Merchants to chase');
  await dialog.getByRole('checkbox', { name: 'Share with the team' }).check();
  await dialog.getByRole('button', { name: 'Save view' }).click();
  await expect(dialog).toHaveCount(0);
  await boss.close();

  // The agent's workspace is told (the server's poke) and pulls it: no reload.
  const team = page.getByRole('navigation', { name: 'Team views' });
  const view = team.getByRole('button', { name: /^Merchants to chase/ });
  await expect(view).toBeVisible();
  const token = await signIn(server.url, 'agent@klikpay.test');
  const res = await fetch(`${server.url}/api/v1/sync/pull?limit=10000`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const waiting = ((await res.json()) as PullResponse).changes.filter(
    (c) => c.entity === 'dossier' && c.op === 'put' && c.data.status === 'awaiting_merchant',
  ).length;
  await expect(view).toContainText(waiting === 1 ? '1 dossier' : `${waiting} dossiers`);
  await view.click();
  await expect(view).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveURL(/#\/view\/[0-9a-f-]{36}$/);
  // The link names the team's view: a reload (or a colleague) opens it again.
  await page.reload();
  await expect(
    page.getByRole('navigation', { name: 'Team views' }).getByRole('button', { name: /^Merchants to chase/ }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1, name: /^Awaiting merchant/ })).toBeVisible();
});

test('ten dossiers triaged from the keyboard alone: each opened, noted and tagged by a macro, the list never left', async ({
  page,
}) => {
  const token = await signIn(server.url, 'agent2@klikpay.test');
  const saved = await fetch(`${server.url}/api/v1/team/macros/${crypto.randomUUID()}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Seen today',
      letter: null,
      tags: ['seen'],
      followUp: null,
      finish: { kind: 'none' },
    }),
  });
  expect(saved.status).toBe(200);
  await signInAs(page, 'agent@klikpay.test');
  await openQueue(page, 'Awaiting merchant');
  await expect(page.locator('.queue-row__open').first()).toBeVisible();
  const stamp = Date.now();
  const references: string[] = [];
  await page.locator('body').press('j');
  for (let i = 0; i < 10; i++) {
    if (i > 0) await page.keyboard.press('j');
    const focused = page.locator('.queue-row__open:focus .queue-row__ref');
    await expect(focused).toHaveCount(1);
    const reference = (await focused.textContent()) ?? '';
    expect(references).not.toContain(reference);
    references.push(reference);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: reference })).toBeVisible();
    await palette(page, 'Run macro “Seen today” on the open dossier');
    await expect(page.getByText(`Macro “Seen today” run on ${reference}.`)).toBeVisible();
    await page.keyboard.press('n');
    await page.keyboard.type(`Triage ${stamp}: ${reference}.`);
    await page.keyboard.press('Control+Enter');
    // Back on the list, on the same row: the next j is the next dossier.
    await expect(page.locator('.queue-row__open:focus .queue-row__ref')).toHaveText(reference);
  }
  const mine = await signIn(server.url, 'agent@klikpay.test');
  await expect
    .poll(
      async () => {
        const { dossiers, messages } = await serverView(server.url, mine);
        return references.filter((reference) => {
          const dossier = dossiers.find((d) => d.reference === reference);
          const noted = messages.some(
            (m) => m.dossierId === dossier?.id && m.body === `Triage ${stamp}: ${reference}.`,
          );
          return noted && dossier?.tags.includes('seen');
        }).length;
      },
      { timeout: 60_000 },
    )
    .toBe(10);
});
