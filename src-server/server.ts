import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultSettings } from '../src-shared/domain/settings';
import type { DisputeSettings } from '../src-shared/domain/settings';
import { buildApp } from './app';
import type { ServerConfig } from './config';
import type { Database } from './db/database';
import { openDatabase } from './db/database';
import { migrate } from './db/migrate';
import type { App } from './routes/types';
import { ManualClock, systemClock } from './services/clock';
import type { ServerContext } from './services/context';
import { randomId } from './services/context';
import { Hub } from './services/hub';
import { runDueTimeRules, startScheduler } from './services/scheduler';

export interface RunningServer {
  app: App;
  ctx: ServerContext;
  url: string;
  close(): Promise<void>;
}

/** Opens the database, migrates, seeds if asked, starts the scheduler and listens. */
export async function startServer(
  config: ServerConfig,
  settings: DisputeSettings = defaultSettings,
): Promise<RunningServer> {
  let warn: (error: Error) => void = () => undefined;
  const db: Database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? null : config.dataDir,
    onConnectionLost: (error) => warn(error),
  });
  await migrate(db);
  const manualClock =
    config.clock === 'manual'
      ? new ManualClock(config.clockStart ? Date.parse(config.clockStart) : Date.now())
      : null;
  const ctx: ServerContext = { db, clock: manualClock ?? systemClock, settings, newId: randomId };
  const hub = new Hub(db);
  await hub.start();

  const webRoot = config.web ? resolve(config.webRoot) : null;
  if (webRoot && !existsSync(`${webRoot}/index.html`)) {
    throw new Error(
      `--web serves the built back office from ${webRoot}, which has no index.html: run \`npm run build\` first.`,
    );
  }
  const app = await buildApp({
    ctx,
    hub,
    manualClock,
    logger: { level: config.logLevel, redact: ['req.headers.authorization'] },
    corsOrigins: config.corsOrigins,
    webRoot,
  });
  warn = (error) => app.log.warn({ err: error }, 'a database connection was lost; the pool replaces it');
  if (config.seed !== undefined) {
    // Loaded only when asked: the generator and its word lists are not part of a production server.
    const { seedIfEmpty } = await import('./seed/seed');
    await seedIfEmpty(ctx, config.seed, app.log);
  }
  await runDueTimeRules(ctx);
  const stopScheduler = manualClock
    ? async () => undefined
    : startScheduler(ctx, config.schedulerIntervalMs, (e) => app.log.error({ err: e }, 'time rules failed'));

  const address = await app.listen({ port: config.port, host: config.host });
  return {
    app,
    ctx,
    url: address,
    async close() {
      await stopScheduler();
      await app.close();
      await hub.stop();
      await db.close();
    },
  };
}
