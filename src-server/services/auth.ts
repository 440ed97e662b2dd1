import type { Role } from '../../src-shared/domain/vocabulary';
import { ApiProblem } from '../http/problem';
import { recordChanges } from '../store/changes';
import type { AccountRow } from '../store/people';
import {
  deleteSession,
  findAccountByEmail,
  findSessionAccount,
  insertAccount,
  insertSession,
} from '../store/people';
import type { ServerContext } from './context';
import { decoyHash, hashPassword, newToken, tokenHash, verifyPassword } from './passwords';

/** Sign-in, sessions and accounts. */

export const sessionHours = 12;

/** How the client keeps its session: a token it holds, or the portal's HttpOnly cookie. */
export type SessionKind = 'token' | 'cookie';

/** The portal's roles; staff work in the back office, which keeps a token (sealed by the desktop). */
export const cookieSessionRoles: readonly Role[] = ['customer', 'merchant'];

export async function signIn(
  ctx: ServerContext,
  email: string,
  password: string,
  kind: SessionKind = 'token',
): Promise<{ token: string; user: AccountRow }> {
  const found = await findAccountByEmail(ctx.db, email);
  const ok = await verifyPassword(password, found?.passwordHash ?? decoyHash);
  if (!found || !ok) throw new ApiProblem('unauthenticated', 'Wrong e-mail or password.');
  // Only once the password is right, so the refusal tells a stranger nothing about the account.
  if (kind === 'cookie' && !cookieSessionRoles.includes(found.role)) {
    throw new ApiProblem(
      'forbidden',
      'Staff accounts sign in with a session token (the back office): cookie sessions are for the customer and merchant portal.',
      { reason: 'cookie_session_not_for_staff' },
    );
  }
  const token = newToken();
  const now = ctx.clock.now();
  await insertSession(ctx.db, {
    tokenHash: tokenHash(token),
    userId: found.id,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + sessionHours * 3_600_000).toISOString(),
  });
  const { passwordHash: _hash, ...user } = found;
  return { token, user };
}

export async function authenticate(ctx: ServerContext, token: string): Promise<AccountRow | null> {
  return findSessionAccount(ctx.db, tokenHash(token), new Date(ctx.clock.now()).toISOString());
}

export async function signOut(ctx: ServerContext, token: string): Promise<void> {
  await deleteSession(ctx.db, tokenHash(token));
}

export interface NewAccount {
  email: string;
  name: string;
  role: Role;
  password: string;
  merchantId?: string | undefined;
  customerId?: string | undefined;
}

export async function createAccount(ctx: ServerContext, input: NewAccount): Promise<AccountRow> {
  if ((input.role === 'merchant') !== (input.merchantId !== undefined)) {
    throw new ApiProblem(
      'invalid_request',
      'A merchant account needs a merchant id, and only a merchant account has one.',
    );
  }
  if ((input.role === 'customer') !== (input.customerId !== undefined)) {
    throw new ApiProblem(
      'invalid_request',
      'A customer account needs a customer id, and only a customer account has one.',
    );
  }
  if (await findAccountByEmail(ctx.db, input.email)) {
    throw new ApiProblem('conflict', `An account with the e-mail ${input.email} already exists.`);
  }
  const account: AccountRow = {
    id: ctx.newId(),
    email: input.email,
    name: input.name,
    role: input.role,
    merchantId: input.merchantId ?? null,
    customerId: input.customerId ?? null,
  };
  await ctx.db.transaction(async (tx) => {
    await insertAccount(tx, {
      ...account,
      passwordHash: await hashPassword(input.password),
      createdAt: new Date(ctx.clock.now()).toISOString(),
    });
    if (account.role === 'agent' || account.role === 'supervisor') {
      await recordChanges(tx, [
        { entity: 'user', id: account.id, visibleTo: 'staff', customerId: null, merchantId: null },
      ]);
    }
  });
  return account;
}
