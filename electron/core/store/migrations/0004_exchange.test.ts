import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { openTestDatabase, seedSession, type TestDatabase } from '../testDb';

describe('migration 0004 exchange', () => {
  let t: TestDatabase | undefined;
  afterEach(() => t?.dispose());

  it('adds claims, Part 2 consents and the outbox', () => {
    t = openTestDatabase({ migrateTo: 3 });
    const db = t.db;
    const { sessionId, clientId } = seedSession(db);
    expect(migrate(db, { to: 4 })).toBe(4);

    db.prepare(
      `INSERT INTO claims VALUES ('cl1', ?, 'draft', 'ISA*', NULL, 'n', 'n')`,
    ).run(sessionId);
    const part2 = db.prepare(
      `INSERT INTO consents VALUES (?, ?, 'part2_disclosure', ?, 'treatment', 'notes', ?, 'sig', 'n', NULL, 'n')`,
    );
    expect(() => part2.run('x1', clientId, '', '2027-01-01')).toThrow(/CHECK/);
    expect(() => part2.run('x2', clientId, 'Dr B', null)).toThrow(/CHECK/);
    expect(() => part2.run('x4', clientId, null, '2027-01-01')).toThrow(
      /CHECK/,
    );
    part2.run('x3', clientId, 'Dr B', '2027-01-01');

    const outbox = db.prepare(
      `INSERT INTO connector_outbox (id, connector_id, idempotency_key, payload_json, status, next_attempt_at, created_at, updated_at) VALUES (?, 'ehr', 'k1', '{}', 'pending', 'n', 'n', 'n')`,
    );
    outbox.run('o1');
    expect(() => outbox.run('o2')).toThrow(/UNIQUE/);
  });
});
