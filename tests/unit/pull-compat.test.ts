import { describe, expect, it } from 'vitest';
import { clientPullResponseSchema } from '../../src-shared/contract/sync';

/** A back office one version behind the server keeps syncing what it knows. */

const user = { id: 'u-agent', name: 'Camille Laurent', email: 'agent@klikpay.test', role: 'agent' };
const page = (changes: unknown[]) => ({ changes, cursor: 'c1.9', hasMore: false, remaining: 0 });

describe('a pull page as a client reads it', () => {
  it('leaves out the changes of an entity it does not know, and keeps the rest and the cursor', () => {
    const parsed = clientPullResponseSchema.parse(
      page([
        { entity: 'invoice', id: 'i-1', op: 'put', data: { total: 12 } },
        { entity: 'user', id: user.id, op: 'put', data: user },
        { entity: 'invoice', id: 'i-1', op: 'delete', data: null },
      ]),
    );
    expect(parsed).toEqual(page([{ entity: 'user', id: user.id, op: 'put', data: user }]));
  });

  it('still refuses what it knows in the wrong shape, and a change that names no entity', () => {
    expect(
      clientPullResponseSchema.safeParse(page([{ entity: 'user', id: user.id, op: 'put', data: { id: 1 } }]))
        .success,
    ).toBe(false);
    expect(clientPullResponseSchema.safeParse(page([{ id: 'x', op: 'put', data: {} }])).success).toBe(false);
    expect(clientPullResponseSchema.safeParse({ cursor: 'c1.9', hasMore: false }).success).toBe(false);
  });
});
