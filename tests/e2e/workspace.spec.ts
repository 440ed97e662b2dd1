import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { RunningServer } from '../../src-server/server';
import { queueIds } from '../../src-shared/domain/queues';
import { serverView, signIn } from './api';
import { closeOpenDossier, openFirst, openQueue, signInOnPage, statusRegion } from './desk-page';
import { startWebHost } from './server';

/**
 * A dispute agent's day in the browser host, in Debian's Chromium, against a real server: sign in,
 * every queue, search, a dossier, reply, remind, an offline stretch (close, note, reload), back
 * online, and the server holding every change exactly once; a colleague sees it without reloading.
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

test('an agent works every queue, online and offline, and the server gets everything once', async ({
  page,
  browser,
}) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await signInAs(page, 'agent@klikpay.test');

  // The first sync went to the browser's real IndexedDB: every dossier the server has.
  const token = await signIn(server.url, 'agent@klikpay.test');
  const before = await serverView(server.url, token);
  // (The page's own IndexedDB, typed structurally: this file is compiled without the DOM's types.)
  const cached = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        interface Req<T> {
          result: T;
          onsuccess: (() => void) | null;
          onerror: (() => void) | null;
        }
        interface Db {
          transaction(store: string): { objectStore(store: string): { count(): Req<number> } };
        }
        const idb = (globalThis as unknown as { indexedDB: { open(name: string): Req<Db> } }).indexedDB;
        const open = idb.open('klikpay-cache-u-agent');
        open.onerror = () => reject(new Error('no cache'));
        open.onsuccess = () => {
          const count = open.result.transaction('dossiers').objectStore('dossiers').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
  expect(cached).toBe(before.dossiers.length);
  await page.screenshot({ path: 'test-results/workspace-mine.png' });

  // Every queue, with the count its navigation entry announces.
  const nav = page.getByRole('navigation', { name: 'Queues' });
  for (const name of [
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
  ]) {
    const entry = nav.getByRole('button', { name: new RegExp(`^${name},`) });
    const navCount = async () =>
      Number((await entry.getAttribute('aria-label'))?.match(/(\d+) dossier/)?.[1] ?? NaN);
    await entry.click();
    const title = page.getByRole('heading', { level: 1, name: new RegExp(`^${name}`) });
    // The navigation's counts wait for a burst of changes to pause (data/coalesced.ts): they agree
    // with the queue's own count once the sync's last page is a moment old.
    const titleCount = async () =>
      Number(((await title.textContent()) ?? '').slice(name.length).replace(/\D/g, ''));
    await expect
      .poll(async () => (await titleCount()) === (await navCount()), { timeout: 30_000 })
      .toBe(true);
    if ((await navCount()) > 0) await expect(page.locator('.queue-row__open').first()).toBeVisible();
  }
  expect(queueIds).toHaveLength(10);

  // Search by reference, as the agent types.
  const known = before.dossiers[5];
  if (!known) throw new Error('no dossiers');
  await page.getByRole('searchbox', { name: 'Search dossiers' }).fill(known.reference.slice(-6));
  await expect(page.locator('.search-results .queue-row__ref', { hasText: known.reference })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search dossiers' }).fill('');

  // A colleague is signed in too, looking at the same queue.
  const colleague = await browser.newContext();
  const other = await colleague.newPage();
  await signInAs(other, 'agent2@klikpay.test');

  // Reply on a dossier awaiting Klik & Pay.
  const replied = await openFirst(page, 'Escalated');
  await other.getByRole('searchbox', { name: 'Search dossiers' }).fill(replied.slice(-6));
  await other.locator('.search-results .queue-row__open', { hasText: replied }).click();
  const reply = `Nous avons bien reçu votre réclamation ${Date.now()}.`;
  await page.getByRole('radio', { name: 'Customer', exact: true }).check();
  await page.getByRole('textbox', { name: 'Message' }).fill(reply);
  await page.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(page.locator('.dossier-msg__body', { hasText: reply })).toBeVisible();
  await expect(statusRegion(page)).toContainText('Up to date');
  // The colleague's open dossier shows it without a reload.
  await expect(other.locator('.dossier-msg__body', { hasText: reply })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'test-results/workspace-dossier.png' });

  // A Good Practices reminder to an overdue merchant, on the server before the network goes.
  const reminded = await openFirst(page, 'Merchant overdue');
  await page.getByRole('button', { name: 'Send reminder' }).click();
  await expect
    .poll(
      async () =>
        (await serverView(server.url, token)).dossiers.find((d) => d.reference === reminded)?.remindedAt,
    )
    .toBeTruthy();
  await expect(statusRegion(page)).toContainText('Up to date');

  // The app shell is cached for offline reloads before the network goes.
  await page.evaluate(async () => {
    const { navigator } = globalThis as unknown as {
      navigator: { serviceWorker: { ready: Promise<unknown> } };
    };
    await navigator.serviceWorker.ready;
  });

  // Offline: close one dossier, note another; both wait in the outbox.
  await page.context().setOffline(true);
  await expect(statusRegion(page)).toContainText('Offline');
  const closed = await openFirst(page, 'Awaiting customer');
  await closeOpenDossier(page, 'Refund confirmed by the merchant.');
  const noted = await openFirst(page, 'Unassigned');
  const note = `Appeler le marchand demain ${Date.now()}.`;
  await page.getByRole('radio', { name: 'Internal note' }).check();
  await page.getByRole('textbox', { name: 'Message' }).fill(note);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(statusRegion(page)).toContainText('2 pending');
  await page.screenshot({ path: 'test-results/workspace-offline.png' });

  // A reload with no network: the shell from the service worker, the data and outbox from IndexedDB.
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Queues' })).toBeVisible();
  await expect(statusRegion(page)).toContainText('2 pending');
  await page.getByRole('searchbox', { name: 'Search dossiers' }).fill(noted.slice(-6));
  await page.locator('.search-results .queue-row__open', { hasText: noted }).click();
  await expect(page.locator('.dossier-msg__body', { hasText: note })).toBeVisible();

  // Back online: everything goes up once, in order.
  await page.context().setOffline(false);
  await expect(statusRegion(page)).toContainText('Up to date', { timeout: 30_000 });
  const after = await serverView(server.url, token);
  expect(after.messages.filter((m) => m.body === reply)).toHaveLength(1);
  expect(after.messages.filter((m) => m.body === note)).toHaveLength(1);
  expect(after.dossiers.find((d) => d.reference === closed)?.status).toBe('closed');
  const remindersOf = (v: typeof after) => {
    const id = v.dossiers.find((d) => d.reference === reminded)?.id;
    return v.messages.filter((m) => m.kind === 'good_practices_reminder' && m.dossierId === id).length;
  };
  expect(remindersOf(after) - remindersOf(before)).toBe(1);
  expect(problems).toEqual([]);
  await colleague.close();
});

test('the workspace speaks French when the browser does', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByLabel('Adresse e-mail').fill('supervisor@klikpay.test');
  await page.getByLabel('Mot de passe').fill('demo');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const nav = page.getByRole('navigation', { name: 'Files' });
  await expect(nav).toBeVisible();
  await expect(nav.getByRole('button', { name: /^Mes dossiers,/ })).toBeVisible();
  await expect(page.getByRole('status', { name: /synchronisation/i })).toContainText('À jour');
  await page.screenshot({ path: 'test-results/workspace-fr.png' });
  await context.close();
});

test('axe finds no serious violation in the queues, a dossier and the dark theme', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await signInAs(page, 'supervisor@klikpay.test');
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(await serious()).toEqual([]);
  await openFirst(page, 'Payment claims');
  expect(await serious()).toEqual([]);
  await page.screenshot({ path: 'test-results/workspace-dark.png' });
  await context.close();
});

test('the keyboard alone: j/k, x, Shift+X, Enter, r, n, Escape, Ctrl+Enter, c, /, search results, ? and Ctrl+K', async ({
  page,
}) => {
  await signInAs(page, 'supervisor@klikpay.test');
  await openQueue(page, 'All');
  // As an agent would: the rows are on screen before the first key.
  await expect(page.locator('.queue-row__open').first()).toBeVisible();
  await page.locator('body').press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  const focused = page.locator('.queue-row__open:focus');
  await expect(focused).toHaveCount(1);
  const reference = (await focused.locator('.queue-row__ref').textContent()) ?? '';
  // x ticks the row under the cursor; Shift+X ticks down to the cursor from there.
  const box = (i: number) => page.locator(`[data-index="${i}"] input[type="checkbox"]`);
  await page.keyboard.press('x');
  await expect(box(0)).toBeChecked();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('Shift+X');
  await expect(box(1)).toBeChecked();
  await expect(box(2)).toBeChecked();
  await page.keyboard.press('k');
  await page.keyboard.press('k');
  await expect(focused).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: reference })).toBeVisible();
  // The first j landed on the first row, j then k came back to it.
  await expect(page.locator('[data-index="0"] .queue-row__ref')).toHaveText(reference);
  await page.keyboard.press('r');
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
  // Escape leaves the composer for the list, on the same row.
  await page.keyboard.press('Escape');
  await expect(page.locator('.queue-row__open:focus .queue-row__ref')).toHaveText(reference);
  await page.keyboard.press('n');
  await expect(page.getByRole('radio', { name: 'Internal note' })).toBeChecked();
  // A note sent with Ctrl+Enter: the focus is back on the list, ready for the next dossier.
  await page.keyboard.type(`Vu au clavier ${Date.now()}.`);
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.queue-row__open:focus .queue-row__ref')).toHaveText(reference);
  await page.keyboard.press('c');
  await expect(page.getByRole('dialog', { name: `Close dossier ${reference}` })).toBeVisible();
  await page.keyboard.press('Escape');
  // c on another row acts on that row's dossier, never on the one open beside it.
  await expect(page.locator('.queue-row__open:focus')).toHaveCount(1);
  await page.keyboard.press('j');
  const next = (await page.locator('.queue-row__open:focus .queue-row__ref').textContent()) ?? '';
  expect(next).not.toBe(reference);
  await page.keyboard.press('c');
  await expect(page.getByRole('dialog', { name: `Close dossier ${next}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: next, exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await page.keyboard.type('merchant overdue');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /^Merchant overdue/ })).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search dossiers' })).toBeFocused();
  // Into the results with the down arrow; j/k and Enter work there as in a queue.
  await page.keyboard.type('KP-2026');
  const results = page.locator('.search-results .queue-row__open');
  await expect(results.nth(1)).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(results.nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await expect(results.nth(1)).toBeFocused();
  const second = (await results.nth(1).locator('.queue-row__ref').textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: second })).toBeVisible();
  // The palette finds a dossier by its reference, and acts on the open one.
  await page.keyboard.press('Control+k');
  await page.keyboard.type(reference);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: reference })).toBeVisible();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('follow up on the open');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: /^Follow up/ })).toBeVisible();
  await page.keyboard.press('Escape');
});

test('a draft survives a reload, is marked on its row, and goes when discarded', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await signInAs(page, 'agent2@klikpay.test');
  const drafted = await openFirst(page, 'Unassigned');
  const text = `Brouillon à finir ${Date.now()} 🙂`;
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  // Another dossier: leaving writes the draft at once (into the browser's real IndexedDB).
  await page.locator('.queue-row__open').nth(1).click();
  const marker = page
    .locator('.queue-row', { hasText: drafted })
    .getByRole('img', { name: 'You have a draft' });
  await expect(marker).toBeVisible();

  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Queues' })).toBeVisible();
  await openQueue(page, 'Unassigned');
  await expect(marker).toBeVisible();
  await page.locator('.queue-row__open', { hasText: drafted }).click();
  await expect(page.getByRole('heading', { name: drafted })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue(text);
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => v.id)).toEqual([]);

  await page.getByRole('button', { name: 'Discard draft' }).click();
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('');
  await expect(marker).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('the address keeps the place: a reload, and a link shared with a colleague', async ({
  page,
  browser,
}) => {
  await signInAs(page, 'agent@klikpay.test');
  const reference = await openFirst(page, 'Awaiting merchant');
  await expect(page).toHaveURL(new RegExp(`#/queue/awaiting_merchant/dossier/${reference}$`));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /^Awaiting merchant/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: reference })).toBeVisible();

  const colleague = await browser.newContext();
  const other = await colleague.newPage();
  await other.goto(page.url());
  await signInOnPage(other, 'agent2@klikpay.test');
  await expect(other.getByRole('heading', { level: 1, name: /^Awaiting merchant/ })).toBeVisible();
  await expect(other.getByRole('heading', { name: reference })).toBeVisible();
  // A link to a dossier this copy does not hold says so.
  await other.goto(`${server.url}/#/queue/all/dossier/KP-1999-000001`);
  await expect(other.getByText('KP-1999-000001 is not in this app')).toBeVisible();
  await colleague.close();
});

test('a reply is held for its Undo: the toast or z takes it back into the composer, and the server never gets it', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await signInAs(page, 'agent@klikpay.test');
  // The agent's own choice of how long a message waits (a loaded machine clicks Undo in time).
  await page.getByRole('button', { name: /^Account/ }).click();
  await page.getByRole('combobox', { name: 'Undo sending' }).selectOption({ label: '30 seconds' });
  await page.getByRole('button', { name: /^Account/ }).click();
  const reference = await openFirst(page, 'Awaiting customer');
  const box = page.getByRole('textbox', { name: 'Message' });
  const first = `Réponse reprise ${Date.now()}`;
  await box.fill(first);
  await box.press('Control+Enter');
  // Sent on this computer: the toast offers the Undo.
  const toast = page
    .getByRole('region', { name: 'Notifications' })
    .getByRole('listitem')
    .filter({ hasText: `Reply on ${reference} sent` });
  await expect(toast).toContainText('It goes to the server in 30 seconds');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(box).toHaveValue(first);
  await expect(
    page.getByText(`Not sent: the message on ${reference} is back in its composer.`),
  ).toBeVisible();

  // z, from the list where the focus went after sending, does the same.
  const second = `${first} (bis)`;
  await box.fill(second);
  await box.press('Control+Enter');
  await expect(page.locator('.queue-row__open:focus .queue-row__ref')).toHaveText(reference);
  await page.keyboard.press('z');
  await expect(box).toHaveValue(second);

  // With the Undo off, a reply goes at once; an undone one still held would keep it back (in order).
  await page.getByRole('button', { name: /^Account/ }).click();
  await page
    .getByRole('combobox', { name: 'Undo sending' })
    .selectOption({ label: 'Off: messages go at once' });
  await page.getByRole('button', { name: /^Account/ }).click();
  const third = `${first} (ter)`;
  await box.fill(third);
  await box.press('Control+Enter');
  const token = await signIn(server.url, 'supervisor@klikpay.test');
  await expect
    .poll(async () => (await serverView(server.url, token)).messages.some((m) => m.body === third), {
      timeout: 30_000,
    })
    .toBe(true);
  const { messages } = await serverView(server.url, token);
  expect(messages.filter((m) => m.body === first || m.body === second)).toEqual([]);
  expect(problems).toEqual([]);
});

test('two agents on one dossier: a colleague’s reply since it opened makes the second reply ask first', async ({
  page,
  browser,
}) => {
  await signInAs(page, 'agent@klikpay.test');
  const reference = await openFirst(page, 'Awaiting customer');
  const colleague = await browser.newContext();
  // James sends at once (no Undo delay), so Camille's copy gets his reply as soon as it is pushed.
  await colleague.addInitScript(() => localStorage.setItem('klikpay.undoSendSeconds', '0'));
  const other = await colleague.newPage();
  await other.goto(page.url());
  await signInOnPage(other, 'agent2@klikpay.test');
  await expect(other.getByRole('heading', { name: reference })).toBeVisible();
  // The server's clock is set by the test (KLIKPAY_CLOCK=manual): it moves on a minute, as it would
  // while Camille reads, so James's reply comes after she opened the dossier.
  const token = await signIn(server.url, 'supervisor@klikpay.test');
  const clock = await fetch(`${server.url}/api/v1/rules`, {
    headers: { authorization: `Bearer ${token}` },
  }).then((r) => r.json() as Promise<{ now: string }>);
  await fetch(`${server.url}/api/v1/test/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ now: new Date(Date.parse(clock.now) + 60_000).toISOString() }),
  });
  const theirs = `Réponse de James ${Date.now()}`;
  await other.getByRole('textbox', { name: 'Message' }).fill(theirs);
  await other.getByRole('textbox', { name: 'Message' }).press('Control+Enter');

  // Camille's copy receives it live; her reply to the same customer asks first.
  await expect(page.locator('.dossier-msg__body', { hasText: theirs })).toBeVisible();
  const box = page.getByRole('textbox', { name: 'Message' });
  const mine = `Réponse de Camille ${Date.now()}`;
  await box.fill(mine);
  await box.press('Control+Enter');
  const alert = page.getByRole('alert').filter({ hasText: 'James Whitfield wrote to the customer' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Read it first' })).toBeFocused();
  await alert.getByRole('button', { name: 'Send anyway' }).click();
  await expect(box).toHaveValue('');
  await expect(page.locator('.dossier-msg__body', { hasText: mine })).toBeVisible();
  await colleague.close();
});

test('a customer writes: the row says a new reply with its preview, "New replies" keeps it, opening it reads it, u marks it again', async ({
  page,
}) => {
  await signInAs(page, 'agent@klikpay.test');
  await openQueue(page, 'All');
  // A claim of the demo customer, still open, gets a message from them through the API.
  const customer = await signIn(server.url, 'client@klikpay.test');
  const theirs = (await fetch(`${server.url}/api/v1/dossiers?limit=200`, {
    headers: { authorization: `Bearer ${customer}` },
  }).then((r) => r.json())) as { items: { id: string; reference: string; status: string }[] };
  const open = theirs.items.find((d) => d.status !== 'closed');
  expect(open, 'the demo customer has an open claim').toBeDefined();
  if (!open) return;
  const text = `Avez-vous reçu ma preuve ? ${Date.now()}`;
  const wrote = await fetch(`${server.url}/api/v1/dossiers/${open.id}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${customer}`, 'content-type': 'application/json' },
    body: JSON.stringify({ body: text }),
  });
  expect(wrote.status).toBe(201);

  // Only what is new, live: that dossier, marked, its preview the customer's words.
  await page.getByRole('button', { name: 'New replies' }).click();
  const rows = page.locator('.queue-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveClass(/queue-row--unread/);
  await expect(rows.first().locator('.queue-row__ref')).toHaveText(open.reference);
  await expect(rows.first().locator('.queue-row__preview-text')).toHaveText(text);
  await expect(page.getByRole('button', { name: new RegExp(`^New reply: ${open.reference}`) })).toBeVisible();

  // Opened, it is read: the new replies are none; found by search, its row shows as read.
  await rows.first().locator('.queue-row__open').click();
  await expect(page.getByRole('heading', { name: open.reference })).toBeVisible();
  await expect(page.getByText('No dossiers in this queue')).toBeVisible();
  // u marks it unread again, to come back to; opened again, it is read.
  await page.keyboard.press('u');
  await expect(page.getByText(`${open.reference} marked unread`)).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveClass(/queue-row--unread/);
  await rows.first().locator('.queue-row__open').click();
  await expect(page.getByText('No dossiers in this queue')).toBeVisible();
  await page.getByRole('button', { name: 'New replies' }).click();
  await page.getByRole('searchbox', { name: 'Search dossiers' }).fill(open.reference);
  const found = page.locator('.search-results .queue-row', { hasText: open.reference });
  await expect(found).toBeVisible();
  await expect(found.locator('.queue-row__preview-text')).toHaveText(text);
  await expect(found).not.toHaveClass(/queue-row--unread/);
});

test('a reply with a photo, attached offline: it waits on the computer, shows, and lands once back online', async ({
  page,
}) => {
  await page.addInitScript(() => localStorage.setItem('klikpay.undoSendSeconds', '0'));
  await signInAs(page, 'agent@klikpay.test');
  const reference = await openFirst(page, 'Mine');
  await page.context().setOffline(true);
  await expect(statusRegion(page)).toContainText('Offline');

  const photo = readFileSync('resources/icon.png');
  await page.locator('input[data-testid="composer-files"]').setInputFiles({
    name: 'preuve-remboursement.png',
    mimeType: 'image/png',
    buffer: photo,
  });
  await expect(page.getByRole('list', { name: 'Files attached' })).toContainText('preuve-remboursement.png');
  const text = `Voici la preuve du remboursement ${Date.now()}.`;
  await page.getByRole('radio', { name: 'Customer', exact: true }).check();
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Reply', exact: true }).click();

  // Offline: the message and its photo show at once, the photo read from the computer.
  const message = page.locator('.dossier-msg', { hasText: text });
  await expect(message).toContainText('Not sent yet');
  await expect(message.locator('img')).toBeVisible();
  await expect(statusRegion(page)).toContainText('1 pending');

  // Back online: the photo goes up first, then the reply that lists it; the server has both, once.
  await page.context().setOffline(false);
  await expect(statusRegion(page)).toContainText('Up to date');
  await expect(message).not.toContainText('Not sent yet');
  const token = await signIn(server.url, 'agent@klikpay.test');
  const sent = (await serverView(server.url, token)).messages.filter((m) => m.body === text);
  expect(sent).toHaveLength(1);
  const [file] = sent[0]?.attachments ?? [];
  expect(file).toMatchObject({
    filename: 'preuve-remboursement.png',
    contentType: 'image/png',
    size: photo.length,
  });
  const res = await fetch(`${server.url}/api/v1/dossiers/${sent[0]?.dossierId}/attachments/${file?.id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(Buffer.from(await res.arrayBuffer()).equals(photo)).toBe(true);
  expect(reference).toMatch(/^KP-/);
});
