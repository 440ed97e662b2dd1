import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { serverConfigSchema } from '../../src-server/config';
import type { ServerConfig } from '../../src-server/config';
import { startServer } from '../../src-server/server';
import type { RunningServer } from '../../src-server/server';
import { hashPassword } from '../../src-server/services/passwords';
import { recordChanges } from '../../src-server/store/changes';
import {
  insertAccount,
  insertCustomer,
  insertMerchant,
  insertTransaction,
} from '../../src-server/store/people';
import type { Dossier } from '../../src-shared/domain/model';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { Language, Role } from '../../src-shared/domain/vocabulary';
import { Conformance } from './conformance';

/**
 * The real API on a random port, on an in-memory PGlite — or, when DATABASE_URL is set, on a fresh
 * PostgreSQL database of its own, dropped at the end.
 */

export const onPostgres = process.env.KLIKPAY_TEST_POSTGRES === '1' && Boolean(process.env.DATABASE_URL);

export interface TestServer extends RunningServer {
  call<T = unknown>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: T; headers: Headers }>;
  signIn(email: string, password?: string): Promise<string>;
}

const databasesToDrop: string[] = [];

export async function freshDatabaseUrl(): Promise<string | undefined> {
  const base = process.env.DATABASE_URL;
  if (!onPostgres || !base) return undefined;
  const name = `klikpay_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  databasesToDrop.push(name);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropTestDatabases(): Promise<void> {
  const base = process.env.DATABASE_URL;
  if (!onPostgres || !base) return;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  for (const name of databasesToDrop.splice(0))
    await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

export async function startTestServer(
  overrides: Partial<ServerConfig> & { databaseUrl?: string; embedded?: boolean } = {},
  settings?: DisputeSettings,
): Promise<TestServer> {
  const { embedded = false, ...given } = overrides;
  const config = serverConfigSchema.parse({
    port: 0,
    host: '127.0.0.1',
    dataDir: 'memory://',
    clock: 'manual',
    clockStart: '2026-07-13T08:00:00.000Z',
    logLevel: 'silent',
    ...given,
    // `embedded`: PGlite even in the PostgreSQL run (a test of the embedded database's own files).
    databaseUrl: embedded ? undefined : (given.databaseUrl ?? (await freshDatabaseUrl())),
  });
  const server = await startServer(config, settings);
  const conformance = new Conformance(server.app.swagger());
  const call: TestServer['call'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers,
      body:
        options.body === undefined
          ? null
          : typeof options.body === 'string'
            ? options.body
            : JSON.stringify(options.body),
    });
    const text = await res.text();
    // Every answer must be one the OpenAPI document describes, or the test that made the call fails.
    conformance.check({
      method: method.toUpperCase(),
      path: `/api/v1${path}`,
      status: res.status,
      contentType: res.headers.get('content-type'),
      text,
    });
    return { status: res.status, body: (text ? JSON.parse(text) : null) as never, headers: res.headers };
  };
  return {
    ...server,
    call,
    async signIn(email, password = 'demo-password') {
      const res = await call<{ token: string }>('POST', '/sessions', { body: { email, password } });
      if (res.status !== 201)
        throw new Error(`sign-in of ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body.token;
    },
  };
}

export interface World {
  merchants: { shop: string; silent: string; bounced: string };
  customers: { alice: string; bob: string };
  transactions: { alice1: string; alice2: string; alice3: string; bob1: string; aliceBounced: string };
  users: Record<
    'agent' | 'agent2' | 'supervisor' | 'alice' | 'bob' | 'shop' | 'silent',
    { id: string; email: string }
  >;
}

export interface ClaimFields {
  subject: 'payment' | 'delivery';
  reason: string;
  merchantContact: string;
  description: string;
}

/** A customer files a claim on their transaction through the API; the filed dossier, or a throw. */
export async function fileClaim(
  server: TestServer,
  customerToken: string,
  transactionId: string,
  fields: Partial<ClaimFields> = {},
): Promise<Dossier> {
  const res = await server.call<Dossier>('POST', '/dossiers', {
    token: customerToken,
    body: {
      transactionId,
      subject: 'payment',
      reason: 'other',
      merchantContact: 'not_contacted',
      description: 'Débit en double.',
      ...fields,
    },
  });
  if (res.status !== 201) throw new Error(`filing on ${transactionId} answered ${res.status}`);
  return res.body;
}

/** A small, explicit world: two customers, three merchants (one whose e-mail bounces), staff and parties. */
export async function buildWorld(server: RunningServer): Promise<World> {
  const { db } = server.ctx;
  const at = '2026-07-01T00:00:00.000Z';
  const hash = await hashPassword('demo-password');
  const merchant = (id: string, name: string, language: Language, emailValid = true) =>
    insertMerchant(db, { id, name, email: `${id}@shops.test`, emailValid, language }, at);
  await merchant('m-shop', 'Boutique Lumière', 'fr');
  await merchant('m-silent', 'Silent Gadgets Ltd', 'en');
  await merchant('m-bounced', 'Ghost Store', 'en', false);
  await insertCustomer(
    db,
    { id: 'c-alice', name: 'Alice Martin', email: 'alice@example.test', language: 'fr' },
    at,
  );
  await insertCustomer(db, { id: 'c-bob', name: 'Bob Smith', email: 'bob@example.test', language: 'en' }, at);
  const tx = (id: string, merchantId: string, customerId: string, amount: number) =>
    insertTransaction(db, {
      id,
      amount,
      currency: 'EUR',
      occurredAt: '2026-06-20T10:00:00.000Z',
      orderReference: `ORD-${id}`,
      merchantId,
      customerId,
    });
  await tx('t-alice1', 'm-shop', 'c-alice', 4_990);
  await tx('t-alice2', 'm-silent', 'c-alice', 129_900);
  await tx('t-alice3', 'm-shop', 'c-alice', 1_500);
  await tx('t-bob1', 'm-shop', 'c-bob', 2_500);
  await tx('t-alice-bounced', 'm-bounced', 'c-alice', 8_000);
  const user = async (
    id: string,
    email: string,
    role: Role,
    link: { merchantId?: string; customerId?: string } = {},
  ) => {
    await insertAccount(db, {
      id,
      email,
      name: id,
      role,
      merchantId: link.merchantId ?? null,
      customerId: link.customerId ?? null,
      passwordHash: hash,
      createdAt: at,
    });
    if (role === 'agent' || role === 'supervisor') {
      await recordChanges(db, [
        { entity: 'user', id, visibleTo: 'staff', customerId: null, merchantId: null },
      ]);
    }
    return { id, email };
  };
  return {
    merchants: { shop: 'm-shop', silent: 'm-silent', bounced: 'm-bounced' },
    customers: { alice: 'c-alice', bob: 'c-bob' },
    transactions: {
      alice1: 't-alice1',
      alice2: 't-alice2',
      alice3: 't-alice3',
      bob1: 't-bob1',
      aliceBounced: 't-alice-bounced',
    },
    users: {
      agent: await user('u-agent', 'agent@test.klikpay', 'agent'),
      agent2: await user('u-agent2', 'agent2@test.klikpay', 'agent'),
      supervisor: await user('u-super', 'supervisor@test.klikpay', 'supervisor'),
      alice: await user('u-alice', 'alice@example.test', 'customer', { customerId: 'c-alice' }),
      bob: await user('u-bob', 'bob@example.test', 'customer', { customerId: 'c-bob' }),
      shop: await user('u-shop', 'shop@shops.test', 'merchant', { merchantId: 'm-shop' }),
      silent: await user('u-silent', 'silent@shops.test', 'merchant', { merchantId: 'm-silent' }),
    },
  };
}
