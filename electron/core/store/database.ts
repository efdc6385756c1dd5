import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../contract/errors';
import { log } from '../log/logger';
import { errorCode, toStoreError } from './sqliteErrors';
import { LATEST_VERSION } from './migrations/index';

export type Database = BetterSqlite3.Database;

export interface OpenDatabaseOptions {
  /** Path of the database file; created (encrypted) when absent. */
  file: string;
  /** The 256-bit database key from a KeyStore. */
  key: Buffer;
}

/** SQLCipher 4 uses 4096-byte pages; a file of another size is damaged. */
const PAGE_SIZE = 4096;
const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Opens the encrypted database. A failed open (wrong key, a newer schema, a
 * damaged file) throws a typed AppError and leaves the file byte-for-byte
 * unchanged: every check runs on a read-only connection first.
 */
export function openDatabase(options: OpenDatabaseOptions): Database {
  assertKey(options.key);
  if (existsSync(options.file)) probeExisting(options.file, options.key);

  try {
    const db = new Sqlite(options.file);
    applyKey(db, options.key);
    applySettings(db);
    writeKeyCheck(options.file, options.key);
    log().info('store.opened', { schemaVersion: schemaVersion(db) });
    return db;
  } catch (error) {
    throw toStoreError(error);
  }
}

/** The schema version recorded in the file (SQLite's user_version). */
export function schemaVersion(db: Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

function assertKey(key: Buffer): void {
  if (key.length !== 32) {
    throw new AppError('invalid_request', 'The database key must be 32 bytes.');
  }
}

/** Sets the cipher and key; must precede any read of the file. */
export function applyKey(db: Database, key: Buffer): void {
  // SQLCipher 4 format so Debian's sqlcipher CLI can open a support copy.
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  // The key is hex from a Buffer, never user text, so this is not injectable.
  db.pragma(`key="x'${key.toString('hex')}'"`);
}

function applySettings(db: Database): void {
  // WAL: a crash mid-write never leaves a half-written page in the main file.
  db.pragma('journal_mode = WAL');
  // FULL: a committed transaction survives power loss, not just a crash.
  db.pragma('synchronous = FULL');
  // Foreign keys are off by default in SQLite; our schema relies on them.
  db.pragma('foreign_keys = ON');
  // Deleted rows (shredded keys, purged transcripts) are zeroed, not left in free pages.
  db.pragma('secure_delete = ON');
  // Another process (CLI, bridge) may hold a write lock for a moment.
  db.pragma('busy_timeout = 5000');
}

function probeExisting(file: string, key: Buffer): void {
  checkShape(file);
  let probe: Database | undefined;
  try {
    probe = new Sqlite(file, { readonly: true, fileMustExist: true });
    applyKey(probe, key);
    readFirstPage(probe, file, key);
    const version = schemaVersion(probe);
    if (version > LATEST_VERSION) {
      throw new AppError(
        'db_too_new',
        `The database was written by a newer Hushnote (schema ${version}, this version knows ${LATEST_VERSION}).`,
      );
    }
  } catch (error) {
    throw toStoreError(error);
  } finally {
    probe?.close();
  }
}

function checkShape(file: string): void {
  const size = statSync(file).size;
  if (size === 0) return;
  if (size % PAGE_SIZE !== 0) {
    throw new AppError(
      'db_corrupt',
      'The database file is truncated or damaged.',
    );
  }
  const head = Buffer.alloc(PLAINTEXT_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.equals(PLAINTEXT_HEADER)) {
    throw new AppError(
      'db_corrupt',
      'The database file is not encrypted; refusing to use it.',
    );
  }
}

function readFirstPage(db: Database, file: string, key: Buffer): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    if (errorCode(error) !== 'SQLITE_NOTADB') throw error;
    // Encryption makes a wrong key and a damaged first page look alike; the
    // key check beside the file tells them apart.
    if (keyCheckMatches(file, key)) {
      throw new AppError('db_corrupt', 'The database file is damaged.', {
        cause: error,
      });
    }
    throw new AppError('db_wrong_key', 'The key does not open this database.', {
      cause: error,
    });
  }
}

const KEY_CHECK_LABEL = 'hushnote-db-key-check-v1';

/** An HMAC of a fixed label: proves which key a file expects, reveals nothing of it. */
function keyCheckValue(key: Buffer): Buffer {
  return createHmac('sha256', key).update(KEY_CHECK_LABEL).digest();
}

function keyCheckMatches(file: string, key: Buffer): boolean {
  const checkFile = `${file}.keycheck`;
  if (!existsSync(checkFile)) return false;
  const stored = Buffer.from(readFileSync(checkFile, 'utf8').trim(), 'hex');
  const expected = keyCheckValue(key);
  return stored.length === expected.length && timingSafeEqual(stored, expected);
}

/** Records which key the file now expects (after open or rekey). */
export function writeKeyCheck(file: string, key: Buffer): void {
  writeFileSync(`${file}.keycheck`, `${keyCheckValue(key).toString('hex')}\n`, {
    mode: 0o600,
  });
}
