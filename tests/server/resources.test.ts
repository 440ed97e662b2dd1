import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierWithMessages, TransactionListItem } from '../../src-shared/contract/api';
import type { Dossier } from '../../src-shared/domain/model';
import type { TestServer, World } from './harness';
import { buildWorld, dropTestDatabases, startTestServer } from './harness';

let server: TestServer;
let world: World;
const tokens = {} as Record<keyof World['users'], string>;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  for (const [key, u] of Object.entries(world.users))
    tokens[key as keyof World['users']] = await server.signIn(u.email);
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

const claim = (transactionId: string, subject: 'payment' | 'delivery' = 'delivery') => ({
  transactionId,
  subject,
  reason: 'not_received',
  merchantContact: 'merchant_no_answer',
  description: 'Commande payée le 20 juin, jamais reçue.',
});

describe('system', () => {
  it('answers health without a session, with security headers', async () => {
    const res = await server.call('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('publishes the OpenAPI document generated from the shared schemas', async () => {
    const res = await server.call<{ openapi: string; paths: Record<string, unknown> }>(
      'GET',
      '/openapi.json',
    );
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/sessions',
      '/api/v1/dossiers',
      '/api/v1/dossiers/{id}',
      '/api/v1/sync/pull',
      '/api/v1/sync/push',
    ]) {
      expect(Object.keys(res.body.paths)).toContain(path);
    }
  });

  it('answers unknown routes with the one error shape', async () => {
    const res = await server.call('GET', '/nope');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('sessions', () => {
  it('refuses wrong credentials with 401 and the same message for unknown e-mails', async () => {
    const wrong = await server.call<{ error: { message: string } }>('POST', '/sessions', {
      body: { email: world.users.agent.email, password: 'nope' },
    });
    const unknown = await server.call<{ error: { message: string } }>('POST', '/sessions', {
      body: { email: 'who@nowhere.test', password: 'nope' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('needs a token for every other call', async () => {
    expect((await server.call('GET', '/dossiers')).status).toBe(401);
    expect((await server.call('GET', '/dossiers', { token: 'x'.repeat(43) })).status).toBe(401);
  });

  it('ends a session on logout', async () => {
    const token = await server.signIn(world.users.agent2.email);
    expect((await server.call('GET', '/sessions/current', { token })).status).toBe(200);
    expect((await server.call('DELETE', '/sessions/current', { token })).status).toBe(204);
    expect((await server.call('GET', '/sessions/current', { token })).status).toBe(401);
  });

  it('rate-limits repeated sign-in attempts with 429', async () => {
    let last = 0;
    for (let i = 0; i < 12; i++) {
      last = (
        await server.call('POST', '/sessions', {
          body: { email: 'victim@example.test', password: `guess-${i}` },
        })
      ).status;
    }
    expect(last).toBe(429);
  });

  it('validates the body with field details', async () => {
    const res = await server.call<{ error: { code: string; details: { path: string }[] } }>(
      'POST',
      '/sessions',
      { body: { email: 'not-an-email' } },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.details.map((d) => d.path)).toEqual(
      expect.arrayContaining(['body.email', 'body.password']),
    );
  });
});

describe('claims and correspondence', () => {
  let dossier: Dossier;

  it('lets a customer file a delivery claim, routed to the merchant', async () => {
    const res = await server.call<Dossier>('POST', '/dossiers', {
      token: tokens.alice,
      body: claim(world.transactions.alice1),
    });
    expect(res.status).toBe(201);
    dossier = res.body;
    expect(dossier).toMatchObject({
      status: 'awaiting_merchant',
      subject: 'delivery',
      assigneeId: null,
      closure: null,
    });
    expect(dossier.reference).toMatch(/^KP-2026-\d{6}$/);
    expect(dossier.dueAt).toBe('2026-07-20T08:00:00.000Z');
    expect(dossier.transaction).toMatchObject({
      id: world.transactions.alice1,
      amount: 4990,
      currency: 'EUR',
      merchantId: world.merchants.shop,
      customerId: world.customers.alice,
    });
  });

  it('refuses a second open dossier on the same transaction with 409, changing nothing', async () => {
    const res = await server.call<{ error: { details: unknown } }>('POST', '/dossiers', {
      token: tokens.alice,
      body: claim(world.transactions.alice1),
    });
    expect(res.status).toBe(409);
    // The reason as a word clients put in their user's language, and where the open one is.
    expect(res.body.error.details).toEqual({ reason: 'transaction_has_open_dossier', dossierId: dossier.id });
    const list = await server.call<{ items: Dossier[] }>('GET', '/dossiers', { token: tokens.alice });
    expect(list.body.items.filter((d) => d.transaction.id === world.transactions.alice1)).toHaveLength(1);
  });

  it("answers 404 for someone else's transaction", async () => {
    const res = await server.call('POST', '/dossiers', {
      token: tokens.bob,
      body: claim(world.transactions.alice2),
    });
    expect(res.status).toBe(404);
  });

  it('routes a payment claim, and a claim on a merchant whose e-mail bounces, to Klik & Pay', async () => {
    const payment = await server.call<Dossier>('POST', '/dossiers', {
      token: tokens.alice,
      body: claim(world.transactions.alice2, 'payment'),
    });
    expect(payment.body.status).toBe('awaiting_klikpay');
    // Monday 13 July 2026 08:00Z (10:00 Paris) + 1 business day skips Bastille Day.
    expect(payment.body.dueAt).toBe('2026-07-15T08:00:00.000Z');
    const bounced = await server.call<Dossier>('POST', '/dossiers', {
      token: tokens.alice,
      body: claim(world.transactions.aliceBounced),
    });
    expect(bounced.body.status).toBe('awaiting_klikpay');
  });

  it('moves the dossier as the merchant answers and the customer replies', async () => {
    const answer = await server.call<DossierWithMessages>('POST', `/dossiers/${dossier.id}/messages`, {
      token: tokens.shop,
      body: { body: 'Colis renvoyé, suivi 1Z999.' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.status).toBe('awaiting_customer');
    const reply = await server.call<DossierWithMessages>('POST', `/dossiers/${dossier.id}/messages`, {
      token: tokens.alice,
      body: { body: 'Toujours rien reçu.' },
    });
    expect(reply.body.status).toBe('awaiting_merchant');
  });

  it('takes a merchant’s proposed settlement with its message, and from nobody else', async () => {
    const proposal = { outcome: 'partial_refund', amount: 1_000 };
    const offered = await server.call<DossierWithMessages>('POST', `/dossiers/${dossier.id}/messages`, {
      token: tokens.shop,
      body: { body: 'Nous vous proposons un geste de 10 €.', proposal },
    });
    expect(offered.status).toBe(201);
    expect(offered.body.messages.at(-1)).toMatchObject({ author: { role: 'merchant' }, proposal });
    const seen = await server.call<DossierWithMessages>('GET', `/dossiers/${dossier.id}`, {
      token: tokens.alice,
    });
    expect(seen.body.messages.at(-1)?.proposal).toEqual(proposal);

    const tooMuch = await server.call<{ error: { details: unknown } }>(
      'POST',
      `/dossiers/${dossier.id}/messages`,
      {
        token: tokens.shop,
        body: { body: 'Tout.', proposal: { outcome: 'partial_refund', amount: 10_000_000 } },
      },
    );
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error.details).toEqual({ reason: 'proposal_exceeds_amount' });
    for (const [token, audience] of [
      [tokens.alice, undefined],
      [tokens.agent, 'customer'],
    ] as const) {
      const refused = await server.call<{ error: { details: unknown } }>(
        'POST',
        `/dossiers/${dossier.id}/messages`,
        {
          token,
          body: { body: 'Un remboursement ?', proposal: { outcome: 'refund', amount: null }, audience },
        },
      );
      expect(refused.status).toBe(400);
      expect(refused.body.error.details).toEqual([
        { path: 'body.proposal', message: 'accepted from merchants only' },
      ]);
    }
  });

  it('requires staff to choose an audience, and hides internal notes from parties', async () => {
    const missing = await server.call('POST', `/dossiers/${dossier.id}/messages`, {
      token: tokens.agent,
      body: { body: 'Hello' },
    });
    expect(missing.status).toBe(400);
    const note = await server.call('POST', `/dossiers/${dossier.id}/messages`, {
      token: tokens.agent,
      body: { body: 'Marchand déjà signalé.', audience: 'internal' },
    });
    expect(note.status).toBe(201);
    for (const token of [tokens.alice, tokens.shop]) {
      const seen = await server.call<DossierWithMessages>('GET', `/dossiers/${dossier.id}`, { token });
      expect(seen.status).toBe(200);
      expect(seen.body.messages.map((m) => m.body)).not.toContain('Marchand déjà signalé.');
      expect(seen.body.messages.every((m) => m.audience !== 'internal')).toBe(true);
    }
    const staff = await server.call<DossierWithMessages>('GET', `/dossiers/${dossier.id}`, {
      token: tokens.supervisor,
    });
    expect(staff.body.messages.map((m) => m.body)).toContain('Marchand déjà signalé.');
  });

  it('lets parties write only to their own dossiers (404 otherwise)', async () => {
    expect((await server.call('GET', `/dossiers/${dossier.id}`, { token: tokens.bob })).status).toBe(404);
    expect((await server.call('GET', `/dossiers/${dossier.id}`, { token: tokens.silent })).status).toBe(404);
    expect(
      (
        await server.call('POST', `/dossiers/${dossier.id}/messages`, {
          token: tokens.bob,
          body: { body: 'hi' },
        })
      ).status,
    ).toBe(404);
  });

  it('escalates at the customer request, then closes when the customer says it is resolved', async () => {
    const escalated = await server.call<Dossier>('POST', `/dossiers/${dossier.id}/escalate`, {
      token: tokens.alice,
      body: {},
    });
    expect(escalated.status).toBe(200);
    expect(escalated.body.status).toBe('awaiting_klikpay');
    expect(escalated.body.escalatedAt).not.toBeNull();
    const again = await server.call('POST', `/dossiers/${dossier.id}/escalate`, {
      token: tokens.alice,
      body: {},
    });
    expect(again.status).toBe(409);
    const resolved = await server.call<Dossier>('POST', `/dossiers/${dossier.id}/resolve`, {
      token: tokens.alice,
    });
    expect(resolved.body.status).toBe('closed');
    expect(resolved.body.closure).toMatchObject({ reason: 'resolved_by_client' });
    const late = await server.call('POST', `/dossiers/${dossier.id}/messages`, {
      token: tokens.shop,
      body: { body: 'Trop tard ?' },
    });
    expect(late.status).toBe(409);
  });

  it('lists with cursor pagination, newest first, without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/dossiers?limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { status: number; body: { items: Dossier[]; cursor: string | null } } = await server.call(
        'GET',
        path,
        { token: tokens.agent },
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((d) => d.id));
      cursor = page.body.cursor;
    } while (cursor);
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
    expect((await server.call('GET', '/dossiers?cursor=garbage', { token: tokens.agent })).status).toBe(400);
  });

  it('lists the customer transactions with their open dossier', async () => {
    const res = await server.call<{ items: TransactionListItem[] }>('GET', '/transactions', {
      token: tokens.alice,
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((t) => t.id).sort()).toEqual([
      't-alice-bounced',
      't-alice1',
      't-alice2',
      't-alice3',
    ]);
    expect(res.body.items.find((t) => t.id === 't-alice3')?.openDossierId).toBeNull();
    // How to reach the merchant first, as the portal advises before a claim.
    expect(res.body.items.find((t) => t.id === 't-alice-bounced')).toMatchObject({
      merchantEmail: 'm-bounced@shops.test',
      merchantEmailValid: false,
    });
    expect(res.body.items.find((t) => t.id === 't-alice3')).toMatchObject({ merchantEmailValid: true });
    expect((await server.call('GET', '/transactions', { token: tokens.agent })).status).toBe(403);
  });
});

describe('attachments', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString(
    'base64',
  );

  it('stores a claim with a receipt, and serves it to those who may read the claim', async () => {
    const res = await server.call<DossierWithMessages & Dossier>('POST', '/dossiers', {
      token: tokens.bob,
      body: {
        transactionId: world.transactions.bob1,
        subject: 'delivery',
        reason: 'damaged_or_defective',
        merchantContact: 'not_contacted',
        description: 'Broken on arrival, photo attached.',
        attachments: [{ filename: 'photo colis.png', contentType: 'image/png', contentBase64: png }],
      },
    });
    expect(res.status).toBe(201);
    const seen = await server.call<DossierWithMessages>('GET', `/dossiers/${res.body.id}`, {
      token: tokens.shop,
    });
    const claimMessage = seen.body.messages.find((m) => m.kind === 'claim');
    const attachment = claimMessage?.attachments[0];
    expect(attachment).toMatchObject({ filename: 'photo colis.png', contentType: 'image/png' });
    for (const [token, status] of [
      [tokens.shop, 200],
      [tokens.bob, 200],
      [tokens.agent, 200],
      [tokens.alice, 404],
    ] as const) {
      const file = await fetch(
        `${server.url}/api/v1/dossiers/${res.body.id}/attachments/${attachment?.id ?? ''}`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      );
      expect(file.status).toBe(status);
      if (status === 200) {
        expect(file.headers.get('content-type')).toBe('image/png');
        expect(file.headers.get('content-disposition')).toContain('attachment');
        expect(Buffer.from(await file.arrayBuffer()).toString('base64')).toBe(png);
      }
    }
  });

  it('refuses a file that is not what it claims to be, and stores nothing', async () => {
    const before = await server.call<{ items: Dossier[] }>('GET', '/dossiers', { token: tokens.alice });
    const res = await server.call<{ error: { code: string } }>('POST', '/dossiers', {
      token: tokens.alice,
      body: {
        transactionId: world.transactions.alice3,
        subject: 'delivery',
        reason: 'other',
        merchantContact: 'not_contacted',
        description: 'See file.',
        attachments: [
          {
            filename: 'invoice.pdf',
            contentType: 'application/pdf',
            contentBase64: Buffer.from('<script>alert(1)</script>').toString('base64'),
          },
        ],
      },
    });
    expect(res.status).toBe(400);
    const after = await server.call<{ items: Dossier[] }>('GET', '/dossiers', { token: tokens.alice });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('refuses a file type that is not allowed, and a body that is too large', async () => {
    const wrongType = await server.call(
      'POST',
      `/dossiers/${(await server.call<{ items: Dossier[] }>('GET', '/dossiers', { token: tokens.bob })).body.items[0]?.id ?? ''}/messages`,
      {
        token: tokens.bob,
        body: {
          body: 'See attached',
          attachments: [{ filename: 'x.html', contentType: 'text/html', contentBase64: 'PGI+' }],
        },
      },
    );
    expect(wrongType.status).toBe(400);
    const huge = await server.call('POST', '/sessions', {
      body: { email: 'a@b.test', password: 'x'.repeat(400_000) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ error: { code: 'too_large' } });
  });
});
