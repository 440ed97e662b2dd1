import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src-server/settings-file';
import { defaultSettings } from '../../src-shared/domain/settings';
import { readServerConfig } from '../../src-server/config';
import { openDatabase } from '../../src-server/db/database';
import { listMigrations, migrate } from '../../src-server/db/migrate';
import { freshDatabaseUrl, dropTestDatabases } from './harness';

describe('server configuration', () => {
  it('reads the documented command line', () => {
    const config = readServerConfig(
      ['--port', '5000', '--host', '0.0.0.0', '--data', '/tmp/x', '--seed', 'demo', '--web'],
      {},
    );
    expect(config).toMatchObject({
      port: 5000,
      host: '0.0.0.0',
      dataDir: '/tmp/x',
      seed: 'demo',
      web: true,
      clock: 'system',
    });
    expect(readServerConfig(['--seed', '20000'], {}).seed).toBe(20000);
    expect(readServerConfig(['--database-url', 'postgres://u@h/db'], {}).databaseUrl).toBe(
      'postgres://u@h/db',
    );
  });

  it('refuses the manual clock in production, bad values, and unknown options', () => {
    expect(() => readServerConfig([], { KLIKPAY_CLOCK: 'manual', NODE_ENV: 'production' })).toThrow(
      /refused/,
    );
    expect(readServerConfig([], { KLIKPAY_CLOCK: 'manual' }).clock).toBe('manual');
    expect(() => readServerConfig(['--port', 'eighty'], {})).toThrow(/port/);
    expect(() => readServerConfig(['--seed', 'lots'], {})).toThrow(/seed/);
    expect(() => readServerConfig(['--database-url', 'mysql://x'], {})).toThrow(/postgres/);
    expect(() => readServerConfig(['--data', 'd', '--database-url', 'postgres://x/y'], {})).toThrow(
      /not both/,
    );
    expect(() => readServerConfig(['--frobnicate'], {})).toThrow();
  });
});

describe('migrations', () => {
  it('are numbered without gaps', () => {
    const versions = listMigrations().map((m) => m.version);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
  });

  it('apply on a fresh database, once, and keep the audit trail append-only', async () => {
    const db = await openDatabase({ databaseUrl: await freshDatabaseUrl(), dataDir: 'memory://' });
    try {
      expect(await migrate(db)).toEqual(listMigrations().map((m) => m.version));
      expect(await migrate(db)).toEqual([]);
      await db.exec(`
        insert into merchants values ('m', 'M', 'm@x.test', true, 'fr', now());
        insert into customers values ('c', 'C', 'c@x.test', 'fr', now());
        insert into transactions values ('t', 100, 'EUR', now(), 'o', 'm', 'c');
        insert into dossiers (id, reference, transaction_id, merchant_id, customer_id, status, created_at, updated_at, version, data)
          values ('d', 'KP-2026-000001', 't', 'm', 'c', 'awaiting_klikpay', now(), now(), 1, '{}');
        insert into audit_events (id, dossier_id, type, at, data) values ('e', 'd', 'x', now(), '{}');
      `);
      await expect(db.query("update audit_events set type = 'y' where id = 'e'")).rejects.toThrow(
        /append-only/,
      );
      await expect(db.query("delete from audit_events where id = 'e'")).rejects.toThrow(/append-only/);
      // One open dossier per transaction, enforced by the database itself.
      await expect(
        db.query(
          `insert into dossiers (id, reference, transaction_id, merchant_id, customer_id, status, created_at, updated_at, version, data)
           values ('d2', 'KP-2026-000002', 't', 'm', 'c', 'awaiting_merchant', now(), now(), 1, '{}')`,
        ),
      ).rejects.toThrow();
    } finally {
      await db.close();
      await dropTestDatabases();
    }
  });
});

describe('settings file', () => {
  const write = (content: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'klikpay-settings-'));
    const file = join(dir, 'settings.json');
    writeFileSync(file, content);
    return file;
  };

  it('overrides the defaults field by field, calendar included', () => {
    const settings = loadSettings(
      write('{"merchantAnswerDays": 10, "calendar": {"extraHolidays": ["2026-12-24"]}}'),
    );
    expect(settings.merchantAnswerDays).toBe(10);
    expect(settings.klikpayReplyBusinessDays).toBe(1);
    expect(settings.calendar).toMatchObject({ timeZone: 'Europe/Paris', extraHolidays: ['2026-12-24'] });
    expect(loadSettings(undefined)).toBe(defaultSettings);
  });

  it('says what is wrong with a bad file', () => {
    expect(() => loadSettings(write('{"inactivityDays": 10, "preCloseNoticeDays": 14}'))).toThrow(
      /pre-close notice/,
    );
    expect(() => loadSettings(write('{"calendar": {"timeZone": "Mars/Base"}}'))).toThrow(/calendar.timeZone/);
    expect(() => loadSettings(write('not json'))).toThrow(/Cannot read/);
    expect(() => loadSettings(write('[1]'))).toThrow(/JSON object/);
  });
});
