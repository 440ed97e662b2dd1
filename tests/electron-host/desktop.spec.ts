import { randomUUID } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { RunningServer } from '../../src-server/server';
import { ipcInvokes } from '../../src-shared/contract/bridge';
import { attachmentLimits } from '../../src-shared/domain/model';
import { serverView, signIn } from '../e2e/api';
import {
  addNote,
  closeOpenDossier,
  openFirst,
  openQueue,
  signInOnPage,
  statusRegion,
} from '../e2e/desk-page';
import type { DesktopRun } from './harness';
import { removeUserData, startApi, startDesktopApp } from './harness';

/**
 * The desktop app end to end without the Electron binary: the real src-main modules (gateway,
 * window factory, app:// protocol, IPC with sender checks, journal file, session in safeStorage)
 * in Node, the built preload and renderer in Chromium, through the electron stand-in
 * (tests/electron-host/stand-in.ts). Each test starts its own app on its own user data.
 */

let server: RunningServer;
const runs: DesktopRun[] = [];

test.beforeAll(async () => {
  server = await startApi();
});
test.afterAll(async () => {
  await server.close();
});
test.afterEach(async () => {
  for (const run of runs.splice(0)) {
    await run.quit();
    await removeUserData(run.userData);
  }
});

async function launch(
  browser: Parameters<typeof startDesktopApp>[0],
  options: { server?: string | null; userData?: string } = {},
) {
  const run = await startDesktopApp(browser, {
    server: options.server === undefined ? server.url : options.server,
    ...(options.userData ? { userData: options.userData } : {}),
  });
  runs.push(run);
  return { run, page: await run.page() };
}

const signInAs = signInOnPage;

/** Calls the page's bridge (the preload's `window.klikpay`) and answers what it answered. */
function bridgeCall(page: Page, method: string, ...args: unknown[]) {
  return page.evaluate(
    async ([name, params]) => {
      const bridge = (
        globalThis as unknown as { klikpay: Record<string, (...a: unknown[]) => Promise<unknown>> }
      ).klikpay;
      const fn = bridge[name];
      if (!fn) throw new Error(`the bridge has no ${name}`);
      return fn(...params);
    },
    [method, args] as const,
  );
}

/** A customer files a claim with a "photo" (PNG's signature, then every byte value) through the API. */
async function claimWithFile() {
  const api = `${server.url}/api/v1`;
  const headers = {
    authorization: `Bearer ${await signIn(server.url, 'client@klikpay.test')}`,
    'content-type': 'application/json',
  };
  const bytes = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  ]);
  const { items } = (await (await fetch(`${api}/transactions`, { headers })).json()) as {
    items: { id: string; openDossierId: string | null }[];
  };
  const transaction = items.find((t) => t.openDossierId === null);
  if (!transaction) throw new Error('the customer has no transaction free of a claim');
  const filed = await fetch(`${api}/dossiers`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      transactionId: transaction.id,
      subject: 'payment',
      reason: 'other',
      merchantContact: 'not_contacted',
      description: 'Charged twice: the receipt is attached.',
      attachments: [
        { filename: 'receipt.png', contentType: 'image/png', contentBase64: bytes.toString('base64') },
      ],
    }),
  });
  const { id } = (await filed.json()) as { id: string };
  const dossier = (await (await fetch(`${api}/dossiers/${id}`, { headers })).json()) as {
    messages: { attachments: { id: string }[] }[];
  };
  const attachmentId = dossier.messages.flatMap((m) => m.attachments)[0]?.id;
  if (!attachmentId) throw new Error(`the claim answered ${filed.status} without its file`);
  return { dossierId: id, attachmentId, bytes };
}

test('every channel of the bridge is served by the main process, and only to the app', async ({
  browser,
}) => {
  const { run, page } = await launch(browser);
  expect(run.standIn.channels().sort()).toEqual(
    Object.values(ipcInvokes)
      .map((c) => c.channel)
      .sort(),
  );
  // Each method of the preload's bridge reaches a handler (none answers "could not answer").
  const answers = {
    getAppInfo: await bridgeCall(page, 'getAppInfo'),
    currentUser: await bridgeCall(page, 'currentUser'),
    server: await bridgeCall(page, 'server'),
    rules: await bridgeCall(page, 'rules'),
    pull: await bridgeCall(page, 'pull', null, 10),
    setOverdueCount: await bridgeCall(page, 'setOverdueCount', 3),
  };
  expect(answers.getAppInfo).toMatchObject({ ok: true, value: { name: 'Klik & Pay Dispute Desk' } });
  expect(answers.currentUser).toEqual({ ok: true, value: null });
  expect(answers.server).toEqual({ ok: true, value: { url: server.url, locked: false } });
  // Signed out: the API says so, through main.
  expect(answers.rules).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  expect(answers.pull).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  expect(answers.setOverdueCount).toEqual({ ok: true, value: null });
  expect(run.standIn.badge.count).toBe(3);
  // Malformed payloads are refused by main's schemas.
  expect(await bridgeCall(page, 'pull', null, 0)).toMatchObject({
    ok: false,
    error: { code: 'invalid_request' },
  });
  expect(await bridgeCall(page, 'attachment', '../sessions', 'current')).toMatchObject({
    ok: false,
    error: { code: 'invalid_request' },
  });
  // A party's file reaches the page through main whole, every byte value of it, once signed in.
  const file = await claimWithFile();
  expect(await bridgeCall(page, 'attachment', file.dossierId, file.attachmentId)).toMatchObject({
    ok: false,
    error: { code: 'unauthenticated' },
  });
  expect(await bridgeCall(page, 'signIn', 'agent@klikpay.test', 'demo')).toMatchObject({ ok: true });
  expect(await bridgeCall(page, 'attachment', file.dossierId, file.attachmentId)).toEqual({
    ok: true,
    value: { contentType: 'image/png', contentBase64: file.bytes.toString('base64') },
  });
  expect(await bridgeCall(page, 'attachment', file.dossierId, 'no-such-file')).toMatchObject({
    ok: false,
    error: { code: 'not_found' },
  });

  // A hostile page in the same window (a navigation the app would have blocked): refused.
  await page
    .context()
    .route('https://evil.example/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>evil</title>' }),
    );
  await page.goto('https://evil.example/');
  expect(await bridgeCall(page, 'currentUser')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(await bridgeCall(page, 'signIn', 'agent@klikpay.test', 'demo')).toMatchObject({
    ok: false,
    error: { code: 'forbidden' },
  });
});

test('an agent stages a file through uploads:put for a reply; what cannot be staged is a clear refusal', async ({
  browser,
}) => {
  const { page } = await launch(browser);
  // A real PNG (the app's icon), as the renderer would read it from a file picker.
  const bytes = await readFile('resources/icon-512.png');
  const id = randomUUID();
  const icon = {
    id,
    filename: 'capture écran.png',
    contentType: 'image/png',
    contentBase64: bytes.toString('base64'),
  };
  const refused = (message: string | RegExp) => ({
    ok: false,
    error: { code: 'invalid_request', message: expect.stringMatching(message) },
  });

  // Malformed payloads never leave main (its schema names the channel).
  for (const bad of [
    { ...icon, id: '../sessions/current' },
    { ...icon, id: id.toUpperCase() },
    { ...icon, filename: '../../etc/passwd' },
    { ...icon, contentType: 'text/html' },
    { ...icon, contentBase64: '<svg onload=alert(1)>' },
    { ...icon, path: '/etc/passwd' },
  ])
    expect(await bridgeCall(page, 'upload', bad), JSON.stringify(bad).slice(0, 80)).toEqual(
      refused(/uploads:put/),
    );
  expect(await bridgeCall(page, 'upload', icon)).toMatchObject({
    ok: false,
    error: { code: 'unauthenticated' },
  });

  // Signed in: staged (201), and sent again the same file answers the same (200).
  expect(await bridgeCall(page, 'signIn', 'agent@klikpay.test', 'demo')).toMatchObject({ ok: true });
  const staged = { id, filename: icon.filename, contentType: 'image/png', size: bytes.length };
  expect(await bridgeCall(page, 'upload', icon)).toEqual({ ok: true, value: staged });
  expect(await bridgeCall(page, 'upload', icon)).toEqual({ ok: true, value: staged });

  // The server's refusals, in its words: the id used for another file (409), bytes that are not
  // the type they claim (400), a file over the limit (413: base64 the channel takes, bytes over it).
  expect(await bridgeCall(page, 'upload', { ...icon, filename: 'other.png' })).toEqual(
    refused(/already names another file/),
  );
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
  expect(await bridgeCall(page, 'upload', { ...icon, id: randomUUID(), contentBase64: pdf })).toEqual(
    refused(/not a valid image\/png file/),
  );
  const over = Buffer.alloc(attachmentLimits.bytes + 2, 0x20);
  bytes.copy(over);
  expect(
    await bridgeCall(page, 'upload', { ...icon, id: randomUUID(), contentBase64: over.toString('base64') }),
  ).toEqual(refused(/larger than 4 MB/));

  // The answer is what a reply lists: the file is bound to it and reads back byte for byte.
  const { dossierId } = await claimWithFile();
  const reply = {
    id: randomUUID(),
    name: 'dossier.reply',
    args: { dossierId, body: 'Voici la capture demandée.', audience: 'customer', attachments: [staged] },
  };
  expect(await bridgeCall(page, 'push', { clientId: 'desk-upload', mutations: [reply] })).toMatchObject({
    ok: true,
    value: { results: [{ id: reply.id, status: 'applied' }] },
  });
  expect(await bridgeCall(page, 'attachment', dossierId, id)).toEqual({
    ok: true,
    value: { contentType: 'image/png', contentBase64: icon.contentBase64 },
  });

  // Only staff stage files.
  expect(await bridgeCall(page, 'signOut')).toMatchObject({ ok: true });
  expect(await bridgeCall(page, 'signIn', 'client@klikpay.test', 'demo')).toMatchObject({ ok: true });
  expect(await bridgeCall(page, 'upload', { ...icon, id: randomUUID() })).toMatchObject({
    ok: false,
    error: { code: 'forbidden' },
  });
});

test('the team’s views and macros are saved and deleted through team:save and team:delete, under the API’s rules', async ({
  browser,
}) => {
  const { page } = await launch(browser);
  const view = {
    kind: 'view',
    id: randomUUID(),
    fields: {
      name: 'Late merchants',
      queue: 'merchant_overdue',
      filter: {},
      sort: { key: 'urgency', direction: 'asc' },
    },
  };
  const macro = {
    kind: 'macro',
    id: randomUUID(),
    fields: { name: 'Mine now', letter: null, tags: ['desk'], followUp: null, finish: { kind: 'take' } },
  };
  // Malformed payloads never leave main.
  for (const bad of [
    { ...macro, id: '../sessions/current' },
    { ...macro, kind: 'view' },
    { ...view, fields: {} },
  ])
    expect(await bridgeCall(page, 'saveTeamItem', bad)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringContaining('team:save') },
    });
  expect(await bridgeCall(page, 'saveTeamItem', macro)).toMatchObject({
    ok: false,
    error: { code: 'unauthenticated' },
  });

  expect(await bridgeCall(page, 'signIn', 'agent@klikpay.test', 'demo')).toMatchObject({ ok: true });
  expect(await bridgeCall(page, 'saveTeamItem', macro)).toMatchObject({
    ok: true,
    value: { kind: 'macro', item: { ...macro.fields, id: macro.id, createdBy: 'u-agent' } },
  });
  // Sharing a view is a supervisor's: the API's refusal comes back as it is.
  expect(await bridgeCall(page, 'saveTeamItem', view)).toMatchObject({
    ok: false,
    error: { code: 'forbidden' },
  });

  expect(await bridgeCall(page, 'signOut')).toMatchObject({ ok: true });
  expect(await bridgeCall(page, 'signIn', 'supervisor@klikpay.test', 'demo')).toMatchObject({ ok: true });
  expect(await bridgeCall(page, 'saveTeamItem', view)).toMatchObject({
    ok: true,
    value: { kind: 'view', item: { id: view.id, name: 'Late merchants', createdBy: 'u-supervisor' } },
  });
  expect(await bridgeCall(page, 'deleteTeamItem', { kind: 'macro', id: macro.id })).toEqual({
    ok: true,
    value: null,
  });
  expect(await bridgeCall(page, 'deleteTeamItem', { kind: 'macro', id: macro.id })).toMatchObject({
    ok: false,
    error: { code: 'not_found' },
  });
  expect(await bridgeCall(page, 'deleteTeamItem', { kind: 'view', id: view.id })).toEqual({
    ok: true,
    value: null,
  });
});

test('an agent signs in, works online and offline, reloads offline and comes back exactly once', async ({
  browser,
}) => {
  const { run, page } = await launch(browser);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await signInAs(page, 'agent@klikpay.test');

  // The token stays in main, sealed on disk; the renderer's storage never holds it.
  const token = await signIn(server.url, 'agent@klikpay.test');
  const sessionFile = await readFile(join(run.userData, 'session.json'), 'utf8');
  expect(sessionFile).toContain('agent@klikpay.test');
  const storage = await page.evaluate(() => JSON.stringify(Object.entries(globalThis.localStorage)));
  expect(storage).not.toMatch(/token|Bearer/i);

  // Every queue answers from the cache.
  const before = await serverView(server.url, token);
  for (const name of ['Mine', 'Unassigned', 'Escalated', 'Awaiting merchant', 'All'])
    await openQueue(page, name);

  // Online: a reply reaches the server.
  await openFirst(page, 'Escalated');
  const reply = `Nous avons bien reçu votre réclamation ${Date.now()}.`;
  await page.getByRole('radio', { name: 'Customer', exact: true }).check();
  await page.getByRole('textbox', { name: 'Message' }).fill(reply);
  await page.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(page.locator('.dossier-msg__body', { hasText: reply })).toBeVisible();
  await expect
    .poll(async () => (await serverView(server.url, token)).messages.filter((m) => m.body === reply).length)
    .toBe(1);
  await expect(statusRegion(page)).toContainText('Up to date');

  // The computer loses its network: main tells the renderer.
  run.standIn.setOnline(false);
  await expect(statusRegion(page)).toContainText('Offline');
  const closed = await openFirst(page, 'Awaiting customer');
  await closeOpenDossier(page, 'Refund confirmed by the merchant.');
  const noted = await openFirst(page, 'Unassigned');
  const note = `Appeler le marchand demain ${Date.now()}.`;
  await addNote(page, note);
  await expect(statusRegion(page)).toContainText('2 pending');

  // The journal file holds both changes, outside IndexedDB.
  const journalled = async () => {
    const names = await readdir(join(run.userData, 'journal'));
    const texts = await Promise.all(
      names.map((name) => readFile(join(run.userData, 'journal', name), 'utf8')),
    );
    return texts.flatMap((text) => (JSON.parse(text) as { name: string }[]).map((e) => e.name)).sort();
  };
  await expect.poll(journalled).toEqual(['dossier.close', 'dossier.note']);

  // A reload with no network: the page from app://, the data and outbox from IndexedDB.
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Queues' })).toBeVisible();
  await expect(statusRegion(page)).toContainText('2 pending');

  // Back online: everything goes up once.
  run.standIn.setOnline(true);
  await expect(statusRegion(page)).toContainText('Up to date', { timeout: 30_000 });
  const after = await serverView(server.url, token);
  expect(after.messages.filter((m) => m.body === reply)).toHaveLength(1);
  expect(after.messages.filter((m) => m.body === note)).toHaveLength(1);
  expect(after.dossiers.find((d) => d.reference === closed)?.status).toBe('closed');
  expect(after.messages.length - before.messages.length).toBeGreaterThanOrEqual(2);
  expect(noted).toMatch(/^KP-/);
  expect(problems).toEqual([]);
});

test('a lost IndexedDB loses nothing: the journal file brings the pending change back', async ({
  browser,
}) => {
  const first = await launch(browser);
  await signInAs(first.page, 'agent2@klikpay.test');
  first.run.standIn.setOnline(false);
  await expect(statusRegion(first.page)).toContainText('Offline');
  await openFirst(first.page, 'Unassigned');
  const note = `Pièce justificative reçue ${Date.now()}.`;
  await addNote(first.page, note);
  await expect(statusRegion(first.page)).toContainText('1 pending');
  const userData = first.run.userData;
  // The app quits; its cache goes with the browser profile. The next start has an empty IndexedDB.
  runs.splice(runs.indexOf(first.run), 1);
  await first.run.quit();

  const second = await launch(browser, { userData });
  // Still signed in (the session file), the cache rebuilt from the server, the change from the journal.
  await expect(second.page.getByRole('navigation', { name: 'Queues' })).toBeVisible();
  await expect(statusRegion(second.page)).toContainText('Up to date', { timeout: 60_000 });
  const token = await signIn(server.url, 'agent2@klikpay.test');
  const notes = async (body: string) =>
    (await serverView(server.url, token)).messages.filter((m) => m.body === body).length;
  expect(await notes(note)).toBe(1);

  // Now the database is deleted while the app has it open (site data cleared under it).
  second.run.standIn.setOnline(false);
  await expect(statusRegion(second.page)).toContainText('Offline');
  await openFirst(second.page, 'Unassigned');
  const again = `Relevé bancaire reçu ${Date.now()}.`;
  await addNote(second.page, again);
  await expect(statusRegion(second.page)).toContainText('1 pending');
  const cdp = await second.page.context().newCDPSession(second.page);
  await cdp.send('Storage.clearDataForOrigin', { origin: 'https://app.desk', storageTypes: 'indexeddb' });
  // The app rebuilds its cache and puts the journalled change back in the outbox, still offline.
  await expect(statusRegion(second.page)).toContainText('1 pending');
  second.run.standIn.setOnline(true);
  await expect.poll(() => notes(again), { timeout: 60_000 }).toBe(1);
  await expect(statusRegion(second.page)).toContainText('Up to date', { timeout: 60_000 });
  expect(await notes(note)).toBe(1);
});

test('a deep link and a notification click open their dossier', async ({ browser }) => {
  const { run, page } = await launch(browser);
  await signInAs(page, 'agent@klikpay.test');
  const token = await signIn(server.url, 'agent@klikpay.test');
  const { dossiers } = await serverView(server.url, token);
  const [linked, notified] = dossiers;
  if (!linked || !notified) throw new Error('the demo has no dossiers');

  // Windows: a second instance started by the link hands its argv over, then quits.
  run.standIn.emitApp('second-instance', {}, [
    'Dispute Desk.exe',
    `klikpay-disputes://dossier/${linked.reference}`,
  ]);
  await expect(page.getByRole('heading', { name: linked.reference })).toBeVisible();
  // macOS: the link comes as an event; a malformed one is ignored.
  run.standIn.emitApp(
    'open-url',
    { preventDefault: () => undefined },
    'klikpay-disputes://dossier/../../etc',
  );
  await expect(page.getByRole('heading', { name: linked.reference })).toBeVisible();

  // A notification shown by main; clicking it opens its dossier.
  expect(
    await bridgeCall(page, 'notify', {
      kind: 'assigned',
      title: `${notified.reference} is yours`,
      body: 'Assigned to you by a supervisor.',
      dossierId: notified.id,
    }),
  ).toEqual({ ok: true, value: null });
  const shown = run.standIn.notifications.find((n) => n.title.startsWith(notified.reference));
  if (!shown) throw new Error('no notification was shown');
  shown.click();
  await expect(page.getByRole('heading', { name: notified.reference })).toBeVisible();
});

test('first run: the agent connects to the server, signs in, and works from the menu', async ({
  browser,
}) => {
  const { run, page } = await launch(browser, { server: null });
  await expect(page.getByRole('heading', { name: 'Connect to your server' })).toBeVisible();
  const address = page.getByLabel('Server address');
  await address.fill('ftp://disputes.example');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('This is not a server address');
  await address.fill('http://127.0.0.1:9');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Nothing answered at this address');
  await address.fill(`${server.url}/api/v1/`);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByText(`Server: ${new URL(server.url).host}`)).toBeVisible();
  await page.screenshot({ path: 'test-results/desktop-sign-in.png' });
  // Kept for the next start, in the user's settings file.
  expect(await readFile(join(run.userData, 'settings.json'), 'utf8')).toContain(server.url);

  await signInAs(page, 'agent@klikpay.test');
  run.standIn.clickMenu('queue:unassigned');
  await expect(page.getByRole('heading', { level: 1, name: /^Unassigned/ })).toBeVisible();
  run.standIn.clickMenu('help');
  await expect(page.getByRole('dialog', { name: /shortcuts/i })).toBeVisible();
});
