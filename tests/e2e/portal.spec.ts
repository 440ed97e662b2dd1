import { crc32, deflateSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { RunningServer } from '../../src-server/server';
import { signIn } from './api';
import { signInOnPage } from './desk-page';
import { startWebHost } from './server';

/**
 * Issue 14, the parties' side, in Debian's Chromium against the real API serving the built portal
 * at /portal/ (`npm run build` first): a customer signs in (a cookie session), files a delivery
 * claim with a photo; an agent opens it in the back office and sees the photo; the merchant, in
 * another browser, answers with a tracking number; the customer and the agent see the answer arrive
 * without reloading; the agent writes to the customer, who sees it arrive too and says the dispute is
 * resolved; the dossier shows closed on the merchant's page and in the back office. On a desktop
 * screen in the light theme and on a 360 px phone in the dark one, axe finding nothing serious.
 */

let server: RunningServer;

test.beforeAll(async () => {
  server = await startWebHost();
});
test.afterAll(async () => {
  await server.close();
});

/** A real (tiny) PNG: 8×8 pixels of one colour, so the photo shows as a picture, not a broken image. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(8, 0);
  header.writeUInt32BE(8, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: 8 }, () => [200, 90, 40]).flat()),
  ]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: 8 }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Nothing wider than the window: no sideways scrolling on a phone. */
async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

async function portalPage(browser: Browser, viewport: { width: number; height: number }, dark: boolean) {
  const context = await browser.newContext({
    viewport,
    colorScheme: dark ? 'dark' : 'light',
    locale: 'en-GB',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, problems };
}

async function signInOnPortal(page: Page, email: string): Promise<void> {
  await page.goto(`${server.url}/portal/`);
  await page.getByRole('textbox', { name: 'E-mail address' }).fill(email);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const runs = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, dark: false, order: 'BL-205000' },
  { name: 'phone', viewport: { width: 360, height: 740 }, dark: true, order: 'BL-205001' },
] as const;

for (const run of runs) {
  test(`${run.name} (${run.viewport.width}×${run.viewport.height}): a delivery claim with a photo, answered live, resolved`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const shot = (name: string) => `test-results/portal-${run.name}-${name}.png`;
    const customer = await portalPage(browser, run.viewport, run.dark);
    const c = customer.page;

    // Signing in: a wrong password is refused in plain words, then the right one opens the purchases.
    await signInOnPortal(c, 'client@klikpay.test');
    await expect(c.getByRole('heading', { level: 1, name: 'My transactions' })).toBeVisible();
    await c.screenshot({ path: shot('1-transactions'), fullPage: true });
    expect(await seriousViolations(c)).toEqual([]);
    await expectNoSidewaysScroll(c, 'My transactions');

    // The purchase, then the claim, guided question by question.
    await c.getByRole('link', { name: new RegExp(`Order ${run.order}`) }).click();
    await expect(
      c.getByRole('heading', { level: 1, name: 'Purchase from La Boutique du Voyageur' }),
    ).toBeVisible();
    await c.getByRole('link', { name: 'File a claim' }).click();
    await c.getByLabel('No, not yet').check();
    await expect(c.getByText('It is always preferable to contact the merchant first')).toBeVisible();
    await expect(c.getByRole('link', { name: 'merchant@klikpay.test' })).toBeVisible();
    await c.getByLabel('Yes, but the merchant does not answer my e-mails').check();
    await c.getByLabel('The delivery').check();
    await c.getByLabel('I paid for an order I have not received').check();
    await c.getByLabel('Delivery of my order').check();
    // Sent empty first: the form says what is missing, and sends nothing.
    await c.getByRole('button', { name: 'Send my claim' }).click();
    await expect(c.getByRole('alert')).toContainText('Not sent yet: 1 thing to fix.');
    await c
      .getByRole('textbox', { name: 'Describe the problem' })
      .fill('Paid on the 22nd, still nothing. The tracking page shows the parcel stuck since Monday.');
    await c.getByLabel('Attach files (optional)').setInputFiles({
      name: 'parcel.png',
      mimeType: 'image/png',
      buffer: png(),
    });
    await expect(c.getByRole('button', { name: 'Remove parcel.png' })).toBeVisible();
    await c.screenshot({ path: shot('2-claim-form'), fullPage: true });
    expect(await seriousViolations(c)).toEqual([]);
    await expectNoSidewaysScroll(c, 'the claim form');
    await c.getByRole('button', { name: 'Send my claim' }).click();

    // The claim's own address, kept clean: the note below is said once.
    await expect(c).toHaveURL(/\/portal\/claims\/[\w-]+$/);
    const heading = c.getByRole('heading', { level: 1, name: /^Claim KP-\d{4}-\d{6}$/ });
    await expect(heading).toBeVisible();
    const reference = ((await heading.textContent()) ?? '').replace('Claim ', '');
    await expect(
      c.getByRole('status').filter({ hasText: `Your claim ${reference} was sent.` }),
    ).toBeVisible();
    await expect(c.getByText('Waiting for the merchant’s answer')).toBeVisible();
    // Klik & Pay's acknowledgement is a notice, not a message in the conversation.
    await expect(
      c.getByRole('list', { name: 'Correspondence' }).getByText('Notice from Klik & Pay'),
    ).toBeVisible();
    const request = c.getByRole('region', { name: 'Your request' });
    await expect(request.getByRole('link', { name: /^Download parcel\.png/ })).toBeVisible();
    // A reload keeps the session (the cookie) and the place (the address); the note is not said again.
    await c.reload();
    await expect(heading).toBeVisible();
    await expect(c.getByText(`Your claim ${reference} was sent.`)).toHaveCount(0);
    await c.screenshot({ path: shot('3-claim-filed'), fullPage: true });
    expect(await seriousViolations(c)).toEqual([]);
    await expectNoSidewaysScroll(c, 'the claim');

    // An agent in the back office (the browser host) opens the new claim: the customer's words are there.
    const agent = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const a = await agent.newPage();
    await a.goto(server.url);
    await signInOnPage(a, 'agent@klikpay.test');
    await a.goto(`${server.url}/#/queue/all/dossier/${reference}`);
    await expect(a.getByRole('heading', { name: reference })).toBeVisible();
    await expect(a.getByText(/still nothing/).first()).toBeVisible();
    // The customer's photo is previewed in the timeline, and opens larger: drawn from its own bytes
    // (8×8 pixels), which the back office's CSP lets through as a blob: image.
    await a.getByRole('button', { name: 'View parcel.png' }).click();
    const viewer = a.getByRole('dialog', { name: 'parcel.png' });
    const preview = viewer.getByRole('img', { name: 'parcel.png' });
    await expect(preview).toBeVisible();
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(8);
    await a.screenshot({ path: shot('3b-agent-sees-photo') });
    expect(await seriousViolations(a)).toEqual([]);
    await a.keyboard.press('Escape');
    await expect(viewer).toHaveCount(0);

    // The merchant, in another browser: the claim awaits its answer, with its countdown.
    const merchant = await portalPage(browser, run.viewport, run.dark);
    const m = merchant.page;
    await signInOnPortal(m, 'merchant@klikpay.test');
    await expect(m.getByRole('heading', { level: 1, name: 'Claims against my shop' })).toBeVisible();
    const awaiting = m.getByRole('region', { name: /^Awaiting your answer/ });
    const card = awaiting.getByRole('listitem').filter({ hasText: reference });
    // Seven days to answer (the server's clock stands still in tests; this computer's goes on).
    await expect(card).toContainText(/until .+\(in (7 days|6 days 23 hours)\)/);
    await m.screenshot({ path: shot('4-merchant-claims'), fullPage: true });
    expect(await seriousViolations(m)).toEqual([]);
    await expectNoSidewaysScroll(m, 'the merchant’s claims');
    await card.getByRole('link').click();
    await expect(m.getByRole('heading', { level: 1, name: `Claim ${reference}` })).toBeVisible();
    const theirRequest = m.getByRole('region', { name: 'The customer’s request' });
    await expect(theirRequest).toContainText('still nothing');
    // The photo the customer attached reaches the merchant, whole.
    const photo = theirRequest.getByRole('link', { name: /^Download parcel\.png/ });
    const href = await photo.getAttribute('href');
    const download = await m.request.get(`${server.url}${href ?? ''}`);
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body()).equals(png())).toBe(true);
    await m
      .getByRole('textbox', { name: 'Your message' })
      .fill('Sorry for the delay: the parcel was sent again today, tracking number 6A19283746501.');
    await m.getByRole('button', { name: 'Send' }).click();
    await expect(m.getByText('Your message was sent.')).toBeVisible();
    await expect(m.getByText('Waiting for the customer')).toBeVisible();
    await m.screenshot({ path: shot('5-merchant-answered'), fullPage: true });
    expect(await seriousViolations(m)).toEqual([]);

    // The customer's page, never reloaded, shows the answer as it arrives (the event stream's poke).
    const thread = c.getByRole('list', { name: 'Correspondence' });
    await expect(thread.getByText(/tracking number 6A19283746501/)).toBeVisible();

    // The agent's dossier, never reloaded either, has the merchant's answer; the agent writes to the
    // customer, whose page shows it as it arrives.
    await expect(a.getByText(/tracking number 6A19283746501/).first()).toBeVisible();
    await a
      .getByRole('textbox', { name: 'Message' })
      .fill('We are following the delivery with the merchant.');
    await a.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(thread.getByText('We are following the delivery with the merchant.')).toBeVisible();
    await expect(c.getByText('Your answer is awaited').first()).toBeVisible();
    await c.screenshot({ path: shot('6-customer-sees-answer'), fullPage: true });

    // "The dispute is resolved", after a confirmation, closes it.
    await c.getByRole('button', { name: 'The dispute is resolved' }).click();
    const dialog = c.getByRole('dialog', { name: `Close claim ${reference}?` });
    await expect(dialog).toBeVisible();
    await c.screenshot({ path: shot('7-confirm') });
    expect(await seriousViolations(c)).toEqual([]);
    await dialog.getByRole('button', { name: 'Yes, the dispute is resolved' }).click();
    await expect(c.getByText(`Thank you. Claim ${reference} is closed.`)).toBeVisible();
    await expect(c.getByText('Closed: you said the dispute is resolved')).toBeVisible();
    await expect(c.getByRole('textbox', { name: 'Your message' })).toHaveCount(0);
    await c.screenshot({ path: shot('8-resolved'), fullPage: true });

    // The server holds it closed by the customer; the merchant's page says so without a reload.
    const token = await signIn(server.url, 'supervisor@klikpay.test');
    const id = new URL(c.url()).pathname.split('/').at(-1) ?? '';
    const res = await fetch(`${server.url}/api/v1/dossiers/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await res.json()).toMatchObject({
      reference,
      status: 'closed',
      closure: { reason: 'resolved_by_client' },
    });
    await expect(m.getByText('Closed: the customer said it is resolved')).toBeVisible();
    // And the back office, without a reload.
    await expect(a.locator('.dossier-header')).toContainText('Closed');
    await a.screenshot({ path: shot('9-back-office-closed') });
    await agent.close();

    // Signing out ends the session: a reload asks to sign in again.
    await c.getByRole('button', { name: 'Sign out' }).click();
    await expect(c.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await c.reload();
    await expect(c.getByRole('heading', { name: 'Sign in' })).toBeVisible();

    expect(customer.problems).toEqual([]);
    expect(merchant.problems).toEqual([]);
    await merchant.context.close();
    await customer.context.close();
  });
}

test('sign-in problems in plain words, and French on a French browser', async ({ browser }) => {
  const { context, page, problems } = await portalPage(browser, { width: 1280, height: 800 }, false);
  await signInOnPortal(page, 'agent@klikpay.test');
  await expect(page.getByRole('alert')).toContainText(
    'This portal is for customers and merchants. Klik & Pay staff use the back office.',
  );
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('textbox', { name: 'E-mail address' }).fill('client@klikpay.test');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const wrong = 'The e-mail address or the password is not right. Check both and try again.';
  await expect(page.getByRole('alert')).toHaveText(wrong);
  await page.getByRole('textbox', { name: 'E-mail address' }).fill('nobody@klikpay.test');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText(wrong);
  // The language follows the browser, and the switch's choice is kept.
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Règlement des litiges' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  await page.screenshot({ path: 'test-results/portal-sign-in-fr.png' });
  expect(problems).toEqual([]);
  await context.close();
});
