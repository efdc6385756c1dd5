import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { openTestDatabase, seedSession, type TestDatabase } from '../testDb';

describe('migration 0003 clinical', () => {
  let t: TestDatabase | undefined;
  afterEach(() => t?.dispose());

  it('adds notes whose signed versions the database itself freezes', () => {
    t = openTestDatabase({ migrateTo: 2 });
    const db = t.db;
    const { sessionId, clientId } = seedSession(db);
    expect(migrate(db, { to: 3 })).toBe(3);

    db.prepare(
      `INSERT INTO notes VALUES ('n1', ?, 'soap', 'signed', 2, 'n', 'n')`,
    ).run(sessionId);
    db.prepare(
      `INSERT INTO note_versions VALUES ('n1', 1, 'draft', '{}', '', 'u', NULL, NULL, NULL, 'n')`,
    ).run();
    db.prepare(
      `INSERT INTO note_versions VALUES ('n1', 2, 'signed', '{}', '', 'u', 'u', 'n', NULL, 'n')`,
    ).run();
    expect(() =>
      db.exec(
        `UPDATE note_versions SET content_json = '{"x":1}' WHERE version = 2`,
      ),
    ).toThrow(/note_locked/);
    expect(() =>
      db.exec(`DELETE FROM note_versions WHERE version = 2`),
    ).toThrow(/note_locked/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO note_versions VALUES ('n1', 3, 'edited', '{}', '', 'u', NULL, NULL, NULL, 'n')`,
        )
        .run(),
    ).toThrow(/note_locked/);
    const amend = db.prepare(
      `INSERT INTO note_versions VALUES ('n1', 3, 'amended', '{}', '', 'u', 'u', 'n', ?, 'n')`,
    );
    expect(() => amend.run(' ')).toThrow(/CHECK/);
    expect(() => amend.run(null)).toThrow(/CHECK/);

    db.prepare(
      `INSERT INTO risk_flags VALUES ('r1', ?, 'si', 'high', '[]', 'open', NULL, NULL, NULL, 'n')`,
    ).run(sessionId);
    expect(() =>
      db.exec(`UPDATE risk_flags SET status = 'dismissed', dismissed_by = 'u'`),
    ).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO treatment_goals VALUES ('g1', ?, 'sleep 7h', 'active', NULL, 'n', 'n')`,
    ).run(clientId);
  });
});
