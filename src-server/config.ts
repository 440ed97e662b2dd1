import { parseArgs } from 'node:util';
import { z } from 'zod';

/** The server's command line and environment (README, Running the API), validated once at start. */

export const serverConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(4010),
  host: z.string().min(1).default('127.0.0.1'),
  dataDir: z.string().min(1).default('./.data/server'),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// URL')
    .optional(),
  seed: z.union([z.literal('demo'), z.coerce.number().int().min(1).max(5_000_000)]).optional(),
  web: z.boolean().default(false),
  webRoot: z.string().default('./out/renderer'),
  /** The parties' portal, served at `/portal/` with `--web` when it was built. */
  portalRoot: z.string().default('./out/portal'),
  clock: z.enum(['system', 'manual']).default('system'),
  clockStart: z.iso.datetime({ offset: true }).optional(),
  production: z.boolean().default(false),
  corsOrigins: z.array(z.url()).default([]),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  schedulerIntervalMs: z.coerce.number().int().min(100).default(30_000),
  /** A JSON file overriding the rules' delays and business calendar (src-shared/domain/settings.ts). */
  settingsFile: z.string().min(1).optional(),
});
export type ServerConfig = z.infer<typeof serverConfigSchema>;

export function readServerConfig(argv: readonly string[], env: NodeJS.ProcessEnv): ServerConfig {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      'database-url': { type: 'string' },
      seed: { type: 'string' },
      web: { type: 'boolean' },
      'web-root': { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      'log-level': { type: 'string' },
      settings: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const production = env.NODE_ENV === 'production';
  const clock = env.KLIKPAY_CLOCK ?? 'system';
  if (clock === 'manual' && production) {
    throw new Error('KLIKPAY_CLOCK=manual is for tests and demos: it is refused when NODE_ENV=production.');
  }
  const parsed = serverConfigSchema.safeParse({
    port: values.port ?? env.PORT,
    host: values.host,
    dataDir: values.data,
    databaseUrl: values['database-url'] ?? env.KLIKPAY_DATABASE_URL,
    seed: values.seed,
    web: values.web,
    webRoot: values['web-root'],
    clock,
    clockStart: env.KLIKPAY_CLOCK_START,
    production,
    corsOrigins: values['cors-origin'] ?? env.KLIKPAY_CORS_ORIGINS?.split(',').filter(Boolean),
    logLevel: values['log-level'] ?? env.LOG_LEVEL,
    schedulerIntervalMs: env.KLIKPAY_SCHEDULER_INTERVAL_MS,
    settingsFile: values.settings ?? env.KLIKPAY_SETTINGS,
  });
  if (!parsed.success) {
    throw new Error(
      `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  if (parsed.data.databaseUrl && values.data) throw new Error('Give --data or --database-url, not both.');
  return parsed.data;
}
