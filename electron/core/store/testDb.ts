import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from './database';
import { openDatabase } from './database';
import { migrate } from './migrate';

/** A real encrypted SQLite file in a temp folder, for tests and benches. */
export interface TestDatabase {
  db: Database;
  dir: string;
  file: string;
  key: Buffer;
  dispose(): void;
}

export function openTestDatabase(options: { migrateTo?: number } = {}): TestDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), 'hushnote-store-'));
  const file = path.join(dir, 'hushnote.db');
  const key = randomBytes(32);
  const db = openDatabase({ file, key });
  migrate(db, options.migrateTo === undefined ? {} : { to: options.migrateTo });
  return {
    db,
    dir,
    file,
    key,
    dispose() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
