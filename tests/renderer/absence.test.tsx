import { describe, expect, it } from 'vitest';
import type { User } from '../../src-shared/domain/model';
import { testDesk } from './desk';
import { cacheOf } from './workbench';

/** The back office refuses, as the server does, a new dossier to a colleague marked absent. */

const supervisor: User = {
  id: 's1',
  name: 'Sophie Marchand',
  email: 'sophie@klikpay.test',
  role: 'supervisor',
};
const james: User = {
  id: 'a2',
  name: 'James Whitfield',
  email: 'james@klikpay.test',
  role: 'agent',
  absent: true,
};

describe('assigning to someone absent', () => {
  it('is refused before it is queued, with the reason in words, until they are back', async () => {
    const db = await cacheOf(2);
    await db.users.bulkPut([supervisor, james]);
    const desk = testDesk(db, { user: supervisor });
    const refused = await desk.perform('dossier.assign', { dossierId: 'd-1', assigneeId: 'a2' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'assignee_absent' } },
    });
    expect(await db.outbox.count()).toBe(0);
    expect((await db.dossiers.get('d-1'))?.assigneeId).not.toBe('a2');

    const back = await desk.setAbsence('a2', false);
    expect(back).toMatchObject({ ok: true, value: { absent: false } });
    expect(await desk.perform('dossier.assign', { dossierId: 'd-1', assigneeId: 'a2' })).toMatchObject({
      ok: true,
    });
    expect((await db.dossiers.get('d-1'))?.assigneeId).toBe('a2');
    expect(await db.outbox.count()).toBe(1);
  });
});
