import { AppError } from '../../contract/errors';
import { log } from '../log/logger';
import type { Database } from './database';
import { schemaVersion } from './database';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index';
import { guarded } from './sqliteErrors';

export interface MigrateOptions {
  /** Stop at this version (tests migrate to N-1, seed, then to N). */
  to?: number;
}

/**
 * Brings the schema up to date, one transaction per migration, so a crash
 * or full disk leaves the database at the last completed version.
 */
export function migrate(db: Database, options: MigrateOptions = {}): number {
  const target = options.to ?? LATEST_VERSION;
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) {
    throw new AppError(
      'db_too_new',
      `The database schema (${current}) is newer than this Hushnote.`,
    );
  }

  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    guarded(() =>
      db
        .transaction(() => {
          migration.up(db);
          db.pragma(`user_version = ${migration.version}`);
        })
        .immediate(),
    );
    log().info('store.migrated', { version: migration.version });
  }
  return schemaVersion(db);
}
