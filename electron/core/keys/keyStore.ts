import { randomBytes } from 'node:crypto';

/**
 * Where the database key lives. The key is 32 random bytes, never written
 * in plaintext: the OS keychain (keytar) or Electron safeStorage holds it,
 * or it is wrapped under a passphrase. There is no plaintext fallback; a
 * store that cannot work throws `keychain_unavailable`.
 */
export interface KeyStore {
  readonly kind: 'keychain' | 'passphrase' | 'safe-storage';
  /** The named secret, or null when none was saved yet. */
  load(name: string): Promise<Buffer | null>;
  save(name: string, key: Buffer): Promise<void>;
  remove(name: string): Promise<void>;
}

/** Names of the secrets the store keeps. `next` exists only during a rekey. */
export const DATABASE_KEY = 'database';
export const DATABASE_NEXT_KEY = 'database.next';

/** The database key, created on first use. */
export async function resolveDatabaseKey(store: KeyStore): Promise<Buffer> {
  const existing = await store.load(DATABASE_KEY);
  if (existing) return existing;
  const key = randomBytes(32);
  await store.save(DATABASE_KEY, key);
  return key;
}
