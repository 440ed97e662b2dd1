import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierWithMessages } from '../../src-shared/contract/api';
import type { Dossier } from '../../src-shared/domain/model';
import type { TestServer } from './harness';
import { dropTestDatabases, startTestServer } from './harness';

/**
 * Issue 14: a merchant's team may have several accounts (the demo has two for La Boutique du
 * Voyageur): each sees the shop's claims, and what one writes the other reads, as the shop's.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: 'demo' });
});
afterAll(async () => {
  await server.close();
  await dropTestDatabases();
});

describe("a merchant's team", () => {
  it('shares the shop’s claims, and each reads what the other wrote', async () => {
    const paul = await server.signIn('merchant@klikpay.test', 'demo');
    const ines = await server.signIn('merchant2@klikpay.test', 'demo');
    const list = async (token: string) =>
      (await server.call<{ items: Dossier[] }>('GET', '/dossiers?limit=200', { token })).body.items
        .map((d) => d.id)
        .sort();
    const claims = await list(paul);
    expect(claims.length).toBeGreaterThan(0);
    expect(await list(ines)).toEqual(claims);

    const mine = await server.call<{ items: Dossier[] }>('GET', '/dossiers?status=awaiting_merchant', {
      token: ines,
    });
    const waiting = mine.body.items[0];
    if (!waiting) throw new Error('the demo merchant has no claim awaiting its answer');
    const answer = await server.call<DossierWithMessages>('POST', `/dossiers/${waiting.id}/messages`, {
      token: ines,
      body: { body: 'Colis renvoyé ce matin, suivi 6A123.' },
    });
    expect(answer.status).toBe(201);
    const seen = await server.call<DossierWithMessages>('GET', `/dossiers/${waiting.id}`, { token: paul });
    expect(seen.body.messages.at(-1)).toMatchObject({
      author: { role: 'merchant', id: 'u-merchant2' },
      body: 'Colis renvoyé ce matin, suivi 6A123.',
    });
    expect(seen.body.status).toBe('awaiting_customer');
  });
});
