import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { openTestDatabase, type TestDatabase } from '../testDb';

describe('migration 0001 people', () => {
  let t: TestDatabase | undefined;
  afterEach(() => t?.dispose());

  it('creates users, clients, coverage and settings with their constraints', () => {
    t = openTestDatabase({ migrateTo: 0 });
    expect(migrate(t.db, { to: 1 })).toBe(1);
    const db = t.db;
    db.prepare(
      `INSERT INTO users VALUES ('u1', 'dr', 'Dr', 'clinician', NULL, 'now', NULL)`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO users VALUES ('u2', 'x', 'X', 'janitor', NULL, 'now', NULL)`,
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO supervisor_links VALUES ('u1', 'u1')`).run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(`INSERT INTO program_memberships VALUES ('nobody', 'p')`)
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare(
      `INSERT INTO clients VALUES ('c1', 'A', 'B', '2000-01-01', NULL, 'u1', 'now', 'now')`,
    ).run();
    db.prepare(`INSERT INTO payers VALUES ('p1', 'Payer', 'default')`).run();
    db.prepare(
      `INSERT INTO coverages VALUES ('cv1', 'c1', 'p1', 'M1', NULL, 'self', NULL)`,
    ).run();
    expect(db.prepare('SELECT count(*) FROM coverages').pluck().get()).toBe(1);
  });
});
