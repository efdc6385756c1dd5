import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { openTestDatabase, seedSession, type TestDatabase } from '../testDb';

describe('migration 0005 audit and retention', () => {
  let t: TestDatabase | undefined;
  afterEach(() => t?.dispose());

  it('adds the append-only audit log, policies and keeps existing sessions', () => {
    t = openTestDatabase({ migrateTo: 4 });
    const db = t.db;
    const { sessionId } = seedSession(db);
    expect(migrate(db, { to: 5 })).toBe(5);

    expect(
      db
        .prepare('SELECT audio_deleted_at FROM sessions WHERE id = ?')
        .pluck()
        .get(sessionId),
    ).toBeNull();
    db.prepare(
      `INSERT INTO audit_log (at, actor, action, object_type, object_id, prev_hash, hash) VALUES ('n', 'a', 'read', 'note', 'n1', 'p', 'h')`,
    ).run();
    expect(() => db.exec(`UPDATE audit_log SET actor = 'b'`)).toThrow(
      /append-only/,
    );
    expect(() => db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO retention_policies VALUES ('default', 'shred', 30, 'n', 'a')`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});
