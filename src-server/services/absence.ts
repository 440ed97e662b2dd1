import type { User } from '../../src-shared/domain/model';
import { notFound } from '../http/problem';
import { setAbsent } from '../store/absence';
import { recordChanges } from '../store/changes';
import type { ServerContext } from './context';

/**
 * A supervisor marks a member of staff absent (no new dossier is assigned to them, on the server
 * and in every back office, which pulls the member's new state) or back.
 */
export async function markAbsence(ctx: ServerContext, userId: string, absent: boolean): Promise<User> {
  return ctx.db.transaction(async (tx) => {
    const user = await setAbsent(tx, userId, absent);
    if (!user) throw notFound('This member of staff');
    await recordChanges(tx, [
      { entity: 'user', id: user.id, visibleTo: 'staff', customerId: null, merchantId: null },
    ]);
    return user;
  });
}
