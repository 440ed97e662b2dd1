/// <reference lib="dom" />
// Some functions here run in the page (page.evaluate): they are typed against the DOM.
import type { Page } from 'playwright-core';

/**
 * What the API gives and what the machine allows: the baselines the back office is measured
 * against (the same query or action online, the raw IndexedDB floor) and the API's own throughput.
 */

export interface Api {
  base: string;
  token: string;
  userId: string;
}

export async function signIn(base: string, email: string, password: string): Promise<Api> {
  const res = await fetch(`${base}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 201) throw new Error(`sign-in of ${email} answered ${res.status}`);
  const body = (await res.json()) as { token: string; user: { id: string } };
  return { base, token: body.token, userId: body.user.id };
}

export async function call<T>(api: Api, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${api.base}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${api.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 200)}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** Times one call, in ms. */
export async function timedCall(api: Api, method: string, path: string, body?: unknown): Promise<number> {
  const started = performance.now();
  await call(api, method, path, body);
  return performance.now() - started;
}

export const listQueue = (api: Api, status: string) =>
  timedCall(api, 'GET', `/dossiers?limit=50${status ? `&status=${status}` : ''}`);

export async function openDossierIds(api: Api, count: number): Promise<string[]> {
  const page = await call<{ items: { id: string }[] }>(
    api,
    'GET',
    `/dossiers?limit=${Math.min(count, 200)}&status=awaiting_klikpay`,
  );
  return page.items.map((d) => d.id);
}

export const noteOnline = (api: Api, dossierId: string, body: string) =>
  timedCall(api, 'POST', `/dossiers/${dossierId}/messages`, { body, audience: 'internal' });

export async function assign(api: Api, dossierId: string, assigneeId: string | null): Promise<void> {
  await call(api, 'POST', '/sync/push', {
    clientId: 'bench',
    mutations: [{ id: crypto.randomUUID(), name: 'dossier.assign', args: { dossierId, assigneeId } }],
  });
}

/** P8: the whole feed pulled from the start, in pages of `limit`: changes per second, and each page's time. */
export async function pullThroughput(
  api: Api,
  limit: number,
): Promise<{ perSecond: number; changes: number; pageMs: number[] }> {
  let cursor = '';
  let changes = 0;
  const pageMs: number[] = [];
  const started = performance.now();
  for (;;) {
    const t = performance.now();
    const page = await call<{ changes: unknown[]; cursor: string; hasMore: boolean }>(
      api,
      'GET',
      `/sync/pull?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    pageMs.push(performance.now() - t);
    changes += page.changes.length;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return { perSecond: changes / ((performance.now() - started) / 1000), changes, pageMs };
}

/** P8: notes pushed in batches of `batch`: mutations applied per second. */
export async function pushThroughput(
  api: Api,
  dossierIds: readonly string[],
  batches: number,
  batch: number,
): Promise<number> {
  let applied = 0;
  const started = performance.now();
  for (let b = 0; b < batches; b++) {
    const mutations = Array.from({ length: batch }, (_, i) => ({
      id: crypto.randomUUID(),
      name: 'dossier.note',
      args: { dossierId: dossierIds[(b * batch + i) % dossierIds.length], body: `Bench note ${b}-${i}` },
    }));
    const res = await call<{ results: { status: string }[] }>(api, 'POST', '/sync/push', {
      clientId: 'bench-push',
      mutations,
    });
    applied += res.results.filter((r) => r.status === 'applied').length;
  }
  return applied / ((performance.now() - started) / 1000);
}

/**
 * P1's baseline, in the page: the same changes pulled page by page and written by plain IndexedDB
 * `put`s into stores without secondary indexes, 5,000 to a transaction — the machine's floor.
 */
export async function rawIndexedDbFloor(
  page: Page,
  api: Api,
  limit: number,
): Promise<{ ms: number; records: number }> {
  return page.evaluate(
    async ({ base, token, limit }) => {
      const name = `bench-floor-${Date.now()}`;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name, 1);
        open.onupgradeneeded = () => {
          for (const store of ['dossier', 'message', 'event', 'user', 'merchant'])
            open.result.createObjectStore(store, { keyPath: 'id' });
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open failed'));
      });
      const write = (records: { entity: string; data: { id: string } }[]) =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['dossier', 'message', 'event', 'user', 'merchant'], 'readwrite', {
            durability: 'relaxed',
          });
          for (const r of records) tx.objectStore(r.entity).put(r.data);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error('write failed'));
        });
      const started = performance.now();
      let cursor = '';
      let records = 0;
      for (;;) {
        const res = await fetch(
          `${base}/api/v1/sync/pull?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
          {
            headers: { authorization: `Bearer ${token}` },
          },
        );
        const page = (await res.json()) as {
          changes: { entity: string; op: string; data: { id: string } }[];
          cursor: string;
          hasMore: boolean;
        };
        const puts = page.changes.filter((c) => c.op === 'put');
        for (let i = 0; i < puts.length; i += 5_000) await write(puts.slice(i, i + 5_000));
        records += puts.length;
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      const ms = performance.now() - started;
      db.close();
      indexedDB.deleteDatabase(name);
      return { ms, records };
    },
    { base: api.base, token: api.token, limit },
  );
}
