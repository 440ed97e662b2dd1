import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { RunningServer } from '../../src-server/server';
import { openFirst, signInOnPage } from './desk-page';
import { startWebHost } from './server';

/**
 * Issue 12, item 4: room to read while writing, on a 1280×720 screen, in Debian's Chromium. The
 * header, the message being answered and the composer are all on screen and none covers another: as
 * the dossier opens, with a letter in the composer, and with the composer folded; the header compacts
 * as the timeline is scrolled; the separator gives the list or the dossier more room, and is kept.
 */

const viewport = { width: 1280, height: 720 };
test.use({ viewport });

let server: RunningServer;

test.beforeAll(async () => {
  server = await startWebHost();
});
test.afterAll(async () => {
  await server.close();
});

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function box(locator: Locator, what: string): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${what} is not laid out`);
  return found;
}

function expectOnScreen(b: Box, what: string): void {
  expect(b.x, `${what} starts left of the window`).toBeGreaterThanOrEqual(0);
  expect(b.y, `${what} starts above the window`).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width, `${what} ends right of the window`).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(b.y + b.height, `${what} ends below the window`).toBeLessThanOrEqual(viewport.height + 0.5);
}

function expectApart(a: Box, b: Box, what: string): void {
  const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  expect(overlapX > 0.5 && overlapY > 0.5, `${what} overlap`).toBe(false);
}

/**
 * The header, the last message and the composer: each within the window and apart from the others,
 * the last message within the part of the timeline on screen (its box scrolls, it may be clipped).
 */
async function expectRoomToRead(page: Page): Promise<void> {
  const header = await box(page.locator('.dossier-header'), 'the header');
  const composer = await box(page.locator('.dossier-composer'), 'the composer');
  const last = await box(page.locator('.dossier-timeline__list > .dossier-msg').last(), 'the last message');
  // Narrow, the view's body scrolls the timeline; wide, the timeline scrolls itself (the body has no box).
  const scroller =
    (await page.locator('.dossier-view__body').boundingBox()) ??
    (await box(page.locator('.dossier-timeline'), 'the timeline'));
  for (const [b, what] of [
    [header, 'the header'],
    [composer, 'the composer'],
    [last, 'the last message'],
    [scroller, 'the timeline'],
  ] as const) {
    expectOnScreen(b, what);
  }
  expect(last.y, 'the last message starts above the timeline').toBeGreaterThanOrEqual(scroller.y - 0.5);
  expect(last.y + last.height, 'the last message goes below the timeline').toBeLessThanOrEqual(
    scroller.y + scroller.height + 0.5,
  );
  expectApart(header, last, 'the header and the last message');
  expectApart(header, composer, 'the header and the composer');
  expectApart(last, composer, 'the last message and the composer');
  // The composer's controls are whole: the main action and the text.
  expectOnScreen(await box(page.getByRole('button', { name: 'Reply', exact: true }), 'Reply'), 'Reply');
  const text = await box(page.getByRole('textbox', { name: 'Message' }), 'the message box');
  expectOnScreen(text, 'the message box');
  expect(text.height, 'the message box is squeezed below three lines').toBeGreaterThanOrEqual(55);
  // The list and the dossier side by side.
  const list = await box(page.locator('.workspace__list'), 'the list');
  const dossier = await box(page.locator('.workspace__dossier'), 'the dossier pane');
  expect(list.x + list.width).toBeLessThanOrEqual(dossier.x + 0.5);
}

test('at 1280×720 the header, the message being answered and the composer are all on screen', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(server.url);
  await signInOnPage(page, 'agent@klikpay.test');
  await openFirst(page, 'Escalated');
  const header = page.locator('.dossier-header');
  const details = page.getByRole('button', { name: 'Dossier details' });

  // As it opens: the whole header, nothing of it cut.
  await expect(header).not.toHaveClass(/dossier-header--compact/);
  await expect(details).toHaveAttribute('aria-expanded', 'true');
  for (const part of [
    page.getByRole('button', { name: 'Close dossier' }),
    page.getByRole('button', { name: 'Follow up' }),
    header.getByText('Deadline'),
  ]) {
    expectOnScreen(await box(part, 'a part of the header'), 'a part of the header');
  }
  await expectRoomToRead(page);
  await page.screenshot({ path: '/tmp/layout-1280.png' });

  // Scrolled up to read: the header compacts, and the correspondence has most of the pane. Back at
  // the top, the header is whole again. (The wheel goes where the timeline is now: it moves as the
  // header folds and unfolds.)
  const body = page.locator('.dossier-view__body');
  const wheel = async (dy: number) => {
    await body.hover();
    await page.mouse.wheel(0, dy);
  };
  await wheel(-120);
  await expect(header).toHaveClass(/dossier-header--compact/);
  await expect(details).toHaveAttribute('aria-expanded', 'false');
  const pane = await box(page.locator('.dossier-view'), 'the dossier pane');
  expect((await box(body, 'the timeline')).height).toBeGreaterThan(pane.height / 2);
  expectOnScreen(await box(header, 'the compact header'), 'the compact header');
  await page.screenshot({ path: 'test-results/layout-1280-reading.png' });
  await wheel(-5000);
  await expect(header).not.toHaveClass(/dossier-header--compact/);
  await wheel(200);
  await expect(header).toHaveClass(/dossier-header--compact/);
  await details.click();
  await expect(header).not.toHaveClass(/dossier-header--compact/);

  // A letter in the composer: the header compacts, the message being answered comes back in sight.
  await page.getByRole('combobox', { name: 'Template' }).selectOption({ label: 'Request for proof' });
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue(/^Hello,/);
  await expect(header).toHaveClass(/dossier-header--compact/);
  await expectRoomToRead(page);
  await page.screenshot({ path: 'test-results/layout-1280-letter.png' });

  // Folded: one line, the letter kept; r brings it back with the caret in the text.
  await page.getByRole('button', { name: 'Fold the composer' }).click();
  const unfold = page.locator('.dossier-composer__unfold');
  await expect(unfold).toContainText('Reply…');
  await expect(unfold).toContainText('Draft: Hello,');
  expect((await box(page.locator('.dossier-composer'), 'the folded composer')).height).toBeLessThan(60);
  await page.screenshot({ path: 'test-results/layout-1280-folded.png' });
  await page.keyboard.press('r');
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue(/^Hello,/);
  expect(problems).toEqual([]);
});

test('the separator gives the list or the dossier more room, by mouse or keyboard, and is kept', async ({
  page,
}) => {
  await page.goto(server.url);
  await signInOnPage(page, 'agent2@klikpay.test');
  await openFirst(page, 'Unassigned');
  const separator = page.getByRole('separator', { name: 'Width of the list and the dossier' });
  const listWidth = async () => (await box(page.locator('.workspace__list'), 'the list')).width;
  await expect(separator).toHaveAttribute('aria-valuenow', '520');
  expect(Math.round(await listWidth())).toBe(520);

  await separator.focus();
  await page.keyboard.press('ArrowRight');
  await expect(separator).toHaveAttribute('aria-valuenow', '536');
  await page.keyboard.press('Home');
  await expect(separator).toHaveAttribute('aria-valuenow', '360');
  expect(Math.round(await listWidth())).toBe(360);

  // Dragged with the mouse, 100 px to the right.
  const grip = await box(separator, 'the separator');
  await page.mouse.move(grip.x + grip.width / 2, grip.y + 200);
  await page.mouse.down();
  await page.mouse.move(grip.x + grip.width / 2 + 50, grip.y + 200);
  await page.mouse.move(grip.x + grip.width / 2 + 100, grip.y + 200);
  await page.mouse.up();
  await expect(separator).toHaveAttribute('aria-valuenow', '460');
  expect(Math.round(await listWidth())).toBe(460);

  // The dossier pane keeps its minimum however far the list is pulled.
  await page.keyboard.press('End');
  const max = Number(await separator.getAttribute('aria-valuemax'));
  await expect(separator).toHaveAttribute('aria-valuenow', String(max));
  expect((await box(page.locator('.workspace__dossier'), 'the dossier pane')).width).toBeGreaterThanOrEqual(
    439,
  );

  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowRight');
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Queues' })).toBeVisible();
  await expect(separator).toHaveAttribute('aria-valuenow', '424');
});
