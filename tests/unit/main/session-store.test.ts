import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSessionStore } from '../../../src-main/session-store';

/** The desktop session on disk: the token only sealed by the keychain, the user always. */

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klikpay-session-'));
  file = join(dir, 'session.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const user = { id: 'u-agent', name: 'Camille Laurent', email: 'agent@klikpay.test', role: 'agent' as const };
/** A keychain that seals by tagging and base64 (what matters: the file never holds the token). */
const keychain = (available = true, tag = 'k1', rotated = false) => ({
  sealed: 0,
  isAsyncEncryptionAvailable: () => Promise.resolve(available),
  encryptStringAsync(plain: string) {
    this.sealed++;
    return Promise.resolve(Buffer.from(`${tag}:${Buffer.from(plain).toString('base64')}`));
  },
  decryptStringAsync: (sealed: Buffer) => {
    const text = sealed.toString();
    if (!text.startsWith(`${tag}:`)) {
      return Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage'));
    }
    const result = Buffer.from(text.slice(tag.length + 1), 'base64').toString();
    return Promise.resolve({ result, shouldReEncrypt: rotated });
  },
});

describe('the session store', () => {
  it('keeps the session across restarts, the token sealed', async () => {
    const store = await openSessionStore(file, keychain());
    await store.save('secret-token-123', user);
    expect(await readFile(file, 'utf8')).not.toContain('secret-token-123');
    const again = await openSessionStore(file, keychain());
    expect(again.user()).toEqual(user);
    expect(again.token()).toBe('secret-token-123');
  });

  it('without a keychain, keeps the token in memory only: the desk opens offline, the network asks to sign in', async () => {
    const store = await openSessionStore(file, keychain(false));
    await store.save('secret-token-123', user);
    expect(store.token()).toBe('secret-token-123');
    expect(await readFile(file, 'utf8')).not.toContain('secret-token-123');
    const again = await openSessionStore(file, keychain(false));
    expect(again.user()).toEqual(user);
    expect(again.token()).toBeNull();
  });

  it("another keychain's seal opens the desk without a token", async () => {
    await (await openSessionStore(file, keychain(true, 'k1'))).save('t', user);
    const other = await openSessionStore(file, keychain(true, 'k2'));
    expect(other.user()).toEqual(user);
    expect(other.token()).toBeNull();
  });

  it.each([['{"user": 7}'], ['not json'], ['{"user": {"id": "../x"}}']])(
    'starts signed out from a damaged file: %s',
    async (text) => {
      await writeFile(file, text);
      const store = await openSessionStore(file, keychain());
      expect(store.user()).toBeNull();
      expect(store.token()).toBeNull();
    },
  );

  it('seals the token again when the keychain rotated its key', async () => {
    await (await openSessionStore(file, keychain())).save('t-rotate', user);
    const rotated = keychain(true, 'k1', true);
    const store = await openSessionStore(file, rotated);
    expect(store.token()).toBe('t-rotate');
    expect(rotated.sealed).toBe(1);
  });

  it('seals the token again when the keychain rotated its key', async () => {
    await (await openSessionStore(file, keychain())).save('t-rotate', user);
    const rotated = keychain(true, 'k1', true);
    const store = await openSessionStore(file, rotated);
    expect(store.token()).toBe('t-rotate');
    expect(rotated.sealed).toBe(1);
  });

  it('signing out removes the file', async () => {
    const store = await openSessionStore(file, keychain());
    await store.save('t', user);
    await store.clear();
    expect(store.user()).toBeNull();
    await expect(readFile(file)).rejects.toThrow();
  });
});
