import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { isAppError } from '../../contract/errors';
import {
  DATABASE_KEY,
  DATABASE_NEXT_KEY,
  resolveDatabaseKey,
  type KeyStore,
} from '../keys/keyStore';
import { log } from '../log/logger';
import { openDatabase, type Database } from './database';
import { migrate } from './migrate';

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'hushnote.db');
}

export function spoolRoot(dataDir: string): string {
  return path.join(dataDir, 'spool');
}

/**
 * Opens the app's database in `dataDir` with the key from `keyStore` and
 * migrates it. If a rekey was interrupted after the file changed, the
 * pending key opens it and becomes the key.
 */
export async function openStore(options: {
  dataDir: string;
  keyStore: KeyStore;
}): Promise<Database> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const file = databaseFile(options.dataDir);
  const key = await resolveDatabaseKey(options.keyStore);
  const pending = await options.keyStore.load(DATABASE_NEXT_KEY);

  let db: Database;
  try {
    db = openDatabase({ file, key });
  } catch (error) {
    if (!pending || !isAppError(error) || error.kind !== 'db_wrong_key')
      throw error;
    db = openDatabase({ file, key: pending });
    await options.keyStore.save(DATABASE_KEY, pending);
    log().warn('keys.rekey_completed_on_open', {});
  }
  if (pending) await options.keyStore.remove(DATABASE_NEXT_KEY);
  migrate(db);
  ownerOnly(file);
  return db;
}

/**
 * The database and its journal files readable by the user alone: they are
 * encrypted, but a data folder given with --data-dir may be shared.
 */
function ownerOnly(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`])
    if (existsSync(f)) chmodSync(f, 0o600);
}
