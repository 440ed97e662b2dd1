import { readFileSync } from 'node:fs';

/**
 * Which of package.json's `dependencies` go into the desktop app. electron-builder copies every
 * production dependency into app.asar whatever `files` says, but most of ours are the API server's
 * (fastify, PGlite, pg, pino, tsx) or bundled into the renderer by Vite (React, Dexie, TanStack):
 * only what the main process's bundle imports at run time is needed, with what that needs.
 */

/**
 * The packages the built main process loads from node_modules: electron-vite leaves package.json's
 * `dependencies` out of the main bundle. tests/unit/packaging.test.ts fails when src-main (or
 * src-shared, which it bundles) imports a dependency missing here.
 */
export const mainProcessPackages = ['electron-updater', 'zod'] as const;

interface LockEntry {
  dev?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}
export interface Lockfile {
  packages: Record<string, LockEntry>;
}

export function readLockfile(): Lockfile {
  return JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as Lockfile;
}

const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

/** npm's resolution: the nearest `node_modules/<name>` from the dependent's folder up to the root. */
function resolve(packages: Lockfile['packages'], from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (candidate in packages) return candidate;
    if (!base) return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent >= 0 ? base.slice(0, parent) : '';
  }
}

/** The install paths (`node_modules/…`) the given packages need, themselves included. */
export function neededPaths(lock: Lockfile, roots: readonly string[]): Set<string> {
  const { packages } = lock;
  const needed = new Set<string>();
  const queue = roots.map((name) => ({ from: '', name }));
  for (let next = queue.shift(); next; next = queue.shift()) {
    const path = resolve(packages, next.from, next.name);
    if (!path || needed.has(path)) continue;
    needed.add(path);
    const entry = packages[path] ?? {};
    const names = [entry.dependencies, entry.optionalDependencies, entry.peerDependencies].flatMap((deps) =>
      Object.keys(deps ?? {}),
    );
    queue.push(...names.map((name) => ({ from: path, name })));
  }
  return needed;
}

/**
 * `files` patterns leaving out every production package the main process does not need. A name
 * is kept whenever one of its copies is needed (patterns match by name, not by install path).
 */
export function unneededPackageExcludes(
  lock: Lockfile,
  roots: readonly string[] = mainProcessPackages,
): string[] {
  const needed = neededPaths(lock, roots);
  const neededNames = new Set([...needed].map(nameOf));
  const unneeded = new Set(
    Object.entries(lock.packages)
      .filter(([path, entry]) => path.startsWith('node_modules/') && entry.dev !== true)
      .map(([path]) => nameOf(path))
      .filter((name) => !neededNames.has(name)),
  );
  return [...unneeded].sort().map((name) => `!**/node_modules/${name}/**`);
}
