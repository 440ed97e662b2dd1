import { serverConfigSchema } from '../../src-server/config';
import type { RunningServer } from '../../src-server/server';
import { startServer } from '../../src-server/server';

/** The real API with the browser host (`--web`), on a random port and an in-memory database. */
export async function startWebHost(): Promise<RunningServer> {
  return startServer(
    serverConfigSchema.parse({
      port: 0,
      dataDir: 'memory://',
      web: true,
      seed: 'demo',
      clock: 'manual',
      clockStart: '2026-11-24T09:30:00Z',
      logLevel: 'silent',
    }),
  );
}
