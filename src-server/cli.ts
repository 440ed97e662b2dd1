import { parseArgs } from 'node:util';
import { z } from 'zod';
import { userCreateSchema } from '../src-shared/contract/api';
import { defaultSettings } from '../src-shared/domain/settings';
import { readServerConfig } from './config';
import { openDatabase } from './db/database';
import { migrate } from './db/migrate';
import { systemClock } from './services/clock';
import { randomId } from './services/context';
import { createAccount } from './services/auth';
import { startServer } from './server';
import { loadSettings } from './settings-file';

/**
 * `npm run server -- [options]` serves the API; `npm run server -- create-user …` adds an account to
 * an empty (or any) database. See README.md.
 */
async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'create-user') return createUser(argv.slice(1));
  const config = readServerConfig(argv, process.env);
  const server = await startServer(config, loadSettings(config.settingsFile));
  server.app.log.info(
    `Klik & Pay dispute API on ${server.url}/api/v1 (${config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`})` +
      (config.web ? `; back office at ${server.url}/` : ''),
  );
  // The one line a person starting the product looks for, outside the JSON log.
  if (config.web) {
    const accounts = config.seed === 'demo' ? ' — sign in as agent@klikpay.test / demo' : '';
    const parties = config.seed === 'demo' ? ' — client@klikpay.test or merchant@klikpay.test / demo' : '';
    process.stdout.write(
      `\n  Klik & Pay Dispute Desk: open ${server.url}/${accounts}` +
        `\n  Customers' and merchants' portal: ${server.url}/portal/${parties}\n\n`,
    );
  }
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function createUser(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      'merchant-id': { type: 'string' },
      'customer-id': { type: 'string' },
      data: { type: 'string' },
      'database-url': { type: 'string' },
    },
    strict: true,
  });
  const input = userCreateSchema.extend({ customerId: z.string().optional() }).safeParse({
    email: values.email,
    name: values.name,
    role: values.role,
    password: values.password ?? process.env.KLIKPAY_PASSWORD,
    merchantId: values['merchant-id'],
    customerId: values['customer-id'],
  });
  if (!input.success) {
    throw new Error(
      `create-user: ${input.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const db = await openDatabase({
    databaseUrl: values['database-url'] ?? process.env.KLIKPAY_DATABASE_URL,
    dataDir: values.data ?? './.data/server',
  });
  try {
    await migrate(db);
    const account = await createAccount(
      { db, clock: systemClock, settings: defaultSettings, newId: randomId },
      input.data,
    );
    process.stdout.write(`created ${account.role} ${account.email} (${account.id})\n`);
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
