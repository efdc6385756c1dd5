import { randomBytes } from 'node:crypto';
import { appendAudit } from '../audit/audit';
import { log } from '../log/logger';
import type { Database } from '../store/database';
import { writeKeyCheck } from '../store/database';
import { guarded } from '../store/sqliteErrors';
import { DATABASE_KEY, DATABASE_NEXT_KEY, type KeyStore } from './keyStore';

export interface RekeyOptions {
  db: Database;
  /** The database file (its key check is rewritten). */
  file: string;
  keyStore: KeyStore;
  actor: string;
}

/**
 * Re-encrypts the database under a fresh random key. The new key is saved
 * as `database.next` before the file changes, so a crash at any step leaves
 * one of the two stored keys able to open the file (see openStore).
 * Needs the only open connection to the file.
 */
export async function rekeyDatabase(options: RekeyOptions): Promise<void> {
  const { db, file, keyStore } = options;
  const next = randomBytes(32);
  await keyStore.save(DATABASE_NEXT_KEY, next);

  guarded(() => {
    // SQLite3 Multiple Ciphers cannot rekey in WAL mode.
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.pragma(`rekey="x'${next.toString('hex')}'"`);
    db.pragma('journal_mode = WAL');
  });
  writeKeyCheck(file, next);

  await keyStore.save(DATABASE_KEY, next);
  await keyStore.remove(DATABASE_NEXT_KEY);
  appendAudit(db, {
    actor: options.actor,
    action: 'rekey',
    objectType: 'database',
    objectId: 'main',
  });
  log().info('keys.rekeyed', { store: keyStore.kind });
}
