import { randomBytes } from 'node:crypto';
import type { Database } from '../store/database';
import { nowIso } from '../store/clock';
import { guarded } from '../store/sqliteErrors';

/**
 * Per-session spool keys, held inside the encrypted database. Destroying a
 * key makes that session's chunk files unreadable wherever copies remain.
 */
export function createSpoolKey(
  db: Database,
  spoolId: string,
  sessionId: string,
): Buffer {
  const key = randomBytes(32);
  guarded(() =>
    db
      .prepare(
        'INSERT INTO spool_keys (spool_id, session_id, key, created_at) VALUES (?, ?, ?, ?)',
      )
      .run(spoolId, sessionId, key, nowIso()),
  );
  return key;
}

export function getSpoolKey(db: Database, spoolId: string): Buffer | null {
  const key = db
    .prepare('SELECT key FROM spool_keys WHERE spool_id = ?')
    .pluck()
    .get(spoolId);
  return Buffer.isBuffer(key) ? key : null;
}

export function spoolIdsForSession(db: Database, sessionId: string): string[] {
  return db
    .prepare('SELECT spool_id FROM spool_keys WHERE session_id = ?')
    .pluck()
    .all(sessionId) as string[];
}

/**
 * Crypto-shredding: deletes the key (secure_delete zeroes its page) and
 * checkpoints so no copy lingers in the write-ahead log.
 */
export function destroySpoolKey(db: Database, spoolId: string): boolean {
  const result = guarded(() =>
    db.prepare('DELETE FROM spool_keys WHERE spool_id = ?').run(spoolId),
  );
  if (!db.inTransaction) db.pragma('wal_checkpoint(TRUNCATE)');
  return result.changes > 0;
}
