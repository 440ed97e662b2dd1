import { describe, expect, it } from 'vitest';
import type { Message } from '../../src-shared/domain/model';
import { collisionWith } from '../../src-renderer/workspace/dossier/collision';

/** Which colleague's message makes a send ask first (issue 12, collision before it happens). */

const opened = Date.parse('2026-12-07T09:00:00.000Z');
let n = 0;
const message = (over: Partial<Message> & Pick<Message, 'author' | 'audience'>): Message => ({
  id: `m-${++n}`,
  dossierId: 'd-1',
  kind: 'message',
  body: 'x',
  attachments: [],
  createdAt: '2026-12-07T09:00:20.000Z',
  ...over,
});
const james = { role: 'agent' as const, id: 'u-james', name: 'James Whitfield' };
const sophie = { role: 'supervisor' as const, id: 'u-sophie', name: 'Sophie Marchand' };
const me = { role: 'agent' as const, id: 'u-me', name: 'Camille Laurent' };

describe('collisionWith', () => {
  it('finds a colleague’s message to the same party since the dossier opened, the latest first', () => {
    const messages = [
      message({ author: james, audience: 'customer' }),
      message({ author: sophie, audience: 'both', createdAt: '2026-12-07T09:00:40.000Z' }),
    ];
    expect(collisionWith(messages, me.id, 'customer', opened)).toEqual({
      name: 'Sophie Marchand',
      party: 'customer',
      at: '2026-12-07T09:00:40.000Z',
    });
    expect(collisionWith(messages, me.id, 'merchant', opened)?.party).toBe('merchant');
    expect(collisionWith(messages.slice(0, 1), me.id, 'both', opened)?.party).toBe('customer');
  });

  it('ignores the agent’s own messages, notes, the parties, other parties, and what came before', () => {
    const messages = [
      message({ author: me, audience: 'customer' }),
      message({ author: james, audience: 'internal' }),
      message({ author: { role: 'customer', id: 'c-1', name: 'Claire' }, audience: 'both' }),
      message({ author: james, audience: 'merchant' }),
      message({ author: james, audience: 'customer', createdAt: '2026-12-07T08:59:59.000Z' }),
    ];
    expect(collisionWith(messages, me.id, 'customer', opened)).toBeNull();
    expect(collisionWith(messages, me.id, 'internal', opened)).toBeNull();
    expect(collisionWith(messages, me.id, 'merchant', opened)?.name).toBe('James Whitfield');
  });
});
