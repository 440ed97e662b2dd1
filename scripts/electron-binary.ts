import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron executable of this checkout, or why there is none. `require('electron')` is not
 * used: when the binary is missing it tries to download it (a network call, then an exception).
 * Used by `npm start` (scripts/start.ts) and the `electron-app` Playwright project.
 */
export function findElectron(root: string): { executable: string } | { skip: string } {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      skip:
        'The Electron binary is not installed (node_modules/electron/path.txt is missing: its download ' +
        'from GitHub is not possible on this machine); the desktop flows run in the electron-host project instead.',
    };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const executable = join(distDir, relative);
  if (!existsSync(executable))
    return { skip: `The Electron binary is not installed: ${executable} is missing.` };
  const probe = spawnSync(executable, ['--version'], {
    encoding: 'utf8',
    timeout: 30_000,
    env: electronEnv(),
  });
  if (probe.error || probe.status !== 0) {
    const why =
      (probe.error?.message ?? probe.stderr.trim().split('\n')[0]) || `exit ${String(probe.status)}`;
    return { skip: `The Electron binary cannot start here (${executable} --version: ${why}).` };
  }
  return { executable };
}

/** The environment to start the app in: never the dev server's URL, never Node mode. */
export function electronEnv(extra: Record<string, string> = {}): Record<string, string> {
  const dropped = new Set(['ELECTRON_RENDERER_URL', 'ELECTRON_RUN_AS_NODE']);
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !dropped.has(name)) env[name] = value;
  }
  return { ...env, ...extra };
}
