import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_KEY, resolveDatabaseKey } from './keyStore';
import {
  SafeStorageKeyStore,
  type SafeStorageLike,
} from './safeStorageKeyStore';

/** A stand-in for Electron's safeStorage: real AES-GCM under an OS-held key. */
function fakeSafeStorage(backend = 'gnome_libsecret'): SafeStorageLike {
  const osKey = randomBytes(32);
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString(text) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', osKey, iv);
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptString(data) {
      const d = createDecipheriv('aes-256-gcm', osKey, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString(
        'utf8',
      );
    },
  };
}

describe('SafeStorageKeyStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'hushnote-safe-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the key wrapped by the OS, never in plaintext', async () => {
    const file = path.join(dir, 'keys.json');
    const store = new SafeStorageKeyStore(file, fakeSafeStorage());
    const key = await resolveDatabaseKey(store);
    expect(await store.load(DATABASE_KEY)).toEqual(key);
    expect(readFileSync(file, 'utf8')).not.toContain(key.toString('base64'));
  });

  it("refuses Linux's basic_text backend instead of falling back", async () => {
    const store = new SafeStorageKeyStore(
      path.join(dir, 'k.json'),
      fakeSafeStorage('basic_text'),
    );
    await expect(resolveDatabaseKey(store)).rejects.toMatchObject({
      kind: 'keychain_unavailable',
    });
  });
});
