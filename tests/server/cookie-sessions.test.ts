import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CookieSessionResponse, DossierWithMessages } from '../../src-shared/contract/api';
import type { ApiError } from '../../src-shared/contract/errors';
import type { Dossier } from '../../src-shared/domain/model';
import type { TestServer, World } from './harness';
import { buildWorld, dropTestDatabases, fileClaim, startTestServer } from './harness';

/**
 * The portal's cookie sessions (customers and merchants in a browser): the cookie's attributes, the
 * CSRF check on unsafe calls, bearer tokens unchanged, staff kept to tokens, sign-out. Node's fetch
 * keeps no cookie jar, so the Cookie header is written by hand, as a browser would send it.
 */

const cookieName = '__Host-klikpay_session';
const cookieLine = new RegExp(
  `^${cookieName}=([A-Za-z0-9_-]{43}); HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=43200$`,
);
const clearedLine = `${cookieName}=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0`;

let server: TestServer;
let world: World;
let dossier: Dossier;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  dossier = await fileClaim(server, await server.signIn(world.users.alice.email), world.transactions.alice1);
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

interface CookieSession {
  cookie: string;
  csrfToken: string;
  body: CookieSessionResponse;
}

async function cookieSignIn(email: string, password = 'demo-password'): Promise<CookieSession> {
  const res = await server.call<CookieSessionResponse>('POST', '/sessions', {
    body: { email, password, session: 'cookie' },
  });
  expect(res.status).toBe(201);
  const [line, ...more] = res.headers.getSetCookie();
  expect(more).toEqual([]);
  const token = cookieLine.exec(line ?? '')?.[1];
  if (!token) throw new Error(`unexpected Set-Cookie: ${line ?? '(none)'}`);
  return { cookie: `${cookieName}=${token}`, csrfToken: res.body.csrfToken, body: res.body };
}

/** A message from the customer on their dossier, carried by the cookie, with the headers given. */
const postMessage = (cookie: string, headers: Record<string, string>, body = 'Avez-vous du nouveau ?') =>
  server.call<DossierWithMessages & ApiError>('POST', `/dossiers/${dossier.id}/messages`, {
    headers: { cookie, ...headers },
    body: { body },
  });

async function messageCount(): Promise<number> {
  const token = await server.signIn(world.users.supervisor.email);
  const res = await server.call<DossierWithMessages>('GET', `/dossiers/${dossier.id}`, { token });
  return res.body.messages.length;
}

describe('signing in with a cookie', () => {
  it('sets the session cookie with exactly its attributes, and answers the user and a CSRF token', async () => {
    const res = await server.call<Record<string, unknown>>('POST', '/sessions', {
      body: { email: world.users.alice.email, password: 'demo-password', session: 'cookie' },
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['csrfToken', 'user']);
    expect(res.body.user).toMatchObject({ id: world.users.alice.id, role: 'customer' });
    expect(res.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookies = res.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(cookieLine);
    expect(cookies[0]).not.toMatch(/domain/i);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps the token answer as it was by default and with "session": "token", without a cookie', async () => {
    for (const extra of [{}, { session: 'token' }]) {
      const res = await server.call<Record<string, unknown>>('POST', '/sessions', {
        body: { email: world.users.alice.email, password: 'demo-password', ...extra },
      });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(['token', 'user']);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it('opens a cookie session to merchants too', async () => {
    const { cookie, body } = await cookieSignIn(world.users.shop.email);
    expect(body.user.role).toBe('merchant');
    const res = await server.call<{ items: Dossier[] }>('GET', '/dossiers', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.body.items.map((d) => d.id)).toContain(dossier.id);
  });

  it('refuses a cookie session to staff with 403 once the password is right, and sets no cookie', async () => {
    for (const email of [world.users.agent.email, world.users.supervisor.email]) {
      const res = await server.call<ApiError>('POST', '/sessions', {
        body: { email, password: 'demo-password', session: 'cookie' },
      });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({
        code: 'forbidden',
        details: { reason: 'cookie_session_not_for_staff' },
      });
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    // A wrong password says nothing of the role; an unknown e-mail answers the very same.
    const wrong = await server.call<ApiError>('POST', '/sessions', {
      body: { email: world.users.agent.email, password: 'nope', session: 'cookie' },
    });
    const unknown = await server.call<ApiError>('POST', '/sessions', {
      body: { email: 'who@nowhere.test', password: 'nope', session: 'cookie' },
    });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
    expect(wrong.body.error.details).toBeUndefined();
  });

  it('refuses a cookie sign-in sent from another site (login CSRF)', async () => {
    const res = await server.call<ApiError>('POST', '/sessions', {
      headers: { origin: 'https://evil.example' },
      body: { email: world.users.alice.email, password: 'demo-password', session: 'cookie' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.details).toEqual({ reason: 'csrf' });
    expect(res.headers.getSetCookie()).toEqual([]);
    // From the server's own origin it is the portal.
    const own = await server.call('POST', '/sessions', {
      headers: { origin: server.url },
      body: { email: world.users.alice.email, password: 'demo-password', session: 'cookie' },
    });
    expect(own.status).toBe(201);
  });

  it('keeps the sign-in rate limit for cookie sign-ins', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await server.call('POST', '/sessions', {
        body: { email: 'cookie-victim@example.test', password: `guess-${i}`, session: 'cookie' },
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('a cookie session', () => {
  it('reads: the current session with its CSRF token, the transactions and a dossier', async () => {
    const { cookie, csrfToken } = await cookieSignIn(world.users.alice.email);
    const current = await server.call<Record<string, unknown>>('GET', '/sessions/current', {
      headers: { cookie },
    });
    expect(current.status).toBe(200);
    expect(current.body).toEqual({
      user: expect.objectContaining({ id: world.users.alice.id }) as unknown,
      csrfToken,
    });
    expect((await server.call('GET', '/transactions', { headers: { cookie } })).status).toBe(200);
    expect((await server.call('GET', `/dossiers/${dossier.id}`, { headers: { cookie } })).status).toBe(200);
    // The portal's other cookies beside it are no matter.
    const mixed = `theme=dark; ${cookie}; _ga=GA1.2.3`;
    expect((await server.call('GET', '/sessions/current', { headers: { cookie: mixed } })).status).toBe(200);
  });

  it('refuses an unsafe call without the CSRF header, with a wrong one, or from another origin', async () => {
    const { cookie, csrfToken } = await cookieSignIn(world.users.alice.email);
    const other = await cookieSignIn(world.users.alice.email);
    const before = await messageCount();
    const refusals: Record<string, Record<string, string>> = {
      'no header': {},
      'empty header': { 'x-csrf-token': '' },
      'wrong token': { 'x-csrf-token': 'A'.repeat(43) },
      "another session's token": { 'x-csrf-token': other.csrfToken },
      'a shorter token': { 'x-csrf-token': csrfToken.slice(1) },
      'foreign origin': { 'x-csrf-token': csrfToken, origin: 'https://evil.example' },
      'null origin': { 'x-csrf-token': csrfToken, origin: 'null' },
      'same host, other port': { 'x-csrf-token': csrfToken, origin: 'http://127.0.0.1:1' },
    };
    for (const [what, headers] of Object.entries(refusals)) {
      const res = await postMessage(cookie, headers);
      expect(res.status, what).toBe(403);
      expect(res.body.error, what).toMatchObject({ code: 'forbidden', details: { reason: 'csrf' } });
    }
    expect(await messageCount()).toBe(before);
  });

  it('writes with the session CSRF token, with or without its own Origin', async () => {
    const { cookie, csrfToken } = await cookieSignIn(world.users.alice.email);
    const before = await messageCount();
    const withOrigin = await postMessage(cookie, { 'x-csrf-token': csrfToken, origin: server.url });
    expect(withOrigin.status).toBe(201);
    const without = await postMessage(cookie, { 'x-csrf-token': csrfToken }, 'Merci de votre retour.');
    expect(without.status).toBe(201);
    expect(await messageCount()).toBe(before + 2);
  });

  it('checks the CSRF token before the role: a forged call learns nothing', async () => {
    const { cookie, csrfToken } = await cookieSignIn(world.users.shop.email);
    const forged = await server.call<ApiError>('POST', `/dossiers/${dossier.id}/resolve`, {
      headers: { cookie },
    });
    expect(forged.status).toBe(403);
    expect(forged.body.error.details).toEqual({ reason: 'csrf' });
    const role = await server.call<ApiError>('POST', `/dossiers/${dossier.id}/resolve`, {
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(role.status).toBe(403);
    expect(role.body.error.details).toBeUndefined();
  });

  it('downloads an attachment and opens the live stream with the cookie', async () => {
    const { cookie, csrfToken } = await cookieSignIn(world.users.alice.email);
    const png = Buffer.from('89504e470d0a1a0a', 'hex').toString('base64');
    const posted = await server.call<DossierWithMessages>('POST', `/dossiers/${dossier.id}/messages`, {
      headers: { cookie, 'x-csrf-token': csrfToken },
      body: {
        body: 'La photo du colis.',
        attachments: [{ filename: 'colis.png', contentType: 'image/png', contentBase64: png }],
      },
    });
    expect(posted.status).toBe(201);
    const attachment = posted.body.messages
      .flatMap((m) => m.attachments)
      .find((a) => a.filename === 'colis.png');
    const file = await fetch(
      `${server.url}/api/v1/dossiers/${dossier.id}/attachments/${attachment?.id ?? ''}`,
      {
        headers: { cookie },
      },
    );
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).toString('base64')).toBe(png);

    const controller = new AbortController();
    const stream = await fetch(`${server.url}/api/v1/sync/stream`, {
      headers: { cookie },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toContain('event: poke');
    controller.abort();
    await reader?.cancel().catch(() => undefined);
  });

  it('answers 401, never 500, to a malformed or unknown cookie', async () => {
    const { cookie } = await cookieSignIn(world.users.alice.email);
    const token = cookie.slice(cookieName.length + 1);
    const headers = [
      '',
      ';;;',
      '=',
      cookieName,
      `${cookieName}=`,
      `${cookieName}="${token}"`,
      `${cookieName}=${token}x`,
      `${cookieName}=${token.slice(1)}`,
      `${cookieName}=${'%'.repeat(43)}`,
      `${cookieName}=${'A'.repeat(43)}`,
      `${cookieName}=${token}; ${cookieName}=${token}`,
      `${cookieName.toLowerCase()}=${token}`,
      `klikpay_session=${token}`,
      'x'.repeat(8000),
      '\u00e9=\u00e9; \u00ff',
    ];
    for (const value of headers) {
      for (const [method, path] of [
        ['GET', '/sessions/current'],
        ['DELETE', '/sessions/current'],
        ['POST', `/dossiers/${dossier.id}/messages`],
      ] as const) {
        const res = await server.call<ApiError>(method, path, {
          headers: { cookie: value },
          ...(method === 'POST' ? { body: { body: 'x' } } : {}),
        });
        expect(res.status, `${method} ${path} with Cookie: ${value.slice(0, 80)}`).toBe(401);
        expect(res.body.error.code).toBe('unauthenticated');
      }
    }
    // The session itself is untouched by all of that.
    expect((await server.call('GET', '/sessions/current', { headers: { cookie } })).status).toBe(200);
  });
});

describe('bearer tokens beside cookies', () => {
  it('need no CSRF token', async () => {
    const token = await server.signIn(world.users.alice.email);
    const res = await server.call('POST', `/dossiers/${dossier.id}/messages`, {
      token,
      body: { body: 'Par le jeton.' },
    });
    expect(res.status).toBe(201);
    const current = await server.call<Record<string, unknown>>('GET', '/sessions/current', { token });
    expect(Object.keys(current.body)).toEqual(['user']);
  });

  it('win over a cookie when both are sent, even a bad bearer header', async () => {
    const bob = await server.signIn(world.users.bob.email);
    const { cookie } = await cookieSignIn(world.users.alice.email);
    const both = await server.call<{ user: { id: string } }>('GET', '/sessions/current', {
      token: bob,
      headers: { cookie },
    });
    expect(both.body.user.id).toBe(world.users.bob.id);
    // The write is Bob's, by his token: no CSRF asked, and Alice's dossier is not his to see.
    const write = await server.call('POST', `/dossiers/${dossier.id}/messages`, {
      token: bob,
      headers: { cookie },
      body: { body: 'x' },
    });
    expect(write.status).toBe(404);
    const broken = await server.call('GET', '/sessions/current', {
      headers: { cookie, authorization: 'Bearer nope' },
    });
    expect(broken.status).toBe(401);
  });

  it('signing out by bearer leaves the cookie alone', async () => {
    const bob = await server.signIn(world.users.bob.email);
    const { cookie } = await cookieSignIn(world.users.alice.email);
    const out = await server.call('DELETE', '/sessions/current', { token: bob, headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()).toEqual([]);
    expect((await server.call('GET', '/sessions/current', { headers: { cookie } })).status).toBe(200);
  });
});

describe('signing out of a cookie session', () => {
  it('needs the CSRF token, then clears the cookie, and the old cookie no longer authenticates', async () => {
    const { cookie, csrfToken } = await cookieSignIn(world.users.alice.email);
    const forged = await server.call<ApiError>('DELETE', '/sessions/current', { headers: { cookie } });
    expect(forged.status).toBe(403);
    expect(forged.body.error.details).toEqual({ reason: 'csrf' });
    expect((await server.call('GET', '/sessions/current', { headers: { cookie } })).status).toBe(200);

    const out = await server.call('DELETE', '/sessions/current', {
      headers: { cookie, 'x-csrf-token': csrfToken, origin: server.url },
    });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()).toEqual([clearedLine]);
    expect((await server.call('GET', '/sessions/current', { headers: { cookie } })).status).toBe(401);
    const write = await postMessage(cookie, { 'x-csrf-token': csrfToken });
    expect(write.status).toBe(401);
  });
});
