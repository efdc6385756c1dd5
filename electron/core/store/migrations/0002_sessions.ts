import type { Migration } from './migration';

/** Appointments, sessions, their recordings, spool keys and transcripts. */
export const m0002Sessions: Migration = {
  version: 2,
  name: 'sessions',
  up(db) {
    db.exec(`
      -- The full Appointment JSON is kept; indexed columns serve lookups.
      CREATE TABLE appointments (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL,
        clinician_id TEXT NOT NULL,
        payer_id TEXT NOT NULL,
        service TEXT NOT NULL,
        modality TEXT NOT NULL,
        scheduled_start TEXT NOT NULL,
        scheduled_end TEXT NOT NULL,
        appointment_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX appointments_clinician_start ON appointments(clinician_id, scheduled_start);
      CREATE INDEX appointments_client ON appointments(client_id);

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        appointment_id TEXT REFERENCES appointments(id),
        client_id TEXT NOT NULL REFERENCES clients(id),
        clinician_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN
          ('preparing', 'recording', 'paused', 'finalizing', 'saved', 'interrupted', 'failed')),
        started_at TEXT,
        ended_at TEXT,
        pauses_json TEXT NOT NULL DEFAULT '[]',
        transcript_expires_at TEXT,
        transcript_purged_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX sessions_clinician_started ON sessions(clinician_id, started_at);
      CREATE INDEX sessions_client_started ON sessions(client_id, started_at);
      CREATE INDEX sessions_started ON sessions(started_at);

      CREATE TABLE recordings (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        spool_id TEXT,
        path TEXT,
        channel_map_json TEXT NOT NULL,
        sample_rate INTEGER NOT NULL,
        duration_sec REAL NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE INDEX recordings_session ON recordings(session_id);

      -- Per-session AES-256-GCM keys of spooled audio. Deleting a row is
      -- crypto-shredding: the chunk files become unreadable noise.
      CREATE TABLE spool_keys (
        spool_id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        key BLOB NOT NULL CHECK (length(key) = 32),
        created_at TEXT NOT NULL
      );

      CREATE TABLE transcript_segments (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        start_sec REAL NOT NULL,
        end_sec REAL NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('clinician', 'client', 'unknown')),
        channel INTEGER NOT NULL,
        text TEXT NOT NULL,
        confidence REAL NOT NULL,
        PRIMARY KEY (session_id, id)
      );
    `);
  },
};
