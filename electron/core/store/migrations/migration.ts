import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

/**
 * One schema step. Migrations are numbered, append-only and never edited
 * once released: a change to the schema is a new file.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: BetterSqlite3.Database): void;
}
