import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src-server/app';
import { openDatabase } from '../src-server/db/database';
import { ManualClock } from '../src-server/services/clock';
import { randomId } from '../src-server/services/context';
import { Hub } from '../src-server/services/hub';
import { defaultSettings } from '../src-shared/domain/settings';

/**
 * `npm run lint:openapi`: writes the OpenAPI document the API serves to a temp file and lints it
 * with Redocly (rules in redocly.yaml). `--out FILE` keeps the document there instead.
 */
async function main(argv: string[]): Promise<number> {
  const document = JSON.stringify(await openApiDocument(), null, 2);
  if (argv[0] === '--out' && argv[1]) {
    writeFileSync(argv[1], document);
    return 0;
  }
  const dir = mkdtempSync(join(tmpdir(), 'klikpay-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, document);
    const lint = spawnSync('redocly', ['lint', '--config', 'redocly.yaml', file], {
      stdio: 'inherit',
      env: { ...process.env, REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    if (lint.error) {
      // Usually a node_modules older than package.json: @redocly/cli is a devDependency.
      console.error(`lint:openapi could not run redocly (${lint.error.message}): run npm install.`);
      return 1;
    }
    return lint.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The document as served, with the test clock's route too: the lint covers every route. */
async function openApiDocument(): Promise<unknown> {
  // Never queried: the routes only need a database to exist to be registered.
  const db = await openDatabase({ databaseUrl: undefined, dataDir: 'memory://' });
  const app = await buildApp({
    ctx: { db, clock: new ManualClock(0), settings: defaultSettings, newId: randomId },
    hub: new Hub(db),
    manualClock: new ManualClock(0),
    logger: false,
    corsOrigins: [],
    webRoot: null,
  });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
