import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from './database';
import { openDatabase } from './database';
import { migrate } from './migrate';

/** A real encrypted SQLite file in a temp folder, for tests and benches. */
export interface TestDatabase {
  db: Database;
  dir: string;
  file: string;
  key: Buffer;
  dispose(): void;
}

export function openTestDatabase(
  options: { migrateTo?: number } = {},
): TestDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), 'hushnote-store-'));
  const file = path.join(dir, 'hushnote.db');
  const key = randomBytes(32);
  const db = openDatabase({ file, key });
  migrate(db, options.migrateTo === undefined ? {} : { to: options.migrateTo });
  return {
    db,
    dir,
    file,
    key,
    dispose() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A clinician, a client and a session to hang records on. */
export function seedSession(
  db: Database,
  options: { part2Program?: string } = {},
): {
  clinicianId: string;
  clientId: string;
  sessionId: string;
} {
  const suffix = Math.random().toString(36).slice(2, 8);
  const clinicianId = `clin-${suffix}`;
  const clientId = `client-${suffix}`;
  const sessionId = `session-${suffix}`;
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO users VALUES (?, ?, 'Test Clinician', 'clinician', NULL, ?, NULL)`,
  ).run(clinicianId, clinicianId, now);
  db.prepare('INSERT INTO clients VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    clientId,
    'Alex',
    'Rivera',
    '1990-01-01',
    options.part2Program ?? null,
    clinicianId,
    now,
    now,
  );
  db.prepare(
    `INSERT INTO sessions (id, client_id, clinician_id, status, started_at, created_at, updated_at)
     VALUES (?, ?, ?, 'saved', ?, ?, ?)`,
  ).run(sessionId, clientId, clinicianId, now, now, now);
  return { clinicianId, clientId, sessionId };
}
