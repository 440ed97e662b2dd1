/// <reference lib="dom" />
// Some functions here run in the page (page.evaluate): they are typed against the DOM.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { serverConfigSchema } from '../src-server/config';
import { startServer } from '../src-server/server';
import { assign, signIn as signInApi } from './api';
import {
  addNote,
  bulkClose,
  chromiumArgs,
  dashboardTimes,
  factsBuilt,
  firstSync,
  openRow,
  reopen,
  searchSaying,
  searchIndexBuilt,
  switchQueue,
  watchAssignee,
} from './browser';
import { factsCodec } from '../src-renderer/cache/facts-codec';
import { seededCopy } from './seeded';

/**
 * `npm run bench:profile -- [--dossiers N] [--terms a,b,c] [--cpu]`: a back office with the full
 * workload already synced, kept between runs (`.bench/profile-N/`: the API's database and
 * Chromium's profile, on a fixed port so the cache's origin stays the same), to profile one
 * scenario at scale without paying the first sync each time. It times searches (end to end, and
 * the raw IndexedDB reads they are made of) and, with `--cpu`, writes a CPU profile of them to open
 * in Chromium's DevTools. Not a benchmark: the figures are `npm run bench`'s.
 */

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '100000' },
    port: { type: 'string', default: '47811' },
    terms: { type: 'string', default: 'colis,Sébastien,refund,lumi,KP-2026-008911,Thomas,se,ma' },
    cpu: { type: 'boolean', default: false },
    'trace-idb': { type: 'boolean', default: false },
    scenario: { type: 'string', default: 'search' },
    'trace-api': { type: 'boolean', default: false },
    /** Whose back office: a supervisor's keeps the dashboard's facts (`--scenario dashboard`). */
    email: { type: 'string', default: 'agent@klikpay.test' },
    /** `--scenario bulk`: the size of the bulk close (the waiting queue nearest to it). */
    'bulk-size': { type: 'string', default: '1000' },
    /** `--scenario colleague`: the pause between two assignments. */
    'pause-ms': { type: 'string', default: '1000' },
    /** `--scenario colleague`: notes the agent adds first (the bench's P5 comes before its P2). */
    'notes-first': { type: 'string', default: '0' },
  },
});
const dossiers = Number(values.dossiers);
const root = join('.bench', `profile-${dossiers}`);
const serverDir = join(root, 'server');
// One Chromium profile per person: each keeps the copy of its own first sync.
const browserDir = join(
  root,
  values.email === 'agent@klikpay.test' ? 'chromium' : `chromium-${values.email.split('@')[0] ?? 'other'}`,
);

async function main(): Promise<void> {
  mkdirSync(root, { recursive: true });
  if (!existsSync(serverDir)) {
    const copy = await seededCopy(dossiers);
    renameSync(copy.dir, serverDir);
  }
  const server = await startServer(
    serverConfigSchema.parse({ port: Number(values.port), dataDir: serverDir, web: true, logLevel: 'warn' }),
  );
  const context = await chromium.launchPersistentContext(browserDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    bypassCSP: true,
  });
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  if (values['trace-idb']) await context.addInitScript(traceIndexedDb);
  try {
    // Chromium may bring back the tabs of the last run: each would hold a stream and sync of its own
    // (and HTTP/1.1 gives an origin six connections), so one page only.
    const [page = await context.newPage(), ...restored] = context.pages();
    if (restored.length > 0) console.log(`Closing ${restored.length} restored tab(s).`);
    for (const tab of restored) await tab.close();
    if (values['trace-api']) {
      const t0 = Date.now();
      page.on('response', (r) => {
        if (r.url().includes('/sync/stream'))
          console.log(`    ${Date.now() - t0} ms stream answered ${r.status()}`);
      });
      page.on('requestfailed', (r) => {
        if (r.url().includes('/api/'))
          console.log(
            `    ${Date.now() - t0} ms failed ${new URL(r.url()).pathname} ${r.failure()?.errorText ?? ''}`,
          );
      });
      page.on('request', (r) => {
        if (r.url().includes('/sync/stream')) console.log(`    ${Date.now() - t0} ms stream opened`);
      });
    }
    await page.goto(server.url);
    const signIn = page.locator('input[type=email]');
    const rows = page.locator('.queue-row__open, .queue-list__empty').first();
    await Promise.race([signIn.waitFor({ timeout: 600_000 }), rows.waitFor({ timeout: 600_000 })]);
    if (await signIn.isVisible()) {
      console.log('Signing in and syncing (once per profile)…');
      const sync = await firstSync(page, server.url, { email: values.email, password: 'demo' }, 3_600_000);
      console.log(`Synced in ${((sync.syncMs ?? 0) / 1000).toFixed(0)} s; building the search index…`);
    } else {
      await page.waitForFunction(
        () =>
          document
            .querySelector('[role=status][aria-label="Sync status"]')
            ?.textContent.includes('Up to date'),
        undefined,
        { timeout: 600_000, polling: 250 },
      );
    }
    // After a first sync, or a new version of the cache's schema, the search index is built anew.
    const userId = await page.evaluate(async () => {
      const names = (await indexedDB.databases()).map((d) => d.name ?? '');
      return names.find((n) => n.startsWith('klikpay-cache-'))?.slice('klikpay-cache-'.length) ?? '';
    });
    const builtMs = await searchIndexBuilt(page, userId, 3_600_000);
    if (builtMs > 1_000) console.log(`Search index built in ${(builtMs / 1000).toFixed(0)} s.`);
    await switchQueue(page, 'All');
    const terms = values.terms.split(',').filter(Boolean);
    const cdp = await context.newCDPSession(page);
    if (values.cpu) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    if (values.scenario === 'colleague') await colleague(page, server.url);
    if (values.scenario === 'stream') await streamInPage(page, server.url);
    if (values.scenario === 'rows') await rowsWithPreviews(page, userId);
    if (values.scenario === 'bulk') {
      // P5.bulk as the bench takes it; it closes them in the kept copy (delete it to start again).
      const since = await page.evaluate(() => performance.now());
      const closed = await bulkClose(page, Number(values['bulk-size']));
      console.log(
        closed
          ? `bulk close of ${closed.count} in ${closed.queue}: ${closed.ms.toFixed(0)} ms`
          : 'no open queue to close in bulk',
      );
      if (values['trace-idb']) await printIdbTrace(page, since, 60_000);
    }
    if (values.scenario === 'reopen') {
      // P6 as the bench takes it: a reload until the first queue's rows show.
      for (let round = 0; round < 5; round++) {
        const ms = await reopen(page);
        console.log(`reopen to the first rows: ${ms} ms`);
        // Where the page's own time went: its load, its script, and each API request it made.
        const marks = await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as
            PerformanceNavigationTiming | undefined;
          const api = performance
            .getEntriesByType('resource')
            .map((r) => r as PerformanceResourceTiming)
            .filter((r) => r.name.includes('/api/') || r.name.includes('/assets/'))
            .map(
              (r) =>
                `${new URL(r.name).pathname.split('/').pop() ?? ''} ${r.startTime.toFixed(0)}→${r.responseEnd.toFixed(0)}`,
            );
          return [
            `response end ${nav?.responseEnd.toFixed(0) ?? '?'}, DOM content loaded ${nav?.domContentLoadedEventEnd.toFixed(0) ?? '?'}`,
            ...api,
          ];
        });
        for (const line of marks) console.log(`    ${line}`);
        // The page's clock starts again with the reload: its first seconds.
        if (values['trace-idb']) await printIdbTrace(page, 0, ms + 1_000);
        await page.waitForTimeout(5_000);
      }
    }
    if (values.scenario === 'dashboard') {
      const took = await factsBuilt(page, userId, 3_600_000);
      if (took > 1_000) console.log(`Dashboard facts taken in ${(took / 1000).toFixed(0)} s.`);
      // A snapshot of an older layout is written again after a sync round: a reload would cut it.
      await page.waitForFunction(
        snapshotCurrent,
        { userId, codec: factsCodec },
        { timeout: 600_000, polling: 500 },
      );
      for (let round = 0; round < 3; round++) {
        // As the bench takes P9: a reload, then the dashboard as soon as its button shows.
        await page.reload();
        await page.locator('.dashboard-nav button').waitFor({ timeout: 600_000 });
        const since = await page.evaluate(() => performance.now());
        const { open, period } = await dashboardTimes(page);
        console.log(`dashboard: first look ${open.toFixed(0)} ms, period change ${period.toFixed(0)} ms`);
        if (values['trace-idb']) await printIdbTrace(page, since, 10_000);
        await switchQueue(page, 'All');
      }
      console.log(`raw reads of the facts: ${JSON.stringify(await page.evaluate(rawFactsReads, userId))}`);
    }
    for (let round = 0; round < (values.scenario === 'search' ? 2 : 0); round++) {
      for (const term of terms) {
        const since = await page.evaluate(() => performance.now());
        const { ms, said } = await searchSaying(page, term);
        const raw = await rawSearchReads(page, term);
        console.log(
          `${term.padEnd(16)} ${ms.toFixed(0).padStart(6)} ms   raw: ${JSON.stringify(raw)}   ${said}`,
        );
        if (values['trace-idb']) await printIdbTrace(page, since, 5_000);
        await switchQueue(page, 'All');
      }
    }
    if (values.cpu) {
      const { profile } = await cdp.send('Profiler.stop');
      const file = join(root, `search-${Date.now()}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      console.log(`CPU profile: ${file}`);
    }
  } finally {
    await context.close();
    await server.close();
  }
}

/** The IndexedDB requests slower than 20 ms within `windowMs` after `since` (`--trace-idb`). */
async function printIdbTrace(page: Page, since: number, windowMs: number): Promise<void> {
  const slow = await page.evaluate(
    ({ since, windowMs }) =>
      ((globalThis as unknown as { idbTrace?: [string, number, number][] }).idbTrace ?? [])
        .filter(([, start, end]) => end > since && start < since + windowMs && end - start > 20)
        .map(([what, start, end]) => `${what} ${(start - since).toFixed(0)}→${(end - since).toFixed(0)}`),
    { since, windowMs },
  );
  for (const line of slow) console.log(`    ${line}`);
}

/**
 * The queue rows' third line at scale: how long a queue takes to show its rows with their last
 * messages, the raw reads those previews are made of (100 reverse cursors), and the "New replies"
 * filter over the whole copy.
 */
async function rowsWithPreviews(page: Page, userId: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Queues' });
  for (let round = 0; round < 3; round++) {
    for (const queue of ['Mine', 'Unassigned', 'All']) {
      const t0 = Date.now();
      await nav.getByRole('button', { name: new RegExp(`^${queue},`) }).click();
      await page.locator('.queue-row__open').first().waitFor();
      const rows = Date.now() - t0;
      await page.locator('.queue-row__preview').first().waitFor({ timeout: 60_000 });
      console.log(`${queue.padEnd(12)} rows ${rows} ms, previews ${Date.now() - t0} ms`);
    }
  }
  const raw = await page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const ids = await new Promise<string[]>((resolve) => {
      const got: string[] = [];
      const req = db.transaction('dossiers').objectStore('dossiers').index('urgency').openKeyCursor();
      req.onsuccess = () => {
        const c = req.result;
        if (!c || got.length === 100) {
          resolve(got);
          return;
        }
        if (typeof c.primaryKey === 'string') got.push(c.primaryKey);
        c.continue();
      };
    });
    const t0 = performance.now();
    const tx = db.transaction('messages');
    const index = tx.objectStore('messages').index('[dossierId+createdAt]');
    await Promise.all(
      ids.map(
        (id) =>
          new Promise<void>((resolve) => {
            const req = index.openCursor(IDBKeyRange.bound([id, ''], [id, '\uffff']), 'prev');
            req.onsuccess = () => resolve();
          }),
      ),
    );
    const ms = performance.now() - t0;
    db.close();
    return ms;
  }, `klikpay-cache-${userId}`);
  console.log(`raw: last message of 100 dossiers ${raw.toFixed(0)} ms`);
  // None is new in a kept copy: the filter's answer is the empty queue, timed in the page.
  for (let round = 0; round < 3; round++) {
    const ms = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const toggle = [...document.querySelectorAll<HTMLButtonElement>('.filter-menu__button')].find((b) =>
            b.textContent.includes('New replies'),
          );
          const t0 = performance.now();
          toggle?.click();
          const check = () => {
            if (document.querySelector('.queue-list__empty')) resolve(performance.now() - t0);
            else requestAnimationFrame(check);
          };
          check();
        }),
    );
    console.log(`new replies on: ${ms.toFixed(0)} ms`);
    if (values['trace-idb']) {
      const slow = await page.evaluate(
        (ms) =>
          ((globalThis as unknown as { idbTrace?: [string, number, number][] }).idbTrace ?? [])
            .filter(([, start, end]) => end > performance.now() - ms - 2_000 && end - start > 20)
            .map(([what, start, end]) => `${what} ${(end - start).toFixed(0)} ms`),
        ms,
      );
      for (const line of slow) console.log(`    ${line}`);
    }
    await page.getByRole('button', { name: 'New replies' }).click();
    await page.locator('.queue-row__open').first().waitFor();
  }
}

/**
 * P2 as the bench takes it: a supervisor assigns dossiers of the agent's open "All" queue through the
 * API; each time, how long until the row shows it, and (with --trace-idb) the slow reads meanwhile.
 */
async function colleague(page: Page, base: string): Promise<void> {
  const supervisor = await signInApi(base, 'supervisor@klikpay.test', 'demo');
  // As in the bench, where P2 follows P5: the agent's own notes, still held or going up meanwhile.
  if (Number(values['notes-first']) > 0) {
    await switchQueue(page, 'Escalated');
    for (let i = 0; i < Number(values['notes-first']); i++) {
      if ((await openRow(page, i % 6)) === null) break;
      await addNote(page, `Profile note ${Date.now()} ${i}`);
    }
    await switchQueue(page, 'All');
  }
  const t0 = Date.now();
  page.on('request', (r) => {
    if (r.url().includes('/api/'))
      console.log(`    ${Date.now() - t0} ms ${r.method()} ${new URL(r.url()).pathname}`);
  });
  const rows = await page.$$eval('.queue-row__open', (buttons) =>
    buttons.slice(0, 8).map((b) => b.getAttribute('data-dossier-id') ?? ''),
  );
  for (const [i, id] of rows.entries()) {
    // The database is kept between runs: assign each row away from whoever holds it now, or the
    // push changes nothing, pokes nobody, and the row only re-renders at the next timed pull.
    const holder = await page.locator(`[data-dossier-id="${id}"] .queue-row__assignee`).first().textContent();
    const toSupervisor = holder !== 'Sophie Marchand';
    const seen = await watchAssignee(page, id, toSupervisor ? 'Sophie Marchand' : 'Unassigned');
    const since = await page.evaluate(() => performance.now());
    // From the request sent, as the bench takes P2 (the API's answer may come after the page shows it).
    const sent = Date.now();
    await assign(supervisor, id, toSupervisor ? supervisor.userId : null);
    const ms = Math.max(0, (await seen()) - sent);
    console.log(`assign ${i}: ${ms.toFixed(0)} ms`);
    if (values['trace-idb']) {
      const slow = await page.evaluate(
        (since) =>
          ((globalThis as unknown as { idbTrace?: [string, number, number][] }).idbTrace ?? [])
            .filter(([, start, end]) => end > since && start < since + 5_000 && end - start > 10)
            .map(([what, start, end]) => `${what} ${(start - since).toFixed(0)}→${(end - since).toFixed(0)}`),
        since,
      );
      for (const line of slow.slice(0, 40)) console.log(`    ${line}`);
    }
    // The bench assigns the next at once (`--pause-ms 0`), while the counts after the last run.
    await page.waitForTimeout(Number(values['pause-ms']));
  }
}

/** A stream of the page's own, opened in the page with the agent's token: when do pokes arrive? */
async function streamInPage(page: Page, base: string): Promise<void> {
  await page.evaluate(() => {
    const session = JSON.parse(localStorage.getItem('klikpay.session') ?? '{}') as { token?: string };
    const w = window as unknown as { pokes: number[] };
    w.pokes = [];
    void fetch('/api/v1/sync/stream', { headers: { authorization: `Bearer ${session.token ?? ''}` } }).then(
      async (response) => {
        const reader = response.body?.getReader();
        for (;;) {
          const chunk = await reader?.read();
          if (!chunk || chunk.done) return;
          w.pokes.push(performance.timeOrigin + performance.now());
        }
      },
    );
  });
  await page.waitForTimeout(1_000);
  const supervisor = await signInApi(base, 'supervisor@klikpay.test', 'demo');
  const id = await page.$eval('.queue-row__open', (b) => b.getAttribute('data-dossier-id') ?? '');
  for (let i = 0; i < 3; i++) {
    await assign(supervisor, id, i % 2 === 0 ? null : supervisor.userId);
    const committed = Date.now();
    await page.waitForTimeout(2_000);
    const pokes = await page.evaluate(() => (window as unknown as { pokes: number[] }).pokes);
    console.log(`assign ${i}: chunks at ${pokes.map((t) => Math.round(t - committed)).join(', ')} ms`);
  }
}

/** In the page: every IndexedDB request's store, index, method, start and end (performance.now()). */
function traceIndexedDb(): void {
  const trace: [string, number, number][] = [];
  (globalThis as unknown as { idbTrace: typeof trace }).idbTrace = trace;
  const methods = [
    'get',
    'getAll',
    'getAllKeys',
    'count',
    'openCursor',
    'openKeyCursor',
    'put',
    'add',
    'delete',
  ];
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype] as unknown as Record<
    string,
    unknown
  >[]) {
    for (const m of methods) {
      const original = proto[m];
      if (typeof original !== 'function') continue;
      proto[m] = function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
        const request = (original as (...a: unknown[]) => IDBRequest).apply(this, args);
        const start = performance.now();
        const where = this instanceof IDBIndex ? `${this.objectStore.name}.${this.name}` : this.name;
        const done = () => trace.push([`${where}.${m}`, start, performance.now()]);
        request.addEventListener('success', done, { once: true });
        request.addEventListener('error', done, { once: true });
        return request;
      };
    }
  }
  // Writes, with their scope, from creation to completion: a read held behind one shows beside it.
  const transaction = (
    Object.getOwnPropertyDescriptor(IDBDatabase.prototype, 'transaction') as {
      value: (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) => IDBTransaction;
    }
  ).value;
  IDBDatabase.prototype.transaction = function (
    this: IDBDatabase,
    ...args: Parameters<IDBDatabase['transaction']>
  ): IDBTransaction {
    const tx = transaction.apply(this, args);
    if (tx.mode === 'readwrite') {
      const start = performance.now();
      const scope = [...tx.objectStoreNames].join(',');
      const done = () => trace.push([`readwrite[${scope}]`, start, performance.now()]);
      tx.addEventListener('complete', done, { once: true });
      tx.addEventListener('abort', done, { once: true });
    }
    return tx;
  };
}

/** A one-word search's reads of the index, timed alone in the page (ms): every match, and the first 400. */
async function rawSearchReads(page: Page, term: string): Promise<Record<string, number>> {
  return page.evaluate(async (term) => {
    const name = (await indexedDB.databases())
      .map((d) => d.name ?? '')
      .find((n) => n.startsWith('klikpay-cache-'));
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name ?? '');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const ask = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
    const word =
      term
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .sort((a, b) => b.length - a.length)[0] ?? '';
    const times: Record<string, number> = {};
    const time = async <T>(label: string, read: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const value = await read();
      times[label] = Math.round(performance.now() - started);
      return value;
    };
    try {
      const words = db.transaction('searchIndex', 'readonly').objectStore('searchIndex').index('words');
      const range = IDBKeyRange.bound(word, `${word}\uffff`);
      const keys = await time('wordKeys', () => ask(words.getAllKeys(range)));
      times.matches = keys.length;
      await time('wordKeys400', () => ask(words.getAllKeys(range, 400)));
      return times;
    } finally {
      db.close();
    }
  }, term);
}

await main();

/** In the page: the facts read as the records they are stored in, and as the snapshot's blocks. */
async function rawFactsReads(userId: string): Promise<Record<string, [ms: number, count: number]>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(`klikpay-cache-${userId}`);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('open failed'));
  });
  const all = (store: string) =>
    new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(store, 'readonly').objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('read failed'));
    });
  const out: Record<string, [number, number]> = {};
  for (const store of ['facts', 'factsBlocks']) {
    if (!db.objectStoreNames.contains(store)) continue;
    const started = performance.now();
    const rows = await all(store);
    out[store] = [Math.round(performance.now() - started), rows.length];
    if (store === 'factsBlocks') {
      // The blocks' bytes by column: what a first look reads.
      const bytes: Record<string, number> = {};
      for (const row of rows as Record<string, unknown>[])
        for (const [key, value] of Object.entries(row)) {
          const size = ArrayBuffer.isView(value)
            ? value.byteLength
            : typeof value === 'string'
              ? value.length
              : Array.isArray(value)
                ? value.join('').length
                : 8;
          bytes[key] = (bytes[key] ?? 0) + size;
        }
      for (const [key, size] of Object.entries(bytes)) out[`kB ${key}`] = [Math.round(size / 1024), 0];
    }
  }
  db.close();
  return out;
}

/** In the page: the dashboard's facts have a snapshot, in the codec of this build. */
async function snapshotCurrent({ userId, codec }: { userId: string; codec: number }): Promise<boolean> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(`klikpay-cache-${userId}`);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('open failed'));
  });
  const get = (key: string) =>
    new Promise<unknown>((resolve, reject) => {
      const request = db.transaction('meta', 'readonly').objectStore('meta').get(key);
      request.onsuccess = () => resolve((request.result as { value?: unknown } | undefined)?.value);
      request.onerror = () => reject(request.error ?? new Error('read failed'));
    });
  try {
    return (await get('factsSnapshotCodec')) === codec && typeof (await get('factsSnapshotAt')) === 'number';
  } finally {
    db.close();
  }
}
