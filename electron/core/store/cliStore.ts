import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract/errors';
import { keyStoreFromEnv } from '../keys/chooseKeyStore';
import type { KeyStore } from '../keys/keyStore';
import { defaultDataDir } from '../paths';
import type { Database } from './database';
import { databaseFile, openStore } from './openStore';

/**
 * Opens the existing database for a CLI command: `--data-dir`, else the
 * default data folder; the key store comes from the environment.
 */
export async function openExistingStore(
  dataDirOption: string | undefined,
): Promise<{
  db: Database;
  dataDir: string;
  keyStore: KeyStore;
}> {
  const dataDir = dataDirOption
    ? path.resolve(dataDirOption)
    : defaultDataDir();
  if (!existsSync(databaseFile(dataDir))) {
    throw new AppError('not_found', `No Hushnote database in ${dataDir}.`);
  }
  const keyStore = keyStoreFromEnv(dataDir);
  return { db: await openStore({ dataDir, keyStore }), dataDir, keyStore };
}
