import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { openTestDatabase, type TestDatabase } from '../testDb';

describe('migration 0002 sessions', () => {
  let t: TestDatabase | undefined;
  afterEach(() => t?.dispose());

  it('adds sessions, recordings, spool keys and segments to existing clients', () => {
    t = openTestDatabase({ migrateTo: 1 });
    const db = t.db;
    db.prepare(
      `INSERT INTO clients VALUES ('c1', 'A', 'B', '2000-01-01', NULL, NULL, 'now', 'now')`,
    ).run();
    expect(migrate(db, { to: 2 })).toBe(2);

    db.prepare(
      `INSERT INTO sessions (id, client_id, clinician_id, status, created_at, updated_at) VALUES ('s1', 'c1', 'u1', 'recording', 'n', 'n')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO sessions (id, client_id, clinician_id, status, created_at, updated_at) VALUES ('s2', 'nope', 'u1', 'recording', 'n', 'n')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(`INSERT INTO spool_keys VALUES ('k', 's1', zeroblob(16), 'n')`)
        .run(),
    ).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO spool_keys VALUES ('k', 's1', zeroblob(32), 'n')`,
    ).run();
    db.prepare(
      `INSERT INTO transcript_segments VALUES ('s1', 'g1', 0, 1, 'client', 1, 't', 0.9)`,
    ).run();
    db.prepare(`DELETE FROM sessions WHERE id = 's1'`).run();
    expect(db.prepare('SELECT count(*) FROM spool_keys').pluck().get()).toBe(0);
    expect(
      db.prepare('SELECT count(*) FROM transcript_segments').pluck().get(),
    ).toBe(0);
  });
});
