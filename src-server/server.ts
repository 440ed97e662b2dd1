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
  // The logger and the hub come after the database: its events reach them once they exist.
  let log: {
    warn(fields: object, message: string): void;
    info(fields: object, message: string): void;
  } | null = null;
  let hub: Hub | null = null;
  const db: Database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? null : config.dataDir,
    onConnectionLost: (error) =>
      log?.warn({ err: error }, 'a database connection was lost; the pool replaces it'),
    onListenLost: (error) =>
      log?.warn({ err: error }, 'the LISTEN connection was lost: live pokes wait until it is back'),
    onListenResumed: () => {
      log?.info({}, 'the LISTEN connection is back: every client is poked to pull what it missed');
      hub?.pokeAll();
    },
  });
  await migrate(db);
  const manualClock =
    config.clock === 'manual'
      ? new ManualClock(config.clockStart ? Date.parse(config.clockStart) : Date.now())
      : null;
  const ctx: ServerContext = { db, clock: manualClock ?? systemClock, settings, newId: randomId };
  const liveHub = new Hub(db);
  await liveHub.start();
  hub = liveHub;

  const webRoot = config.web ? resolve(config.webRoot) : null;
  if (webRoot && !existsSync(`${webRoot}/index.html`)) {
    throw new Error(
      `--web serves the built back office from ${webRoot}, which has no index.html: run \`npm run build\` first.`,
    );
  }
  const portalRoot = config.web ? resolve(config.portalRoot) : null;
  const portalBuilt = portalRoot !== null && existsSync(`${portalRoot}/index.html`);
  const app = await buildApp({
    ctx,
    hub: liveHub,
    manualClock,
    logger: { level: config.logLevel, redact: ['req.headers.authorization'] },
    corsOrigins: config.corsOrigins,
    webRoot,
    portalRoot: portalBuilt ? portalRoot : null,
  });
  log = app.log;
  // The back office alone still serves its agents: the portal's absence is said, not fatal.
  if (portalRoot && !portalBuilt)
    app.log.warn(`no portal at ${portalRoot}: run \`npm run build\` to serve it`);
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
      await liveHub.stop();
      await db.close();
    },
  };
}
