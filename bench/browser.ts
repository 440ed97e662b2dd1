/// <reference lib="dom" />
// Some functions here run in the page (page.evaluate): they are typed against the DOM.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

/**
 * The back office in headless Chromium, as an agent uses it, with timings taken inside the page:
 * from the input (a click, a keystroke) to the frame where the result is on screen.
 */

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Desk {
  context: BrowserContext;
  page: Page;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/**
 * A back office in its own Chromium with a profile on disk, as agents have it. An incognito context
 * (`browser.newContext()`) keeps IndexedDB in memory instead, whose costs are not a user's: at
 * 100,000 dossiers it wrote the first sync two to three times slower than the disk does.
 */
export async function newDesk(): Promise<Desk> {
  const dir = mkdtempSync(join(tmpdir(), 'klikpay-bench-desk-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...chromiumArgs, '--js-flags=--expose-gc'],
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    // The timings run a few lines of script in the page: allowed past the app's CSP for the bench only.
    bypassCSP: true,
  });
  // tsx names the functions it compiles with a helper (`__name`) that the page does not have.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  const [page = await context.newPage()] = context.pages();
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The browser's name and version, as its DevTools protocol gives it. */
export async function browserVersion(desk: Desk): Promise<string> {
  const cdp = await desk.context.newCDPSession(desk.page);
  const { product } = (await cdp.send('Browser.getVersion')) as { product: string };
  await cdp.detach();
  return product;
}

const firstRowsShown = '.queue-row__open, .queue-list__empty';

/** P1: sign-in to the first queue usable, and to every change of the workload in the cache. */
export async function firstSync(
  page: Page,
  baseUrl: string,
  credentials: { email: string; password: string },
  timeoutMs: number,
): Promise<{ firstQueueMs: number; syncMs: number | null }> {
  await page.goto(baseUrl);
  await page.locator('input[type=email]').fill(credentials.email);
  await page.locator('input[type=password]').fill(credentials.password);
  const started = Date.now();
  await page.locator('button[type=submit]').click();
  await page.waitForSelector(firstRowsShown, { timeout: timeoutMs });
  const firstQueueMs = Date.now() - started;
  try {
    await page.waitForFunction(
      () =>
        document.querySelector('[role=status][aria-label="Sync status"]')?.textContent.includes('Up to date'),
      undefined,
      { timeout: timeoutMs, polling: 250 },
    );
    return { firstQueueMs, syncMs: Date.now() - started };
  } catch {
    return { firstQueueMs, syncMs: null };
  }
}

/**
 * After the first sync, until the search index is built (the back office builds it in the
 * background): the time it took, in ms, read from the cache's own bookkeeping.
 */
export const searchIndexBuilt = (page: Page, userId: string, timeoutMs: number): Promise<number> =>
  cacheWorkDone(page, userId, { metaKey: 'searchBuiltUpTo', what: 'the search index' }, timeoutMs);

/**
 * Waits until background work of the cache is done — its position under `metaKey` gone, and
 * `markedStore` (if any) empty — and answers how long that took from the call.
 */
async function cacheWorkDone(
  page: Page,
  userId: string,
  work: { metaKey: string; markedStore?: string; what: string },
  timeoutMs: number,
): Promise<number> {
  const started = Date.now();
  await page.evaluate(
    async ({ name, work, timeoutMs }) => {
      const pending = async (): Promise<boolean> => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error ?? new Error('open failed'));
        });
        try {
          return await new Promise<boolean>((resolve, reject) => {
            const stores = work.markedStore ? ['meta', work.markedStore] : ['meta'];
            const tx = db.transaction(stores);
            const position = tx.objectStore('meta').get(work.metaKey);
            const marked = work.markedStore ? tx.objectStore(work.markedStore).count() : null;
            tx.oncomplete = () => resolve(position.result !== undefined || (marked?.result ?? 0) > 0);
            tx.onerror = () => reject(tx.error ?? new Error('read failed'));
          });
        } finally {
          db.close();
        }
      };
      const since = performance.now();
      while (await pending()) {
        if (performance.now() - since > timeoutMs) throw new Error(`${work.what} was never complete`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    { name: `klikpay-cache-${userId}`, work, timeoutMs },
  );
  return Date.now() - started;
}

type Scenario = 'queue' | 'search' | 'note';

/**
 * Runs one scenario's input in the page and waits, frame by frame, until its result is on screen:
 * the time between, in ms. (The scenarios are written out here: the app's CSP forbids eval.)
 */
async function timed(page: Page, kind: Scenario, arg: string, timeoutMs = 30_000): Promise<number> {
  return page.evaluate(
    async ({ kind, arg, timeoutMs }) => {
      const title = () => document.querySelector('#queue-title')?.textContent ?? '';
      const rowsShown = () =>
        document.querySelector('.queue-row__open, .queue-list__empty') !== null &&
        document.querySelector('.queue-row--loading') === null;
      let act: () => void;
      let done: () => boolean;
      if (kind === 'queue') {
        const button = [...document.querySelectorAll<HTMLElement>('.queue-nav__item')].find(
          (b) => b.querySelector('.queue-nav__name')?.textContent === arg,
        );
        if (!button) throw new Error(`no queue ${arg}`);
        act = () => button.click();
        done = () => title().startsWith(arg) && rowsShown();
      } else if (kind === 'search') {
        const box = document.querySelector<HTMLInputElement>('input[type=search]');
        // React watches the element's own value setter: the prototype's is the one a keystroke uses.
        // eslint-disable-next-line @typescript-eslint/unbound-method
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        if (!box || !setValue) throw new Error('no search box');
        act = () => {
          setValue.call(box, arg);
          box.dispatchEvent(new Event('input', { bubbles: true }));
        };
        // The title names the query; a typo forgiven names it in the note above the corrected results.
        const note = () => document.querySelector('.search-results [role=status]')?.textContent ?? '';
        done = () => title().includes(`“${arg}”`) || note().includes(`“${arg}”`);
      } else {
        const area = document.querySelector('textarea');
        if (!area) throw new Error('no composer');
        act = () =>
          area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
        done = () =>
          [...document.querySelectorAll('.dossier-timeline__list li')].some((li) =>
            li.textContent.includes(arg),
          );
      }
      const started = performance.now();
      act();
      for (;;) {
        await new Promise((frame) => requestAnimationFrame(frame));
        if (done()) return performance.now() - started;
        if (performance.now() - started > timeoutMs) throw new Error(`${kind} ${arg}: never shown`);
      }
    },
    { kind, arg, timeoutMs },
  );
}

/** P3: a click on a queue of the navigation until its first rows are painted. */
export const switchQueue = (page: Page, name: string): Promise<number> => timed(page, 'queue', name);

export async function queueNames(page: Page): Promise<string[]> {
  return page.$$eval('.queue-nav__item .queue-nav__name', (names) => names.map((n) => n.textContent));
}

/** P4: a query typed in the search box until its results are painted. */
export async function search(page: Page, query: string): Promise<number> {
  return (await searchSaying(page, query)).ms;
}

/** The same, with what the results said (their title, and the note of a forgiven typo). */
export async function searchSaying(page: Page, query: string): Promise<{ ms: number; said: string }> {
  const ms = await timed(page, 'search', query);
  const said = await page.evaluate(() =>
    [...document.querySelectorAll('.search-results #queue-title, .search-results [role=status]')]
      .map((e) => e.textContent)
      .join(' | '),
  );
  await clearSearch(page);
  return { ms, said };
}

async function clearSearch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const box = document.querySelector<HTMLInputElement>('input[type=search]');
    // eslint-disable-next-line @typescript-eslint/unbound-method -- React watches the element's own setter
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    if (!box || !set) return;
    set.call(box, '');
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** P5: an internal note sent with Ctrl+Enter until it shows in the timeline. */
export async function addNote(page: Page, text: string): Promise<number> {
  await page.getByRole('radio', { name: 'Internal note' }).check();
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  return timed(page, 'note', text);
}

/** Opens the n-th row of the queue shown. */
export async function openRow(page: Page, n: number): Promise<string | null> {
  const rows = page.locator('.queue-row__open');
  if ((await rows.count()) <= n) return null;
  const row = rows.nth(n);
  const id = await row.getAttribute('data-dossier-id');
  await row.click();
  await page.waitForSelector('.dossier-timeline', { timeout: 30_000 });
  return id;
}

/** P6: a reload of the app, with its cache, until the first queue is painted. */
export async function reopen(page: Page): Promise<number> {
  const started = Date.now();
  await page.reload({ waitUntil: 'commit' });
  await page.waitForSelector(firstRowsShown, { timeout: 60_000 });
  return Date.now() - started;
}

/** P7: the renderer's JavaScript heap after a full garbage collection, in MB. */
export async function heapMb(page: Page, context: BrowserContext): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usage.usedSize / 1024 / 1024;
}

/**
 * P2: watches a row's assignee and resolves with the epoch time (ms) it first reads `name`, so the
 * caller can compare it with when the change was committed.
 */
export async function watchAssignee(
  page: Page,
  dossierId: string,
  name: string,
): Promise<() => Promise<number>> {
  await page.evaluate(
    ({ dossierId, name }) => {
      const w = window as unknown as { benchSeen?: Promise<number> };
      w.benchSeen = new Promise((resolve) => {
        const read = () =>
          document.querySelector(`[data-dossier-id="${dossierId}"] .queue-row__assignee`)?.textContent ===
          name;
        const observer = new MutationObserver(() => {
          if (!read()) return;
          observer.disconnect();
          resolve(performance.timeOrigin + performance.now());
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    },
    { dossierId, name },
  );
  return () => page.evaluate<number>(() => (window as unknown as { benchSeen: Promise<number> }).benchSeen);
}

/**
 * A bulk close of the waiting queue whose count is nearest to `size`: every member selected ("Select
 * all … matching"), closed with one summary; timed in the page from the dialog's submit to the
 * bulk summary saying "Done". Null when no open queue has a member.
 */
export async function bulkClose(
  page: Page,
  size: number,
): Promise<{ ms: number; count: number; queue: string } | null> {
  // Right after a reload the counts are still being taken ("…").
  await page.waitForFunction(
    () => ![...document.querySelectorAll('.queue-nav__count')].some((c) => c.textContent === '…'),
    undefined,
    { timeout: 120_000 },
  );
  const queues = await page.$$eval('.queue-nav__item', (items) =>
    items.map((item) => ({
      name: item.querySelector('.queue-nav__name')?.textContent ?? '',
      count: Number((item.querySelector('.queue-nav__count')?.textContent ?? '').replace(/\D/g, '') || 0),
    })),
  );
  // Not the queues of the dossiers the API figures push notes to (awaiting Klik & Pay).
  const open = queues.filter(
    (q) => q.count > 0 && ['Awaiting customer', 'Awaiting merchant', 'Merchant overdue'].includes(q.name),
  );
  const nearest = open.sort((a, b) => Math.abs(a.count - size) - Math.abs(b.count - size))[0];
  if (!nearest) return null;
  await switchQueue(page, nearest.name);
  await page.getByRole('checkbox', { name: /matching the filter$/ }).check();
  await page.locator('.bulk-bar').getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('textbox', { name: 'Resolution summary' }).fill('Bench: closed in bulk.');
  const count = Number(
    (await page.getByRole('button', { name: /^Close [\d,  ]+ dossiers?$/ }).textContent())?.replace(
      /\D/g,
      '',
    ) ?? 0,
  );
  const ms = await page.evaluate(async (timeoutMs) => {
    const submit = [
      ...document.querySelectorAll<HTMLButtonElement>('dialog button, [role=dialog] button'),
    ].find((b) => /^Close [\d,  ]+ dossiers?$/.test(b.textContent));
    if (!submit) throw new Error('no submit button in the close dialog');
    const started = performance.now();
    submit.click();
    for (;;) {
      await new Promise((frame) => requestAnimationFrame(frame));
      if (document.querySelector('.bulk-summary__line')?.textContent.startsWith('Done')) break;
      if (performance.now() - started > timeoutMs) throw new Error('the bulk close never ended');
    }
    return performance.now() - started;
  }, 600_000);
  return { ms, count, queue: nearest.name };
}

/** Until a supervisor's dashboard facts are all taken (cache/facts.ts): no walk left, nothing marked. */
export const factsBuilt = (page: Page, userId: string, timeoutMs: number): Promise<number> =>
  cacheWorkDone(
    page,
    userId,
    { metaKey: 'factsBuiltUpTo', markedStore: 'factsDirty', what: 'the dashboard facts' },
    timeoutMs,
  );

/**
 * P9: from a click on a dashboard control to its figures on screen, in the page. `open` is the first
 * look (the facts read from the cache into memory); a period change after it computes over memory.
 */
export async function dashboardTimes(page: Page): Promise<{ open: number; period: number }> {
  const open = await page.evaluate(async () => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('.dashboard-nav button')][0];
    if (!button) throw new Error('no Dashboard in the navigation (not a supervisor?)');
    const started = performance.now();
    button.click();
    for (;;) {
      if (document.querySelector('.dash-card .dash-table')) return performance.now() - started;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  });
  const period = await page.evaluate(async () => {
    const select = document.querySelector<HTMLSelectElement>('.dashboard__controls select');
    const footnote = () => document.querySelector('.dashboard__footnote')?.textContent ?? '';
    if (!select) throw new Error('no period control');
    const before = footnote();
    const started = performance.now();
    select.value = select.value === '4w' ? '52w' : '4w';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    for (;;) {
      if (footnote() !== before) return performance.now() - started;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  });
  return { open, period };
}
