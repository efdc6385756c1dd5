import { mkdirSync } from 'node:fs';
import type { KeyStore } from '../keys/keyStore';
import type { Database } from '../store/database';
import { openStore, spoolRoot } from '../store/openStore';
import {
  createRepositories,
  type Repositories,
} from '../store/repositories/index';

/** One open, migrated store: the database, its repositories and the spool. */
export interface StoreHandle {
  db: Database;
  repos: Repositories;
  dataDir: string;
  spoolRoot: string;
  close(): void;
}

/** Opens the encrypted store in `dataDir` with the key store's key. */
export async function openStoreHandle(options: {
  dataDir: string;
  keyStore: KeyStore;
}): Promise<StoreHandle> {
  const db = await openStore(options);
  const root = spoolRoot(options.dataDir);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  return {
    db,
    repos: createRepositories(db),
    dataDir: options.dataDir,
    spoolRoot: root,
    close: () => db.close(),
  };
}
