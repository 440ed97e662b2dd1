import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverConfigSchema } from '../src-server/config';
import { startServer } from '../src-server/server';

/**
 * The reference workload in an embedded database, seeded once and kept under `.bench/` for as long
 * as what makes it (the seed, the rules, the store, the migrations) is unchanged; each run works on a copy.
 */

// The store writes the seeded rows (and services compute what they hold): a change there alone must
// seed again too, or a run would measure data the current code would not write.
const inputs = [
  'src-server/seed',
  'src-server/db/migrations',
  'src-server/store',
  'src-server/services',
  'src-shared/domain',
];

/** A digest of every file the seeded data depends on: a change to one of them seeds again. */
function seedKey(dossiers: number): string {
  const hash = createHash('sha256').update(String(dossiers));
  for (const dir of inputs) {
    for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(join(dir, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

export interface SeededCopy {
  /** The copy this run may change. */
  dir: string;
  /** False when the workload had to be seeded first. */
  reused: boolean;
  seedMs: number | null;
  remove(): void;
}

export async function seededCopy(dossiers: number, root = '.bench'): Promise<SeededCopy> {
  mkdirSync(root, { recursive: true });
  const cached = join(root, `seed-${dossiers}-${seedKey(dossiers)}`);
  const complete = join(cached, 'seeded');
  let seedMs: number | null = null;
  const reused = existsSync(complete);
  if (!reused) {
    // Older seeds of this size are stale now: they would only fill the disk.
    for (const old of readdirSync(root).filter((d) => d.startsWith(`seed-${dossiers}-`)))
      rmSync(join(root, old), { recursive: true, force: true });
    const started = performance.now();
    const config = serverConfigSchema.parse({
      port: 0,
      dataDir: join(cached, 'db'),
      seed: dossiers,
      logLevel: 'warn',
    });
    const server = await startServer(config);
    await server.close();
    seedMs = performance.now() - started;
    writeFileSync(complete, new Date().toISOString());
  }
  const dir = join(root, `run-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(cached, 'db'), dir, { recursive: true });
  return { dir, reused, seedMs, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
