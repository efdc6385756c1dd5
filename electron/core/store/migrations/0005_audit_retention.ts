import type { Migration } from './migration';

/**
 * The hash-chained audit log (45 CFR 164.312(b) audit controls) and the
 * per-program retention policies. The log is append-only for every writer;
 * `verifyAudit` catches anyone who edits the file around these triggers.
 */
export const m0005AuditRetention: Migration = {
  version: 5,
  name: 'audit_retention',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        object_type TEXT NOT NULL,
        object_id TEXT NOT NULL,
        detail_json TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_log_object ON audit_log(object_type, object_id);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

      -- program_id 'default' applies to clients outside any listed program.
      CREATE TABLE retention_policies (
        program_id TEXT PRIMARY KEY,
        audio_on_sign TEXT NOT NULL CHECK (audio_on_sign IN ('delete', 'keep')),
        transcript_days INTEGER NOT NULL CHECK (transcript_days >= 0),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      );

      ALTER TABLE sessions ADD COLUMN audio_deleted_at TEXT;
    `);
  },
};
