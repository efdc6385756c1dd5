import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit, listAudit } from '../audit/audit';
import { openDatabase } from '../store/database';
import { databaseFile, openStore } from '../store/openStore';
import { keyStoreFromEnv } from './chooseKeyStore';
import {
  DATABASE_KEY,
  DATABASE_NEXT_KEY,
  resolveDatabaseKey,
  type KeyStore,
} from './keyStore';
import { PassphraseKeyStore, type ScryptParams } from './passphraseKeyStore';
import { rekeyDatabase } from './rekey';

const FAST: ScryptParams = { N: 2 ** 12, r: 8, p: 1 };

describe('key stores and rekey', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'hushnote-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const store = (pass = 'correct horse battery') =>
    new PassphraseKeyStore(path.join(dir, 'keys.json'), pass, FAST);

  it('wraps the key under the passphrase and never writes it in plaintext', async () => {
    const key = await resolveDatabaseKey(store());
    expect(key).toHaveLength(32);
    expect(await resolveDatabaseKey(store())).toEqual(key);
    const file = readFileSync(path.join(dir, 'keys.json'), 'utf8');
    expect(file).not.toContain(key.toString('base64'));
    expect(file).not.toContain(key.toString('hex'));
  });

  it('rejects a wrong passphrase with a typed error', async () => {
    await resolveDatabaseKey(store());
    await expect(
      store('not the passphrase').load(DATABASE_KEY),
    ).rejects.toMatchObject({ kind: 'unauthorized' });
  });

  it('refuses to pick a store silently', () => {
    expect(() =>
      keyStoreFromEnv(dir, { HUSHNOTE_KEYSTORE: 'passphrase' }),
    ).toThrow(expect.objectContaining({ kind: 'unauthorized' }));
    expect(() =>
      keyStoreFromEnv(dir, { HUSHNOTE_KEYSTORE: 'plaintext' }),
    ).toThrow(expect.objectContaining({ kind: 'invalid_request' }));
  });

  it('rekeys: the new key opens the data, the old one no longer does', async () => {
    const keys = store();
    const db = await openStore({ dataDir: dir, keyStore: keys });
    db.prepare(`INSERT INTO settings VALUES ('k', '42', 'now')`).run();
    const oldKey = (await keys.load(DATABASE_KEY))!;

    await rekeyDatabase({
      db,
      file: databaseFile(dir),
      keyStore: keys,
      actor: 'admin-1',
    });
    db.close();

    const newKey = (await keys.load(DATABASE_KEY))!;
    expect(newKey.equals(oldKey)).toBe(false);
    expect(await keys.load(DATABASE_NEXT_KEY)).toBeNull();
    expect(() =>
      openDatabase({ file: databaseFile(dir), key: oldKey }),
    ).toThrow(expect.objectContaining({ kind: 'db_wrong_key' }));
    const reopened = await openStore({ dataDir: dir, keyStore: keys });
    expect(
      reopened.prepare(`SELECT value_json FROM settings`).pluck().get(),
    ).toBe('42');
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(listAudit(reopened).map((e) => e.action)).toEqual(['rekey']);
    expect(verifyAudit(reopened).ok).toBe(true);
    reopened.close();
  });

  it('finishes a rekey that crashed after the file changed', async () => {
    const keys = store();
    const db = await openStore({ dataDir: dir, keyStore: keys });
    db.prepare(`INSERT INTO settings VALUES ('k', '7', 'now')`).run();
    const crashing: KeyStore = {
      kind: keys.kind,
      load: (name) => keys.load(name),
      remove: (name) => keys.remove(name),
      save: async (name, key) => {
        if (name === DATABASE_KEY)
          throw new Error('crash before the new key was stored');
        await keys.save(name, key);
      },
    };
    await expect(
      rekeyDatabase({
        db,
        file: databaseFile(dir),
        keyStore: crashing,
        actor: 'a',
      }),
    ).rejects.toThrow();
    db.close();

    const reopened = await openStore({ dataDir: dir, keyStore: keys });
    expect(
      reopened.prepare(`SELECT value_json FROM settings`).pluck().get(),
    ).toBe('7');
    expect(await keys.load(DATABASE_NEXT_KEY)).toBeNull();
    reopened.close();
  });
});
