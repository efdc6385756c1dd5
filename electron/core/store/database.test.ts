import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, truncateSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from './database';
import { guarded } from './sqliteErrors';
import { LATEST_VERSION } from './migrations/index';
import { openTestDatabase, type TestDatabase } from './testDb';

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function closedCopy(): TestDatabase {
  const t = openTestDatabase();
  t.db.prepare(`INSERT INTO settings VALUES ('k', '1', 'now')`).run();
  t.db.close();
  return t;
}

describe('openDatabase', () => {
  let t: TestDatabase | undefined;
  afterEach(() => t?.dispose());

  it('creates an encrypted, migrated database with WAL and foreign keys', () => {
    t = openTestDatabase();
    expect(schemaVersion(t.db)).toBe(LATEST_VERSION);
    expect(t.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(t.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const head = readFileSync(t.file).subarray(0, 16).toString('latin1');
    expect(head).not.toContain('SQLite format');
  });

  it('rejects a wrong key with db_wrong_key and leaves the file unchanged', () => {
    t = closedCopy();
    const before = sha256(t.file);
    expect(() => openDatabase({ file: t!.file, key: randomBytes(32) })).toThrow(
      expect.objectContaining({ kind: 'db_wrong_key' }),
    );
    expect(sha256(t.file)).toBe(before);
    const db = openDatabase({ file: t.file, key: t.key });
    expect(db.prepare('SELECT value_json FROM settings').pluck().get()).toBe(
      '1',
    );
    db.close();
  });

  it('rejects a database from a newer schema with db_too_new, unchanged', () => {
    t = openTestDatabase();
    t.db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    t.db.close();
    const before = sha256(t.file);
    expect(() => openDatabase({ file: t!.file, key: t!.key })).toThrow(
      expect.objectContaining({ kind: 'db_too_new' }),
    );
    expect(sha256(t.file)).toBe(before);
  });

  it('reports a damaged first page as db_corrupt when the key is right', () => {
    t = closedCopy();
    const bytes = readFileSync(t.file);
    bytes.fill(0x5a, 100, 400);
    writeFileSync(t.file, bytes);
    const before = sha256(t.file);
    expect(() => openDatabase({ file: t!.file, key: t!.key })).toThrow(
      expect.objectContaining({ kind: 'db_corrupt' }),
    );
    expect(sha256(t.file)).toBe(before);
  });

  it('reports a truncated file as db_corrupt', () => {
    t = closedCopy();
    truncateSync(t.file, statSync(t.file).size - 100);
    expect(() => openDatabase({ file: t!.file, key: t!.key })).toThrow(
      expect.objectContaining({ kind: 'db_corrupt' }),
    );
  });

  it('maps a full database to disk_full and keeps earlier rows', () => {
    t = openTestDatabase();
    const insert = t.db.prepare(`INSERT INTO settings VALUES (?, ?, 'now')`);
    insert.run('kept', '1');
    const pages = Number(t.db.pragma('page_count', { simple: true }));
    t.db.pragma(`max_page_count = ${pages + 1}`);
    const fill = () =>
      guarded(() =>
        t!.db.transaction(() => {
          for (let i = 0; i < 200; i++) insert.run(`k${i}`, 'x'.repeat(2000));
        })(),
      );
    expect(fill).toThrow(expect.objectContaining({ kind: 'disk_full' }));
    expect(
      t.db
        .prepare(`SELECT value_json FROM settings WHERE key = 'kept'`)
        .pluck()
        .get(),
    ).toBe('1');
  });
});
