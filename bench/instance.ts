import { serverConfigSchema } from '../src-server/config';
import { startServer } from '../src-server/server';

/**
 * One API instance of the scale-out benchmark, in a process of its own (bench/scale.ts starts two
 * on one PostgreSQL): `tsx bench/instance.ts <database-url> [seed]`. Says `READY <url>` on stdout
 * once it serves, and stops on SIGTERM.
 */
const [databaseUrl, seed] = process.argv.slice(2);
if (!databaseUrl) throw new Error('usage: tsx bench/instance.ts <database-url> [seed]');
const server = await startServer(
  serverConfigSchema.parse({
    port: 0,
    databaseUrl,
    logLevel: 'warn',
    ...(seed ? { seed: Number(seed) } : {}),
  }),
);
process.stdout.write(`READY ${server.url}\n`);
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
