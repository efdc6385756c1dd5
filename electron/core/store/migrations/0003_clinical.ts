import type { Migration } from './migration';

/**
 * Notes and their versions, private process notes, assessments, risk flags
 * and treatment-plan goals. A signed note version is immutable: the
 * repository refuses the change and these triggers refuse it again for any
 * other writer (45 CFR 164.526: corrections are amendments, not edits).
 */
export const m0003Clinical: Migration = {
  version: 3,
  name: 'clinical',
  up(db) {
    db.exec(`
      CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id),
        template TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'edited', 'signed', 'amended')),
        current_version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX notes_session ON notes(session_id);

      CREATE TABLE note_versions (
        note_id TEXT NOT NULL REFERENCES notes(id),
        version INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('draft', 'edited', 'signed', 'amended')),
        content_json TEXT NOT NULL,
        diff TEXT NOT NULL,
        author_id TEXT NOT NULL,
        signed_by TEXT,
        signed_at TEXT,
        amendment_reason TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (note_id, version),
        CHECK ((kind IN ('signed', 'amended')) = (signed_at IS NOT NULL AND signed_by IS NOT NULL)),
        CHECK (kind <> 'amended' OR length(trim(coalesce(amendment_reason, ''))) > 0)
      );

      CREATE TRIGGER note_versions_signed_no_update
      BEFORE UPDATE ON note_versions WHEN OLD.signed_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'note_locked: a signed note version cannot change'); END;

      CREATE TRIGGER note_versions_signed_no_delete
      BEFORE DELETE ON note_versions WHEN OLD.signed_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'note_locked: a signed note version cannot be deleted'); END;

      CREATE TRIGGER note_versions_no_edit_after_sign
      BEFORE INSERT ON note_versions
      WHEN NEW.kind IN ('draft', 'edited') AND EXISTS (
        SELECT 1 FROM note_versions WHERE note_id = NEW.note_id AND signed_at IS NOT NULL)
      BEGIN SELECT RAISE(ABORT, 'note_locked: a signed note only takes amendments'); END;

      -- HIPAA psychotherapy notes (45 CFR 164.501): kept apart from the
      -- progress note, readable by their author only, never exported.
      CREATE TABLE process_notes (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id),
        author_id TEXT NOT NULL,
        content TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX process_notes_author ON process_notes(author_id, session_id);

      CREATE TABLE assessments (
        id TEXT PRIMARY KEY,
        session_id TEXT REFERENCES sessions(id),
        client_id TEXT NOT NULL REFERENCES clients(id),
        instrument TEXT NOT NULL,
        answers_json TEXT NOT NULL,
        total INTEGER,
        severity TEXT,
        source TEXT NOT NULL CHECK (source IN ('form', 'verbal')),
        status TEXT NOT NULL CHECK (status IN ('proposed', 'confirmed')),
        confirmed_by TEXT,
        confirmed_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX assessments_client ON assessments(client_id, instrument, created_at);

      CREATE TABLE risk_flags (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id),
        type TEXT NOT NULL,
        severity TEXT NOT NULL CHECK (severity IN ('low', 'moderate', 'high')),
        evidence_json TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'dismissed')),
        dismissal_assessment TEXT,
        dismissed_by TEXT,
        dismissed_at TEXT,
        created_at TEXT NOT NULL,
        CHECK (status = 'open' OR (length(trim(coalesce(dismissal_assessment, ''))) > 0 AND dismissed_by IS NOT NULL))
      );
      CREATE INDEX risk_flags_session ON risk_flags(session_id);

      CREATE TABLE treatment_goals (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients(id),
        text TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'met', 'discontinued')),
        target_date TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX treatment_goals_client ON treatment_goals(client_id);
    `);
  },
};
