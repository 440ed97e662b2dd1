import { rm } from 'node:fs/promises';
import { z } from 'zod';
import type { SafeStorage } from 'electron';
import type { User } from '../src-shared/domain/model';
import { userSchema } from '../src-shared/domain/model';
import { readTextIfAny, writeFileAtomic } from './atomic-file';

/**
 * The signed-in agent of this device. The token stays in the main process: kept on disk only
 * encrypted by the system's keychain (`safeStorage`: Keychain, DPAPI, libsecret); where no keychain
 * is available it is kept in memory only, and the agent signs in again after a restart. The user
 * (no secret) is always kept, so the desk opens offline on its cache.
 */
export interface SessionStore {
  user(): User | null;
  token(): string | null;
  save(token: string, user: User): Promise<void>;
  clear(): Promise<void>;
}

type Keychain = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'>;

const storedSchema = z.object({
  user: userSchema,
  /** The token encrypted by the keychain, base64; absent where there is no keychain. */
  sealed: z.string().max(10_000).optional(),
});

export async function openSessionStore(file: string, keychain: Keychain): Promise<SessionStore> {
  let current: { user: User; token: string | null } | null = null;
  const write = async (user: User, token: string) => {
    const sealed = (await keychain.isAsyncEncryptionAvailable())
      ? (await keychain.encryptStringAsync(token)).toString('base64')
      : undefined;
    await writeFileAtomic(file, JSON.stringify({ user, ...(sealed ? { sealed } : {}) }));
  };
  const raw = await readTextIfAny(file).catch(() => null);
  if (raw !== null) {
    try {
      const stored = storedSchema.parse(JSON.parse(raw));
      let token: string | null = null;
      let reseal = false;
      if (stored.sealed && (await keychain.isAsyncEncryptionAvailable())) {
        try {
          const opened = await keychain.decryptStringAsync(Buffer.from(stored.sealed, 'base64'));
          token = opened.result;
          reseal = opened.shouldReEncrypt;
        } catch {
          // Another user's or machine's keychain: signed out on the network, the desk still opens.
          token = null;
        }
      }
      current = { user: stored.user, token };
      // The keychain rotated its key: seal the token again under the new one.
      if (reseal && token) await write(stored.user, token).catch(() => undefined);
    } catch {
      current = null;
    }
  }
  return {
    user: () => current?.user ?? null,
    token: () => current?.token ?? null,
    async save(token, user) {
      current = { user, token };
      await write(user, token);
    },
    async clear() {
      current = null;
      await rm(file, { force: true });
    },
  };
}
