import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { dropTestDatabases, startTestServer } from './harness';

const run = promisify(execFile);
const tsx = join(process.cwd(), 'node_modules/.bin/tsx');

describe('creating accounts on an empty database', () => {
  it('`npm run server -- create-user` makes an account that can sign in, and refuses bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klikpay-users-'));
    const args = [
      'src-server/cli.ts',
      'create-user',
      '--email',
      'ana@klikpay.example',
      '--name',
      'Ana Costa',
      '--role',
      'supervisor',
      '--data',
      dir,
    ];
    const env = { ...process.env, KLIKPAY_DATABASE_URL: '' };
    const created = await run(tsx, [...args, '--password', 'a long passphrase'], {
      env: { ...process.env, KLIKPAY_DATABASE_URL: '' },
    });
    expect(created.stdout).toMatch(/created supervisor ana@klikpay\.example/);
    await expect(
      run(tsx, [...args, '--password', 'a long passphrase'], {
        env: { ...process.env, KLIKPAY_DATABASE_URL: '' },
      }),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(/already exists/),
    });
    await expect(run(tsx, [...args, '--password', 'short'], { env })).rejects.toMatchObject({
      stderr: expect.stringMatching(/--password/),
    });
    const server = await startTestServer({ dataDir: dir, embedded: true });
    try {
      const res = await server.call<{ user: { role: string } }>('POST', '/sessions', {
        body: { email: 'ana@klikpay.example', password: 'a long passphrase' },
      });
      expect(res.status).toBe(201);
      expect(res.body.user.role).toBe('supervisor');
    } finally {
      await server.close();
    }
    // Three processes, each starting tsx and an embedded PostgreSQL, then a server: on a loaded
    // 2-core machine (CI once, beside a benchmark) that took over a minute.
  }, 240_000);
});

describe('CORS', () => {
  it('answers cross-origin requests only from the configured browser-host origin', async () => {
    const server = await startTestServer({ corsOrigins: ['http://localhost:5173'] });
    try {
      const preflight = (origin: string) =>
        fetch(`${server.url}/api/v1/sessions`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        });
      expect((await preflight('http://localhost:5173')).headers.get('access-control-allow-origin')).toBe(
        'http://localhost:5173',
      );
      expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await server.close();
      await dropTestDatabases();
    }
  });

  it('answers none by default: the browser host is same-origin', async () => {
    const server = await startTestServer();
    try {
      const res = await fetch(`${server.url}/api/v1/health`, { headers: { origin: 'https://evil.example' } });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await server.close();
      await dropTestDatabases();
    }
  });
});
